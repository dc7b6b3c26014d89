"""Repeated and conflicting figures: group the mentions of one value about one thing, and find one thing given two values.

A figure is repeated when the same value about the same thing appears in two or more units
(spec/annotation.md, "repeated figure"). Cost is linear in the number of figures by
construction: a figure is compared only with the groups of its own value (a dictionary keyed
by the normalized value and measure), at most GROUPS_PER_VALUE_MAX of them, and a count in
the body that says neither what it counts nor what happened to it ("1,000" alone) is compared
with nothing, since it cannot be shown to be about anything. Conflicts are found through a dictionary keyed
by what is counted, each mention compared with the first.
"""

from __future__ import annotations

from typing import Final

from . import terms as _terms
from .figures import GENERIC, IDENTIFIERS, MONTHS, VERB_CLASSES, WEEKDAYS, Figure
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
# A percentage's level reached is compared with at most this many of the group's latest mentions (bounded: linear).
LEVEL_MENTIONS_MAX: Final = 4
# Conflicts: a headline figure is held against at most this many body figures of its noun.
HEADLINE_BODY_MAX: Final = 16
# Conflicts: approximate values ("about 11,000") within this relative distance agree.
APPROXIMATE_TOLERANCE: Final = 0.1
# Figure measures that never repeat as facts: dates, years, codes, and ages (two people may share one).
NOT_REPEATED: Final = IDENTIFIERS | {"age"}
# Measures that two people or two matches share by chance (an age at death, a score): in the
# body two of them are one figure only if their units share a name (a headline names its own way).
NAMED_MEASURES: Final = frozenset(("age", "score"))
# Measures whose figures need a shared noun or verb to be about the same thing.
COUNTED: Final = frozenset(("count",))
# Incidental figures that still repeat: "a 15-minute walk" (what a study tested) states its
# length; "a 4-nanometer chip", "a 60,000-seat stadium" only describe (spec: "a two-car garage").
INCIDENTAL_REPEATED: Final = frozenset(("duration", "percent"))
# The same length in other units is one figure ("two weeks" and "fourteen days"): each unit
# of time as a multiple of a base (seconds for clock and calendar days, months for the rest).
DURATION_BASES: Final[dict[str, tuple[str, float]]] = {
    "seconds": ("seconds", 1.0), "minutes": ("seconds", 60.0), "hours": ("seconds", 3600.0),
    "days": ("seconds", 86400.0), "weeks": ("seconds", 604800.0),
    "months": ("months", 1.0), "years": ("months", 12.0), "decades": ("months", 120.0), "centuries": ("months", 1200.0),
}
# Verb classes that make a percentage a change rather than a share (data/figures_referents.toml [verbs_amounts]).
CHANGE_VERBS: Final = frozenset(("rose", "fell"))
# A figure named as known ("the eight charities") points back this many units at most: a
# definite reference is to a figure just given, and small numbers recur across a story.
REFERENCE_REACH: Final = 1
# Words taken for names that say when, not who: they do not tell two people's figures apart.
TIME_NAMES: Final = MONTHS | WEEKDAYS

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
    """Mentions of one figure about one thing, in document order, with what they count so far.

    Every test in `accepts` is a set look-up or a walk over the figure's own few words, never
    over the group's mentions: a group may hold thousands of them.
    """

    # A plain class, not a dataclass: it is mutable, and defining a dataclass costs ~0.5 ms of start-up.
    __slots__ = (
        "key", "mentions", "nouns", "specific", "verbs", "verb_class", "names", "headline_nouns", "body", "shares",
        "changes", "subjects", "describes",
    )

    def __init__(self, key: tuple) -> None:
        self.key = key
        self.mentions: list[Figure] = []
        self.nouns: set[str] = set()  # nouns of its mentions in the body
        self.specific: set[str] = set()  # the same without GENERIC: one noun, more only through references
        self.verbs: set[str] = set()
        self.verb_class = ""  # the one verb class of its mentions, if any: another class clashes
        self.names: set[str] = set()  # names in the units of its mentions
        self.headline_nouns: set[str] = set()  # a headline's nouns agree with the body's but never clash with them
        self.body = 0  # mentions outside headings
        self.shares = False  # a mention is a share of a whole: "8% of the company"
        self.changes = False  # a mention is a change: "rose 8%"
        self.subjects: set[str] = set()  # what the verbs of its body mentions without a noun are said of
        self.describes = False  # its mentions are numbers that only describe ("a 15-minute walk")

    def add(self, fig: Figure) -> None:
        if not self.mentions:
            self.describes = fig.incidental
        self.mentions.append(fig)
        if fig.noun:
            if fig.heading:
                self.headline_nouns.add(fig.noun)
            else:
                self.nouns.add(fig.noun)
                if fig.noun != GENERIC:
                    self.specific.add(fig.noun)
        if fig.verb:
            self.verbs.add(fig.verb)
            if fig.verb in VERB_CLASSES and not self.verb_class:
                self.verb_class = fig.verb
        if not fig.heading:
            self.body += 1
        if fig.subject and not fig.heading:  # like its nouns, a headline's subject never clashes
            self.subjects.update(fig.subject.split())
        self.shares = self.shares or _is_share(fig)
        self.changes = self.changes or _is_change(fig)

    def clashes(self, fig: Figure) -> bool:
        """True when `fig` names a specific thing and this group's body mentions name others: "three ferries" against "three berths"."""
        return bool(fig.noun and fig.noun != GENERIC and self.specific and fig.noun not in self.specific)

    def _other_level(self, fig: Figure) -> bool:
        """True when a body mention of this group reached another level than `fig` did (or one reached a level and the other names none)."""
        for m in self.mentions[-LEVEL_MENTIONS_MAX:]:
            if not m.heading and m.level != fig.level:
                return True
        return False

    def has_noun(self, noun: str) -> bool:
        return noun in self.nouns or noun in self.headline_nouns

    def accepts(self, fig: Figure) -> bool:
        """True when `fig` counts what this group counts (same_thing with some mention, no clash with any).

        Counts need a shared noun (a generic one matches any) or a shared verb; other measures
        need no clash. A noun clashes with a different specific noun; a verb with a different
        verb class; an amount's verb with any other verb when neither names what it is
        ("invest £10m" against "lose £10m"); what an amount's verb of change or level is said
        of with the other's nouns ("prices rose 2.9%", "wages rose 2.9%"); a percentage change
        ("rose 8%") with a share ("owns 8% of the company"); and a generic noun ("three
        others") does not join two small counts with different verbs ("were indicted", "won").
        A headline states the body's figures in its own words: its nouns never clash, and a
        figure that is not a small count matches one there without a shared word ("$1 Billion
        Deal" and "nearly $1 billion").
        """
        headline = fig.heading or not self.body
        distinctive = fig.measure not in COUNTED or fig.value >= SMALL_COUNT
        if fig.incidental != self.describes:
            return False  # "a two-year fixed mortgage" describes a product; "in more than two years" states a length
        if not fig.heading and self.clashes(fig):
            return False
        if fig.verb in VERB_CLASSES and self.verb_class and self.verb_class != fig.verb:
            return False
        if _is_share(fig) and self.changes or _is_change(fig) and self.shares:
            return False
        if fig.measure == "percent" and not fig.heading and self._other_level(fig):
            return False  # "rose 11% to $14.83 billion" and "rose 11% to $4.53 billion": two changes, two periods
        if headline and distinctive:
            return True
        any_noun = bool(self.nouns or self.headline_nouns)
        shared_noun = bool(fig.noun and any_noun and (fig.noun == GENERIC or self.has_noun(fig.noun) or self.has_noun(GENERIC)))
        other_verb = bool(fig.verb and self.verbs and fig.verb not in self.verbs)
        if fig.measure not in COUNTED:
            things = {fig.noun} - {GENERIC} if fig.noun else set(fig.subject.split())
            if things and (self.specific or self.subjects) and things.isdisjoint(self.specific) and things.isdisjoint(self.subjects):
                return False  # "prices rose 2.9%" and "wages rose 2.9%", "a $375m profit" and "savings will top $375m"
            return not (other_verb and not fig.noun and not any_noun)
        if other_verb and not distinctive and not (fig.noun and fig.noun != GENERIC and self.has_noun(fig.noun)):
            return False  # a small count with only a generic noun in common, and something else happened to it
        return shared_noun or bool(fig.verb and fig.verb in self.verbs)


def _is_share(fig: Figure) -> bool:
    """A percentage of a whole: "8% of its workforce", "owns 8% of Google"."""
    return fig.measure == "percent" and fig.partitive


def _is_change(fig: Figure) -> bool:
    """A percentage by which something rose or fell: "profit rose 8%"."""
    return fig.measure == "percent" and fig.verb in CHANGE_VERBS


def _value_key(fig: Figure) -> tuple:
    """The value and what it is measured in, one key for every way of writing it ("two weeks", "14 days")."""
    if fig.measure == "duration":
        unit, ago, _ = fig.scale_unit.partition(" ago")
        base = DURATION_BASES.get(unit)
        if base is not None:
            upper = None if fig.upper is None else fig.upper * base[1]
            return (fig.measure, base[0] + (" ago" if ago else ""), fig.value * base[1], upper)
    return (fig.measure, fig.scale_unit, fig.value, fig.upper)


def _anonymous(fig: Figure) -> bool:
    """True for a count with no noun and no verb outside a headline: nothing shows what it counts, so it joins no group and none joins it."""
    return fig.measure in COUNTED and not fig.noun and not fig.verb and not fig.heading and not fig.reference


def _repeatable(fig: Figure) -> bool:
    """True for a figure that can repeat: not a date, year, code or age in passing, not a number that only describes.

    An age at death ("dies at 87", "died aged 87") is the news of an obituary, not incidental: it repeats.
    """
    if fig.measure == "age":
        return not fig.incidental
    return fig.measure not in NOT_REPEATED and (not fig.incidental or fig.measure in INCIDENTAL_REPEATED)


def group_figures(
    figures: tuple[Figure, ...], names: list[frozenset[str]] | None = None
) -> tuple[list[_Group], dict[int, _Group]]:
    """Group figures that state the same value about the same thing; map id(figure) to its group.

    Each figure is compared with the latest GROUPS_PER_VALUE_MAX groups of its value only,
    through the group's nouns and verbs rather than every mention: time linear in the number
    of figures. A count below SMALL_COUNT also needs its unit to share a name with the group's
    units when both name someone: "Smith scored 2 goals" and "Jones scored 2 goals" are two facts.
    A count named as known ("the eight charities") points back: with no group that accepts
    it, it joins the latest group of its value if that one was last mentioned at most
    REFERENCE_REACH units before, unless its noun clashes with the group's and names no kind
    of the same thing (terms.KINDS): "the eight charities" after "eight aid organizations"
    points back, "the two foreign ministers" after "two crossings" does not.
    """
    by_value: dict[tuple, list[_Group]] = {}
    groups: list[_Group] = []
    group_of: dict[int, _Group] = {}
    for fig in figures:
        if not _repeatable(fig):
            continue
        key = _value_key(fig)
        # a heading's capitals are title case, not names
        unit_names = names[fig.unit] - TIME_NAMES if names is not None and fig.unit < len(names) and not fig.heading else frozenset()
        home: _Group | None = None
        anonymous = _anonymous(fig)
        if not anonymous:
            candidates = by_value.setdefault(key, [])
            small = fig.measure == "count" and fig.value < SMALL_COUNT and not fig.reference
            # two people may die at one age, two votes end 5-2: outside a headline, a shared name shows it is one
            named = fig.measure in NAMED_MEASURES and not fig.heading
            first = max(0, len(candidates) - GROUPS_PER_VALUE_MAX)
            for k in range(first, len(candidates)):
                g = candidates[k]
                if (
                    g.accepts(fig)
                    and not (small and unit_names and g.names and not unit_names & g.names)
                    and not (named and g.body and not unit_names & g.names)
                ):
                    home = g
                    break
            if home is None and fig.reference and fig.measure in COUNTED:
                for k in range(len(candidates) - 1, first - 1, -1):
                    g = candidates[k]
                    last = g.mentions[-1].unit
                    if last < fig.unit:
                        if fig.unit - last <= REFERENCE_REACH and (not g.clashes(fig) or _kin(fig.noun, g.specific)):
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


def _kin(noun: str, nouns: set[str]) -> bool:
    """True when `noun` and one of `nouns` name one general thing (terms.KINDS: "the eight charities" after "eight aid organizations")."""
    t = _terms.term(noun)
    general = _terms.KINDS.get(t, t)
    for other in nouns:
        o = _terms.term(other)
        if _terms.KINDS.get(o, o) == general:
            return True
    return False


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
    """Find the same thing stated with values that cannot both be right.

    In the body the same thing is the same noun and verb ("11,000 soldiers were sent" against
    "12,000 soldiers were sent"); a subject given two values in one sentence names two things
    ("the index rose 79 points and the other rose 32 points") and gives no conflict. A headline
    words its verb its own way, so a headline figure is held against the body's figures of the
    same noun: "20 States Sue" against "21 states filed suit" conflicts, unless one of the
    first HEADLINE_BODY_MAX body figures of that noun agrees with the headline's.
    """
    anchors = time_anchors(figures)
    by_subject: dict[tuple, list[Figure]] = {}
    by_noun: dict[tuple, list[Figure]] = {}
    headlines: list[Figure] = []
    for fig in figures:
        if (
            fig.measure in NOT_REPEATED
            or fig.incidental
            or fig.partitive
            or fig.reference
            or fig.upper is not None
            or not fig.noun
            or fig.noun == GENERIC
        ):
            continue
        if fig.heading:
            headlines.append(fig)
            continue
        by_noun.setdefault((fig.measure, fig.scale_unit, fig.noun), []).append(fig)
        if fig.verb:
            by_subject.setdefault((fig.measure, fig.scale_unit, fig.noun, fig.verb), []).append(fig)
    out = []
    for mentions in by_subject.values():
        first = mentions[0]
        if _two_values_in_a_unit(mentions):
            continue
        clashing = [
            m for m in mentions[1:]
            if m.unit != first.unit and anchors.get(m.unit) == anchors.get(first.unit) and not _agree(first, m)
        ]
        if clashing:
            out.append(_conflict(first, clashing))
    vague: dict[tuple, bool] = {}  # by noun: does some unit give it two values (asked once per noun)
    for head in headlines:
        key = (head.measure, head.scale_unit, head.noun)
        body = by_noun.get(key)
        if not body:
            continue
        if key not in vague:
            vague[key] = _two_values_in_a_unit(body)
        if vague[key] or any(_agree(head, body[k]) for k in range(min(len(body), HEADLINE_BODY_MAX))):
            continue
        first = body[0]
        if anchors.get(head.unit) and anchors.get(first.unit) and anchors.get(head.unit) != anchors.get(first.unit):
            continue
        out.append(_conflict(head, [first]))
    return tuple(out)


def _two_values_in_a_unit(mentions: list[Figure]) -> bool:
    """True when one unit gives the subject two different values: it names two things, not one."""
    seen: dict[int, float] = {}
    for m in mentions:
        value = seen.setdefault(m.unit, m.value)
        if value != m.value:
            return True
    return False


def _conflict(first: Figure, clashing: list[Figure]) -> FigureConflict:
    shown = (first, *clashing)
    values = tuple(dict.fromkeys(_value_text(m) for m in shown))
    where = "; ".join(f"{_value_text(m)} in unit {m.unit}" for m in shown)
    return FigureConflict(
        subject=first.referent,
        values=values,
        mentions=tuple(FigureMention(m.unit, m.start, m.end, m.text, m.qualifier) for m in shown),
        message=f"The article gives different figures for {first.referent}: {where}. Check which is right.",
    )


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
