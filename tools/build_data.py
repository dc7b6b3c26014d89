"""Write the compiled copy (`<file>.marshal`) of every data file in scoring/data, or check them.

    .venv/bin/python tools/build_data.py           # rebuild the stale ones (after editing a data file)
    .venv/bin/python tools/build_data.py --check   # exit 1 if any is missing, stale or orphaned

The TOML files and the syllable table stay the source of truth; the library loads a compiled
copy only when it carries the digest of the current source (scoring/lexicons.py), so a
forgotten rebuild slows a start down and tests/scoring/test_compiled_data.py fails on it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from copydesk.scoring.lexicons import COMPILED_SUFFIX, DATA_DIR, compile_data, compiled_sources, read_compiled, same_data  # noqa: E402


def fresh_copy(name: str, parser: str, parse) -> tuple[bytes, bytes]:
    """(source bytes, the compiled file it should have)."""
    source = Path(DATA_DIR, name).read_bytes()
    return source, compile_data(source, parser, parse(source.decode("utf-8")))


def orphans(names) -> list[str]:
    """Compiled files whose source is gone or has no compiled form."""
    return sorted(f for f in os.listdir(DATA_DIR) if f.endswith(COMPILED_SUFFIX) and f[: -len(COMPILED_SUFFIX)] not in names)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any compiled file is out of date")
    args = parser.parse_args(argv)
    sources = compiled_sources()
    bad = []
    for name, (parser_id, parse) in sources.items():
        target = Path(DATA_DIR, name + COMPILED_SUFFIX)
        source, wanted = fresh_copy(name, parser_id, parse)
        current = target.read_bytes() if target.exists() else b""
        # Equal data may marshal to different bytes; a copy that loads to the same data is kept.
        if current == wanted or (current and same_data(read_compiled(current, source, parser_id), parse(source.decode("utf-8")))):
            continue
        bad.append(name)
        if not args.check:
            target.write_bytes(wanted)
            print(f"wrote {target.relative_to(ROOT)} ({len(wanted):,} bytes)")
    for name in orphans(sources):
        bad.append(name)
        if not args.check:
            Path(DATA_DIR, name).unlink()
            print(f"removed {name} (no source)")
    if args.check and bad:
        print(f"out of date: {', '.join(bad)}; run tools/build_data.py", file=sys.stderr)
        return 1
    if not bad:
        print(f"{len(sources)} compiled files up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
