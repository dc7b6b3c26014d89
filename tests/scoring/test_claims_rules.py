"""Every claims rule has examples it must decide and examples it must leave alone, and they hold."""

from __future__ import annotations

import pytest

from copydesk.scoring import figures
from copydesk.scoring.claims import explain
from copydesk.scoring.claims.rules import BY_ID, RULES, check_disabled
from copydesk.scoring.errors import InvalidOptionError
from copydesk.scoring.lexicons import load
from copydesk.scoring.options import Options
from copydesk.scoring.text import build_document


def decided(text: str, options: Options | None = None) -> set[str]:
    """The rule ids that decided any sentence of `text`."""
    doc = build_document(text)
    out: set[str] = set()
    for d in explain(doc, figures.find(doc), options or Options()):
        out.update(d.rules)
    return out


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_examples_message_and_source(rule):
    assert rule.flag, f"{rule.id} has no example it must flag"
    assert rule.passes, f"{rule.id} has no example it must pass"
    assert rule.message and rule.source


FLAG_CASES = [(r.id, text) for r in RULES for text in r.flag]
PASS_CASES = [(r.id, text) for r in RULES for text in r.passes]


@pytest.mark.parametrize(("rule_id", "text"), FLAG_CASES)
def test_rule_decides_its_flag_examples(rule_id, text):
    assert rule_id in decided(text)


@pytest.mark.parametrize(("rule_id", "text"), PASS_CASES)
def test_rule_leaves_its_pass_examples_alone(rule_id, text):
    assert rule_id not in decided(text)


@pytest.mark.parametrize(("rule_id", "text"), FLAG_CASES)
def test_a_disabled_rule_decides_nothing(rule_id, text):
    assert rule_id not in decided(text, Options(disabled_rules=frozenset({rule_id})))


def test_unknown_rule_ids_are_an_option_error():
    with pytest.raises(InvalidOptionError) as err:
        check_disabled(frozenset({"vague.generic-source", "vague.no-such-rule"}))
    assert err.value.field == "options.disabled_rules"
    assert "vague.no-such-rule" in str(err.value)
    assert check_disabled(frozenset({"vague.generic-source"})) == {"vague.generic-source"}


def test_rule_ids_are_unique():
    assert len(BY_ID) == len(RULES)


@pytest.mark.parametrize("name", ["claims_sources", "claims_kinds", "claims_vague", "claims_rules"])
def test_lexicons_name_their_sources(name):
    lexicon = load(name)
    assert lexicon.title and len(lexicon.sources) >= 2


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_message_fills_cue_and_source_as_format_does(rule):
    from copydesk.scoring.claims.rules import message

    for cue, source in (("11,000", "the agency"), ("{cue}", "{source} and {0}"), ("", "")):
        assert message(rule.id, cue=cue, source=source) == rule.message.format(cue=cue, source=source)


@pytest.mark.parametrize("template", ["credited to {who}", "states {cue!r}", "states {cue:>10}"])
def test_a_message_with_another_field_is_refused(template):
    from copydesk.scoring.claims.rules import Rule, _parts
    from copydesk.scoring.errors import LexiconError

    with pytest.raises(LexiconError, match="may hold"):
        _parts(Rule("x.y", template, "src", ("a",), ("b",)))
