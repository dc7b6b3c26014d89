"""The findings' messages in each shipped language, read from gettext catalogues (data/messages/<locale>.po).

A catalogue entry's `msgctxt` is the message id ("claim.figure", "claim.figure.short",
"claim.figure.suggest"), its `msgid` the English text and its `msgstr` the translation; the
texts hold ICU-style `{name}` placeholders filled from a finding's params. A translator edits
the .po file with any gettext tool (Poedit, Weblate); nothing is compiled.
"""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Final
from collections.abc import Mapping

from .errors import InvalidOptionError, LexiconError
from .lexicons import DATA_DIR

MESSAGES_DIR: Final = os.path.join(DATA_DIR, "messages")
DEFAULT_LOCALE: Final = "en"
# The catalogues shipped, in the order a listing names them.
LOCALES: Final = ("en", "es", "de", "fr")
_ESCAPES: Final = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(line: str, name: str) -> str:
    """The text of one quoted .po string ("...", with \\" \\\\ \\n \\t escapes)."""
    if len(line) < 2 or not line.startswith('"') or not line.endswith('"'):
        raise LexiconError(f"messages/{name}: not a quoted string: {line[:60]!r}")
    body = line[1:-1]
    out: list[str] = []
    k = 0
    while k < len(body):
        c = body[k]
        if c == "\\" and k + 1 < len(body):
            out.append(_ESCAPES.get(body[k + 1], body[k + 1]))
            k += 2
        else:
            out.append(c)
            k += 1
    return "".join(out)


def parse_po(text: str, name: str) -> dict[str, tuple[str, str]]:
    """Read a .po catalogue: msgctxt -> (msgid, msgstr). The header (empty msgid, no context) is left out."""
    entries: dict[str, tuple[str, str]] = {}
    current: dict[str, str] = {}
    last = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if not last:
                raise LexiconError(f"messages/{name}: a string continues nothing: {line[:60]!r}")
            current[last] += _unquote(line, name)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword not in ("msgctxt", "msgid", "msgstr"):
            raise LexiconError(f"messages/{name}: unknown keyword {keyword!r}")
        if keyword == "msgctxt" or (keyword == "msgid" and "msgid" in current):
            _flush(entries, current, name)
        current[keyword] = _unquote(rest.strip(), name)
        last = keyword
    _flush(entries, current, name)
    return entries


def _flush(entries: dict[str, tuple[str, str]], current: dict[str, str], name: str) -> None:
    """Add the entry read so far (if it has a context) to `entries`, and start a new one."""
    if "msgid" in current and current.get("msgctxt"):
        context = current["msgctxt"]
        if context in entries:
            raise LexiconError(f"messages/{name}: {context} is given twice")
        entries[context] = (current["msgid"], current.get("msgstr", ""))
    current.clear()


def _load() -> Mapping[str, Mapping[str, str]]:
    """Every shipped catalogue: locale -> message id -> text (English where a translation is empty)."""
    out: dict[str, Mapping[str, str]] = {}
    for locale in LOCALES:
        path = os.path.join(MESSAGES_DIR, f"{locale}.po")
        try:
            with open(path, encoding="utf-8") as f:
                entries = parse_po(f.read(), f"{locale}.po")
        except OSError as exc:
            raise LexiconError(f"messages/{locale}.po: {exc}") from exc
        out[locale] = MappingProxyType({key: msgstr or msgid for key, (msgid, msgstr) in entries.items()})
    return MappingProxyType(out)


CATALOGUES: Final = _load()


def parts(template: str) -> tuple[tuple[str, str], ...]:
    """A template split into (literal text, placeholder name or "") pairs, so filling it is one pass."""
    out: list[tuple[str, str]] = []
    at = 0
    start = template.find("{")
    while start >= 0:
        end = template.find("}", start)
        if end < 0:
            break
        out.append((template[at:start], template[start + 1 : end]))
        at = end + 1
        start = template.find("{", at)
    out.append((template[at:], ""))
    return tuple(out)


# Every catalogue text split once at import: locale -> message id -> parts.
PARTS: Final = MappingProxyType({
    locale: MappingProxyType({key: parts(value) for key, value in texts.items()}) for locale, texts in CATALOGUES.items()
})


def fill(template: tuple[tuple[str, str], ...], params: tuple[tuple[str, str], ...]) -> str:
    """A template's parts joined with its placeholders' values from `params` (an unknown one is left as written)."""
    if len(template) == 1:
        return template[0][0]
    out: list[str] = []
    for literal, name in template:
        out.append(literal)
        if name:
            value = None
            for key, given in params:
                if key == name:
                    value = given
                    break
            out.append("{" + name + "}" if value is None else value)
    return "".join(out)


def template_parts(locale: str, key: str) -> tuple[tuple[str, str], ...]:
    """The parts of message `key` in `locale`, falling back to English, then to the key itself."""
    found = PARTS[locale].get(key)
    if found is None:
        found = PARTS[DEFAULT_LOCALE].get(key, ((key, ""),))
    return found


def resolve_locale(tag: str | None) -> str:
    """The shipped locale for a BCP 47 tag ("de-AT" -> "de"); None gives English; raise InvalidOptionError for others."""
    if tag is None:
        return DEFAULT_LOCALE
    subtags = tag.replace("_", "-").split("-")
    primary = subtags[0].lower()
    well_formed = len(subtags) <= 5 and all(0 < len(t) <= 8 and t.isascii() and t.isalnum() for t in subtags)
    if not well_formed or primary not in CATALOGUES:
        raise InvalidOptionError(
            f"locale must be one of {', '.join(LOCALES)} (optionally with a region), got {tag!r}", field="options.locale"
        )
    return primary


def text(locale: str, key: str) -> str:
    """The template for message `key` in `locale`, falling back to English, then to the key itself."""
    found = CATALOGUES[locale].get(key)
    if found is None:
        found = CATALOGUES[DEFAULT_LOCALE].get(key, key)
    return found


def render(template: str, params: tuple[tuple[str, str], ...]) -> str:
    """Fill a template's `{name}` placeholders from `params`; an unknown one is left as written."""
    if "{" not in template:
        return template
    out = template
    for name, value in params:
        out = out.replace("{" + name + "}", value)
    return out


def placeholders(template: str) -> frozenset[str]:
    """The `{name}` placeholders of a template."""
    names: list[str] = []
    start = template.find("{")
    while start >= 0:
        end = template.find("}", start)
        if end < 0:
            break
        names.append(template[start + 1 : end])
        start = template.find("{", end)
    return frozenset(names)
