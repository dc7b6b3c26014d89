"""Load the library's data files: TOML with a [meta] table naming where each rule comes from.

The TOML files are the source of truth. Next to each one (and next to the syllable table)
sits a compiled copy, `<file>.marshal`, written by `tools/build_data.py`: the parsed data
in marshal's format, which loads many times faster than parsing. A compiled file is used
only when its header carries the digest of the current source (and of the parser that
read it) and its payload passes its checksum; otherwise the source is parsed as before, so
a stale or damaged compiled file costs time, never a different result.
tests/scoring/test_compiled_data.py fails while any compiled file is stale.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .errors import LexiconError

try:  # BLAKE2 without hashlib, which loads OpenSSL first (about 4 ms of a process start here)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without the module
    from hashlib import blake2b

REQUIRED_META = ("title", "sources")
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
COMPILED_SUFFIX = ".marshal"
# The compiled file's first line; a new layout gets a new magic, and old files are ignored.
COMPILED_MAGIC = b"copydesk-compiled-data 1\n"
# marshal's format 4 is read by every Python 3 from 3.4 on, whichever version wrote it.
MARSHAL_VERSION = 4
# Names the parse function of TOML files: change it whenever what `parse_toml` returns changes.
TOML_PARSER = "tomllib-1"
_DIGEST_BYTES = 32


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
        return frozenset(map(str.lower, map(str, values)))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        if any(isinstance(v, (dict, list)) for v in value):
            return tuple([_freeze(v) for v in value])
        return tuple(value)  # a list of scalars, the common case: no call per item
    return value


def parse_toml(text: str) -> dict[str, Any]:
    """Parse a TOML data file (tomllib is imported only when a file has no fresh compiled copy)."""
    import tomllib

    return tomllib.loads(text)


def source_digest(source: bytes, parser: str) -> bytes:
    """The hex digest that ties a compiled file to its source bytes and the parser that read them."""
    return blake2b(parser.encode("ascii") + b"\0" + source, digest_size=_DIGEST_BYTES).hexdigest().encode("ascii")


def compile_data(source: bytes, parser: str, data: Any) -> bytes:
    """The compiled file for `data`, parsed from `source` by `parser`: magic, digest, checksum, payload."""
    payload = marshal.dumps(data, MARSHAL_VERSION)
    checksum = b"%08x" % zlib.crc32(payload)
    return COMPILED_MAGIC + source_digest(source, parser) + b"\n" + checksum + b"\n" + payload


def read_compiled(compiled: bytes, source: bytes, parser: str) -> Any:
    """The data of a compiled file if it belongs to `source` and `parser` and is intact, else None."""
    digest_end = len(COMPILED_MAGIC) + 2 * _DIGEST_BYTES
    checksum_end = digest_end + 1 + 8
    if (
        not compiled.startswith(COMPILED_MAGIC)
        or compiled[digest_end : digest_end + 1] != b"\n"
        or compiled[checksum_end : checksum_end + 1] != b"\n"
        or compiled[len(COMPILED_MAGIC) : digest_end] != source_digest(source, parser)
    ):
        return None
    payload = compiled[checksum_end + 1 :]
    if compiled[digest_end + 1 : checksum_end] != b"%08x" % zlib.crc32(payload):
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def same_data(a: Any, b: Any) -> bool:
    """True when two parsed data values are equal with the same types and key order (True is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(same_data(ka, kb) and same_data(va, vb) for (ka, va), (kb, vb) in zip(a.items(), b.items()))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return repr(a) == repr(b)  # -0.0 and nan
    return bool(a == b)


def read_data(filename: str, parse: Callable[[str], Any], parser: str, data_dir: str = DATA_DIR) -> Any:
    """Return `parse` of the UTF-8 text of `data_dir/filename`, from its compiled copy when that is fresh."""
    # Raises OSError when the source cannot be read, and what `parse` raises on a bad source.
    # Every parser here returns a dict, so a compiled payload of another type is ignored too.
    path = os.path.join(data_dir, filename)
    with open(path, "rb") as f:
        source = f.read()
    try:
        with open(path + COMPILED_SUFFIX, "rb") as f:
            compiled = f.read()
    except OSError:
        compiled = b""
    data = read_compiled(compiled, source, parser) if compiled else None
    if not isinstance(data, dict):
        data = parse(source.decode("utf-8"))
    return data


def load(name: str, data_dir: str = DATA_DIR) -> Lexicon:
    """Read `scoring/data/<name>.toml`, check its [meta] table and return it frozen."""
    try:
        data = read_data(f"{name}.toml", parse_toml, TOML_PARSER, data_dir)
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError and UnicodeDecodeError are ValueErrors
        raise LexiconError(f"{name}: {exc}") from exc
    meta = data.pop("meta", None)
    if not isinstance(meta, dict) or any(not meta.get(k) for k in REQUIRED_META):
        raise LexiconError(f"{name}: needs a [meta] table with {', '.join(REQUIRED_META)}")
    sources = meta["sources"]
    if isinstance(sources, str):
        sources = [sources]
    return Lexicon(name=name, title=str(meta["title"]), sources=tuple(sources), tables=_freeze(data))


def compiled_sources() -> dict[str, tuple[str, Callable[[str], Any]]]:
    """Every data file that has a compiled copy: file name -> (parser id, parse function)."""
    from .syllables import TABLE_FILE, TABLE_PARSER, parse_table

    files: dict[str, tuple[str, Callable[[str], Any]]] = {
        name: (TOML_PARSER, parse_toml) for name in sorted(os.listdir(DATA_DIR)) if name.endswith(".toml")
    }
    files[TABLE_FILE] = (TABLE_PARSER, parse_table)
    return files
