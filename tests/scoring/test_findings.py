"""The findings list: every section's findings in one shape, with severities that rank them."""

from __future__ import annotations

from collections import Counter

import pytest

from copydesk.scoring import Options, analyze, findings
from copydesk.scoring.errors import InvalidOptionError
from copydesk.scoring.options import SEVERITIES
from tests.conftest import SEED_PATH

SEED = SEED_PATH.read_text(encoding="utf-8")
RANK = {s: k for k, s in enumerate(SEVERITIES)}
# A restatement, a repeated figure and a conflicting one (as tests/scoring/test_result_types.py).
REPEATS = (
    "Floods forced 3,000 people from their homes, officials said. Floods forced 3,000 people from their homes.\n\n"
    "In all, 11,000 soldiers were sent to Russia. Officials said 12,000 soldiers were sent."
)


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


def _rules(report) -> set[str]:
    return {f.rule for f in report.findings}


def test_the_seed_findings_by_category_and_severity(seed):
    counts = Counter((f.category, f.severity) for f in seed.findings)
    # what the README's Findings section shows; the seed has no conflicting figures
    assert counts == {
        ("claims", "error"): 2, ("claims", "warning"): 7,
        ("repetition", "warning"): 4,
        ("figures", "info"): 3,
        ("readability", "warning"): 10, ("readability", "info"): 25,
    }


def test_hard_sentences_are_split_into_hard_and_very_hard_by_grade(seed):
    limit = findings.very_hard_limit(seed.readability)
    assert limit == 14.0 + findings.VERY_HARD_GRADE_STEP == 18.0
    grades = {f.unit: f.value for f in seed.readability.findings if f.rule == "hard_sentence"}
    very = {f.unit for f in seed.findings if f.rule == findings.VERY_HARD}
    hard = {f.unit for f in seed.findings if f.rule == findings.HARD}
    assert very == {u for u, g in grades.items() if g > limit}
    assert hard == {u for u, g in grades.items() if g <= limit}
    # the issue: 21 of the seed's 26 sentences were "hard", all alike; now fewer than half are warnings
    sentences = sum(1 for u in seed.units if u.type == "sentence")
    warned = {f.unit for f in seed.findings if f.category == "readability" and f.severity != "info"}
    assert len(grades) == 21 and len(warned) == 10 < sentences / 2


def test_every_section_finding_becomes_a_finding(seed):
    report = analyze(REPEATS)
    for r in (seed, report):
        spans = {(f.rule, f.unit, f.start, f.end) for f in r.findings}
        limit = findings.very_hard_limit(r.readability)
        for f in r.readability.findings:
            assert (findings.sentence_rule(f, limit), f.unit, f.start, f.end) in spans
        for c in r.claims.items:
            found = [f for f in r.findings if f.category == "claims" and f.unit == c.unit]
            assert len(found) == (0 if c.status == "attributed" else 1)
        for s in r.repetition.restatements:
            (f,) = [f for f in r.findings if f.rule == findings.RESTATEMENT and f.unit == s.unit]
            restated = r.units[s.restates]
            assert (f.start, f.end) == (r.units[s.unit].start, r.units[s.unit].end)
            assert [(x.unit, x.start, x.end) for x in f.related] == [(s.restates, restated.start, restated.end)]
        for group in r.repetition.figures:
            for m in group.mentions[1:]:
                assert (findings.REPEATED_FIGURE, m.unit, m.start, m.end) in spans
        for conflict in r.repetition.conflicts:
            for m in conflict.mentions:
                assert (findings.CONFLICT, m.unit, m.start, m.end) in spans


def test_conflicting_figures_are_errors_with_the_other_value_as_replacement():
    report = analyze(REPEATS)
    conflicts = [f for f in report.findings if f.rule == findings.CONFLICT]
    assert {report.text[f.start:f.end] for f in conflicts} == {"11,000", "12,000"}
    for f in conflicts:
        assert f.severity == "error" and f.category == "figures"
        other = ({"11,000", "12,000"} - {report.text[f.start:f.end]}).pop()
        assert [s.replacement for s in f.suggestions if s.replacement] == [other]


def test_a_word_for_word_restatement_suggests_cutting_it():
    report = analyze(REPEATS)
    (f,) = [f for f in report.findings if f.rule == findings.RESTATEMENT]
    assert f.severity == "warning"
    assert [s.replacement for s in f.suggestions] == [""]


def test_an_unsourced_figure_outranks_a_long_sentence():
    text = ("The council will spend $4.5 million on the bridge this year. "
            "The council met on Monday and voted to close the bridge for a week, and the mayor told residents that the "
            "road would open again once the crews had checked the old piers and the new rails on both sides of the river.")
    report = analyze(text)
    by_rule = {f.rule: f for f in report.findings}
    assert RANK[by_rule["claim.figure"].severity] > RANK[by_rule[findings.LONG].severity]
    assert by_rule["claim.figure"].severity == "error" and report.text[by_rule["claim.figure"].start:by_rule["claim.figure"].end] == "$4.5 million"


def test_a_vague_figure_names_the_source_that_gave_it_earlier(seed):
    vague = [f for f in seed.findings if f.rule == "vague.generic-source" and f.unit == 26]
    (f,) = vague
    assert seed.text[f.start:f.end] == "Reports indicate"
    assert dict(f.params)["source"] == "South Korea's National Intelligence Service"
    assert any("South Korea's National Intelligence Service" in s.message for s in f.suggestions)


def test_ids_are_unique_and_the_list_is_in_text_order_then_by_severity(seed):
    assert [f.id for f in seed.findings] == [f"f{n}" for n in range(1, len(seed.findings) + 1)]
    keys = [(f.start, -RANK[f.severity]) for f in seed.findings]
    assert keys == sorted(keys)


@pytest.mark.parametrize("rule", [r for r in findings.RULES if r.category != "claims"], ids=lambda r: r.id)
def test_every_rule_flags_its_flag_examples_and_passes_its_pass_examples(rule):
    assert rule.flag and rule.passes, f"{rule.id} needs flag and pass examples"
    for text in rule.flag:
        assert rule.id in _rules(analyze(text)), f"{rule.id} missed: {text}"
    for text in rule.passes:
        assert rule.id not in _rules(analyze(text)), f"{rule.id} fired on: {text}"


def test_every_rule_has_a_category_and_the_finding_rules_a_severity():
    for rule in findings.RULES:
        assert rule.category in findings.CATEGORIES
        if rule.id.startswith(("claim.", "vague.")) or rule.category != "claims":
            assert rule.severity in SEVERITIES, rule.id
        else:  # attribution.* and not-claim.* decide claims; they raise no finding
            assert rule.severity is None, rule.id


@pytest.mark.parametrize("name", ["passive_voice", "readability.passive-voice"])
def test_disabling_a_readability_rule_removes_it_from_findings_and_the_section(seed, name):
    report = analyze(SEED, options=Options(disabled_rules=frozenset({name})))
    assert findings.PASSIVE in _rules(seed)
    assert findings.PASSIVE not in _rules(report)
    assert not [f for f in report.readability.findings if f.rule == "passive_voice"]
    assert len(report.findings) == len(seed.findings) - sum(1 for f in seed.findings if f.rule == findings.PASSIVE)


def test_disabling_very_hard_sentences_leaves_the_hard_ones(seed):
    report = analyze(SEED, options=Options(disabled_rules=frozenset({findings.VERY_HARD})))
    assert findings.VERY_HARD not in _rules(report) and findings.HARD in _rules(report)
    kept = [f.value for f in report.readability.findings if f.rule == "hard_sentence"]
    assert kept and max(kept) <= findings.very_hard_limit(seed.readability)


def test_disabling_a_claims_rule_reaches_the_claims_analysis(seed):
    report = analyze(SEED, options=Options(disabled_rules=frozenset({"vague.generic-source", "passive_voice"})))
    assert "vague.generic-source" not in _rules(report)
    assert not any("vague.generic-source" in c.rules for c in report.claims.items)


def test_an_unknown_rule_is_refused_naming_it():
    with pytest.raises(InvalidOptionError, match="no-such-rule"):
        analyze(SEED, options=Options(disabled_rules=frozenset({"no-such-rule"})))


@pytest.mark.parametrize("floor", SEVERITIES)
def test_min_severity_leaves_out_what_is_below_it(seed, floor):
    report = analyze(SEED, options=Options(min_severity=floor))
    assert [(f.rule, f.start) for f in report.findings] == [
        (f.rule, f.start) for f in seed.findings if RANK[f.severity] >= RANK[floor]
    ]


def test_a_bad_min_severity_is_refused():
    with pytest.raises(InvalidOptionError, match="min_severity"):
        Options(min_severity="fatal")


def test_german_messages_for_the_same_findings(seed):
    german = analyze(SEED, options=Options(locale="de-DE"))
    assert [(f.id, f.rule, f.start, f.message_id, f.params) for f in german.findings] == [
        (f.id, f.rule, f.start, f.message_id, f.params) for f in seed.findings
    ]
    passive = next(f for f in german.findings if f.rule == findings.PASSIVE)
    assert passive.message.startswith("Passiv („") and passive.short_message == "Passiv"
    assert all(g.message != e.message for g, e in zip(german.findings, seed.findings))


def test_an_unshipped_locale_is_refused():
    with pytest.raises(InvalidOptionError, match="locale"):
        analyze(SEED, options=Options(locale="tlh"))


@pytest.mark.parametrize("value", [0.0, 0.5, 1.5, 2.5, 16.49, 16.5, 17.5, 2.675, 39.0, 1e6 + 0.5, 123.456])
def test_whole_numbers_in_messages_round_as_the_format_does(value):
    from copydesk.scoring.findings import _whole

    assert _whole(value) == f"{value:.0f}"


def test_whole_numbers_are_written_as_round_writes_them():
    import random

    from copydesk.scoring.findings import _whole

    rng = random.Random(7)
    halves = [k / 2 for k in range(-41, 42)]
    values = halves + [rng.uniform(-50, 50) for _ in range(5000)] + [0.49999999999999994, -0.49999999999999994, 2.0**52 + 1, -(2.0**53), 1e300]
    for v in values:
        assert _whole(v) == str(round(v)), v
        formatted = f"{v:.0f}"
        assert _whole(v) == ("0" if formatted == "-0" else formatted), v


def test_a_conflict_finding_names_a_bounded_number_of_others():
    # one thing given many values: each finding points at CONFLICT_SHOWN_MAX others at most
    # (listing every other mention at every mention costs their number squared)
    values = [f"{n},000" for n in range(11, 11 + 3 * findings.CONFLICT_SHOWN_MAX)]
    text = " ".join(f"Officials said {v} soldiers were sent to the front." for v in values)
    report = analyze(text)
    conflicts = [f for f in report.findings if f.rule == findings.CONFLICT]
    assert len(conflicts) == len(values)
    for f in conflicts:
        assert 0 < len(f.related) <= findings.CONFLICT_SHOWN_MAX
        assert 0 < len([s for s in f.suggestions if s.replacement]) <= findings.CONFLICT_SHOWN_MAX
    first = conflicts[0]
    assert [report.text[r.start : r.end] for r in first.related] == values[1 : 1 + findings.CONFLICT_SHOWN_MAX]
