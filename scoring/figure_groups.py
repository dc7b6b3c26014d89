"""Repeated and conflicting figures: group the mentions of one value about one thing, and find one thing given two values.

A figure is repeated when the same value about the same thing appears in two or more units
(spec/annotation.md, "repeated figure"). Cost is linear in the number of figures by
construction: a figure is compared only with the groups of its own value (a dictionary keyed
by the normalized value and measure), at most GROUPS_PER_VALUE_MAX of them, and a count that
says neither what it counts nor what happened to it ("1,000" alone) is compared with nothing,
since it cannot be shown to be about anything. Conflicts are found through a dictionary keyed
by what is counted, each mention compared with the first.
"""

from __future__ import annotations

from typing import Final

from .figures import GENERIC, IDENTIFIERS, VERB_CLASSES, Figure
from .numbers import format_value
from .results import FigureConflict, FigureMention, RepeatedFigure
from .text import Document

# Counts below this are common enough to coincide ("2 goals", "3 children"): two of them are
# one figure only if their units name no one or share a name.
SMALL_COUNT: Final = 10
# A figure is compared with at most this many groups of its value (the latest ones, oldest
# first). Real copy holds a handful of different things with one value; hostile input
# ("1,000 apples 1,000 pears ...") holds thousands, and comparing with all is quadratic.
GROUPS_PER_VALUE_MAX: Final = 16
# Conflicts: approximate values ("about 11,000") within this relative distance agree.
APPROXIMATE_TOLERANCE: Final = 0.1
# Figure measures that never repeat as facts: dates, years, codes, and ages (two people may share one).
NOT_REPEATED: Final = IDENTIFIERS | {"age"}
# Measures whose figures need a shared noun or verb to be about the same thing.
COUNTED: Final = frozenset(("count", "rate"))

LOWER_BOUNDS: Final = frozenset(
    ("more than", "over", "at least", "above", "upwards of", "in excess of", "well over", "just over",
     "greater than", "no fewer than", "no less than")
)
UPPER_BOUNDS: Final = frozenset(
    ("less than", "fewer than", "under", "below", "at most", "up to", "no more than", "as many as",
     "as much as", "just under", "well under", "as few as", "as little as")
)

APPROXIMATIONS: Final = frozenset(
    ("about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to", "an estimated",
     "estimated", "approx", "circa", "ca", "an average of", "on average", "an approximate", "maybe", "perhaps")
)


class _Group:
    """Mentions of one figure about one thing, in document order, with what they count so far."""

    # A plain class, not a dataclass: it is mutable, and defining a dataclass costs ~0.5 ms of start-up.
    __slots__ = ("key", "mentions", "nouns", "verbs", "names")

    def __init__(self, key: tuple) -> None:
        self.key = key
        self.mentions: list[Figure] = []
        self.nouns: set[str] = set()  # at most one specific noun: others clash
        self.verbs: set[str] = set()
        self.names: set[str] = set()  # names in the units of its mentions

    def add(self, fig: Figure) -> None:
        self.mentions.append(fig)
        if fig.noun:
            self.nouns.add(fig.noun)
        if fig.verb:
            self.verbs.add(fig.verb)

    def accepts(self, fig: Figure) -> bool:
        """True when `fig` counts what this group counts (same_thing with some mention, no clash with any)."""
        specific = self.nouns - {GENERIC}
        if fig.noun and fig.noun != GENERIC and specific and fig.noun not in specific:
            return False
        if fig.verb in VERB_CLASSES and any(v in VERB_CLASSES and v != fig.verb for v in self.verbs):
            return False
        if fig.measure not in COUNTED:
            return True
        shared_noun = bool(fig.noun and self.nouns and (fig.noun in self.nouns or GENERIC in self.nouns or fig.noun == GENERIC))
        return shared_noun or bool(fig.verb and fig.verb in self.verbs)


def _value_key(fig: Figure) -> tuple:
    return (fig.measure, fig.scale_unit, fig.value, fig.upper)


def _anonymous(fig: Figure) -> bool:
    """True for a count with no noun and no verb: nothing shows what it counts, so it joins no group and none joins it."""
    return fig.measure in COUNTED and not fig.noun and not fig.verb


def group_figures(
    figures: tuple[Figure, ...], names: list[frozenset[str]] | None = None
) -> tuple[list[_Group], dict[int, _Group]]:
    """Group figures that state the same value about the same thing; map id(figure) to its group.

    Each figure is compared with the latest GROUPS_PER_VALUE_MAX groups of its value only,
    through the group's nouns and verbs rather than every mention: time linear in the number
    of figures. A count below SMALL_COUNT also needs its unit to share a name with the group's
    units when both name someone: "Smith scored 2 goals" and "Jones scored 2 goals" are two facts.
    """
    by_value: dict[tuple, list[_Group]] = {}
    groups: list[_Group] = []
    group_of: dict[int, _Group] = {}
    for fig in figures:
        if fig.measure in NOT_REPEATED:
            continue
        key = _value_key(fig)
        unit_names = names[fig.unit] if names is not None and fig.unit < len(names) else frozenset()
        home: _Group | None = None
        anonymous = _anonymous(fig)
        if not anonymous:
            candidates = by_value.setdefault(key, [])
            small = fig.measure == "count" and fig.value < SMALL_COUNT
            for k in range(max(0, len(candidates) - GROUPS_PER_VALUE_MAX), len(candidates)):
                g = candidates[k]
                if g.accepts(fig) and not (small and unit_names and g.names and not unit_names & g.names):
                    home = g
                    break
        if home is None:
            home = _Group(key)
            groups.append(home)
            if not anonymous:
                by_value[key].append(home)
        home.add(fig)
        home.names |= unit_names
        group_of[id(fig)] = home
    return groups, group_of


def same_thing(a: Figure, b: Figure) -> bool:
    """True when two figures of equal value are about the same thing.

    Counts need one shared element (the noun, or the verb's class) and no clash: "3,000
    killed" and "3,000 soldiers killed" match, "3,000 killed" and "3,000 employees" do not.
    Money, percentages and durations match on the value unless what they count clashes.
    """
    group = _Group(())
    group.add(b)
    return _value_key(a) == _value_key(b) and group.accepts(a)


def repeated(group: _Group) -> RepeatedFigure:
    """The report's entry for a group: its best-described mention's canonical form and every mention."""
    best = max(group.mentions, key=lambda m: (bool(m.noun) + bool(m.verb), -m.start))
    mentions = tuple(FigureMention(m.unit, m.start, m.end, m.text, m.qualifier) for m in group.mentions)
    units = tuple(sorted({m.unit for m in group.mentions}))
    return RepeatedFigure(figure=best.canonical, units=units, mentions=mentions)


def repeated_figures(groups: list[_Group]) -> tuple[RepeatedFigure, ...]:
    """The groups whose mentions are in two or more units, as the report lists them."""
    return tuple(repeated(g) for g in groups if len({m.unit for m in g.mentions}) > 1)


# --- conflicting figures ------------------------------------------------------------------


def find_conflicts(doc: Document, figures: tuple[Figure, ...]) -> tuple[FigureConflict, ...]:
    """Find the same thing (noun and verb) stated with values that cannot both be right."""
    anchors = time_anchors(figures)
    by_subject: dict[tuple, list[Figure]] = {}
    for fig in figures:
        if (
            fig.measure in NOT_REPEATED
            or fig.incidental
            or fig.partitive
            or fig.reference
            or fig.upper is not None
            or not fig.noun
            or fig.noun == GENERIC
            or not fig.verb
        ):
            continue
        by_subject.setdefault((fig.measure, fig.scale_unit, fig.noun, fig.verb), []).append(fig)
    out = []
    for subject, mentions in by_subject.items():
        first = mentions[0]
        clashing = [
            m for m in mentions[1:]
            if m.unit != first.unit and anchors.get(m.unit) == anchors.get(first.unit) and not _agree(first, m)
        ]
        if not clashing:
            continue
        shown = (first, *clashing)
        values = tuple(dict.fromkeys(_value_text(m) for m in shown))
        where = "; ".join(f"{_value_text(m)} in unit {m.unit}" for m in shown)
        out.append(
            FigureConflict(
                subject=first.referent,
                values=values,
                mentions=tuple(FigureMention(m.unit, m.start, m.end, m.text, m.qualifier) for m in shown),
                message=f"The article gives different figures for {first.referent}: {where}. Check which is right.",
            )
        )
    return tuple(out)


def _value_text(fig: Figure) -> str:
    text = format_value(fig.value)
    return f"{text} {fig.scale_unit}" if fig.scale_unit else text


def _agree(a: Figure, b: Figure) -> bool:
    """True when two values can both be right given their qualifiers ("more than 3,000" and 3,200)."""
    if a.value == b.value:
        return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier in LOWER_BOUNDS and y.value >= x.value:
            return True
        if x.qualifier in UPPER_BOUNDS and y.value <= x.value:
            return True
    approx = a.qualifier in APPROXIMATIONS or b.qualifier in APPROXIMATIONS
    return approx and abs(a.value - b.value) <= APPROXIMATE_TOLERANCE * max(a.value, b.value)


def time_anchors(figures: tuple[Figure, ...]) -> dict[int, frozenset[float]]:
    """The years and dates each unit names: figures about different times do not conflict."""
    anchors: dict[int, set[float]] = {}
    for fig in figures:
        if fig.measure in ("year", "date"):
            anchors.setdefault(fig.unit, set()).add(fig.value)
    return {u: frozenset(v) for u, v in anchors.items()}
