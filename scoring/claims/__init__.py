"""Claims: which sentences state checkable facts, and whether each is attributed, vague or unsourced.

`analyze` is what the report calls; `explain` returns the per-sentence decisions (vetoes
included) that the rule tests read. Definitions: spec/annotation.md ("Claims").
"""

from __future__ import annotations

from typing import Final

from ..figures import Figure
from ..options import Options
from ..results import Claim, Claims, Cue, NamedSource
from ..text import Document
from . import attribution, detect, vague
from .context import Context, Credit, frame_rule
from .frames import Frame
from .rules import check_disabled, message
from .sources import ANONYMOUS, NAMED, VAGUE
from .view import View, make_views, quotations

__all__ = ["analyze", "explain", "Decision"]

ATTRIBUTED: Final = "attributed"
VAGUE_STATUS: Final = "vague"
UNSOURCED: Final = "unsourced"
CARRY_OVER: Final = "attribution.carry-over"
QUOTE: Final = "attribution.quote"
# Frames that open the content after them ("Studies show that ..."); a parenthetical
# ", citing people familiar with the matter," or "reportedly" governs nothing after it.
GOVERNING: Final = frozenset((attribution.REPORTING_VERB, attribution.DOCUMENT, vague.AGENTLESS_PASSIVE, vague.GENERIC_SOURCE))
# Single documents that a sentence's named source puts out itself: an indefinite one in a closing
# "according to an update issued Thursday" is that source's, not an unnamed one (AP: "according to").
ISSUED_DOCUMENTS: Final = frozenset(("update", "statement", "release", "filing", "announcement", "bulletin", "notice", "report", "letter", "memo", "post"))
# Share of a sentence's words inside quotation marks above which a sentence with no
# attribution of its own is an orphan quotation that takes the speaker of its neighbors.
ORPHAN_QUOTE_SHARE: Final = 0.6


# A plain class with read-only fields, not a named tuple: compiled, a native class read without look-ups;
# cheap to define at import, unlike a dataclass (~0.8 ms of start-up). Internal, never in a Report.
class Decision:
    """What the rules decided about one sentence: its claim, or the rule that said it is none."""

    __slots__ = ("unit", "claim", "rules")

    unit: Final[int]
    claim: Final[Claim | None]
    rules: Final[tuple[str, ...]]  # the rules that decided: kind and status, or the veto

    def __init__(self, unit: int, claim: Claim | None, rules: tuple[str, ...]) -> None:
        self.unit = unit
        self.claim = claim
        self.rules = rules


def analyze(doc: Document, figures: tuple[Figure, ...], options: Options) -> Claims:
    """Find the claims of an article and how each is sourced."""
    decisions = explain(doc, figures, options)
    items = tuple(d.claim for d in decisions if d.claim is not None)
    attributed = sum(1 for c in items if c.status == ATTRIBUTED)
    vague_n = sum(1 for c in items if c.status == VAGUE_STATUS)
    unsourced = sum(1 for c in items if c.status == UNSOURCED)
    named: dict[str, list[int]] = {}
    for c in items:
        if c.status == ATTRIBUTED and c.source:
            named.setdefault(c.source, []).append(c.unit)
    sources = tuple(NamedSource(name, len(units), tuple(units)) for name, units in named.items())
    sources = tuple(sorted(sources, key=lambda s: (-s.claims, s.units[0])))
    return Claims(len(items), attributed, vague_n, unsourced, vague_n + unsourced, items, sources)


def explain(doc: Document, figures: tuple[Figure, ...], options: Options) -> tuple[Decision, ...]:
    """Decide every sentence of the article, in order (headings are never claims)."""
    off = check_disabled(options.disabled_rules)
    by_unit: dict[int, list[Figure]] = {}
    for f in figures:
        by_unit.setdefault(f.unit, []).append(f)
    quotes = quotations(doc)
    read, proper = make_views(doc, quotes)
    views: dict[int, View] = {}
    frames: dict[int, list[Frame]] = {}
    for view in read:
        views[view.unit.index] = view
        found = attribution.find(view, proper) + vague.find(view)
        frames[view.unit.index] = [f for f in found if f.rule not in off and frame_rule(f) not in off] if off else found
    ctx = Context(doc, proper, views, frames, off, quotes)
    out = []
    for index, view in views.items():
        credits, carried = _sourcing(ctx, view, off)
        out.append(_decide(ctx, view, credits, carried, tuple(by_unit.get(index, ())), options, off))
        # every sentence, claim or not, is remembered: "She said ..." may follow any of them
        ctx.record(index, credits, carried)
    return tuple(out)


def _sourcing(ctx: Context, view: View, off: frozenset[str]) -> tuple[list[Credit], Credit | None]:
    """The sentence's own credits, or else what it carries over: an orphan quotation's speaker, a continued document."""
    credits = ctx.credits(view.unit.index)
    if credits:
        return credits, None
    inside, total = view.words_quoted
    if total and inside >= ORPHAN_QUOTE_SHARE * total:
        return credits, ctx.quote_speaker(view.unit.index) if QUOTE not in off else None
    return credits, ctx.continuation(view.unit.index) or ctx.from_next(view.unit.index)


def _decide(ctx: Context, view: View, credits: list[Credit], orphan: Credit | None, figures: tuple[Figure, ...], options: Options, off: frozenset[str]) -> Decision:
    """The claim a sentence makes, if any: its kind from the cues, its status from its credits."""
    unit = view.unit
    sourced = bool(credits) or orphan is not None
    if detect.QUESTION not in off and detect.is_question(view):
        return Decision(unit.index, None, (detect.QUESTION,))
    # "Police did not say whether ...", "Its owner could not be reached": a fact about the source, not a forecast
    note = detect.negated_report(view) if not sourced else None
    if detect.BOILERPLATE_VETO not in off and detect.boilerplate(view):
        return Decision(unit.index, None, (detect.BOILERPLATE_VETO,))
    if detect.IMPERATIVE_VETO not in off and detect.appeal(view):
        return Decision(unit.index, None, (detect.IMPERATIVE_VETO,))  # a public appeal, whatever numbers it gives to call
    if not sourced and note is None and detect.SPECULATION_VETO not in off and detect.speculation(view):
        return Decision(unit.index, None, (detect.SPECULATION_VETO,))
    cues: list[Cue] = []
    kind_rule = ""
    if detect.FIGURE not in off:
        # a number inside the source ("two officials said") describes the source, not the claim
        spans = [(c.source.start, c.source.end) for c in credits if c.source is not None]
        cues = [c for c in detect.figure_cues(view, figures) if not any(s <= c.start < e for s, e in spans)]
        kind_rule = detect.FIGURE if cues else ""
    if not cues and detect.QUANTITY_WORD not in off:
        cues = detect.quantity_cues(view)
        kind_rule = detect.QUANTITY_WORD if cues else ""
    kind = "figure"
    if not cues and detect.RECORD not in off:
        cues = detect.record_cues(view)
        kind_rule, kind = (detect.RECORD, "record") if cues else ("", kind)
        if cues and not sourced and view.low[view.initial] in detect.CONDITIONALS and detect.PREDICTION_VETO not in off and detect.prediction(view):
            return Decision(unit.index, None, (detect.PREDICTION_VETO,))  # "If the result holds, she would be the first woman to ...": a record foreseen
    if not cues:
        kind = "event"
        if detect.EVENT in off:
            return Decision(unit.index, None, ())
        if sourced and detect.QUOTED_OPINION not in off and detect.quoted_opinion(view):
            return Decision(unit.index, None, (detect.QUOTED_OPINION,))
        if note is not None:
            cues = [note]
        elif not sourced:
            for rule_id, test in ((detect.PREDICTION_VETO, detect.prediction), (detect.IMPERATIVE_VETO, detect.imperative), (detect.ANALYSIS_VETO, detect.analysis), (detect.GENERIC_VETO, detect.generic)):
                if rule_id not in off and test(view):
                    return Decision(unit.index, None, (rule_id,))
            anchor = detect.event_anchor(view, ctx.proper)
            if anchor is None or detect.word_count(view) < detect.EVENT_MIN_WORDS:
                return Decision(unit.index, None, ())
            cues = [anchor]
        kind_rule = detect.EVENT
    status, credit, rules = _status(credits, orphan, options)
    claim_cues = list(cues)
    if credit is not None and status == VAGUE_STATUS:
        claim_cues.append(_vague_cue(view, credit))
    elif credit is not None:
        claim_cues.append(Cue("attribution", credit.frame.cue, credit.frame.cue_start, credit.frame.cue_end))
    claim_cues.sort(key=lambda c: c.start)
    reason = _reason(view, kind_rule, cues[0].text if cues else "", status, credit, rules)
    source = credit.source if credit is not None and status == ATTRIBUTED else None
    claim = Claim(
        unit=unit.index,
        kind=kind,
        status=status,
        source=credit.name if credit is not None and source is not None else None,
        source_start=source.start if source is not None else None,
        source_end=source.end if source is not None else None,
        cues=tuple(claim_cues),
        reason=reason,
        rules=(kind_rule, *rules),
    )
    return Decision(unit.index, claim, claim.rules)


def _status(credits: list[Credit], orphan: Credit | None, options: Options) -> tuple[str, Credit | None, tuple[str, ...]]:
    """Pick the credit that decides: a named source beats an anonymous one, which beats a vague one."""
    credits = _governing_tag(credits)
    first = min(credits, key=lambda c: c.frame.cue_start) if credits else None
    named = [c for c in credits if c.kind == NAMED and not _embedded(c, first)]
    if named:
        best = min(named, key=lambda c: c.carried)
        return ATTRIBUTED, best, best.rules
    if orphan is not None and orphan.kind == NAMED:
        return ATTRIBUTED, orphan, orphan.rules
    anonymous = [c for c in credits if c.kind == ANONYMOUS] or ([orphan] if orphan is not None and orphan.kind == ANONYMOUS else [])
    if anonymous:
        best = anonymous[0]
        if options.anonymous_as_vague:
            return VAGUE_STATUS, best, best.rules
        return ATTRIBUTED, best, best.rules
    vague_credits = [c for c in credits if c.kind == VAGUE] or ([orphan] if orphan is not None else [])
    if vague_credits:
        return VAGUE_STATUS, vague_credits[0], vague_credits[0].rules
    return UNSOURCED, None, ()


def _governing_tag(credits: list[Credit]) -> list[Credit]:
    """A closing tag governs the sentence before it: "Investigators believe X, a law enforcement official said."

    The named subject of an earlier verb is part of what the tag's source reports, so only the
    tag decides the status (it is kept alone when it is the last frame and ends the sentence).
    """
    if len(credits) < 2:
        return credits
    last = max(credits, key=lambda c: c.frame.cue_start)
    if last.kind == VAGUE and _issued_document(last) and any(c.kind == NAMED for c in credits):
        return [c for c in credits if c is not last]  # "X recorded ..., according to an update issued Thursday": X's update
    if last.frame.trailing and not last.carried and not any(c.frame.trailing for c in credits if c is not last):
        return [last]
    return credits


def _issued_document(credit: Credit) -> bool:
    """ "an update", "a statement issued Thursday": one document, named by no one, that the sentence's named source put out."""
    src = credit.source
    if src is None or src.head not in ISSUED_DOCUMENTS:
        return False
    first = src.text.split(" ", 1)[0].lower()
    return first in ("a", "an")


def _vague_cue(view: View, credit: Credit) -> Cue:
    """The vague source and its verb as written ("estimates suggesting"), or the cue alone ("reportedly")."""
    frame = credit.frame
    src = credit.source
    unit = view.unit
    start, end = frame.cue_start, frame.cue_end
    if not unit.start <= start < unit.end:
        return Cue("vague", frame.cue, start, end)  # carried from an earlier sentence: the cue as written there
    if src is not None and not credit.carried and unit.start <= src.start and src.end <= unit.end:
        start, end = min(src.start, start), max(src.end, end)
    return Cue("vague", unit.text[start - unit.start : end - unit.start], start, end)


def _embedded(credit: Credit, first: Credit | None) -> bool:
    """True for a named frame inside the content of an earlier vague one ("Studies show ... as guidelines recommend").

    The first frame of a sentence governs what follows it; a named source inside that content
    is part of the claim, not its source. A trailing tag (", the agency said.") still governs.
    """
    if first is None or first.kind == NAMED or credit.frame.cue_start <= first.frame.cue_end or first.frame.rule not in GOVERNING:
        return False
    if credit.frame.rule == attribution.ACCORDING_TO:
        return False  # "It is estimated that 53% ..., according to Acme": "according to" credits its own clause
    return not credit.frame.trailing


def _reason(view: View, kind_rule: str, cue: str, status: str, credit: Credit | None, rules: tuple[str, ...]) -> str:
    """One line an editor can act on: what the claim states and what its sourcing lacks."""
    what = message(kind_rule, cue=cue)
    what = what[0].upper() + what[1:]
    if status == UNSOURCED:
        return f"{what} with no source: say who says so."
    assert credit is not None
    if status == VAGUE_STATUS:
        return f'{what}, credited only to "{_vague_cue(view, credit).text}": {message(rules[-1])}.'
    return f"{what}, {message(rules[-1], source=credit.source.text if credit.source else credit.name)}."
