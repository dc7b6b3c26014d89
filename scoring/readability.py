"""Readability: count the article's sentences once, apply the language's published formulas, flag hard sentences.

One pass over the tokens of the sentence units (headings are not sentences and are left
out) gathers every count the formulas need. Each distinct word is measured once per
article. The formulas are in formulas.py, the bands in bands.py, the verdict thresholds
and sentence limits in the named profiles (profiles.py).

Word classes, per the formulas' authors:
- syllables: as read aloud (syllables.py); numbers too (Flesch 1948).
- difficult (Dale-Chall, Spache): English words that are neither on the Dale-Chall list of
  familiar words nor a regular inflection of one (Chall & Dale 1995: -s, -es, -ed, -ing,
  -er, -est, -ly ...), leaving out names (a capital inside the sentence) and numbers.
  Languages without a familiar-word list count their complex words here.
- complex (Gunning fog): three or more syllables, leaving out names, hyphenated compounds
  and verbs that reach three syllables only by -es, -ed or -ing (Gunning 1952).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Callable, Final, Mapping, NamedTuple, Protocol

from . import bands, formulas, syllables
from .charclass import is_alpha, is_upper, starts_upper
from .language import NAMES
from .lexicons import load
from .passive import RULES as PASSIVE_RULES
from .profiles import Profile
from .profiles import get as get_profile
from .results import FormulaScore, Readability, SentenceFinding, TextCounts
from .text import NUMBER, SENTENCE, WORD, Document, Token, Unit

_EASY = load("easy_words_en").tables["lists"]
# The familiar words with their regular inflections (built by tools/build_easy_words.py).
EASY_WORDS_EN: Final = frozenset(_EASY["words"].split() + _EASY["inflections"].split())
EASY_WORDS: Final = MappingProxyType({"en": EASY_WORDS_EN})

# Letters for a long word (LIX, Wiener Sachtextformel: "more than six letters").
LONG_WORD_LETTERS: Final = 7
# Letters for a mini word (McAlpine EFLAW: "words of one, two or three letters").
MINI_WORD_LETTERS: Final = 3
# Syllables for a polysyllable (SMOG, Wiener Sachtextformel, Gunning's complex words).
POLYSYLLABLE: Final = 3
# A sentence shorter than this is never reported as hard: one long word in a short
# sentence sends any per-sentence grade up without making it hard to read.
HARD_SENTENCE_MIN_WORDS: Final = 10

# Languages that capitalize every noun, where a capital inside a sentence does not mark a name.
CAPITALIZED_NOUNS: Final = frozenset({"de"})
# Endings Gunning does not let make a word complex: a verb made three syllables by them.
_GUNNING_ENDINGS: Final[tuple[str, ...]] = ("es", "ed", "ing")


def is_familiar(word: str, easy: frozenset[str]) -> bool:
    """True when a lower-case word, its inflection or its possessive is on the familiar-word list."""
    # one search for the apostrophe first: most unfamiliar words have none, and two endswith calls cost more
    return word in easy or ("'" in word and (word.endswith("'s") or word.endswith("s'")) and (word[:-2] in easy or word[:-1] in easy))


class Counts(Protocol):
    """What a formula reads: the article's TextCounts, or one sentence's _SentenceCounts."""

    @property
    def words(self) -> int: ...
    @property
    def sentences(self) -> int: ...
    @property
    def letters(self) -> int: ...
    @property
    def characters(self) -> int: ...
    @property
    def syllables(self) -> int: ...
    @property
    def monosyllables(self) -> int: ...
    @property
    def polysyllables(self) -> int: ...
    @property
    def long_words(self) -> int: ...
    @property
    def difficult_words(self) -> int: ...
    @property
    def complex_words(self) -> int: ...
    @property
    def mini_words(self) -> int: ...


# Named tuples, not dataclasses: ~0.1 ms to define at import against ~0.8 ms (start-up); internal, never in a Report.
class LinsearSample(NamedTuple):
    """The Linsear Write sample: the first 100 words, its easy and hard words, its sentences."""

    easy_words: int
    hard_words: int
    sentences: float  # a sentence cut by the sample's end counts for the share of it inside


class Formula(NamedTuple):
    """A formula as reported: its id, name, scale, how it reads the counts, its band and source."""

    id: str
    name: str
    scale: str  # "ease": higher is easier; "grade": a school grade; "score": its own scale
    compute: Callable[[Counts, LinsearSample], float]
    band: Callable[[float], bands.Band]
    citation: str
    consensus: bool  # counted in the consensus grade


def _f(id, name, scale, compute, band, citation, consensus=True) -> Formula:
    return Formula(id, name, scale, compute, band, citation, consensus)


_FRE = _f("flesch_reading_ease", "Flesch reading ease", "ease",
          lambda c, s: formulas.flesch_reading_ease(c.words, c.sentences, c.syllables),
          bands.flesch_ease, "Flesch (1948), A new readability yardstick")
_FK = _f("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade",
         lambda c, s: formulas.flesch_kincaid_grade(c.words, c.sentences, c.syllables),
         bands.school_grade, "Kincaid et al. (1975), Derivation of new readability formulas for Navy enlisted personnel")
_LIX = _f("lix", "LIX", "score",
          lambda c, s: formulas.lix(c.words, c.sentences, c.long_words),
          bands.lix, "Björnsson (1968), Läsbarhet", consensus=False)

FORMULAS: Mapping[str, tuple[Formula, ...]] = MappingProxyType({
    "en": (
        _FRE,
        _FK,
        _f("gunning_fog", "Gunning fog index", "grade",
           lambda c, s: formulas.gunning_fog(c.words, c.sentences, c.complex_words),
           bands.school_grade, "Gunning (1952), The Technique of Clear Writing"),
        _f("smog", "SMOG grade", "grade",
           lambda c, s: formulas.smog(c.sentences, c.polysyllables),
           bands.school_grade, "McLaughlin (1969), SMOG grading: a new readability formula"),
        _f("coleman_liau", "Coleman-Liau index", "grade",
           lambda c, s: formulas.coleman_liau(c.words, c.sentences, c.letters),
           bands.school_grade, "Coleman & Liau (1975), A computer readability formula designed for machine scoring"),
        _f("automated_readability_index", "Automated readability index", "grade",
           lambda c, s: formulas.automated_readability_index(c.words, c.sentences, c.characters),
           bands.school_grade, "Senter & Smith (1967), Automated Readability Index"),
        _f("dale_chall", "Dale-Chall score", "score",
           lambda c, s: formulas.dale_chall(c.words, c.sentences, c.difficult_words),
           bands.dale_chall, "Dale & Chall (1948), A formula for predicting readability"),
        _f("linsear_write", "Linsear Write", "grade",
           lambda c, s: formulas.linsear_write(s.easy_words, s.hard_words, s.sentences),
           bands.school_grade, "O'Hayre (1966), Gobbledygook Has Gotta Go"),
        _f("spache", "Spache grade", "grade",
           lambda c, s: formulas.spache(c.words, c.sentences, c.difficult_words),
           bands.school_grade, "Spache (1953), A new readability formula for primary-grade reading materials",
           consensus=False),  # made for primary grades: it flattens everything above them
        _f("mcalpine_eflaw", "McAlpine EFLAW", "score",
           lambda c, s: formulas.mcalpine_eflaw(c.words, c.sentences, c.mini_words),
           bands.eflaw, "McAlpine (2006), From Plain English to Global English", consensus=False),
    ),
    "es": (
        _f("fernandez_huerta", "Fernández Huerta reading ease", "ease",
           lambda c, s: formulas.fernandez_huerta(c.words, c.sentences, c.syllables),
           bands.flesch_ease, "Fernández Huerta (1959), Medidas sencillas de lecturabilidad"),
        _f("szigriszt_pazos", "Szigriszt-Pazos perspicuity", "ease",
           lambda c, s: formulas.szigriszt_pazos(c.words, c.sentences, c.syllables),
           bands.inflesz, "Szigriszt Pazos (1993), Sistemas predictivos de legibilidad del mensaje escrito"),
        _f("gutierrez_polini", "Gutiérrez de Polini comprehensibility", "ease",
           lambda c, s: formulas.gutierrez_polini(c.words, c.sentences, c.letters),
           bands.comprehensibility, "Gutiérrez de Polini (1972), Investigación sobre lectura en Venezuela",
           consensus=False),
        _f("crawford", "Crawford grade", "grade",
           lambda c, s: formulas.crawford(c.words, c.sentences, c.syllables),
           bands.school_grade, "Crawford (1989), Fórmula y gráfico para determinar la comprensibilidad de textos",
           consensus=False),  # primary-school years: flat above them
    ),
    "de": (
        _f("amstad", "Amstad reading ease", "ease",
           lambda c, s: formulas.amstad(c.words, c.sentences, c.syllables),
           bands.flesch_ease, "Amstad (1978), Wie verständlich sind unsere Zeitungen?"),
        _f("wiener_sachtextformel", "Wiener Sachtextformel", "grade",
           lambda c, s: formulas.wiener_sachtextformel(c.words, c.sentences, c.polysyllables, c.long_words, c.monosyllables),
           bands.school_grade, "Bamberger & Vanecek (1984), Lesen - Verstehen - Lernen - Schreiben"),
        _LIX,
    ),
    "fr": (
        _f("kandel_moles", "Kandel-Moles reading ease", "ease",
           lambda c, s: formulas.kandel_moles(c.words, c.sentences, c.syllables),
           bands.flesch_ease, "Kandel & Moles (1958), Application de l'indice de Flesch à la langue française"),
        _LIX,
    ),
    "it": (
        _f("gulpease", "Gulpease index", "ease",
           lambda c, s: formulas.gulpease(c.words, c.sentences, c.letters),
           bands.gulpease, "Lucisano & Piemontese (1988), GULPEASE"),
        _f("flesch_vacca", "Flesch-Vacca reading ease", "ease",
           lambda c, s: formulas.flesch_vacca(c.words, c.sentences, c.syllables),
           bands.flesch_ease, "Franchina & Vacca (1986), Adaptation of Flesch readability index"),
    ),
    "nl": (
        _f("douma", "Flesch-Douma reading ease", "ease",
           lambda c, s: formulas.douma(c.words, c.sentences, c.syllables),
           bands.flesch_ease, "Douma (1960), De leesbaarheid van landbouwbladen"),
        _f("brouwer", "Brouwer reading index", "ease",
           lambda c, s: formulas.brouwer(c.words, c.sentences, c.syllables),
           bands.flesch_ease, "Brouwer (1963), Onderzoek naar de leesmoeilijkheid van Nederlands proza"),
        _LIX,
    ),
})

# The formula that grades one sentence (for hard-sentence findings): a continuous grade
# where the language has one, else the first Flesch-type ease through Flesch's grade table.
SENTENCE_FORMULA = MappingProxyType({
    "en": "flesch_kincaid_grade",
    "de": "wiener_sachtextformel",
    "es": "fernandez_huerta",
    "fr": "kandel_moles",
    "it": "flesch_vacca",
    "nl": "douma",
})
_SENTENCE_FORMULAS = MappingProxyType(
    {lang: next(f for f in FORMULAS[lang] if f.id == fid) for lang, fid in SENTENCE_FORMULA.items()}
)
_NO_SAMPLE = LinsearSample(0, 0, 0.0)
_NO_TABLE: Final[dict[str, int]] = {}


class _SentenceCounts:
    """One sentence: where it is, its word tokens and its counts, named as in TextCounts."""

    # A compiled class, not a TextCounts per sentence: the frozen dataclass's __init__ costs ~3 us even compiled.
    __slots__ = ("unit", "start", "end", "tokens", "lowered", "sentences", "words", "letters", "characters", "syllables",
                 "monosyllables", "polysyllables", "long_words", "difficult_words", "complex_words", "mini_words")

    def __init__(self, unit: Unit, tokens: list[Token], lowered: list[str], letters: int, characters: int, syllables: int,
                 monosyllables: int, polysyllables: int, long_words: int, difficult_words: int, complex_words: int,
                 mini_words: int) -> None:
        self.unit = unit.index
        self.start = unit.start
        self.end = unit.end
        self.tokens = tokens  # the sentence's word and number tokens
        self.lowered = lowered  # their texts in lower case
        self.sentences = 1
        self.words = len(tokens)
        self.letters = letters
        self.characters = characters
        self.syllables = syllables
        self.monosyllables = monosyllables
        self.polysyllables = polysyllables
        self.long_words = long_words
        self.difficult_words = difficult_words
        self.complex_words = complex_words
        self.mini_words = mini_words


def _gunning_exempt(lower: str, language: str) -> bool:
    """True when a three-syllable word ending in -es, -ed or -ing has a stem of fewer syllables."""
    stem = lower[:-3] if lower.endswith("ing") else lower[:-2]
    return bool(stem) and syllables.count(stem, language) < POLYSYLLABLE


class _WordFacts:
    """One distinct word's counts: syllables, letters, characters, and its word classes as 0 or 1."""

    # A compiled class under mypyc (its fields are C ints); tuples of boxed ints cost more to sum.
    __slots__ = ("lower", "syllables", "letters", "characters", "mono", "poly", "complex", "long", "mini",
                 "unfamiliar", "capital")

    def __init__(self, word: str, lower: str, alpha: bool, language: str, easy: frozenset[str] | None, table: dict[str, int]) -> None:
        known = table.get(lower)
        syl = known if known is not None else syllables.count(word, language)
        # `alpha` (Lexeme.alpha) is about `lower`: it answers for `word` when they are one object
        if lower is not word:
            alpha = is_alpha(word)
        if alpha:
            letters = characters = len(word)
        else:
            letters = characters = 0
            for ch in word:
                if ch.isalpha():
                    letters += 1
                    characters += 1
                elif ch.isalnum():
                    characters += 1
        poly = syl >= POLYSYLLABLE
        if easy is not None:  # numbers (no letters) are familiar
            unfamiliar = letters > 0 and not is_familiar(lower, easy)
        else:
            unfamiliar = letters > 0 and poly
        complex_ = (
            poly and letters > 0 and "-" not in word
            and not (syl == POLYSYLLABLE and lower.endswith(_GUNNING_ENDINGS) and _gunning_exempt(lower, language))
        )
        self.lower = lower
        self.syllables = syl
        self.letters = letters
        self.characters = characters
        self.mono = 1 if syl == 1 else 0
        self.poly = 1 if poly else 0
        self.complex = 1 if complex_ else 0
        self.long = 1 if letters >= LONG_WORD_LETTERS else 0
        self.mini = 1 if 0 < letters <= MINI_WORD_LETTERS else 0
        self.unfamiliar = 1 if unfamiliar else 0
        # `lower` is `word` itself only for a word that starts with no capital (text.tokenize's
        # rule): then no call is needed
        self.capital = lower is not word and starts_upper(word)


def is_first_word_name(lower: str, capitalized_inside: bool, written_lower: bool, dictionary: bool) -> bool:
    """Tell a capitalized first word that is a name ("Zelensky said") from a word ("Investigators said").

    A word the article also writes in lower case is a word; one it capitalizes inside a
    sentence is a name; else, in English, a word in neither the familiar-word list nor the
    syllable table's common words (lower-case word lists) is a name. Without such lists
    (other languages) only a capital inside a sentence makes it a name.
    """
    if written_lower:
        return False
    if capitalized_inside:
        return True
    if not dictionary:
        return False
    return lower not in EASY_WORDS_EN and lower not in syllables.ENGLISH.table


def count(doc: Document, language: str) -> tuple[TextCounts, LinsearSample, list[_SentenceCounts]]:
    """Count the sentences' words, letters, syllables and word classes in one pass over their tokens.

    Each distinct word is measured once (its _WordFacts, in a list by Lexeme ordinal local to this call)
    and added up in plain loops. A capitalized word after the first of its sentence is a
    name: neither complex (Gunning) nor unfamiliar (Dale-Chall), except in German, which
    capitalizes every noun. A capitalized first word is a name too (is_first_word_name)
    unless the article writes it in lower case elsewhere or (English) it is a dictionary
    word that the article never capitalizes mid-sentence: its counts wait until the whole
    article has been read.
    """
    easy = EASY_WORDS.get(language)
    table = syllables.ENGLISH.table if language == "en" else _NO_TABLE  # looked up before the counter's dispatch
    names_by_capital = language not in CAPITALIZED_NOUNS
    # what tells a capitalized first word that is a name from one that is a word (is_first_word_name)
    mid_capital = [False] * doc.lexemes if names_by_capital else []  # by Lexeme ordinal: capitalized inside a sentence
    lower_words: set[str] = set()  # words the sentences write in lower case
    waiting: list[tuple[int, _WordFacts, int]] = []  # (sentence, facts, ordinal) of capitalized first words
    facts: list[_WordFacts | None] = [None] * doc.lexemes  # by Lexeme ordinal
    per_sentence: list[_SentenceCounts] = []
    headings = 0
    t_words = t_letters = t_chars = t_syl = t_mono = t_poly = t_long = t_unfamiliar = t_complex = t_mini = 0
    sample_left = formulas.LINSEAR_SAMPLE_WORDS
    sample_easy = sample_hard = 0
    sample_sentences = 0.0
    for unit in doc.units:
        if unit.type != SENTENCE:
            headings += 1
            continue
        tokens: list[Token] = []
        lowered: list[str] = []
        letters = chars = syl = mono = poly = long = unfamiliar = complex_ = mini = 0
        for t in unit.tokens:
            lex = t.lexeme  # the token's text, kind and lower case, read once
            kind = lex.kind
            if kind != WORD and kind != NUMBER:
                continue
            f = facts[lex.ordinal]
            if f is None:
                f = facts[lex.ordinal] = _WordFacts(lex.text, lex.lower, lex.alpha, language, easy, table)
                if not f.capital:
                    lower_words.add(f.lower)
            syl += f.syllables
            letters += f.letters
            chars += f.characters
            mono += f.mono
            poly += f.poly
            long += f.long
            mini += f.mini
            if not (f.capital and names_by_capital):
                complex_ += f.complex
                unfamiliar += f.unfamiliar
            elif tokens:  # a capital after the first word: a name
                mid_capital[lex.ordinal] = True
            elif (f.complex or f.unfamiliar) and not is_upper(lex.text):
                # a capitalized first word, decided once the article is read; one in capitals
                # (an inline dateline's "WASHINGTON", an acronym) is a name as it would be inside
                waiting.append((len(per_sentence), f, lex.ordinal))
            tokens.append(t)
            lowered.append(f.lower)
        words = len(tokens)
        if not words:
            continue
        if sample_left:
            taken = min(words, sample_left)
            hard = 0
            for t in tokens[:taken]:
                sampled = facts[t.lexeme.ordinal]
                if sampled is not None:  # always: every token of `tokens` was measured above
                    hard += sampled.poly
            sample_hard += hard
            sample_easy += taken - hard
            sample_sentences += taken / words
            sample_left -= taken
        per_sentence.append(_SentenceCounts(
            unit, tokens, lowered, letters=letters, characters=chars, syllables=syl, monosyllables=mono, polysyllables=poly,
            long_words=long, difficult_words=unfamiliar, complex_words=complex_, mini_words=mini,
        ))
        t_words += words
        t_letters += letters
        t_chars += chars
        t_syl += syl
        t_mono += mono
        t_poly += poly
        t_long += long
        t_unfamiliar += unfamiliar
        t_complex += complex_
        t_mini += mini
    dictionary = easy is not None  # the word lists below exist for English only
    for index, f, ordinal in waiting:
        if is_first_word_name(f.lower, mid_capital[ordinal], f.lower in lower_words, dictionary):
            continue
        sentence = per_sentence[index]
        sentence.complex_words += f.complex
        sentence.difficult_words += f.unfamiliar
        t_complex += f.complex
        t_unfamiliar += f.unfamiliar
    text_counts = TextCounts(
        paragraphs=len(doc.paragraphs), headings=headings, sentences=len(per_sentence), words=t_words,
        letters=t_letters, characters=t_chars, syllables=t_syl, monosyllables=t_mono, polysyllables=t_poly,
        long_words=t_long, difficult_words=t_unfamiliar, complex_words=t_complex, mini_words=t_mini,
    )
    return text_counts, LinsearSample(sample_easy, sample_hard, sample_sentences), per_sentence


def score(formula: Formula, counts: TextCounts, sample: LinsearSample, profile: Profile) -> FormulaScore:
    """Apply one formula and band it; the verdict comes from the profile's grade targets."""
    return _scored(formula, formula.compute(counts, sample), counts, profile)[0]


def _scored(formula: Formula, value: float, counts: TextCounts, profile: Profile) -> tuple[FormulaScore, float | None]:
    """The score of a formula that gave `value`, and its school grade (None for none, or when there is no sentence)."""
    if not counts.sentences:
        return FormulaScore(formula.id, formula.name, 0.0, formula.scale, "Not enough text", None, formula.citation), None
    label, grade = formula.band(value)
    return FormulaScore(formula.id, formula.name, round(value, 2), formula.scale, label, profile.verdict(grade),
                        formula.citation), grade


def _consensus(grades: list[float]) -> float:
    """Return the median of the school grades of the formulas marked for the consensus (0.0 for none)."""
    return round(_median(grades), 1) if grades else 0.0


def _median(values: list[float]) -> float:
    """The median (the statistics module costs more to import than this does to run)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def findings(doc: Document, language: str, profile: Profile, per_sentence: list[_SentenceCounts]) -> tuple[SentenceFinding, ...]:
    """Report long sentences, hard sentences (per-sentence grade) and passive voice, in text order."""
    out: list[SentenceFinding] = []
    sentence_formula = _SENTENCE_FORMULAS[language]
    passive = PASSIVE_RULES.get(language)
    long_limit = profile.long_sentence_words
    hard_limit = profile.hard_sentence_grade
    # the messages' fixed parts, formatted once per article
    long_tail = f" words, over the {profile.name} limit of {long_limit}: split it"
    hard_tail = (f" ({sentence_formula.name}), over the {profile.name} limit of {hard_limit:g}: "
                 "use shorter words or split it")
    # equal messages share one string: a long article repeats a few dozen of them thousands of times
    messages: dict[str, str] = {}
    for c in per_sentence:
        if c.words > long_limit:
            message = f"{c.words}{long_tail}"
            message = messages.setdefault(message, message)
            out.append(SentenceFinding(c.unit, c.start, c.end, "long_sentence", message, float(c.words)))
        if c.words >= HARD_SENTENCE_MIN_WORDS:
            grade = sentence_formula.band(sentence_formula.compute(c, _NO_SAMPLE))[1]
            if grade is not None and grade > hard_limit:
                # round() is f"{grade:.0f}" (half to even) without a format call: the grade is over the limit, never "-0"
                message = f"reads at grade {round(grade)}{hard_tail}"
                message = messages.setdefault(message, message)
                out.append(SentenceFinding(c.unit, c.start, c.end, "hard_sentence", message, round(grade, 1)))
        if passive is not None:
            pair = passive.find(c.tokens, c.lowered)
            if pair is not None:
                aux, participle = pair
                out.append(SentenceFinding(
                    c.unit, aux.start, participle.end, "passive_voice",
                    f'passive voice ("{doc.text[aux.start:participle.end]}"): say who acted, if it matters',
                    None))
    return tuple(out)


def analyze(doc: Document, language: str, profile: str) -> Readability:
    """Count once and return every formula of `language` with bands, verdicts, the consensus grade and findings."""
    chosen = get_profile(profile)
    formula_list = FORMULAS.get(language)
    if formula_list is None:
        # no published formulas (nor syllable rules) for it here: say so rather than apply another language's
        return Readability(
            language=language, profile=chosen.name, counts=None, scores=(), grade=None, findings=(),
            available=False,
            reason=(f"no readability formulas for {NAMES.get(language, language)} ({language}); "
                    f"they exist for {', '.join(FORMULAS)}"),
        )
    counts, sample, per_sentence = count(doc, language)
    scores: list[FormulaScore] = []
    grades: list[float] = []  # the school grades of the consensus formulas: each formula is applied once
    for f in formula_list:
        scored, grade = _scored(f, f.compute(counts, sample), counts, chosen)
        scores.append(scored)
        if f.consensus and grade is not None:
            grades.append(grade)
    return Readability(
        language=language,
        profile=chosen.name,
        counts=counts,
        scores=tuple(scores),
        grade=_consensus(grades),
        findings=findings(doc, language, chosen, per_sentence),
    )
