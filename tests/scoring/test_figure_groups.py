"""Figure grouping stays linear: each figure meets a bounded set of groups, and a count about nothing meets none."""

import pytest

from scoring import figure_groups
from scoring.figure_groups import GROUPS_PER_VALUE_MAX, group_figures
from scoring.figures import find
from scoring.text import build_document


def groups_of(text):
    groups, _ = group_figures(find(build_document(text)))
    return [g for g in groups if len({m.unit for m in g.mentions}) > 1]


def _noun(i):
    return "".join("bcdfgklmnp"[int(d)] + "a" for d in str(i)) + "ts"  # a distinct invented plural per i


def between(others):
    """A figure, `others` other things with the same value, and the figure again."""
    middle = " ".join(f"The council said 1,000 {_noun(i)} came." for i in range(others))
    return f"The army sent 1,000 soldiers. {middle} The army sent 1,000 soldiers."


def test_a_figure_meets_up_to_groups_per_value_max_groups_of_its_value():
    (group,) = groups_of(between(GROUPS_PER_VALUE_MAX - 1))
    assert [m.unit for m in group.mentions] == [0, GROUPS_PER_VALUE_MAX]


def test_a_figure_past_groups_per_value_max_other_groups_is_not_compared():
    # what the bound lets pass: an article with more different things of one value than that
    assert groups_of(between(GROUPS_PER_VALUE_MAX)) == []


@pytest.mark.parametrize("text", ["1,000 1,000 1,000 1,000", "It was 7. It was 7. It was 7.", "1,000. 1,000. 1,000."])
def test_a_count_about_nothing_groups_with_nothing(text):
    assert groups_of(text) == []


def test_comparisons_per_figure_are_bounded(monkeypatch):
    calls = []
    accepts = figure_groups._Group.accepts
    monkeypatch.setattr(figure_groups._Group, "accepts", lambda self, fig: calls.append(1) or accepts(self, fig))
    figures = find(build_document(" ".join(f"The council set aside $5 million for {_noun(i)}." for i in range(200))))
    group_figures(figures)
    assert len(figures) == 200
    assert GROUPS_PER_VALUE_MAX < len(calls) <= GROUPS_PER_VALUE_MAX * len(figures)
    calls.clear()
    group_figures(find(build_document("1,000 " * 500)))
    assert calls == []  # counts about nothing are compared with no group
