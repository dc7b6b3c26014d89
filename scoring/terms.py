"""Content terms of a unit: lower-cased, stemmed words with function, attribution and filler words left out."""

from __future__ import annotations

import re
from typing import Final

from .charclass import is_alpha, is_upper, starts_upper
from .figures import AMOUNT_VERB_CLASS, GENERIC_NOUNS, IRREGULAR, KNOWN_VERBS, NOUN_CLASS, PLURALS, VERB_CLASS, Figure, singular, stem
from .lexicons import load
from .numbers import format_value
from .text import WORD, Token, Unit, lexeme_slots

_STOPWORDS: Final = load("stopwords_en")
# Framing and hedges are set aside with the function words: "a fairly wet spring" says what
# "a wet spring" says (spec/annotation.md, Repetition).
FRAMING: Final = _STOPWORDS.terms("lists.framing")
ATTRIBUTION: Final = _STOPWORDS.terms("lists.attribution")
# Words that make a unit a hedge or an expectation rather than an assertion of what happened.
HEDGES: Final = _STOPWORDS.terms("lists.hedges")
STOPWORDS: Final = _STOPWORDS.terms("lists.function") | ATTRIBUTION | _STOPWORDS.terms("lists.filler") | FRAMING | HEDGES
# Verbs that introduce a source: the words before them ("Jane Smith, the county's health
# director, said") or after them ("said Jane Smith") name who says it, not what is said.
REPORTING_VERBS: Final = frozenset(
    ("said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "noted", "explained", "insisted",
     "argued", "claimed", "wrote", "recalled", "testified", "announced", "confirmed", "warned", "stressed",
     "acknowledged", "admitted", "commented", "remarked", "declared", "asserted", "maintained", "continued",
     # what a document, study or data set says: "the survey showed", "the study found"
     "show", "shows", "showed", "found", "finds", "suggests", "suggested", "indicates", "indicated", "revealed",
     "reveals",
     # what a named person is reported to think, suspect or fear: "Flores suspected high costs
     # were to blame" credits the content to Flores as "said" would (Reuters Handbook of
     # Journalism, "attribution": verbs of belief as attribution)
     "suspected", "suspects", "believes", "believed", "thinks", "fears", "feared")
)
# A source phrase longer than this many tokens is read as content: "The storm that hit the
# coast on Monday and closed three schools said ..." is no source.
SOURCE_MAX_TOKENS: Final = 12
# What ends a source phrase read backwards from its verb.
_SOURCE_BREAKS: Final = frozenset((",", ":", ";", '"', "(", ")", "-", "\u2014", "\u2013"))
# Comparative and superlative endings folded onto the adjective ("busiest", "busier" -> "busy"),
# then the inflections a light stemmer removes, longest first.
_SUFFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("iest", "y"), ("ier", "y"), ("ied", "y"), ("ness", ""), ("ment", ""), ("ing", ""), ("est", ""), ("ed", ""), ("ly", ""),
    ("er", ""),
)
# Inflections after which a doubled final consonant is undoubled ("planned", "banning" ->
# "plan", "ban"), except l, s and z, which English doubles in the stem ("fall", "pass", "buzz"):
# Porter (1980), "An algorithm for suffix stripping", step 1b.
_UNDOUBLE_AFTER: Final = frozenset(("ing", "ed", "er", "est"))
_KEEP_DOUBLE: Final = frozenset("lsz")
# The same rules by a word's last letter, in their order: a word is tried only against the
# suffixes it can end with. (Typed as tuples of any length: a fixed-length tuple constant is
# a C struct under mypyc, rebuilt as Python tuples on every loop over it.)
_SUFFIXES_BY_LAST: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    last: tuple(rule for rule in _SUFFIXES if rule[0][-1] == last) for last in {s[-1] for s, _ in _SUFFIXES}
}
_DIGIT_RE: Final = re.compile(r"\d")  # one character class, no repetition: linear
_NO_NAMES: Final[frozenset[str]] = frozenset()
# Stems shorter than this are left whole: "bus", "red", "ring" would lose their meaning.
MIN_STEM: Final = 3


# Irregular forms of news verbs and nouns (news_synonyms.toml, [irregular]), with figures.IRREGULAR.
NEWS_IRREGULAR: Final[dict[str, str]] = dict(load("news_synonyms").tables["irregular"])
# Plurals without an "s" and irregular verb forms, to their base form, in one table (figures'
# tables and NEWS_IRREGULAR): one look-up per word.
_BASE_FORMS: Final[dict[str, str]] = {**PLURALS, **IRREGULAR, **NEWS_IRREGULAR}


def term(word: str) -> str:
    """Normalize one lower-case word to the term compared between units, news synonyms read as one ("shut" -> "close")."""
    t = _stem_term(word)
    return SYNONYMS.get(t, t)


def _stem_term(word: str) -> str:
    """One lower-case word's stem or noun/verb class, before synonyms."""
    base = singular(word)
    # "children" -> "child", "bought" -> "buy", "struck" -> "strike": then read as the base form
    base = _BASE_FORMS.get(base, base)
    noun = NOUN_CLASS.get(base)
    if noun is not None:
        return noun
    verb = stem(base)
    if verb in KNOWN_VERBS:
        return VERB_CLASS.get(verb) or AMOUNT_VERB_CLASS[verb]
    rules = _SUFFIXES_BY_LAST.get(base[-1:])
    if rules is not None:
        for suffix, repl in rules:
            if base.endswith(suffix) and len(base) - len(suffix) >= MIN_STEM:
                base = base[: -len(suffix)] + repl
                if suffix in _UNDOUBLE_AFTER and len(base) > MIN_STEM and base[-1] == base[-2] and base[-1] not in _KEEP_DOUBLE:
                    base = base[:-1]
                break
    if len(base) > MIN_STEM and base[-1] == "e":
        base = base[:-1]  # "capture" and "captured" both give "captur", "vote" and "voted" "vot"
    return base


_NEWS_SYNONYMS: Final = load("news_synonyms")


def _synonym_table() -> dict[str, str]:
    """Each synonym's stemmed form to its group's name, "=" first (scoring/data/news_synonyms.toml)."""
    table: dict[str, str] = {}
    classes = set(NOUN_CLASS.values()) | set(VERB_CLASS.values()) | set(AMOUNT_VERB_CLASS.values())
    for key in ("events", "groups"):
        for group, words in _NEWS_SYNONYMS.tables[key].items():
            for w in words:
                t = _stem_term(w)
                if t not in classes:  # a word figures_referents.toml already classes keeps that class
                    table[t] = "=" + group
    return table


SYNONYMS: Final[dict[str, str]] = _synonym_table()


def _kinds_table() -> dict[str, str]:
    """Each specific word's term to its general word's term ("ferry" -> "=vessel"; news_synonyms.toml, [kinds])."""
    table: dict[str, str] = {}
    for general, words in _NEWS_SYNONYMS.tables["kinds"].items():
        g = term(general)
        for w in words:
            t = term(w)
            if t != g:
                table[t] = g
    return table


# A unit that names a kind says its general word too: "the boats" after "the ferries" is no news.
KINDS: Final[dict[str, str]] = _kinds_table()
# Terms that name an event: one the article had not named makes a unit news, never a
# restatement ("two hospital admissions and a steady rise ..." after "a steady rise ...").
EVENT_TERMS: Final = (
    frozenset("=" + g for g in _NEWS_SYNONYMS.tables["events"])
    | frozenset(SYNONYMS.get(v, v) for v in VERB_CLASS.values())
    | frozenset(SYNONYMS.get(v, v) for v in AMOUNT_VERB_CLASS.values())
    | frozenset(SYNONYMS.get(n, n) for n in ("victim",))
)


_RECORDS: Final = load("claims_kinds")


def _record_marks(comparatives: bool) -> dict[str, str]:
    """Each word that states a record or a rank, as written, to its record term (RECORD_PREFIX and its adjective's term).

    The words of claims_kinds.toml [record] ("largest", "record", "first"); with `comparatives`,
    the comparative of each superlative instead ("larger"), which states the same record after
    "no" or "never" ("no summer has been busier").
    """
    marks: dict[str, str] = {}
    for w in _RECORDS.terms("record.superlatives"):
        mark = RECORD_PREFIX + term(w)
        if not comparatives:
            marks[w] = mark
        elif w.endswith("iest"):
            marks[w[:-4] + "ier"] = mark  # "busiest", "busier"
        elif w.endswith("est"):
            marks[w[:-3] + "er"] = mark  # "largest", "larger"; "biggest", "bigger"
    if not comparatives:
        for w in _RECORDS.terms("record.words") | _RECORDS.terms("record.ordinals"):
            if w != "last":  # "last" mostly says when: "last week"
                marks[w] = RECORD_PREFIX + w
    return marks


# A unit with a word that states a record or a rank also holds its record term, so that a record
# the article had not stated makes the unit news ("Okafor is the first substitute to score in a
# final" after "Substitute Okafor scored twice in the final"), as a new event does; "the busiest
# summer" after "no summer has been busier" states none (both hold "^busy").
RECORD_PREFIX: Final = "^"
RECORD_MARKS: Final[dict[str, str]] = _record_marks(False)
# ... and a comparative after "no" or "never" in the unit states the record of its superlative
# ("No summer has been busier", "has never had a busier season"); alone it compares ("smaller classes").
COMPARATIVE_MARKS: Final[dict[str, str]] = _record_marks(True)
NEGATED_RECORD: Final = frozenset(("no", "never"))
# "First" states a rank only before a noun that is no plain sequence ("the first substitute to
# score", not "the first half": claims_kinds.toml, [record] ordinal_vetoes), and a rank of what
# that word names: its record term takes the word ("^first substitute", "^first major").
RECORD_ORDINALS: Final = _RECORDS.terms("record.ordinals")
ORDINAL_SEQUENCES: Final = _RECORDS.terms("record.ordinal_vetoes")


def _phrase_table() -> dict[str, str]:
    """Each two-word phrase as "first-term second-word" to its event's term (news_synonyms.toml, [phrases])."""
    table: dict[str, str] = {}
    for phrase, event in _NEWS_SYNONYMS.tables["phrases"].items():
        head, tail = phrase.split(" ")
        first = head if head in STOPWORDS or head in GENERIC_NOUNS else term(head)  # as unit_profile reads it
        table[first + " " + tail] = term(event)
    return table


# Two-word phrases read as one event ("stepped down" is "resigned"), keyed by the first word's
# term (or the word itself when it has none: "total loss") and the second word as written.
PHRASES: Final[dict[str, str]] = _phrase_table()
_PHRASE_ENDS: Final = frozenset(p.split(" ")[1] for p in PHRASES)
_MARKED_WORDS: Final = _PHRASE_ENDS | {"too"} | frozenset(RECORD_MARKS) | frozenset(COMPARATIVE_MARKS) | NEGATED_RECORD

# "too" before a word ("too much", "too slow") judges what it qualifies: a source's assessment,
# news the bare verb does not carry ("the plan spends too much" after "the plan spends $2
# billion"). "too" before a mark ("he was hurt, too.") means "also" and says nothing.
EXCESS_TERM: Final = "=too"


def unit_terms(unit: Unit, figures: tuple[Figure, ...] = (), memo: list[tuple[str, bool] | None] | None = None) -> frozenset[str]:
    """The set of content terms of a unit, figure values included as "#11000"; `memo` caches each word's term per article, by Lexeme ordinal."""
    return frozenset(unit_profile(unit, figures, memo)[0])


def unit_profile(
    unit: Unit, figures: tuple[Figure, ...] = (), memo: list[tuple[str, bool] | None] | None = None
) -> tuple[tuple[str, ...], frozenset[str]]:
    """A unit's distinct content terms (in no particular order) and its names (capitalized words other than a sentence's first), in one pass.

    The terms are a tuple, not a frozenset: a long article holds one per unit, and a tuple of
    12 terms takes 136 bytes against 728.
    """
    if memo is None:
        memo = [None] * lexeme_slots((unit,))
    out: set[str] = set()
    names: set[str] = set()
    first = True
    excess = False  # the word before was "too"
    before = ""  # the word before: its term, or its lower case for a word with none ("total")
    ordinal = ""  # the record term of "first" just before, kept unless a sequence noun follows ("first half")
    never = False  # "no" or "never" so far: a comparative after it states a record
    for tok in unit.tokens:
        lex = tok.lexeme  # the token's text, kind and lower case, read once
        text = lex.text
        if ordinal:
            if lex.kind != WORD:
                out.add(ordinal)
            elif lex.lower not in ORDINAL_SEQUENCES:
                out.add(ordinal + " " + lex.lower)  # "the first substitute", not "the first half"; another than "first major trophy"
            ordinal = ""
        if lex.kind != WORD:
            if text == "." or text == '"':
                first = True  # a quotation or a new sentence starts with a capital too
            excess = False
            before = ""
            continue
        if excess:
            out.add(EXCESS_TERM)  # "spends too much": the source's assessment, which "spends" does not say
            excess = False
        low = lex.lower
        entry = memo[lex.ordinal]
        if entry is None:
            entry = memo[lex.ordinal] = _word_entry(text, low, lex.alpha)
        t, capitalized = entry
        if t:
            out.add(t)
            if capitalized and not first:
                names.add(t)
        first = False
        if low in _MARKED_WORDS:  # one set look-up per word for the three rare cases below
            mark = RECORD_MARKS.get(low)
            if mark is not None:
                if low in RECORD_ORDINALS:
                    ordinal = mark  # decided by the next word
                else:
                    out.add(mark)  # "the largest contract": a record, news if the article had not stated it
            elif low in NEGATED_RECORD:
                never = True
            elif never and low in COMPARATIVE_MARKS:
                out.add(COMPARATIVE_MARKS[low])  # "no summer has been busier": the busiest
            if low == "too":
                excess = True
            elif before:
                event = PHRASES.get(before + " " + low)
                if event is not None:  # "stepped down": one event, "=resign", in place of its two words
                    out.discard(before)
                    out.discard(t)
                    out.add(event)
        before = t or low
    if ordinal:
        out.add(ordinal)
    for fig in figures:
        if fig.measure not in ("date", "year"):
            out.add("#" + format_value(fig.value))
    return tuple(out), (frozenset(names) if names else _NO_NAMES)


def _word_entry(text: str, lower: str, alpha: bool) -> tuple[str, bool]:
    """A word token's term ("" for none) and whether it is written capitalized (not all capitals): done once per word."""
    # `alpha` says `lower` is all letters (Lexeme.alpha)
    w = lower
    if w.endswith("'s"):
        w = w[:-2]
        alpha = is_alpha(w)
    # all letters (most words) means no digit: the regex only reads the rest
    t = "" if w in STOPWORDS or w in GENERIC_NOUNS or len(w) < 2 or (not alpha and _DIGIT_RE.search(w)) else term(w)
    # `lower` is `text` itself only for a word that starts with no capital (text.tokenize's rule)
    return t, lower is not text and starts_upper(text) and not is_upper(text)


# What each token of a unit is to the restatement test (frame_marks): content, or a part of
# its frame, set aside before asking whether it says anything new (spec/annotation.md,
# Repetition: attribution, framing; Conventions: an inline dateline).
CONTENT: Final = 0
# Who says it: "Jane Smith, a spokeswoman, said", ", said the mayor", "according to the agency".
SPEAKER: Final = 1
# To whom and where it was said, after the verb: "told reporters outside his department", '," the
# mayor said at the time.': attribution, yet not who speaks ("his" there is no one's own thing).
AUDIENCE: Final = 2
# An inline dateline opening a paragraph's first sentence: "WESTMINSTER (Wire) --", "OSLO, Norway -".
DATELINE: Final = 3
# The source's assessment of what it reports, in a participle clause: ', calling it "aggressive"'.
ASSESSMENT: Final = 4
# A denial frame: "has rejected allegations that", "denied claims that": the source says the
# clause after it is untrue, a denial of that clause and no event of its own.
DENIAL: Final = 5

# An inline dateline is a place in capitals, then capitalized words, numbers and marks (a state,
# a date, an agency in brackets or slashes: "PASADENA, Calif., March 13, 2012 /PRNewswire/"),
# then a dash ("--", "-" or an em or en dash) within this many tokens (The Associated Press
# Stylebook, "datelines"; spec/annotation.md, Conventions: an inline dateline stays inside the
# first sentence, and is no news).
DATELINE_MAX_TOKENS: Final = 16
DATELINE_DASHES: Final = frozenset(("-", "\u2014", "\u2013"))
# Participles that give the source's own assessment of what it has just reported: ", calling it
# 'aggressive'", ", describing the plan as reckless", ", hailing it as a turning point". The
# clause is evaluation in the source's voice, framing to the restatement test (spec/annotation.md,
# Repetition: evaluative framing is set aside); the verbs are those of the AP Stylebook's and
# WordNet 3.0's "call, label, describe, characterize" sense (ascribe a quality to something).
ASSESSMENT_VERBS: Final = frozenset(
    ("calling", "describing", "labelling", "labeling", "branding", "dubbing", "hailing", "terming", "characterizing",
     "characterising")
)
# ... read only before a pronoun or a determiner ("calling it", "calling the deal"): "calling for
# an inquiry" and "calling on residents" are demands, new events ...
ASSESSMENT_OBJECTS: Final = frozenset(("it", "them", "him", "her", "this", "that", "the", "its", "their", "his"))
# ... and only when the clause, to the next comma, semicolon or full stop outside a quotation,
# is at most this many tokens long: a longer one is more than an epithet.
ASSESSMENT_MAX_TOKENS: Final = 16
# Verbs of denial: those The Associated Press Stylebook ("refute") offers for a denial that makes
# no judgment (deny, dispute, rebut), "refute" itself, and "reject" (Merriam-Webster: "to refuse
# to accept"; rejecting an allegation is denying it). ("Dismiss" is left out: "the judge dismissed
# the claims that ..." is a court's act.) ...
DENIAL_FRAME_VERBS: Final = frozenset(
    ("deny", "denies", "denied", "denying", "dispute", "disputes", "disputed", "disputing", "rebut", "rebuts",
     "rebutted", "rebutting", "reject", "rejects", "rejected", "rejecting", "refute", "refutes", "refuted", "refuting")
)
# ... before one of these nouns and "that" ("rejected allegations that he ...", "denied the claims
# that ..."): the verb and the noun frame a denial of the clause, as "said it was not true that"
# would; "rejected the offer" stays an event. (Not "charges": in "denied the charges that police
# brought" the "that" opens a relative clause, and the charges are the news.)
DENIED_NOUNS: Final = frozenset(
    ("claim", "claims", "allegation", "allegations", "accusation", "accusations", "suggestion", "suggestions", "report",
     "reports", "suspicion", "suspicions")
)


def frame_marks(unit: Unit, quotes: list[tuple[int, int]], opens_paragraph: bool, inside: list[bool] | None = None) -> list[int]:
    """What each token of the unit is: CONTENT, or its SPEAKER, AUDIENCE, DATELINE, ASSESSMENT or DENIAL (set aside by the restatement test).

    Who says a fact is attribution, set aside by the restatement test (spec/annotation.md:
    "Adding only a source to a fact already stated is a restatement"). A source is the words
    before a reporting verb back to the unit's start, a comma or a quotation mark; the words
    after it when it follows a comma or a closing quote ("," said Jane Smith); the person told
    ("told the BBC:"), an audience; and the words after "according to". An inline dateline
    opens a paragraph's first sentence (`opens_paragraph`); an assessment clause follows a
    comma. `quotes` are the document's quotation spans that overlap the unit; `inside`, when
    given, is inside_flags(unit.tokens, quotes), worked out once by the caller. Linear: each
    reporting verb reads at most SOURCE_MAX_TOKENS words either side, a dateline
    DATELINE_MAX_TOKENS and an assessment ASSESSMENT_MAX_TOKENS.
    """
    toks = unit.tokens
    n = len(toks)
    if inside is None:
        inside = inside_flags(toks, quotes) if quotes else [False] * n
    marks = [CONTENT] * n
    if opens_paragraph:
        _mark_dateline(toks, inside, marks)
    for i in range(n):
        if inside[i] or toks[i].lexeme.kind != WORD or marks[i] == DATELINE:
            continue
        low = toks[i].lexeme.lower
        if low not in _FRAME_WORDS:
            continue  # most words: one set look-up
        if low == "according" and i + 1 < n and toks[i + 1].lexeme.lower == "to":
            # "According to the lender's index, values fell 1.8%": an opening source ends at its comma
            _pick_forward(toks, inside, marks, i + 2, n, _opens(toks, marks, i), SPEAKER)
        elif low == "citing":
            _pick_forward(toks, inside, marks, i + 1, n, True, SPEAKER)  # "citing records from a partner agency,"
        elif low in ASSESSMENT_VERBS:
            _mark_assessment(toks, inside, marks, i, n)
        elif low in DENIAL_FRAME_VERBS:
            _mark_denial(toks, inside, marks, i, n)
        elif low in REPORTING_VERBS and not _capitalized_inside(toks, i) and not _passive(toks, i) and not _takes_object(toks, i, n):
            marks[i] = SPEAKER  # the verb is attribution too ("suspected", "believes")
            if i > 0 and _inverted(toks, i):
                _pick_forward(toks, inside, marks, i + 1, n, False, SPEAKER)  # ', said Jane Smith, the mayor.'
            else:
                after_quote = _pick_back(toks, inside, marks, i)
                if low == "told" or low == "tells" or after_quote:
                    # "told the BBC:", and a tag after a quotation: '," the mayor said at the time.'
                    _pick_forward(toks, inside, marks, i + 1, n, True, AUDIENCE)
    return marks


# Every word that opens a source or an assessment in frame_marks.
_FRAME_WORDS: Final = REPORTING_VERBS | ASSESSMENT_VERBS | DENIAL_FRAME_VERBS | {"according", "citing"}


def frame_terms(
    unit: Unit, marks: list[int], memo: list[tuple[str, bool] | None]
) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of the unit's frame (every token not CONTENT) and those of its SPEAKER alone, from frame_marks."""
    out: set[str] = set()
    who: set[str] = set()
    toks = unit.tokens
    for i in range(len(toks)):
        mark = marks[i]
        if mark == CONTENT:
            continue
        lex = toks[i].lexeme
        if lex.kind != WORD:
            continue
        entry = memo[lex.ordinal]
        if entry is None:
            entry = memo[lex.ordinal] = _word_entry(lex.text, lex.lower, lex.alpha)
        if entry[0]:
            out.add(entry[0])
            if mark == SPEAKER:
                who.add(entry[0])
    return (frozenset(out) if out else _NO_NAMES), (frozenset(who) if who else _NO_NAMES)


def source_terms(
    unit: Unit, quotes: list[tuple[int, int]], memo: list[tuple[str, bool] | None]
) -> frozenset[str]:
    """The terms of the unit's source phrases ("Jane Smith, a spokeswoman, said", "according to the agency", "told the BBC"), outside quotations (frame_marks)."""
    marks = frame_marks(unit, quotes, False)
    for i in range(len(marks)):
        if marks[i] == ASSESSMENT:
            marks[i] = CONTENT
    return frame_terms(unit, marks, memo)[0]


def _capitalized_inside(toks: tuple[Token, ...], i: int) -> bool:
    """True for a word written with a capital after the unit's first word: a name ("the United States"), not the verb "states"."""
    return i > 0 and starts_upper(toks[i].lexeme.text)


def _mark_dateline(toks: tuple[Token, ...], inside: list[bool], marks: list[int]) -> None:
    """Mark an inline dateline that opens the unit ("WESTMINSTER (Wire) --"): a word in capitals, capitalized words, numbers and marks, a dash."""
    n = len(toks)
    if not n or inside[0]:
        return
    first = toks[0].lexeme
    if first.kind != WORD or len(first.text) < 2 or not is_upper(first.text) or not first.alpha:
        return
    for k in range(1, min(n, DATELINE_MAX_TOKENS)):
        lex = toks[k].lexeme
        if inside[k] or lex.text == '"':
            return
        if lex.text in DATELINE_DASHES:
            end = k + 1
            while end < n and toks[end].lexeme.text in DATELINE_DASHES:
                end += 1  # "--" is two tokens
            if end >= n:
                return  # nothing after the dash: no lede behind it
            for j in range(end):
                marks[j] = DATELINE
            return
        if lex.kind == WORD and not starts_upper(lex.text):
            return  # a lower-case word: a sentence, not a dateline
    return


def _mark_denial(toks: tuple[Token, ...], inside: list[bool], marks: list[int], verb: int, n: int) -> None:
    """Mark a denial frame ("rejected allegations that", "denied the claims that"): the verb, an optional "the", a DENIED_NOUNS noun and "that"."""
    k = verb + 1
    if k < n and toks[k].lexeme.lower == "the":
        k += 1
    if k + 1 >= n or inside[k] or toks[k].lexeme.lower not in DENIED_NOUNS or toks[k + 1].lexeme.lower != "that":
        return
    for j in range(verb, k + 2):
        marks[j] = DENIAL


def _mark_assessment(toks: tuple[Token, ...], inside: list[bool], marks: list[int], verb: int, n: int) -> None:
    """Mark an assessment clause (', calling it "aggressive for what you get."') from its participle to its end, quoted words included."""
    if verb == 0 or toks[verb - 1].lexeme.text != "," or verb + 1 >= n or toks[verb + 1].lexeme.lower not in ASSESSMENT_OBJECTS:
        return
    end = verb + 1
    while end < n and end - verb <= ASSESSMENT_MAX_TOKENS:
        text = toks[end].lexeme.text
        if not inside[end] and (text == "," or text == ";" or text == "."):
            break
        end += 1
    if end - verb > ASSESSMENT_MAX_TOKENS:
        return  # too long to be an epithet: content
    for j in range(verb, end):
        marks[j] = ASSESSMENT


# The terms of the reporting verbs: attribution, yet no part of who says it ("she warned" and
# "he warned" name two speakers, not one).
REPORTING_TERMS: Final = frozenset(term(v) for v in REPORTING_VERBS)

# Forms of "be" that make a reporting verb after them a passive ("a crack was found", "it is
# reported"): the words before it are what was found, not who found it.
PASSIVE_AUXILIARIES: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
# ... with at most this many words between ("was later found").
PASSIVE_GAP: Final = 1


def _passive(toks: tuple[Token, ...], verb: int) -> bool:
    """True when a form of "be" stands just before the verb, or one word before it ("a crack was found", "was later found")."""
    for j in range(verb - 1, max(-1, verb - 2 - PASSIVE_GAP), -1):
        lex = toks[j].lexeme
        if lex.kind != WORD:
            return False
        if lex.lower in PASSIVE_AUXILIARIES:
            return True
    return False


# Verbs that report a finding or an admission but also take a plain object: "the study found
# that ..." names a source, "police found a gun" and "the hospital admitted 50 patients" name
# an event. Before one of OBJECT_STARTS (a determiner, an object pronoun) or a number they are
# the event's verb, and the words before them stay content.
OBJECT_VERBS: Final = frozenset(("found", "finds", "admitted", "revealed", "reveals", "showed", "shows"))
OBJECT_STARTS: Final = frozenset(("a", "an", "the", "his", "her", "their", "its", "him", "them", "some", "no", "two", "three"))


def _takes_object(toks: tuple[Token, ...], verb: int, n: int) -> bool:
    """True when an OBJECT_VERBS verb is followed by an object (OBJECT_STARTS or a number): "found a gun", not "found that"."""
    if toks[verb].lexeme.lower not in OBJECT_VERBS or verb + 1 >= n:
        return False
    nxt = toks[verb + 1].lexeme
    return nxt.lower in OBJECT_STARTS or nxt.text[:1].isdigit()


def _inverted(toks: tuple[Token, ...], verb: int) -> bool:
    """True for a source after its verb: '," said the mayor' (a quotation just closed) or ', said Jane Smith' (a name follows)."""
    before = toks[verb - 1].lexeme.text
    if before == '"' or (before == "," and verb >= 2 and toks[verb - 2].lexeme.text == '"'):
        return True
    if before != "," or verb + 1 >= len(toks):
        return False
    nxt = toks[verb + 1].lexeme
    return (nxt.kind == WORD and nxt.lower is not nxt.text and starts_upper(nxt.text)) or _titled_name_after(toks, verb)


# A source after its verb may open with a title in lower case: ", said police spokesman Tom
# Reed." (The Associated Press Stylebook, "titles": a lower-case descriptive title before a
# name.) It is read so only when it runs to the sentence's end in at most this many words, the
# last a capitalized name, none a function word: ", said it would close its Dayton plant" is
# what was said.
TITLED_SOURCE_MAX: Final = 6


def _titled_name_after(toks: tuple[Token, ...], verb: int) -> bool:
    """True when the words after `verb` to the sentence's end are a lower-case title and a name (', said fan group chairman Tom Reed.').

    Reads at most TITLED_SOURCE_MAX words and two closing marks ('."') past the verb.
    """
    n = len(toks)
    end = verb + 1
    while end < n and end - verb <= TITLED_SOURCE_MAX and toks[end].lexeme.kind == WORD:
        if toks[end].lexeme.lower in STOPWORDS:
            return False
        end += 1
    if end - verb - 1 < 2 or n - end > 2 or (end < n and toks[end].lexeme.kind == WORD):
        return False  # too few words, more than closing marks behind them, or too many words
    for k in range(end, n):
        if toks[k].lexeme.text not in _CLOSING_MARKS:
            return False
    last = toks[end - 1].lexeme
    return last.lower is not last.text and starts_upper(last.text)


# What may close a sentence after a source: its full stop and a closing quotation mark.
_CLOSING_MARKS: Final = frozenset((".", "!", '"'))


def inside_flags(toks: tuple[Token, ...], spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each token starts inside one of `spans` (quotations, in order, not overlapping): one walk over both."""
    out = [False] * len(toks)
    k = 0
    for i in range(len(toks)):
        pos = toks[i].start
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        if k < len(spans) and spans[k][0] <= pos:
            out[i] = True
    return out


def _pick_back(toks: tuple[Token, ...], inside: list[bool], marks: list[int], verb: int) -> bool:
    """Mark the words before `verb` back to the start, a comma, a colon or a quotation, if they are few enough to be a name.

    True when the source stands just after a quotation that opens the unit ('"...," the mayor
    said'): the rest of the sentence is its tag.
    """
    j = verb - 1
    if j >= 1 and toks[j].lexeme.text == "," and not inside[j - 1]:
        _pick_appositive(toks, inside, marks, j)  # "Its chair, retired GP Dr Ruth Kessler, said"
        return False
    stop = verb - 2 - SOURCE_MAX_TOKENS  # read no further back than a source can be long: linear in the unit
    while j >= 0 and j > stop and not inside[j] and toks[j].lexeme.text not in _SOURCE_BREAKS:
        j -= 1
    if verb - 1 - j <= SOURCE_MAX_TOKENS:
        for k in range(j + 1, verb):
            if marks[k] == CONTENT:
                marks[k] = SPEAKER
        if j >= 1 and toks[j].lexeme.text == ",":
            j -= 1  # '", the mayor said'
        # the unit opens with the quotation: not a scare quote ('called it "desperate", while X said it was ...')
        return j >= 1 and toks[j].lexeme.text == '"' and inside[j - 1] and inside[0]
    return False


# Words that open a relative clause, not an appositive.
_RELATIVE_OPENERS: Final = frozenset(("which", "who", "whose", "whom", "where", "that", "when"))


def _pick_appositive(toks: tuple[Token, ...], inside: list[bool], marks: list[int], comma: int) -> None:
    """Mark "SUBJECT, APPOSITIVE," before a verb (the `comma` closes the appositive) when the subject opens the unit: both short enough to be a name.

    One comma alone ("Prices rose, said economists") marks nothing: the subject and its
    appositive, each at most SOURCE_MAX_TOKENS words, must run from the unit's first word.
    """
    j = comma - 1
    while j >= 0 and comma - j <= SOURCE_MAX_TOKENS and not inside[j] and toks[j].lexeme.text not in _SOURCE_BREAKS:
        j -= 1
    if j <= 0 or toks[j].lexeme.text != "," or j == comma - 1 or toks[j + 1].lexeme.lower in _RELATIVE_OPENERS:
        return  # no comma opening the appositive, or a relative clause ("The firm, which employs 300, said"): what it says is content
    opening = j
    j -= 1
    while j >= 0 and opening - j <= SOURCE_MAX_TOKENS and not inside[j] and toks[j].lexeme.text not in _SOURCE_BREAKS:
        j -= 1
    if j >= 0 or opening == 0:
        return  # the subject does not open the unit
    for k in range(comma):
        if marks[k] == CONTENT:
            marks[k] = SPEAKER


def _opens(toks: tuple[Token, ...], marks: list[int], i: int) -> bool:
    """True when token `i` is the unit's first word (past an inline dateline and opening marks)."""
    for k in range(i):
        if toks[k].lexeme.kind == WORD and marks[k] != DATELINE:
            return False
    return True


def _pick_forward(
    toks: tuple[Token, ...], inside: list[bool], marks: list[int], start: int, n: int, object_only: bool, mark: int
) -> None:
    """Mark the words from `start` to the end, a quotation or a full stop (for an object, also a comma, a colon or "that") with `mark`."""
    j = start
    while j < n and not inside[j] and j - start < SOURCE_MAX_TOKENS:
        text = toks[j].lexeme.text
        if text == "." or text == ";" or text == '"':
            break
        if object_only and (text == "," or text == ":" or toks[j].lexeme.lower == "that"):
            break
        if marks[j] == CONTENT:
            marks[j] = mark
        j += 1
