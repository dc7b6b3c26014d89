"""Vague attribution that needs no subject: agentless passives, hedging adverbs, unowned estimates.

Wikipedia's "Words to watch" (MOS:WEASEL) lists the patterns: "it is said", "it has been
reported", "is widely believed", "is regarded as", "reportedly"; the CoNLL-2010 weasel task
(Farkas et al. 2010) showed that such cue words carry most of the signal. Generic and
anonymous subjects of reporting verbs ("experts say", "officials said") are found by
attribution.py and judged by sources.py.
"""

from __future__ import annotations

from typing import Final

from ..text import NUMBER, WORD
from .frames import Frame
from .lexicon import (
    AGENTLESS_PARTICIPLES,
    AS_LABELS,
    AS_LABELS_NEED_ADVERB,
    BE_FORMS,
    CONSENSUS_ADVERBS,
    HEDGE_ADVERBS,
    JUDGED,
    REPORT_NOUNS,
    REPORT_OPENERS,
    TO_FRAME_VETOES,
)
from .sources import VAGUE
from .view import View

AGENTLESS_PASSIVE: Final = "vague.agentless-passive"
HEDGE_ADVERB: Final = "vague.hedge-adverb"
ESTIMATED: Final = "vague.estimated"
GENERIC_SOURCE: Final = "vague.generic-source"
ANONYMOUS_SOURCE: Final = "vague.anonymous"

# How many adverbs or auxiliaries may stand inside "is (widely) believed" / "has (long) been said".
ADVERB_GAP_MAX: Final = 2
# Participles that end a sentence as an agentless report ("No deaths have been reported.").
REPORTED_ENDINGS: Final = frozenset(("reported", "confirmed"))
# How far after "it is believed" its "that" may stand ("it is believed in Seoul that").
THAT_WINDOW: Final = 5
# How far before a report noun its opener may stand ("amid [growing] reports that").
OPENER_GAP_MAX: Final = 3
_NUMBER_WORDS: Final = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion"))
# Estimates with "the" and no estimator ("the estimated cost"); spec: agentless estimates are vague.
UNOWNED_ESTIMATES: Final = frozenset(("estimated", "projected", "predicted", "forecast"))
# Participles that take their clause without "that" after an impersonal "it" ("It is estimated the inquiry will cost").
IT_CLAUSE_PARTICIPLES: Final = frozenset(("estimated", "believed", "thought", "understood", "reported", "predicted", "projected", "feared", "expected", "said", "rumored", "rumoured"))
# What may follow "have been reported" to keep it agentless ("cases have been reported in Harlow").
_REPORTED_WHERE: Final = frozenset(("in", "at", "on", "across", "among", "since", "this", "last", "over", "during", "so", "near", "around", "throughout"))
# How many modifiers may stand before a report noun that opens the sentence ("Unconfirmed media reports").
SUBJECT_MODIFIERS: Final = 3
# How far after that report noun its "that" may stand ("reports have been circulating for several days that").
REPORT_THAT_WINDOW: Final = 10
# Words that give a report an owner ("our reports", "its reports").
_OWNERS: Final = frozenset(("our", "its", "their", "his", "her", "my", "the", "these", "those"))
# Participles of a reduced passive right after their noun ("a fee reported to be about €6m").
REDUCED_PASSIVES: Final = frozenset(("reported", "said", "believed", "thought", "understood", "rumored", "rumoured", "alleged", "estimated"))
_TRIGGERS: Final = BE_FORMS | HEDGE_ADVERBS | REPORT_NOUNS | UNOWNED_ESTIMATES | REDUCED_PASSIVES
_PERFECT: Final = frozenset(("has", "have", "had", "having", "is", "was", "are", "were", "be", "will", "would", "may", "might", "could", "can", "also", "long", "now", "not", "widely", "generally", "often"))


def find(view: View) -> list[Frame]:
    """Every vague frame outside quotations in the sentence, left to right."""
    frames: list[Frame] = []
    if _TRIGGERS.isdisjoint(view.low):
        return frames
    low = view.low
    n = len(low)
    for k in [k for k, w in enumerate(low) if w in _TRIGGERS]:
        w = low[k]
        if view.quoted[k]:
            continue
        if w in BE_FORMS:
            frame = _agentless(view, k)
        elif w in HEDGE_ADVERBS:
            frame = Frame(HEDGE_ADVERB, VAGUE, view.toks[k].start, view.toks[k].end, view.toks[k].text, None)
        elif w == "estimated" and k > 0 and low[k - 1] == "an" and k + 1 < n and _is_number(view, k + 1):
            frame = Frame(ESTIMATED, VAGUE, view.toks[k - 1].start, view.toks[k].end, view.text(k - 1, k + 1), None)
        elif w in UNOWNED_ESTIMATES and k > 0 and low[k - 1] == "the" and k + 1 < n and view.toks[k + 1].kind == WORD and low[k + 1] not in ("by", "at"):
            # "The estimated cost to savers is up to 40%": an estimate nobody is said to have made
            frame = Frame(ESTIMATED, VAGUE, view.toks[k - 1].start, view.toks[k].end, view.text(k - 1, k + 1), None)
        elif w in REPORT_NOUNS and k + 1 < n and low[k + 1] in ("that", "of", "suggesting", "indicating") and _opened(view, k):
            frame = Frame(GENERIC_SOURCE, VAGUE, view.toks[k].start, view.toks[k + 1].end, view.text(k, k + 2), None)
        elif w in REPORT_NOUNS and w.endswith("s") and k - view.initial <= SUBJECT_MODIFIERS and "that" in low[k + 1 : k + 1 + REPORT_THAT_WINDOW] and _subject_reports(view, k):
            # "Unconfirmed reports have been rife that ...", "Rumors are circulating that ...": reports of no one
            frame = Frame(GENERIC_SOURCE, VAGUE, view.toks[view.initial].start, view.toks[k].end, view.text(view.initial, k + 1), None)
        elif w in REDUCED_PASSIVES and _reduced_passive(view, k):
            # "a fee reported to be about €6m", "a stake thought to be worth £2m": reported by no one
            frame = Frame(AGENTLESS_PASSIVE, VAGUE, view.toks[k].start, view.toks[k + 2].end, view.text(k, k + 3), None)
        else:
            frame = None
        if frame is not None:
            frames.append(frame)
    return frames


def _reduced_passive(view: View, k: int) -> bool:
    """ "a fee reported to be", "a stake thought to have": a participle after its noun, no "is", then "to be"/"to have"."""
    low = view.low
    return (
        0 < k and k + 2 < len(low) and low[k + 1] == "to" and low[k + 2] in ("be", "have")
        and view.toks[k - 1].kind == WORD and low[k - 1] not in BE_FORMS and low[k - 1] not in _PERFECT
        and not view.quoted[k]
    )


def _agentless(view: View, k: int) -> Frame | None:
    """ "it has been reported that", "is said to", "is widely regarded as" with no "by" agent."""
    low = view.low
    n = len(low)
    j = k + 1
    adverb = False
    while j < n and low[j] in CONSENSUS_ADVERBS and j - k <= ADVERB_GAP_MAX:
        adverb = True
        j += 1
    if j < n and low[j] in JUDGED and not view.quoted[j]:
        nxt = low[j + 1] if j + 1 < n else "."
        if nxt in ("for", "of", "as", "with"):
            return _frame(view, k, j)  # "has been criticized for", "is accused of"
        return None
    if j >= n or low[j] not in AGENTLESS_PARTICIPLES or view.quoted[j]:
        return None
    p = low[j]
    nxt = low[j + 1] if j + 1 < n else "."
    if nxt == "by":
        return None  # an agent: attribution.py reads it
    frame = False
    if _it_subject(view, k) and (nxt in ("that", ",") or "that" in low[j + 1 : j + 1 + THAT_WINDOW]):
        frame = True  # "it is believed that", "it is widely believed at City Hall that"
    elif _it_subject(view, k) and p in IT_CLAUSE_PARTICIPLES and view.toks[j + 1].kind == WORD and nxt not in ("by", "as", "for", "with", "to"):
        frame = True  # "It is estimated the inquiry will cost ...": the clause follows without "that"
    elif nxt == "to" and (p not in TO_FRAME_VETOES or adverb):  # "is widely expected to"
        frame = True  # "is said to", "is thought to"
    elif nxt == "as" and p in AS_LABELS and (p not in AS_LABELS_NEED_ADVERB or adverb):
        frame = True  # "is recognized as", "is widely seen as"
    elif adverb and p in AGENTLESS_PARTICIPLES and p not in TO_FRAME_VETOES and nxt in ("that", ",", "."):
        frame = True  # "as is widely believed", "is widely reported"
    elif p in REPORTED_ENDINGS and (nxt in (".", ";", "!") or nxt in _REPORTED_WHERE):
        frame = True  # "No deaths have been reported.", "Two injuries were reported."
    if not frame:
        return None
    return _frame(view, k, j)


def _frame(view: View, k: int, j: int) -> Frame:
    """The agentless frame from its be-form at `k` (with "it has been" before it) to the participle at `j`."""
    low = view.low
    start = k
    while start > 0 and low[start - 1] in _PERFECT and start > k - 3:
        start -= 1
    if start > 0 and low[start - 1] == "it":
        start -= 1
    return Frame(AGENTLESS_PASSIVE, VAGUE, view.toks[start].start, view.toks[j].end, view.text(start, j + 1), None)


def _it_subject(view: View, k: int) -> bool:
    """True when the be-form at `k` belongs to an impersonal "it" ("it has long been said")."""
    j = k - 1
    while j >= 0 and view.low[j] in _PERFECT and k - j <= 3:
        j -= 1
    return j >= 0 and view.low[j] == "it"


def _subject_reports(view: View, k: int) -> bool:
    """True when the report noun at `k` heads the sentence's subject: only modifiers before it, none naming an owner."""
    for j in range(view.initial, k):
        if view.names[j] or view.low[j].endswith("'s") or view.low[j] in _OWNERS or not view.is_word(j):
            return False  # "Reuters reports that", "the ministry's reports that": owned
    return True


def _opened(view: View, k: int) -> bool:
    """True when a report noun follows "there are", "amid", "following" ... with no owner named."""
    for j in range(max(0, k - OPENER_GAP_MAX), k):
        if view.low[j] in REPORT_OPENERS:
            return True
    return False


def _is_number(view: View, k: int) -> bool:
    """A number, a number word or a currency sign at token `k`."""
    return view.toks[k].kind == NUMBER or view.low[k] in _NUMBER_WORDS or view.toks[k].text[:1] in "$£€"
