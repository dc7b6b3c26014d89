"""Pathological inputs cost linear work: doubling one of bench/fuzz.py's FAMILIES at most doubles the cost, and none raises.

Cost is counted, not timed: the Python line events the analysis runs (sys.settrace), the same
on any machine and under any load. Linear work doubles them (a ratio of 2, a little less
where fixed costs weigh); comparing each figure with every earlier one, as the grouping
did before (issue 22), gave 3.2 to 3.9 at these sizes.
"""

from __future__ import annotations

import sys

import pytest

from copydesk import scoring
from bench import fuzz

# Characters of the smaller input; the larger is twice as long.
CHARS = 8_000
# The most that doubling the input may multiply the counted work by.
COST_RATIO_MAX = 2.2
# Under the compiled build scoring/ runs no Python lines: fewer than this means nothing to count.
MIN_LINES = 10_000


def _traced(work, *args) -> int:
    """Python trace events (lines, calls, returns) while `work(*args)` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    sys.settrace(lambda frame, event, arg: local)
    try:
        work(*args)
    finally:
        sys.settrace(None)
    return count


def _lines(name: str, chars: int) -> int:
    """Python line events while the family's text of `chars` characters is analyzed."""
    return _traced(fuzz.analyze_family, name, chars)


@pytest.fixture(scope="module", autouse=True)
def warm():
    for format in ("text", "html", "markdown"):
        scoring.analyze(fuzz.WARM_UP, format=format)  # lazily loaded tables are not charged to the first family


@pytest.mark.parametrize("name", list(fuzz.FAMILIES))
def test_doubling_a_pathological_input_at_most_doubles_its_cost(name):
    once = _lines(name, CHARS)
    if once < MIN_LINES:
        pytest.skip("scoring/ is compiled: no Python lines to count")
    twice = _lines(name, 2 * CHARS)
    assert twice / once <= COST_RATIO_MAX, f"{name}: {once} -> {twice} line events, {twice / once:.2f}x"


def test_cost_ratio_max_separates_linear_from_quadratic_work():
    def linear(n):
        return sum(1 for _ in range(n))

    def quadratic(n):
        return sum(1 for i in range(n) for _ in range(i))

    assert _traced(linear, 400) / _traced(linear, 200) <= COST_RATIO_MAX
    assert _traced(quadratic, 400) / _traced(quadratic, 200) > COST_RATIO_MAX


def test_families_cover_the_reported_shapes():
    formats = {fmt for fmt, _ in fuzz.FAMILIES.values()}
    assert formats == {"text", "html", "markdown"}
    assert fuzz.family_text("bare number", 100).startswith("1,000 1,000 ")
    assert len(fuzz.family_text("other nouns", 2_000)) >= 2_000
    words = {fuzz.FAMILIES["other nouns"][1](i) for i in range(1_000)}
    assert len(words) == 1_000  # each piece counts a different thing
