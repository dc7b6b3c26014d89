"""Resolve the article's language: the one the request names, or the one its function words show.

Detection (no network, no model download): first the script. Latin-script words are
needed, since every supported language is written in it; a text mostly in another script
(Cyrillic, Arabic, Han ...) is refused. Then the function words: each supported language
and a dozen unsupported Latin-script ones have their most frequent short words in
data/language_stopwords.toml, and the language whose words the text uses most wins
(Grefenstette 1995, "Comparing two language identification schemes": short frequent
words identify a language as well as letter trigrams once a text has a dozen words).
The confidence is the winner's score over the winner's and the runner-up's together,
scaled down while fewer than FULL_EVIDENCE_HITS function words have been seen.

A text in a language detection knows but that has no formulas here (Portuguese, Swedish
...) is analyzed without readability formulas (readability.available is false); a
language with no claims rules (all but English) gets no claims analysis.

What happens when detection is unsure, so that no text silently gets English formulas:
- a text of MIN_WORDS_TO_REFUSE words or more in which too few words are function words of
  any known language (MIN_FUNCTION_WORD_SHARE): UnsupportedLanguageError, asking the client
  to name the language;
- a shorter text without function words (a headline, a caption): the language whose marked
  letters it has (ñ, ß, ç ...) at a low confidence, else English reported as detected with
  confidence 0.0, so the client can see the guess for what it is.
"""

from __future__ import annotations

from collections import defaultdict
from types import MappingProxyType
from typing import Final

from .errors import UnsupportedLanguageError
from .lexicons import load
from .results import Language
from .text import WORD, Document

# Languages with readability formulas (readability.FORMULAS).
SUPPORTED: Final = ("en", "es", "de", "fr", "it", "nl")
# Languages whose claims rules exist (scoring/claims is written for English); the claims of
# an article in another language are not analyzed (report.analyze says so in the report).
CLAIMS_LANGUAGES: Final = ("en",)
NAMES: Final = MappingProxyType({
    "en": "English", "es": "Spanish", "de": "German", "fr": "French", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "ca": "Catalan", "ro": "Romanian", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "pl": "Polish", "cs": "Czech", "tr": "Turkish", "id": "Indonesian", "fi": "Finnish", "hu": "Hungarian",
})
# Every language an article may be in: the supported ones, and the others detection knows
# (their function words are in data/language_stopwords.toml). An article in one of the
# others gets read time, figures and repetition, with readability marked unavailable.
KNOWN: Final = tuple(NAMES)


def _index() -> dict[str, tuple[tuple[str, float], ...]]:
    data = load("language_stopwords")
    langs: dict[str, list[str]] = defaultdict(list)
    for group in ("supported", "other"):
        for code, words in data.tables[group].items():
            for word in set(str(words).split()):  # one space-separated literal string per language
                langs[word.lower()].append(code)
    # a word shared by n languages is worth 1/n to each of them
    return {w: tuple((code, 1.0 / len(codes)) for code in codes) for w, codes in langs.items()}


# Each lower-case function word's languages and weights. Never written after import; a plain
# dict because a MappingProxyType's get() is a generic method call per word read.
FUNCTION_WORDS: Final = _index()


def _letter_index() -> MappingProxyType:
    letters: dict[str, list[str]] = defaultdict(list)
    for code, chars in load("language_stopwords").tables["letters"].items():
        for ch in set(str(chars)):
            letters[ch].append(code)
    return MappingProxyType({ch: tuple(codes) for ch, codes in letters.items()})


MARKED_LETTERS: Final = _letter_index()

# At most this many words are read: the language is clear long before.
MAX_WORDS_READ: Final = 1000
# Texts with at least this many words and too few function words are refused, not guessed.
MIN_WORDS_TO_REFUSE: Final = 40
# Share of words that must be function words of some known language: running prose in any
# of them is above 0.25; a language we have no list for is near 0. Kept low so that an
# English results table or list of names with a few "the" and "and" still passes.
MIN_FUNCTION_WORD_SHARE: Final = 0.05
# Share of the non-Latin words above which the text is refused as written in another script.
MAX_OTHER_SCRIPT_SHARE: Final = 0.5
# Function-word hits at which the confidence is no longer scaled down for lack of evidence.
FULL_EVIDENCE_HITS: Final = 12
# Marked letters (ñ, ß, ç ...) a short text without function words needs before its letters
# decide; the confidence then reported is scaled by LETTER_CONFIDENCE.
MIN_LETTER_EVIDENCE: Final = 2
LETTER_CONFIDENCE: Final = 0.3
# Characters of a short text read for marked letters.
LETTERS_READ: Final = 2000
# Function-word hits after which reading stops (checked at the end of each unit): the
# ranking no longer changes on prose.
ENOUGH_HITS: Final = 80
_LATIN_END: Final = 0x0250
_LATIN_EXTENDED_FROM: Final = 0x1E00
_LATIN_EXTENDED_TO: Final = 0x1EFF
# What FUNCTION_WORDS holds for a word that is none
_NOT_A_FUNCTION_WORD: Final[tuple[tuple[str, float], ...]] = ()

# Code point ranges of the scripts named in the refusal message; Latin is everything
# below U+0250 plus Latin Extended Additional.
_SCRIPTS: Final[tuple[tuple[int, int, str], ...]] = (
    (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x077F, "Arabic"), (0x0900, 0x097F, "Devanagari"),
    (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"),
    (0x3040, 0x30FF, "Japanese kana"), (0x3400, 0x9FFF, "Han"), (0xAC00, 0xD7AF, "Hangul"),
)


def _script(ch: str) -> str:
    cp = ord(ch)
    for low, high, name in _SCRIPTS:
        if low <= cp <= high:
            return name
    return "a script other than Latin"


def normalize(requested: str) -> str:
    """Turn 'en-US', 'EN_gb' or ' fr ' into the primary language subtag: 'en', 'fr'."""
    return requested.strip().replace("_", "-").split("-", 1)[0].lower()


def _unsupported(message: str) -> UnsupportedLanguageError:
    names = ", ".join(f"{NAMES[c]} ({c})" for c in KNOWN)
    return UnsupportedLanguageError(f"{message}; languages read here: {names}", field="options.language")


def _by_letters(doc: Document) -> Language:
    """Guess a short text's language from its marked letters; English at confidence 0 without them."""
    scores: dict[str, float] = defaultdict(float)
    marked = 0
    sample = doc.norm[:LETTERS_READ].lower()
    for ch in sample:
        codes = MARKED_LETTERS.get(ch)
        if codes:
            marked += 1
            for code in codes:
                scores[code] += 1.0 / len(codes)
    if marked >= MIN_LETTER_EVIDENCE:
        ranked = sorted(scores, key=lambda c: (scores[c], c in SUPPORTED), reverse=True)
        best = ranked[0]
        runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
        if best in SUPPORTED:
            margin = scores[best] / (scores[best] + runner_up)
            return Language(code=best, detected=True, confidence=round(LETTER_CONFIDENCE * margin, 2))
    return Language(code="en", detected=True, confidence=0.0)


def detect(doc: Document) -> Language:
    """Detect the language from the text's script and function words (see the module docstring)."""
    scores: dict[str, float] = {}
    words = hits = other_script = 0
    other_name = ""
    # each distinct word's FUNCTION_WORDS entry, by Lexeme ordinal: looked up once, read per token
    entries: list[tuple[tuple[str, float], ...] | None] = [None] * doc.lexemes
    for unit in doc.units:
        for token in unit.tokens:
            lex = token.lexeme  # the token's text, kind and lower case, read once
            if lex.kind != WORD:
                continue
            words += 1
            if words > MAX_WORDS_READ:
                break
            text = lex.text
            first = ord(text[0])
            if not (first < _LATIN_END or _LATIN_EXTENDED_FROM <= first <= _LATIN_EXTENDED_TO):
                other_script += 1
                other_name = other_name or _script(text[0])
                continue
            entry = entries[lex.ordinal]
            if entry is None:
                entry = entries[lex.ordinal] = FUNCTION_WORDS.get(lex.lower, _NOT_A_FUNCTION_WORD)
            if entry:
                hits += 1
                for code, weight in entry:
                    scores[code] = scores.get(code, 0.0) + weight
        if words >= MAX_WORDS_READ or hits >= ENOUGH_HITS:
            break
    if words and other_script / words > MAX_OTHER_SCRIPT_SHARE:
        raise _unsupported(f"the text is mostly written in {other_name}, which is not read here")
    if not hits or hits < MIN_FUNCTION_WORD_SHARE * words:
        if words >= MIN_WORDS_TO_REFUSE:
            raise _unsupported("could not tell the text's language; name it in options.language")
        return _by_letters(doc)
    ranked = sorted(scores, key=lambda c: (scores[c], c in SUPPORTED), reverse=True)
    best = ranked[0]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    # How far ahead of the nearest other language, scaled down while evidence is thin.
    margin = scores[best] / (scores[best] + runner_up)
    confidence = round(margin * min(1.0, hits / FULL_EVIDENCE_HITS), 2)
    return Language(code=best, detected=True, confidence=confidence)


def resolve(doc: Document, requested: str | None) -> Language:
    """Return the requested language if known here, else raise; with no request, detect it."""
    if requested is None or not requested.strip():
        return detect(doc)
    code = normalize(requested)
    if code not in KNOWN:
        raise _unsupported(f"language {requested!r} is not read here")
    return Language(code=code, detected=False, confidence=None)
