"""One list of findings from every finished analysis, in one shape, for editors and their plugins.

Each finding has a rule, a category, a severity, a span, a message (with its id and params, so
a client may render its own translation), a short message and suggestions. The rules, their
categories and severities are in data/findings_rules.toml (claims rules: data/claims_rules.toml),
the messages in data/messages/<locale>.po. How each severity is decided is written there and in
the README ("Findings").
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import Final, NamedTuple
from collections.abc import Mapping

from . import messages
from .claims.rules import RULES as CLAIMS_RULES
from .errors import InvalidOptionError, LexiconError
from .lexicons import load
from .options import SEVERITIES, Options
from .profiles import get as get_profile
from .results import (
    Claim, Claims, Cue, FigureConflict, Finding, Readability, RelatedSpan, Repetition, RepeatedFigure, Restatement,
    SentenceFinding, Suggestion,
)
from .text import Unit

READABILITY: Final = "readability"
CLAIMS: Final = "claims"
REPETITION: Final = "repetition"
FIGURES: Final = "figures"
CATEGORIES: Final = (READABILITY, CLAIMS, REPETITION, FIGURES)

VERY_HARD: Final = "readability.very-hard-sentence"
HARD: Final = "readability.hard-sentence"
LONG: Final = "readability.long-sentence"
PASSIVE: Final = "readability.passive-voice"
RESTATEMENT: Final = "repetition.restatement"
REPEATED_FIGURE: Final = "figures.repeated"
CONFLICT: Final = "figures.conflict"
# The readability section's rule names (readability.py) and the findings' rules they become.
SECTION_RULES: Final = MappingProxyType({"long_sentence": LONG, "hard_sentence": HARD, "passive_voice": PASSIVE})
# Names `disabled_rules` also accepts, for the rules the readability section names its own way.
ALIASES: Final = MappingProxyType({
    "long_sentence": (LONG,), "hard_sentence": (HARD, VERY_HARD), "passive_voice": (PASSIVE,),
})
# Message ids for claims whose rule has no message of its own in the catalogues.
VAGUE_FALLBACK: Final = "claims.vague"
UNSOURCED_FALLBACK: Final = "claims.unsourced"
NAMED_SOURCE: Final = "claims.named-source"
VERBATIM: Final = "repetition.restatement.verbatim"
CONFLICT_REPLACE: Final = "figures.conflict.replace"
# A restatement this similar to the sentence it restates repeats it word for word: cutting it is the fix.
VERBATIM_SIMILARITY: Final = 0.999
# Words of the restated sentence quoted in a restatement's message.
EXCERPT_WORDS: Final = 8


class Rule(NamedTuple):
    """A rule that may raise findings: its category, default severity (None: it never raises one), source, examples."""

    id: str
    category: str
    severity: str | None
    source: str
    flag: tuple[str, ...]
    passes: tuple[str, ...]


def _severity(value: object, where: str) -> str:
    if not isinstance(value, str) or value not in SEVERITIES:
        raise LexiconError(f"findings_rules: {where}: severity must be one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


_DATA = load("findings_rules").tables
VERY_HARD_GRADE_STEP: Final = float(_DATA["readability"]["very_hard_grade_step"])
_CLAIMS_SEVERITY: Final[dict[str, str]] = {
    k: _severity(v, k) for k, v in _DATA["claims"]["severity"].items()
}
_CLAIMS_PREFIX_SEVERITY: Final[tuple[tuple[str, str], ...]] = tuple(
    (k, _severity(v, k)) for k, v in _DATA["claims"]["prefix_severity"].items()
)


def claims_rule_severity(rule_id: str) -> str | None:
    """The severity of a claims rule's findings: its own entry, else its prefix's; None for rules that raise none."""
    own = _CLAIMS_SEVERITY.get(rule_id)
    if own is not None:
        return own
    for prefix, severity in _CLAIMS_PREFIX_SEVERITY:
        if rule_id.startswith(prefix):
            return severity
    return None


def _rules() -> tuple[Rule, ...]:
    out = [
        Rule(str(r["id"]), str(r["category"]), _severity(r["severity"], str(r["id"])), str(r["source"]),
             tuple(r.get("flag", ())), tuple(r.get("pass", ())))
        for r in _DATA["rules"]
    ]
    for r in out:
        if r.category not in CATEGORIES:
            raise LexiconError(f"findings_rules: {r.id}: category must be one of {', '.join(CATEGORIES)}")
    out += [Rule(r.id, CLAIMS, claims_rule_severity(r.id), r.source, r.flag, r.passes) for r in CLAIMS_RULES]
    return tuple(out)


RULES: Final = _rules()
BY_ID: Final[Mapping[str, Rule]] = MappingProxyType({r.id: r for r in RULES})
CLAIMS_RULE_IDS: Final = frozenset(r.id for r in CLAIMS_RULES)
_RANK: Final[dict[str, int]] = {s: k for k, s in enumerate(SEVERITIES)}


def check_disabled(ids: frozenset[str]) -> frozenset[str]:
    """The rule ids `ids` switches off (aliases expanded); raise InvalidOptionError for an unknown id."""
    unknown = sorted(i for i in ids if i not in BY_ID and i not in ALIASES)
    if unknown:
        raise InvalidOptionError(
            f"unknown rule id(s): {', '.join(unknown)}; GET /v1/rules lists them all", field="options.disabled_rules"
        )
    out: set[str] = set()
    for i in ids:
        out.update(ALIASES.get(i, (i,)))
    return frozenset(out)


def message_id(rule_id: str) -> str:
    """The catalogue id of the message a rule's findings carry."""
    if rule_id in messages.CATALOGUES[messages.DEFAULT_LOCALE]:
        return rule_id
    return VAGUE_FALLBACK if rule_id.startswith("vague.") else UNSOURCED_FALLBACK


# --- readability -----------------------------------------------------------------------


def sentence_rule(f: SentenceFinding, very_hard_above: float) -> str:
    """The findings rule of a readability-section finding: a hard sentence above `very_hard_above` is very hard."""
    rule = SECTION_RULES.get(f.rule, f.rule)
    if rule == HARD and f.value is not None and f.value > very_hard_above:
        return VERY_HARD
    return rule


def very_hard_limit(readability: Readability) -> float:
    """The grade above which a sentence is very hard: the profile's hard-sentence grade plus the step."""
    return get_profile(readability.profile).hard_sentence_grade + VERY_HARD_GRADE_STEP


def without_disabled(readability: Readability, off: frozenset[str]) -> Readability:
    """The readability section without the findings of switched-off rules (itself when none is off)."""
    if not off:
        return readability
    limit = very_hard_limit(readability)
    kept = tuple(f for f in readability.findings if sentence_rule(f, limit) not in off)
    if len(kept) == len(readability.findings):
        return readability
    return replace(readability, findings=kept)


def claims_options(options: Options, off: frozenset[str]) -> Options:
    """The options the claims analysis gets: `disabled_rules` narrowed to claims rules."""
    narrowed = frozenset(i for i in off if i in CLAIMS_RULE_IDS)
    if narrowed == options.disabled_rules:
        return options
    return replace(options, disabled_rules=narrowed)


def _readability(readability: Readability, text: str, out: list[_Draft]) -> None:
    profile = get_profile(readability.profile)
    hard_limit = profile.hard_sentence_grade
    limit = hard_limit + VERY_HARD_GRADE_STEP
    name = profile.name
    # the params every finding of a rule shares, made once
    long_limit = ("limit", str(profile.long_sentence_words))
    grade_limit = ("limit", f"{hard_limit:g}")
    named = ("profile", name)
    for f in readability.findings:
        rule = sentence_rule(f, limit)
        value = f.value if f.value is not None else 0.0
        if rule == LONG:
            params: tuple[tuple[str, str], ...] = (("words", _whole(value)), long_limit, named)
        elif rule == HARD or rule == VERY_HARD:
            params = (("grade", _whole(value)), grade_limit, named, ("over", _whole(value - hard_limit)))
        elif rule == PASSIVE:
            params = (("phrase", text[f.start:f.end]),)
        else:
            params = ()
        out.append(_Draft(rule, f.unit, f.start, f.end, params, (), ()))


def _whole(value: float) -> str:
    """`value` rounded half to even and written as a whole number: f"{value:.0f}" without a format call ("-0" is "0").

    round(value) without its call (compiled, a look-up of the builtin and a generic call):
    what is left after the point, value - int(value), is exact in binary floating point, so
    comparing it with one half rounds as round() does.
    """
    n = int(value)  # toward zero
    rest = value - n
    if rest > 0.5 or (rest == 0.5 and n % 2 == 1):
        n += 1
    elif rest < -0.5 or (rest == -0.5 and n % 2 == 1):
        n -= 1
    return str(n)


# --- repetition and figures ------------------------------------------------------------


def _excerpt(unit: Unit) -> str:
    words = unit.text.split()
    if len(words) <= EXCERPT_WORDS:
        return unit.text
    return " ".join(words[:EXCERPT_WORDS]) + "…"


def _restatements(restatements: tuple[Restatement, ...], units: tuple[Unit, ...], out: list[_Draft]) -> None:
    for r in restatements:
        if not 0 <= r.unit < len(units) or not 0 <= r.restates < len(units):
            continue
        unit, earlier = units[r.unit], units[r.restates]
        extra = ((VERBATIM, ""),) if r.similarity >= VERBATIM_SIMILARITY else ()
        out.append(_Draft(RESTATEMENT, unit.index, unit.start, unit.end, (("excerpt", _excerpt(earlier)),),
                          (RelatedSpan(earlier.index, earlier.start, earlier.end),), extra))


def _figures(figures: tuple[RepeatedFigure, ...], out: list[_Draft]) -> None:
    for group in figures:
        if not group.mentions:
            continue
        first = group.mentions[0]
        related = (RelatedSpan(first.unit, first.start, first.end),)
        for m in group.mentions[1:]:
            out.append(_Draft(REPEATED_FIGURE, m.unit, m.start, m.end, (("figure", m.text),), related, ()))


# A conflict's finding points at no more than this many of its other mentions and names no more
# than this many other values: a thing given dozens of values needs the first few fixed, and
# listing every other mention at every mention costs the square of their number.
CONFLICT_SHOWN_MAX: Final = 8


def _conflicts(conflicts: tuple[FigureConflict, ...], out: list[_Draft]) -> None:
    for c in conflicts:
        distinct: list[str] = []  # each value as first written, in order
        written: set[str] = set()
        for m in c.mentions:
            if m.text not in written:
                written.add(m.text)
                distinct.append(m.text)
        for m in c.mentions:
            related: list[RelatedSpan] = []
            for o in c.mentions:
                if o is not m:
                    related.append(RelatedSpan(o.unit, o.start, o.end))
                    if len(related) == CONFLICT_SHOWN_MAX:
                        break
            values: list[str] = []
            for v in distinct:
                if v != m.text:
                    values.append(v)
                    if len(values) == CONFLICT_SHOWN_MAX:
                        break
            params = (("value", m.text), ("subject", c.subject), ("others", ", ".join(f'"{v}"' for v in values)))
            out.append(_Draft(CONFLICT, m.unit, m.start, m.end, params, tuple(related),
                              tuple((CONFLICT_REPLACE, v) for v in values)))


# --- claims ----------------------------------------------------------------------------


def _claim_rule(claim: Claim) -> str:
    wanted = "vague." if claim.status == "vague" else "claim."
    for r in claim.rules:
        if r.startswith(wanted):
            return r
    return claim.rules[0] if claim.rules else "claim." + claim.kind


def _figure_sources(claims: Claims, figures: tuple[RepeatedFigure, ...]) -> dict[tuple[int, int], tuple[str, int]]:
    """Figure mention (unit, start) -> (a named source that gives the same figure, the unit it does so in)."""
    credited = {c.unit: c.source for c in claims.items if c.status == "attributed" and c.source}
    out: dict[tuple[int, int], tuple[str, int]] = {}
    for group in figures:
        sources = [(m.unit, credited[m.unit]) for m in group.mentions if m.unit in credited]
        if not sources:
            continue
        for m in group.mentions:
            earlier = [s for s in sources if s[0] < m.unit]
            if earlier:
                out[(m.unit, m.start)] = (earlier[0][1], earlier[0][0])
    return out


def _deciding_cue(claim: Claim) -> Cue | None:
    """The cue to highlight: a vague claim's vague words, else the figure, record or event that makes it a claim."""
    vague = claim.status == "vague"
    fallback = None
    for q in claim.cues:
        kind = q.kind
        if (kind == "vague") if vague else (kind == "figure" or kind == "record" or kind == "event"):
            return q
        if fallback is None and kind != "attribution":
            fallback = q
    return fallback


def _claims(claims: Claims, units: tuple[Unit, ...], figures: tuple[RepeatedFigure, ...], out: list[_Draft]) -> None:
    named = _figure_sources(claims, figures) if figures else {}
    for c in claims.items:
        if c.status != "vague" and c.status != "unsourced":
            continue
        rule = _claim_rule(c)
        cue = _deciding_cue(c)
        if cue is not None:
            start, end, cue_text = cue.start, cue.end, cue.text
        elif 0 <= c.unit < len(units):
            start, end, cue_text = units[c.unit].start, units[c.unit].end, ""
        else:
            continue
        extra: tuple[tuple[str, str], ...] = ()
        params: tuple[tuple[str, str], ...] = (("cue", cue_text),)
        for q in c.cues:
            source = named.get((c.unit, q.start)) if q.kind == "figure" else None
            if source is not None:
                params = (("cue", cue_text), ("source", source[0]))
                extra = ((NAMED_SOURCE, ""),)
                break
        out.append(_Draft(rule, c.unit, start, end, params, (), extra))


# --- the list --------------------------------------------------------------------------


class _Draft:
    """A finding before its id, severity and messages: what each analysis contributes."""

    # A plain class, not a named tuple: compiled, a native class built without a Python call.
    __slots__ = ("rule", "unit", "start", "end", "params", "related", "extra")

    rule: Final[str]
    unit: Final[int]
    start: Final[int]
    end: Final[int]
    params: Final[tuple[tuple[str, str], ...]]
    related: Final[tuple[RelatedSpan, ...]]
    # more suggestions after the rule's own: (message id, replacement: "" means none, except VERBATIM's cut)
    extra: Final[tuple[tuple[str, str], ...]]

    def __init__(
        self, rule: str, unit: int, start: int, end: int, params: tuple[tuple[str, str], ...],
        related: tuple[RelatedSpan, ...], extra: tuple[tuple[str, str], ...],
    ) -> None:
        self.rule = rule
        self.unit = unit
        self.start = start
        self.end = end
        self.params = params
        self.related = related
        self.extra = extra


def _severity_of(rule: str) -> str:
    found = BY_ID.get(rule)
    if found is not None and found.severity is not None:
        return found.severity
    return claims_rule_severity(rule) or "warning"


def _category_of(rule: str) -> str:
    found = BY_ID.get(rule)
    return found.category if found is not None else CLAIMS


def build(
    text: str, units: tuple[Unit, ...], readability: Readability, repetition: Repetition, claims: Claims,
    options: Options, off: frozenset[str],
) -> tuple[Finding, ...]:
    """Every finding of the finished analyses, in text order (then by severity), ids f1, f2, ... in that order."""
    drafts: list[_Draft] = []
    _readability(readability, text, drafts)
    _restatements(repetition.restatements, units, drafts)
    _figures(repetition.figures, drafts)
    _conflicts(repetition.conflicts, drafts)
    _claims(claims, units, repetition.figures, drafts)
    locale = messages.resolve_locale(options.locale)
    floor = _RANK[options.min_severity]
    # each rule's severity, category, message templates and shared suggestion: worked out at
    # import for every listed rule (FACTS), here once per report for any other
    listed = FACTS[locale]
    known: dict[str, _RuleFacts] = {}
    ranked: list[tuple[int, int, str, int, int, _RuleFacts]] = []
    for n, d in enumerate(drafts):
        if d.rule in off:
            continue
        facts = listed.get(d.rule)
        if facts is None:
            facts = known.get(d.rule)
            if facts is None:
                facts = known[d.rule] = _rule_facts(d.rule, locale)
        if facts.rank >= floor:
            # n is unique: the sort never compares the facts
            ranked.append((d.start, -facts.rank, d.rule, d.end, n, facts))
    ranked.sort()
    out: list[Finding] = []
    # a rule's suggestion with no placeholders is one immutable object, shared by all its findings
    # (a 1 MiB article of seed variants has ~16,000 findings: bench/scaling.py's peak memory)
    shared: dict[str, tuple[Suggestion, ...]] = {}
    for k in range(len(ranked)):
        n, facts = ranked[k][4], ranked[k][5]
        d = drafts[n]
        drafts[n] = _DONE  # freed as it is read: the drafts and the findings are not all held at once
        plain = facts.plain
        if plain is not None and not d.extra:
            suggestions = shared.get(plain)
            if suggestions is None:
                suggestions = shared[plain] = (Suggestion(plain, None),)
        else:
            own = Suggestion(plain if plain is not None else messages.fill(facts.suggest, d.params), None)
            suggestions = _with_extra(locale, own, d) if d.extra else (own,)
        short = facts.short
        out.append(Finding(
            f"f{k + 1}", d.rule, facts.category, facts.severity, d.unit, d.start, d.end,
            messages.fill(facts.message, d.params),
            short[0][0] if len(short) == 1 else messages.fill(short, d.params),
            facts.key, d.params, suggestions, d.related,
        ))
    return tuple(out)


# What stands in the drafts list for a draft already made a finding.
_DONE: Final = _Draft("", 0, 0, 0, (), (), ())


class _RuleFacts(NamedTuple):
    """What every finding of one rule shares: severity, category, message templates (in one locale), plain suggestion."""

    severity: str
    rank: int
    category: str
    key: str
    message: tuple[tuple[str, str], ...]
    short: tuple[tuple[str, str], ...]
    suggest: tuple[tuple[str, str], ...]
    plain: str | None  # the suggestion's text when it has no placeholders


def _rule_facts(rule: str, locale: str) -> _RuleFacts:
    """Work out what every finding of `rule` shares in `locale`."""
    severity = _severity_of(rule)
    key = message_id(rule)
    suggest = messages.template_parts(locale, key + ".suggest")
    return _RuleFacts(
        severity, _RANK[severity], _category_of(rule), key,
        messages.template_parts(locale, key), messages.template_parts(locale, key + ".short"), suggest,
        suggest[0][0] if len(suggest) == 1 else None,
    )


# locale -> rule id -> what its findings share, for every rule GET /v1/rules lists (immutable once built).
FACTS: Final[dict[str, dict[str, _RuleFacts]]] = {
    locale: {r.id: _rule_facts(r.id, locale) for r in RULES} for locale in messages.LOCALES
}


def _with_extra(locale: str, own: Suggestion, d: _Draft) -> tuple[Suggestion, ...]:
    """The rule's own suggestion and the draft's extra ones (a word-for-word restatement's cut replaces it)."""
    suggestions = [own]
    for extra_id, replacement in d.extra:
        if extra_id == VERBATIM:
            suggestions = [Suggestion(messages.fill(messages.template_parts(locale, extra_id), ()), "")]
        elif extra_id == CONFLICT_REPLACE:
            text = messages.fill(messages.template_parts(locale, extra_id), (("value", replacement),))
            suggestions.append(Suggestion(text, replacement))
        else:
            suggestions.append(Suggestion(messages.fill(messages.template_parts(locale, extra_id), d.params), None))
    return tuple(suggestions)


def as_json(items: tuple[Finding, ...]) -> list[dict[str, object]]:
    """The findings as the API's JSON objects: api/schemas.py's FindingSchema, its keys in its order.

    Built here, compiled, rather than by the API's generic dump: a seed report's ~50 findings
    hold ~900 of its values (bench/http_layers.py: report_body). tests/api/test_reports.py
    holds the result equal to marshmallow's dump of the schema, byte for byte.
    """
    out: list[dict[str, object]] = []
    for f in items:
        params: dict[str, str] = {}
        for key, value in f.params:
            params[key] = value
        suggestions: list[dict[str, object]] = []
        for s in f.suggestions:
            suggestions.append({"message": s.message, "replacement": s.replacement})
        related: list[dict[str, object]] = []
        for r in f.related:
            related.append({"unit": r.unit, "start": r.start, "end": r.end})
        out.append({
            "id": f.id, "rule": f.rule, "category": f.category, "severity": f.severity, "unit": f.unit,
            "start": f.start, "end": f.end, "message": f.message, "short_message": f.short_message,
            "message_id": f.message_id, "params": params, "suggestions": suggestions, "related": related,
        })
    return out
