"""The report's types: frozen dataclasses that every analysis returns and the API dumps as JSON.

Offsets are half-open `[start, end)` code-point spans into the analyzed text (see text.py).

Each class writes its `__init__` out (`init=False`) instead of taking the generated one: compiled
with mypyc, a class with its own `__init__` is built natively (~0.05 us against ~2 us per object,
~7% of a report). tests/scoring/test_result_types.py checks every `__init__` against the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .markup import Caption, SourceMap
from .text import Unit

# --- readability -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(
        self, paragraphs: int, headings: int, sentences: int, words: int, letters: int, characters: int,
        syllables: int, monosyllables: int, polysyllables: int, long_words: int, difficult_words: int,
        complex_words: int, mini_words: int,
    ) -> None:
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "headings", headings)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "letters", letters)
        object.__setattr__(self, "characters", characters)
        object.__setattr__(self, "syllables", syllables)
        object.__setattr__(self, "monosyllables", monosyllables)
        object.__setattr__(self, "polysyllables", polysyllables)
        object.__setattr__(self, "long_words", long_words)
        object.__setattr__(self, "difficult_words", difficult_words)
        object.__setattr__(self, "complex_words", complex_words)
        object.__setattr__(self, "mini_words", mini_words)


@dataclass(frozen=True, slots=True, init=False)
class FormulaScore:
    """One readability formula's value and what it means to an editor."""

    id: str  # "flesch_reading_ease"
    name: str  # "Flesch reading ease"
    value: float
    scale: str  # "ease" (higher is easier) or "grade" (school grade)
    band: str  # "Fairly difficult (10th to 12th grade)"
    verdict: str | None  # "green" | "amber" | "red", or None where no threshold applies
    citation: str

    def __init__(
        self, id: str, name: str, value: float, scale: str, band: str, verdict: str | None, citation: str
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "scale", scale)
        object.__setattr__(self, "band", band)
        object.__setattr__(self, "verdict", verdict)
        object.__setattr__(self, "citation", citation)


@dataclass(frozen=True, slots=True, init=False)
class SentenceFinding:
    """A sentence an editor may want to rework, with the rule that fired."""

    unit: int
    start: int
    end: int
    rule: str  # "long_sentence", "hard_sentence", "passive_voice"
    message: str
    value: float | None

    def __init__(self, unit: int, start: int, end: int, rule: str, message: str, value: float | None) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "value", value)


@dataclass(frozen=True, slots=True, init=False)
class Readability:
    """The readability section: counts, formula scores and per-sentence findings.

    `available` is False for a language without formulas here (Portuguese, say): then
    `reason` says so, `counts` and `grade` are None and `scores` and `findings` are empty.
    """

    language: str
    profile: str
    counts: TextCounts | None
    scores: tuple[FormulaScore, ...]
    grade: float | None  # consensus grade
    findings: tuple[SentenceFinding, ...]
    available: bool = True
    reason: str | None = None

    def __init__(
        self, language: str, profile: str, counts: TextCounts | None, scores: tuple[FormulaScore, ...],
        grade: float | None, findings: tuple[SentenceFinding, ...], available: bool = True, reason: str | None = None,
    ) -> None:
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "profile", profile)
        object.__setattr__(self, "counts", counts)
        object.__setattr__(self, "scores", scores)
        object.__setattr__(self, "grade", grade)
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "available", available)
        object.__setattr__(self, "reason", reason)


# --- read time ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(
        self, words: int, images: int, words_per_minute: float, seconds: int, minutes: int, label: str,
        speaking_seconds: int, rule: str,
    ) -> None:
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "images", images)
        object.__setattr__(self, "words_per_minute", words_per_minute)
        object.__setattr__(self, "seconds", seconds)
        object.__setattr__(self, "minutes", minutes)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "speaking_seconds", speaking_seconds)
        object.__setattr__(self, "rule", rule)


# --- claims ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, init=False)
class Cue:
    """The words that decided a claim: a figure, a record word, a vague phrase, a reporting verb."""

    kind: str  # "figure" | "record" | "event" | "vague" | "attribution"
    text: str
    start: int
    end: int

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(
        self, unit: int, kind: str, status: str, source: str | None, source_start: int | None,
        source_end: int | None, cues: tuple[Cue, ...], reason: str, rules: tuple[str, ...],
    ) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "source_start", source_start)
        object.__setattr__(self, "source_end", source_end)
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "rules", rules)


@dataclass(frozen=True, slots=True, init=False)
class NamedSource:
    """A source named in the article and the claims it supports."""

    name: str
    claims: int
    units: tuple[int, ...]

    def __init__(self, name: str, claims: int, units: tuple[int, ...]) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "claims", claims)
        object.__setattr__(self, "units", units)


@dataclass(frozen=True, slots=True, init=False)
class Claims:
    """The claims section: every claim, the unattributed count and the named sources.

    `analyzed` is False for a language the claims rules are not written for (they are
    English): then `reason` says so, every count is None and nothing is listed.
    """

    total: int | None
    attributed: int | None
    vague: int | None
    unsourced: int | None
    unattributed: int | None  # vague + unsourced
    items: tuple[Claim, ...]
    sources: tuple[NamedSource, ...]
    analyzed: bool = True
    reason: str | None = None

    def __init__(
        self, total: int | None, attributed: int | None, vague: int | None, unsourced: int | None,
        unattributed: int | None, items: tuple[Claim, ...], sources: tuple[NamedSource, ...],
        analyzed: bool = True, reason: str | None = None,
    ) -> None:
        object.__setattr__(self, "total", total)
        object.__setattr__(self, "attributed", attributed)
        object.__setattr__(self, "vague", vague)
        object.__setattr__(self, "unsourced", unsourced)
        object.__setattr__(self, "unattributed", unattributed)
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "analyzed", analyzed)
        object.__setattr__(self, "reason", reason)


# --- repetition --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, init=False)
class FigureMention:
    """One place a figure is stated."""

    unit: int
    start: int
    end: int
    text: str
    qualifier: str | None  # "about", "more than", ...

    def __init__(self, unit: int, start: int, end: int, text: str, qualifier: str | None) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "qualifier", qualifier)


@dataclass(frozen=True, slots=True, init=False)
class RepeatedFigure:
    """A figure stated in two or more units."""

    figure: str  # canonical: value without separators, then what it counts
    units: tuple[int, ...]
    mentions: tuple[FigureMention, ...]

    def __init__(self, figure: str, units: tuple[int, ...], mentions: tuple[FigureMention, ...]) -> None:
        object.__setattr__(self, "figure", figure)
        object.__setattr__(self, "units", units)
        object.__setattr__(self, "mentions", mentions)


@dataclass(frozen=True, slots=True, init=False)
class FigureConflict:
    """The same thing stated with different values: a likely error."""

    subject: str
    values: tuple[str, ...]
    mentions: tuple[FigureMention, ...]
    message: str

    def __init__(
        self, subject: str, values: tuple[str, ...], mentions: tuple[FigureMention, ...], message: str
    ) -> None:
        object.__setattr__(self, "subject", subject)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "message", message)


@dataclass(frozen=True, slots=True, init=False)
class Restatement:
    """A unit whose main content an earlier unit already stated."""

    unit: int
    restates: int
    similarity: float
    reason: str
    confidence: float = 1.0  # 0-1: how sure the analysis is that nothing in the unit is new

    def __init__(self, unit: int, restates: int, similarity: float, reason: str, confidence: float = 1.0) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "restates", restates)
        object.__setattr__(self, "similarity", similarity)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "confidence", confidence)


@dataclass(frozen=True, slots=True, init=False)
class Repetition:
    """The repetition section: the index, restatements, repeated and conflicting figures."""

    index: float
    restatements: tuple[Restatement, ...]
    figures: tuple[RepeatedFigure, ...]
    conflicts: tuple[FigureConflict, ...]

    def __init__(
        self, index: float, restatements: tuple[Restatement, ...], figures: tuple[RepeatedFigure, ...],
        conflicts: tuple[FigureConflict, ...],
    ) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "restatements", restatements)
        object.__setattr__(self, "figures", figures)
        object.__setattr__(self, "conflicts", conflicts)


# --- findings ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, init=False)
class Suggestion:
    """What to do about a finding; `replacement` is text for the finding's span where the rule has one."""

    message: str
    replacement: str | None

    def __init__(self, message: str, replacement: str | None) -> None:
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "replacement", replacement)


@dataclass(frozen=True, slots=True, init=False)
class RelatedSpan:
    """Another span a finding points to: the sentence a restatement restates, a figure's other mention."""

    unit: int
    start: int
    end: int

    def __init__(self, unit: int, start: int, end: int) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One thing for an editor to look at, from any analysis, in one shape (see findings.py)."""

    id: str  # "f1", "f2" ... in text order: stable within the report
    rule: str  # "readability.passive-voice", "claim.figure", "vague.generic-source" ...
    category: str  # "readability" | "claims" | "repetition" | "figures"
    severity: str  # "error" | "warning" | "info"
    unit: int
    start: int
    end: int
    message: str
    short_message: str
    message_id: str
    params: tuple[tuple[str, str], ...]  # dumped as a JSON object
    suggestions: tuple[Suggestion, ...]
    related: tuple[RelatedSpan, ...]

    def __init__(
        self, id: str, rule: str, category: str, severity: str, unit: int, start: int, end: int, message: str,
        short_message: str, message_id: str, params: tuple[tuple[str, str], ...], suggestions: tuple[Suggestion, ...],
        related: tuple[RelatedSpan, ...],
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "category", category)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "short_message", short_message)
        object.__setattr__(self, "message_id", message_id)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "suggestions", suggestions)
        object.__setattr__(self, "related", related)


# --- the report --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, init=False)
class Language:
    """The language analyzed, and whether it was detected or named by the request."""

    code: str
    detected: bool
    confidence: float | None

    def __init__(self, code: str, detected: bool, confidence: float | None) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "detected", detected)
        object.__setattr__(self, "confidence", confidence)


@dataclass(frozen=True, slots=True, init=False)
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
    findings: tuple[Finding, ...] = ()  # every section's findings in one list (findings.py)
    source_map: SourceMap | None = field(default=None, repr=False)  # HTML/Markdown: text -> source offsets

    def __init__(
        self, format: str, text: str, language: Language, paragraphs: int, units: tuple[Unit, ...],
        readability: Readability, read_time: ReadTime, repetition: Repetition, claims: Claims,
        captions: tuple[Caption, ...] = (), findings: tuple[Finding, ...] = (), source_map: SourceMap | None = None,
    ) -> None:
        object.__setattr__(self, "format", format)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "units", units)
        object.__setattr__(self, "readability", readability)
        object.__setattr__(self, "read_time", read_time)
        object.__setattr__(self, "repetition", repetition)
        object.__setattr__(self, "claims", claims)
        object.__setattr__(self, "captions", captions)
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "source_map", source_map)

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a span of the analyzed text to the submitted source (None for plain text)."""
        return None if self.source_map is None else self.source_map.span(start, end)
