"""Load the library's data files: TOML with a [meta] table naming where each rule comes from."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

from .errors import LexiconError

REQUIRED_META = ("title", "sources")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A parsed data file: its provenance and its read-only tables."""

    name: str
    title: str
    sources: tuple[str, ...]
    tables: Mapping[str, Any]

    def terms(self, key: str) -> frozenset[str]:
        """Return the list under the dotted `key` ("lists.titles") as a frozenset of lower-cased strings."""
        values: Any = self.tables
        for part in key.split("."):
            values = values.get(part) if isinstance(values, Mapping) else None
        if not isinstance(values, (list, tuple)):
            raise LexiconError(f"{self.name}: [{key}] is not a list")
        return frozenset(str(v).lower() for v in values)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def load(name: str) -> Lexicon:
    """Read `scoring/data/<name>.toml`, check its [meta] table and return it frozen."""
    try:
        raw = resources.files("scoring").joinpath("data").joinpath(f"{name}.toml").read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{name}: {exc}") from exc
    meta = data.pop("meta", None)
    if not isinstance(meta, dict) or any(not meta.get(k) for k in REQUIRED_META):
        raise LexiconError(f"{name}: needs a [meta] table with {', '.join(REQUIRED_META)}")
    sources = meta["sources"]
    if isinstance(sources, str):
        sources = [sources]
    return Lexicon(name=name, title=str(meta["title"]), sources=tuple(sources), tables=_freeze(data))
