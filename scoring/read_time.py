"""Read time: words at the language's silent reading rate, plus time per image, with a speaking time and a label.

Rates: Brysbaert (2019), "How many words do we read per minute? A review and meta-analysis
of reading rate", Journal of Memory and Language 109 (238 wpm silent, 183 wpm aloud, for
English non-fiction); other languages scaled by the IReST cross-language ratios
(Trauzettel-Klosinski & Dietz 2012); a language IReST did not time gets the English rate,
and its rule says so. Images: Medium's rule, 12 seconds for the first, one
second less for each next one, never under 3 (data/read_time_rates.toml). Every word of
the article counts, headings included: readers read them too.
"""

from __future__ import annotations

from types import MappingProxyType

from .lexicons import load
from .results import ReadTime
from .text import NUMBER, WORD, Document

_RATES = load("read_time_rates")
_EN_SILENT = float(_RATES.tables["english"]["silent_wpm"])
_EN_ALOUD = float(_RATES.tables["english"]["aloud_wpm"])
_IREST = _RATES.tables["irest_wpm"]
_IREST_EN = float(_IREST["en"])

SILENT_WPM = MappingProxyType({lang: round(_EN_SILENT * float(v) / _IREST_EN, 1) for lang, v in _IREST.items()})
ALOUD_WPM = MappingProxyType({lang: round(_EN_ALOUD * float(v) / _IREST_EN, 1) for lang, v in _IREST.items()})
IMAGE_FIRST_SECONDS = int(_RATES.tables["images"]["first_seconds"])
IMAGE_STEP_SECONDS = int(_RATES.tables["images"]["step_seconds"])
IMAGE_FLOOR_SECONDS = int(_RATES.tables["images"]["floor_seconds"])


def image_seconds(images: int) -> int:
    """Seconds that `images` add: 12 for the first, one less for each next, 3 from the tenth on (Medium)."""
    total = 0
    for i in range(min(images, 64)):  # past the floor every image costs the same
        total += max(IMAGE_FLOOR_SECONDS, IMAGE_FIRST_SECONDS - i * IMAGE_STEP_SECONDS)
    if images > 64:
        total += (images - 64) * IMAGE_FLOOR_SECONDS
    return total


def label(seconds: float) -> str:
    """Return the display label: minutes rounded to the nearest, at least one: '3 min read'."""
    return f"{minutes(seconds)} min read"


def minutes(seconds: float) -> int:
    """Round seconds to whole minutes, half up, never below one."""
    return max(1, int(seconds / 60 + 0.5))


def analyze(doc: Document, language: str, words_per_minute: float | None) -> ReadTime:
    """Return the silent read time (words and images) and the speaking time of the article."""
    silent = SILENT_WPM.get(language)
    measured = silent is not None  # IReST timed readers of the language
    if silent is None:
        silent = SILENT_WPM["en"]
    wpm = float(words_per_minute) if words_per_minute else silent
    # kind tested inline (what Token.is_word tests): the property is a Python call per token
    words = 0
    for unit in doc.units:
        for t in unit.tokens:
            kind = t.lexeme.kind
            if kind is WORD or kind is NUMBER:
                words += 1
    seconds = words * 60 / wpm + image_seconds(doc.images)
    if words_per_minute:
        rule = f"{wpm:g} words per minute, as requested"
    elif language == "en":
        rule = f"{wpm:g} words per minute: silent reading of non-fiction, Brysbaert (2019)"
    elif not measured:
        rule = (f"{wpm:g} words per minute: Brysbaert's (2019) rate for English, as IReST "
                f"(Trauzettel-Klosinski & Dietz 2012) has no reading rate for {language}")
    else:
        rule = (f"{wpm:g} words per minute: Brysbaert's (2019) 238 for English, scaled to {language} "
                "by the IReST reading rates (Trauzettel-Klosinski & Dietz 2012)")
    if doc.images:
        images = image_seconds(doc.images)
        noun = "image" if doc.images == 1 else "images"
        rule += (f"; {doc.images} {noun} add {images} s (Medium: {IMAGE_FIRST_SECONDS} s for the first, "
                 f"{IMAGE_STEP_SECONDS} s less for each next, at least {IMAGE_FLOOR_SECONDS} s)")
    return ReadTime(
        words=words,
        images=doc.images,
        words_per_minute=wpm,
        seconds=round(seconds),
        minutes=minutes(seconds),
        label=label(seconds),
        speaking_seconds=round(words * 60 / ALOUD_WPM.get(language, ALOUD_WPM["en"])),
        rule=rule,
    )
