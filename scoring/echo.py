"""Echo quotes in other words: a quotation that says again, in the speaker's voice, the refusal or the judgement of the paraphrase just before it.

The spec counts an echo quote as a restatement of that paraphrase (spec/annotation.md,
Conventions: "An echo quote, a quotation that repeats the paraphrase just before it and adds
nothing"). The content test (repetition.py) finds echoes that share the paraphrase's words;
these two share almost none, yet tell the reader nothing new:
- a refusal: "The chairman refused to give any details of the sale." then 'He told reporters:
  "I won't go into the numbers."' (scoring/data/echo_quotes.toml, [refusal]);
- a judgement of the same sign about the same thing: "The ticket price compares favourably
  with other clubs', the fans' group said." then '"It is a very fair price point."'
  ([evaluation]).
Either way the quotation must follow the paraphrase at once, be the same speaker's (no source
of its own, or a source word in common), and say nothing else the paraphrase had not said.
"""

from __future__ import annotations

from typing import Final

from .lexicons import load
from .terms import CONTENT
from .text import WORD, Token, Unit

_DATA: Final = load("echo_quotes")
REFUSAL_VERBS: Final = _DATA.terms("refusal.verbs")
REFUSAL_NEGATIONS: Final = _DATA.terms("refusal.negations")
WITHHELD: Final = _DATA.terms("refusal.withheld")
POSITIVE: Final = _DATA.terms("evaluation.positive")
NEGATIVE: Final = _DATA.terms("evaluation.negative")
# A negation ending a contraction: "can't", "won't", "didn't" (Document.norm folds a typographic
# apostrophe to "'", as repetition.NEGATED_SUFFIX relies on too).
NEGATED_SUFFIX: Final = "n't"
# "Go" and "get" tell only before "into" ("not going into the numbers", "won't get into
# that"): "not going to close the plant" is the future, "not going anywhere" staying put.
PARTICLE_VERBS: Final = frozenset(("go", "going", "get", "getting"))
PARTICLE: Final = "into"
# A refusal is its verb or negation and a verb of telling at most this many words later:
# "declined to comment", "refused to immediately give", "I am not going into", "not going to
# comment on".
REFUSAL_WINDOW: Final = 3
# How sure an echo is: a refusal said again is the plainest echo there is; a judgement said
# again is a little less sure (the quotation may weigh a different side of the same thing).
REFUSAL_CONFIDENCE: Final = 0.8
JUDGEMENT_CONFIDENCE: Final = 0.7
# What echo_hint says an echo quote says again.
REFUSAL: Final = "refusal"
JUDGEMENT: Final = "judgement"


def refusal_span(unit: Unit, quoted: list[bool], inside: bool) -> tuple[int, int]:
    """The tokens (first, past-last) of a refusal in the unit's quoted words (`inside`) or its others; (-1, -1) for none."""
    toks = unit.tokens
    n = len(toks)
    for k in range(n):
        if quoted[k] != inside:
            continue
        lex = toks[k].lexeme
        if lex.kind != WORD:
            continue
        low = lex.lower
        if low in REFUSAL_VERBS:
            if k + 1 < n and toks[k + 1].lexeme.lower == "to":
                end = _withheld_after(toks, quoted, inside, k + 1)
                if end > 0:
                    return k, end
        elif low in REFUSAL_NEGATIONS or low.endswith(NEGATED_SUFFIX):
            end = _withheld_after(toks, quoted, inside, k)
            if end > 0:
                return k, end
    return -1, -1


def _withheld_after(toks: tuple[Token, ...], quoted: list[bool], inside: bool, k: int) -> int:
    """The index past a verb of telling within REFUSAL_WINDOW words after token `k`, 0 for none ("go" and "get" only before "into")."""
    n = len(toks)
    for m in range(k + 1, min(n, k + 1 + REFUSAL_WINDOW)):
        if quoted[m] != inside or toks[m].lexeme.kind != WORD:
            return 0
        low = toks[m].lexeme.lower
        if low in PARTICLE_VERBS:
            if m + 1 < n and toks[m + 1].lexeme.lower == PARTICLE:
                return m + 2  # "I am not going into the numbers"
        elif low in WITHHELD:
            return m + 1
    return 0


def judgement(unit: Unit, skip: list[bool]) -> tuple[int, list[int]]:
    """The sign of the unit's judgements outside `skip` (+1, -1, 0 for none or both) and the tokens that carry them."""
    sign = 0
    where: list[int] = []
    toks = unit.tokens
    for k in range(len(toks)):
        if skip[k]:
            continue
        low = toks[k].lexeme.lower
        s = 1 if low in POSITIVE else -1 if low in NEGATIVE else 0
        if s:
            if sign and s != sign:
                return 0, []  # praise and blame at once: no single judgement to echo
            sign = s
            where.append(k)
    return sign, where


def echo_hint(
    quote: Unit,
    quote_inside: list[bool],
    quote_marks: list[int],
    para: Unit,
    para_inside: list[bool],
    para_marks: list[int],
    memo: list[tuple[str, bool] | None],
    para_speaker: frozenset[str],
    quote_speaker: frozenset[str],
) -> tuple[str, frozenset[str]] | None:
    """Whether `quote` may echo `para` just before it: (REFUSAL or JUDGEMENT, the terms of the words that carry it), or None.

    Token-level tests only (repetition.find_restatements then asks that the quotation say
    nothing else the paraphrase had not said): `quote` holds quoted words and `para` opens
    outside a quotation; the quotation is the paraphrase's speaker's (no source of its own, or a
    source word in common with the paraphrase's source or, for a refusal, its subject); both
    refuse, or both judge with the same sign.
    `*_inside` flag each token inside a quotation; `*_marks` are terms.frame_marks.
    """
    if not any(quote_inside) or (para_inside and para_inside[0]):
        return None
    framed = [m != CONTENT for m in para_marks]  # the paraphrase's frame set aside
    start = refusal_span(para, para_inside, False)[0]
    if start >= 0:
        q_start, q_end = refusal_span(quote, quote_inside, True)
        if q_start < 0:
            return None
        subject = _terms_of(para, 0, start, memo, framed)  # "The chairman refused": who refused
        if quote_speaker and not quote_speaker & (para_speaker | subject):
            return None
        return REFUSAL, _terms_of(quote, q_start, q_end, memo, None)
    if not para_speaker or (quote_speaker and not quote_speaker & para_speaker):
        return None
    sign = judgement(para, framed)[0]
    if not sign:
        return None
    # the quotation's own words only: not its tag, nor anything outside the quotation marks
    quote_sign, where = judgement(quote, [not inside or mark != CONTENT for inside, mark in zip(quote_inside, quote_marks)])
    if quote_sign != sign:
        return None
    carried: set[str] = set()
    for k in where:
        entry = memo[quote.tokens[k].lexeme.ordinal]
        if entry is not None and entry[0]:
            carried.add(entry[0])
    return JUDGEMENT, frozenset(carried)


def _terms_of(unit: Unit, start: int, end: int, memo: list[tuple[str, bool] | None], skip: list[bool] | None) -> frozenset[str]:
    """The terms of the unit's tokens from `start` to `end` (not those `skip` flags)."""
    out: set[str] = set()
    toks = unit.tokens
    for k in range(start, end):
        if skip is not None and skip[k]:
            continue
        entry = memo[toks[k].lexeme.ordinal]
        if entry is not None and entry[0]:
            out.add(entry[0])
    return frozenset(out)
