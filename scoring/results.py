"""The report's types: frozen dataclasses that every analysis returns and the API dumps as JSON.

Offsets are half-open `[start, end)` code-point spans into the analyzed text (see text.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .markup import Caption, SourceMap
from .text import Unit

# --- readability -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Counts over the article's sentences (headings left out), the input of every formula."""

    paragraphs: int
    headings: int
    sentences: int
    words: int
    letters: int
    characters: int  # letters and digits of words: what ARI counts (punctuation left out)
    syllables: int
    monosyllables: int
    polysyllables: int  # three or more syllables
    long_words: int  # seven or more letters
    difficult_words: int  # not on the language's easy-word list
    complex_words: int  # Gunning's: three or more syllables, not a name, compound or -es/-ed form
    mini_words: int  # three letters or fewer (McAlpine EFLAW)


@dataclass(frozen=True, slots=True)
class FormulaScore:
    """One readability formula's value and what it means to an editor."""

    id: str  # "flesch_reading_ease"
    name: str  # "Flesch reading ease"
    value: float
    scale: str  # "ease" (higher is easier) or "grade" (school grade)
    band: str  # "Fairly difficult (10th to 12th grade)"
    verdict: str | None  # "green" | "amber" | "red", or None where no threshold applies
    citation: str


@dataclass(frozen=True, slots=True)
class SentenceFinding:
    """A sentence an editor may want to rework, with the rule that fired."""

    unit: int
    start: int
    end: int
    rule: str  # "long_sentence", "hard_sentence", "passive_voice"
    message: str
    value: float | None


@dataclass(frozen=True, slots=True)
class Readability:
    """The readability section: counts, formula scores and per-sentence findings."""

    language: str
    profile: str
    counts: TextCounts
    scores: tuple[FormulaScore, ...]
    grade: float  # consensus grade
    findings: tuple[SentenceFinding, ...]


# --- read time ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadTime:
    """Silent reading time (and speaking time) for the whole article."""

    words: int
    images: int
    words_per_minute: float
    seconds: int
    minutes: int
    label: str  # "3 min read"
    speaking_seconds: int
    rule: str  # where the rate comes from


# --- claims ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that decided a claim: a figure, a record word, a vague phrase, a reporting verb."""

    kind: str  # "figure" | "record" | "event" | "vague" | "attribution"
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that presents a checkable fact, with how (and whether) it is sourced."""

    unit: int
    kind: str  # "figure" | "record" | "event"
    status: str  # "attributed" | "vague" | "unsourced"
    source: str | None
    source_start: int | None
    source_end: int | None
    cues: tuple[Cue, ...]
    reason: str
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NamedSource:
    """A source named in the article and the claims it supports."""

    name: str
    claims: int
    units: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Claims:
    """The claims section: every claim, the unattributed count and the named sources."""

    total: int
    attributed: int
    vague: int
    unsourced: int
    unattributed: int  # vague + unsourced
    items: tuple[Claim, ...]
    sources: tuple[NamedSource, ...]


# --- repetition --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureMention:
    """One place a figure is stated."""

    unit: int
    start: int
    end: int
    text: str
    qualifier: str | None  # "about", "more than", ...


@dataclass(frozen=True, slots=True)
class RepeatedFigure:
    """A figure stated in two or more units."""

    figure: str  # canonical: value without separators, then what it counts
    units: tuple[int, ...]
    mentions: tuple[FigureMention, ...]


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """The same thing stated with different values: a likely error."""

    subject: str
    values: tuple[str, ...]
    mentions: tuple[FigureMention, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Restatement:
    """A unit whose main content an earlier unit already stated."""

    unit: int
    restates: int
    similarity: float
    reason: str


@dataclass(frozen=True, slots=True)
class Repetition:
    """The repetition section: the index, restatements, repeated and conflicting figures."""

    index: float
    restatements: tuple[Restatement, ...]
    figures: tuple[RepeatedFigure, ...]
    conflicts: tuple[FigureConflict, ...]


# --- the report --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Language:
    """The language analyzed, and whether it was detected or named by the request."""

    code: str
    detected: bool
    confidence: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything copydesk says about one article."""

    format: str
    text: str
    language: Language
    paragraphs: int
    units: tuple[Unit, ...]
    readability: Readability
    read_time: ReadTime
    repetition: Repetition
    claims: Claims
    captions: tuple[Caption, ...] = ()  # HTML figure and table captions, kept out of the body
    source_map: SourceMap | None = field(default=None, repr=False)  # HTML/Markdown: text -> source offsets

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a span of the analyzed text to the submitted source (None for plain text)."""
        return None if self.source_map is None else self.source_map.span(start, end)
