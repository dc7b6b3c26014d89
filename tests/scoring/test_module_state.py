"""No analysis writes to module-level data: lookup tables may be plain dicts (Final) for speed, never state."""

from __future__ import annotations

import copy
import importlib
import pkgutil

from copydesk import scoring
from copydesk.scoring import analyze
from tests.conftest import SEED_PATH

MUTABLE = (dict, list, set, bytearray)


def module_containers() -> dict[str, object]:
    """Every dict, list, set and bytearray bound at the top level of a scoring module, or held by an object bound there."""
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(scoring.__path__, "copydesk.scoring."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            if isinstance(value, MUTABLE):
                found[f"{info.name}.{name}"] = value
            elif not isinstance(value, type):
                # a module-level object's tables (syllables.ENGLISH.table, .trie); a class compiled
                # with mypyc lists its fields in __mypyc_attrs__ instead of __slots__
                cls = type(value)
                for slot in getattr(cls, "__slots__", None) or getattr(cls, "__mypyc_attrs__", ()):
                    held = getattr(value, slot, None)
                    if isinstance(held, MUTABLE):
                        found[f"{info.name}.{name}.{slot}"] = held
    return found


def test_the_walk_reaches_tables_held_by_module_level_objects():
    containers = module_containers()
    assert "copydesk.scoring.syllables.ENGLISH.table" in containers
    assert "copydesk.scoring.syllables.ENGLISH.trie" in containers


def test_analyses_leave_module_level_containers_as_they_were():
    seed = SEED_PATH.read_text(encoding="utf-8")
    analyze(seed)  # anything built on first use is built now
    analyze("<p>Warm <b>up</b>.</p>", format="html")
    analyze("# Warm\n\nUp *now*.", format="markdown")
    containers = module_containers()
    assert containers, "no module-level containers found: the walk is broken"
    before = {name: copy.deepcopy(value) for name, value in containers.items()}
    for text, fmt in (
        (seed, "text"),
        (seed.replace("\n\n", "</p><p>"), "html"),
        ("# Title\n\n" + seed, "markdown"),
        ("Officials said 3,000 people fled. Reports indicate 3,000 people fled. It has been reported that 3,000 fled.", "text"),
    ):
        analyze(text, format=fmt)
    changed = [name for name, value in containers.items() if value != before[name]]
    assert not changed, f"analyses wrote to module-level data: {changed}"
