"""Audit every regular expression in the project for super-linear time on hostile input.

    python bench/regex_audit.py [--size KIB] [--top N]

Finds each compiled pattern held by a module of `scoring` or `api` (module globals and the
values of frozen tables), builds hostile inputs from the pattern's own characters and words
(long runs of one character, alternations of two, a word repeated without its terminator),
times `finditer` over each input at two sizes and prints the worst time per kilobyte and
the growth when the input grows fourfold (about 4 is linear; 16 would be quadratic).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import pkgutil
import re
import sys
import time
from pathlib import Path
from types import MappingProxyType

ROOT = Path(__file__).resolve().parent.parent
# bench/http.py would shadow the standard library http (flask needs http.client)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

PACKAGES = ("copydesk.scoring", "copydesk.api")
BASE_CHARS = "a A 1 . , ' \" - \n".split(" ") + [" "]
# Ratio of times at 4n and n above which a pattern is reported as super-linear: linear
# work gives about 4, quadratic about 16; 12 leaves room for timer noise on a busy machine.
SUPERLINEAR_GROWTH = 12.0
REPEATS = 5


def _walk(value, seen, found, where):
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        found.setdefault(value.pattern, (value, where))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for v in value:
            _walk(v, seen, found, where)
    elif isinstance(value, (dict, MappingProxyType)):
        for v in value.values():
            _walk(v, seen, found, where)
    elif type(value).__module__.startswith(tuple(f"{p}." for p in PACKAGES)) and not isinstance(value, type):
        fields = getattr(type(value), "__dataclass_fields__", None) or getattr(type(value), "_fields", ())
        for name in fields:
            _walk(getattr(value, name, None), seen, found, where)


def patterns() -> dict[str, tuple[re.Pattern, str]]:
    """Return every compiled pattern reachable from the project's modules, by source."""
    found: dict[str, tuple[re.Pattern, str]] = {}
    for package in PACKAGES:
        try:
            pkg = importlib.import_module(package)
        except Exception as exc:  # noqa: BLE001 - report and go on with the other package
            print(f"cannot import {package}: {exc}", file=sys.stderr)
            continue
        names = [package] + [f"{package}.{m.name}" for m in pkgutil.walk_packages(pkg.__path__, prefix="")]
        for name in names:
            full = name if name.startswith(package) else f"{package}.{name}"
            try:
                module = importlib.import_module(full)
            except Exception as exc:  # noqa: BLE001
                print(f"cannot import {full}: {exc}", file=sys.stderr)
                continue
            seen: set[int] = set()
            for attr, value in vars(module).items():
                if not attr.startswith("__"):
                    _walk(value, seen, found, f"{full}.{attr}")
    return found


def hostile_inputs(pattern: str | bytes, size: int) -> list:
    """Build inputs of about `size` characters from the pattern's characters and words (bytes for a bytes pattern)."""
    if isinstance(pattern, bytes):
        # a bytes pattern (one reading raw bodies) gets the same inputs, encoded
        return [t.encode("latin-1", "replace") for t in hostile_inputs(pattern.decode("latin-1"), size)]
    chars = set(BASE_CHARS)
    chars |= {c for c in pattern if c.isprintable() and not c.isalnum()} - set("\\")
    words = set(re.findall(r"[A-Za-z]{2,}", pattern)) - {"d", "w", "s", "b"}
    chars |= {w[0] for w in words} | {w[0].lower() for w in words}
    out = [c * size for c in chars]
    for a, b in itertools.combinations(sorted(chars), 2):
        out.append((a + b) * (size // 2))
    for w in sorted(words)[:40]:
        out.append((w + " ") * (size // (len(w) + 1)))
        out.append(w * (size // len(w)))
        out.append((w + ".") * (size // (len(w) + 1)))
    return out


def time_pattern(regex: re.Pattern, text: str) -> float:
    """Best of REPEATS runs of finditer over `text`, in seconds."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        for _ in regex.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def audit(size_kib: int) -> list[tuple[float, float, str, str]]:
    """Return (worst µs per KiB, growth on a fourfold input, where, pattern) for every pattern."""
    rows = []
    n = size_kib * 1024
    for source, (regex, where) in patterns().items():
        worst, growth = 0.0, 0.0
        for text in hostile_inputs(source, n):
            t1 = time_pattern(regex, text[: n // 4])
            t2 = time_pattern(regex, text)
            per_kib = t2 * 1e6 / (len(text) / 1024)
            if per_kib > worst:
                worst = per_kib
                growth = t2 / t1 if t1 > 1e-4 else 4.0
        rows.append((worst, growth, where, source))
    rows.sort(key=lambda row: (row[0], row[1], row[2]), reverse=True)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=32, help="input size in KiB (default 32)")
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()
    rows = audit(a.size)
    print(f"{len(rows)} patterns, inputs of {a.size} KiB; worst time per KiB and growth when the input grows 4x")
    for worst, growth, where, source in rows[: a.top]:
        flag = "  SUPER-LINEAR" if growth > SUPERLINEAR_GROWTH else ""
        print(f"{worst:9.1f} us/KiB  x{growth:4.1f}  {where}: {str(source)[:70]!r}{flag}")
    bad = [r for r in rows if r[1] > SUPERLINEAR_GROWTH]
    print(f"worst {rows[0][0]:.1f} us/KiB; super-linear patterns: {len(bad)}" if rows else "no patterns found")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
