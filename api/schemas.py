"""marshmallow schemas: what a request may hold (load) and the report's JSON shape (dump).

Shapes and bounds only; every rule about articles lives in `scoring`.
"""

from __future__ import annotations

import re

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from copydesk.scoring.findings import ALIASES, BY_ID as FINDINGS_RULES
from copydesk.scoring.language import KNOWN as LANGUAGES
from copydesk.scoring.messages import LOCALES
from copydesk.scoring.options import FORMATS, MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE, SEVERITIES
from copydesk.scoring.profiles import PROFILES

# How offsets are counted in the response: Unicode code points (Python, the default) or
# UTF-16 code units (JavaScript strings, the DOM).
OFFSET_UNITS = ("code_points", "utf16")

# A BCP 47 tag whose primary subtag is a language read here ("en", "en-US", "pt-BR"; those
# without formulas get readability marked unavailable); openapi.yaml carries the same pattern. Literal alternatives and bounded
# repetition of a fixed class: no backtracking blow-up.
LANGUAGE_PATTERN = rf"^({'|'.join(LANGUAGES)})(-[A-Za-z0-9]{{1,8}}){{0,8}}$"
PROFILE_NAMES = tuple(sorted(PROFILES))
# Every rule (GET /v1/rules), and the readability section's own names for three of them.
RULE_IDS = tuple(sorted(FINDINGS_RULES))
DISABLED_RULE_IDS = RULE_IDS + tuple(sorted(ALIASES))
_DISABLED_RULE_SET = frozenset(DISABLED_RULE_IDS)
# The report's parts a client may ask for with `include` (format, language, paragraphs and
# offsets are always there).
REPORT_PARTS = ("text", "units", "readability", "read_time", "repetition", "claims", "findings", "captions")
# A locale for the findings' messages: a shipped catalogue's language, optionally with a region.
LOCALE_PATTERN = rf"^({'|'.join(LOCALES)})([-_][A-Za-z0-9]{{1,8}}){{0,4}}$"

# --- requests ----------------------------------------------------------------------------


class StrictBoolean(fields.Boolean):
    """A JSON boolean, or its spelling in a query string ("true", "false"); never a number (0 == False in Python)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, (bool, str)):
            raise self.make_error("invalid", input=value)
        return super()._deserialize(value, attr, data, **kwargs)



# How many unknown rule ids a refusal quotes, and how much of each: the message stays short
# however many ids the request held (issue 22, finding 4).
MAX_QUOTED_RULE_IDS = 5
MAX_QUOTED_RULE_ID_CHARS = 40


def quoted(value: str, limit: int = MAX_QUOTED_RULE_ID_CHARS) -> str:
    """`value` in quotes, cut to `limit` characters with an ellipsis."""
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def check_rule_ids(ids: list[str]) -> None:
    """Refuse unknown rule ids with one message: the first few quoted, the others counted, the known ids listed."""
    unknown = [i for i in dict.fromkeys(ids) if i not in _DISABLED_RULE_SET]
    if not unknown:
        return
    shown = ", ".join(quoted(i) for i in unknown[:MAX_QUOTED_RULE_IDS])
    if len(unknown) > MAX_QUOTED_RULE_IDS:
        shown += f" and {len(unknown) - MAX_QUOTED_RULE_IDS:,} more"
    raise ValidationError(f"Unknown rule ids: {shown}. Known: {', '.join(RULE_IDS)}.")


class RuleIdList(fields.Field):
    """A list of rule ids (GET /v1/rules), judged as a whole: one message for the list, never one per item."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, list):
            raise ValidationError("Not a valid list.")
        strings = [item for item in value if isinstance(item, str)]
        if len(strings) < len(value):
            position = next(n for n, item in enumerate(value) if not isinstance(item, str))
            others = len(value) - len(strings) - 1
            more = f" (nor are {others:,} more)" if others else ""
            raise ValidationError(f"Rule ids are strings; item {position} is not{more}.")
        check_rule_ids(strings)
        return strings


class OptionsSchema(Schema):
    """The analysis options, in a JSON body's `options` or as query parameters."""

    class Meta:
        unknown = RAISE

    language = fields.String(
        allow_none=True,
        load_default=None,
        validate=validate.Regexp(re.compile(LANGUAGE_PATTERN), error="Not a supported language tag: " + ", ".join(LANGUAGES) + " (optionally with a region, en-US)."),
    )
    profile = fields.String(load_default="news", validate=validate.OneOf(PROFILE_NAMES))
    words_per_minute = fields.Float(
        allow_none=True,
        load_default=None,
        allow_nan=False,
        validate=validate.Range(MIN_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE),
    )
    anonymous_as_vague = StrictBoolean(load_default=True)
    # one validator for the whole list, not one per item: one message however many ids are unknown
    disabled_rules = RuleIdList(load_default=list)
    offsets = fields.String(load_default="code_points", validate=validate.OneOf(OFFSET_UNITS))
    locale = fields.String(
        allow_none=True,
        load_default=None,
        validate=validate.Regexp(re.compile(LOCALE_PATTERN), error="Not a shipped locale: " + ", ".join(LOCALES) + " (optionally with a region, de-AT)."),
    )
    min_severity = fields.String(load_default="info", validate=validate.OneOf(SEVERITIES))
    include = fields.List(fields.String(validate=validate.OneOf(REPORT_PARTS)), allow_none=True, load_default=None)


class ArticleSchema(Schema):
    """A JSON request body: the article, its format and the options."""

    class Meta:
        unknown = RAISE

    text = fields.String(required=True)
    format = fields.String(load_default="text", validate=validate.OneOf(FORMATS))
    # absent options load as every option's default, like an empty object
    options = fields.Nested(OptionsSchema, load_default=lambda: OptionsSchema().load({}))


# --- the report --------------------------------------------------------------------------
# One dump schema per dataclass in scoring/results.py, field for field (tests/api/test_drift.py
# fails when they part ways). Units are dumped without their tokens.


class UnitSchema(Schema):
    index = fields.Integer()
    type = fields.String()
    paragraph = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class LanguageSchema(Schema):
    code = fields.String()
    detected = fields.Boolean()
    confidence = fields.Float(allow_none=True)


class TextCountsSchema(Schema):
    paragraphs = fields.Integer()
    headings = fields.Integer()
    sentences = fields.Integer()
    words = fields.Integer()
    letters = fields.Integer()
    characters = fields.Integer()
    syllables = fields.Integer()
    monosyllables = fields.Integer()
    polysyllables = fields.Integer()
    long_words = fields.Integer()
    difficult_words = fields.Integer()
    complex_words = fields.Integer()
    mini_words = fields.Integer()


class FormulaScoreSchema(Schema):
    id = fields.String()
    name = fields.String()
    value = fields.Float()
    scale = fields.String()
    band = fields.String()
    verdict = fields.String(allow_none=True)
    citation = fields.String()


class SentenceFindingSchema(Schema):
    unit = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    rule = fields.String()
    message = fields.String()
    value = fields.Float(allow_none=True)


class ReadabilitySchema(Schema):
    language = fields.String()
    profile = fields.String()
    counts = fields.Nested(TextCountsSchema, allow_none=True)
    scores = fields.List(fields.Nested(FormulaScoreSchema))
    grade = fields.Float(allow_none=True)
    findings = fields.List(fields.Nested(SentenceFindingSchema))
    available = fields.Boolean()
    reason = fields.String(allow_none=True)


class ReadTimeSchema(Schema):
    words = fields.Integer()
    images = fields.Integer()
    words_per_minute = fields.Float()
    seconds = fields.Integer()
    minutes = fields.Integer()
    label = fields.String()
    speaking_seconds = fields.Integer()
    rule = fields.String()


class CueSchema(Schema):
    kind = fields.String()
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class ClaimSchema(Schema):
    unit = fields.Integer()
    kind = fields.String()
    status = fields.String()
    source = fields.String(allow_none=True)
    source_start = fields.Integer(allow_none=True)
    source_end = fields.Integer(allow_none=True)
    cues = fields.List(fields.Nested(CueSchema))
    reason = fields.String()
    rules = fields.List(fields.String())


class NamedSourceSchema(Schema):
    name = fields.String()
    claims = fields.Integer()
    units = fields.List(fields.Integer())


class ClaimsSchema(Schema):
    total = fields.Integer(allow_none=True)
    attributed = fields.Integer(allow_none=True)
    vague = fields.Integer(allow_none=True)
    unsourced = fields.Integer(allow_none=True)
    unattributed = fields.Integer(allow_none=True)
    items = fields.List(fields.Nested(ClaimSchema))
    sources = fields.List(fields.Nested(NamedSourceSchema))
    analyzed = fields.Boolean()
    reason = fields.String(allow_none=True)


class FigureMentionSchema(Schema):
    unit = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    qualifier = fields.String(allow_none=True)


class RepeatedFigureSchema(Schema):
    figure = fields.String()
    units = fields.List(fields.Integer())
    mentions = fields.List(fields.Nested(FigureMentionSchema))


class FigureConflictSchema(Schema):
    subject = fields.String()
    values = fields.List(fields.String())
    mentions = fields.List(fields.Nested(FigureMentionSchema))
    message = fields.String()


class RestatementSchema(Schema):
    unit = fields.Integer()
    restates = fields.Integer()
    similarity = fields.Float()
    confidence = fields.Float()
    reason = fields.String()


class RepetitionSchema(Schema):
    index = fields.Float()
    restatements = fields.List(fields.Nested(RestatementSchema))
    figures = fields.List(fields.Nested(RepeatedFigureSchema))
    conflicts = fields.List(fields.Nested(FigureConflictSchema))


class SuggestionSchema(Schema):
    message = fields.String()
    replacement = fields.String(allow_none=True)


class RelatedSpanSchema(Schema):
    unit = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()


class Params(fields.Field):
    """(name, value) pairs, dumped as a JSON object."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else dict(value)


class FindingSchema(Schema):
    id = fields.String()
    rule = fields.String()
    category = fields.String()
    severity = fields.String()
    unit = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    message = fields.String()
    short_message = fields.String()
    message_id = fields.String()
    params = Params()
    suggestions = fields.List(fields.Nested(SuggestionSchema))
    related = fields.List(fields.Nested(RelatedSpanSchema))


class CaptionSchema(Schema):
    text = fields.String()
    markup_start = fields.Integer()
    markup_end = fields.Integer()


class ReportSchema(Schema):
    """The report as JSON (the view puts `offsets`, the unit of every offset, in front)."""

    format = fields.String()
    text = fields.String()
    language = fields.Nested(LanguageSchema)
    paragraphs = fields.Integer()
    units = fields.List(fields.Nested(UnitSchema))
    readability = fields.Nested(ReadabilitySchema)
    read_time = fields.Nested(ReadTimeSchema)
    repetition = fields.Nested(RepetitionSchema)
    claims = fields.Nested(ClaimsSchema)
    findings = fields.List(fields.Nested(FindingSchema))
    captions = fields.List(fields.Nested(CaptionSchema))


# Keys of the JSON report that the API adds and scoring/results.py does not have.
API_ONLY_REPORT_KEYS = frozenset({"offsets"})
# Report fields the JSON leaves out: the source map is one pair of offsets per character of
# `text`, a Python-side tool (Report.source_span), not something to ship in every response.
NOT_DUMPED_REPORT_FIELDS = frozenset({"source_map"})
