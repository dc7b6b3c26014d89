"""What the claims rules remember across sentences: sources named so far, to resolve "he", "it", "the agency" and orphan quotes."""

from __future__ import annotations

from typing import Final

from ..text import Document
from . import vague
from .attribution import PUBLISHING
from .frames import Frame
from .lexicon import DETERMINERS, INSTITUTION_HEADS, INSTITUTIONAL_PEOPLE, LEVELS, MEMBERS, ORG_SUFFIXES, PERSON_PRONOUNS, TITLES
from .lexicon import BE_FORMS, DOCUMENT_HEADS, EVENT_VERBS
from .sources import ANONYMOUS, AUTHORS_HEAD, NAMED, PRONOUN, RESPONDENTS_HEAD, VAGUE, Source, classify, is_name
from .view import QUOTE, View, quotes_in

CARRY_OVER: Final = "attribution.carry-over"
QUOTE_RULE: Final = "attribution.quote"
BACKWARD: Final = "attribution.backward"
# How many paragraphs back a pronoun may find its source ("He added ..." two paragraphs on).
PARAGRAPH_WINDOW: Final = 1
# How many sentences back a pronoun may find its source within the paragraph window: further
# back it no longer plainly continues the account (and a long paragraph stays linear).
SENTENCE_WINDOW: Final = 8
# Documents whose respondents can be credited through them ("64% said").
POLL_HEADS: Final = frozenset(("poll", "polls", "survey", "surveys", "study", "census", "questionnaire"))
# The people behind a credited study or report ("The researchers followed 380,000 adults").
AUTHOR_HEADS: Final = frozenset(("researchers", "authors", "scientists", "investigators", "team", "pollsters", "auditors", "analysts"))
# Possessives that open a sentence continuing the account of the sentence before ("Its margin of error ...").
POSSESSIVE_OPENERS: Final = frozenset(("its", "their"))
# How many sentences on either side an orphan quotation looks at for its speaker: a speaker
# credited further away is no longer plainly the same voice (and the search stays linear).
QUOTE_NEIGHBORS: Final = 4
# Frames whose source is not the subject of its sentence: "its" in the next sentence points elsewhere.
_NOT_SUBJECT_FRAMES: Final = frozenset(("attribution.according-to", "attribution.passive-agent"))
# What a credited document has ("Its margin of error", "its authors"): "its" then means the document.
DOCUMENT_PARTS: Final = frozenset(("margin", "sample", "authors", "findings", "results", "methodology", "figures", "data", "estimate", "estimates", "survey", "respondents", "author", "publisher"))
# Documents that report findings: "the findings" goes on with "the research", "the survey" with "the poll".
STUDY_HEADS: Final = frozenset((
    "study", "studies", "research", "report", "survey", "poll", "findings", "analysis", "paper",
    "review", "audit", "figures", "data", "estimates", "results", "statistics", "census", "investigation", "inquiry",
))
# Definite back-references to officials ("The officials added ..."): they speak for the body named before.
BACK_OFFICIALS: Final = frozenset(("the officials", "the authorities", "those officials", "these officials", "the city officials"))
# Adverbs between the subject and "will" in a source's own plan ("It will now close ...").
PLAN_ADVERBS: Final = frozenset(("now", "also", "then", "still", "soon", "further", "instead"))
# Bare officials: identified by the organisation their paragraph names, else anonymous.
BARE_OFFICIALS: Final = frozenset(("officials", "authorities"))
# Sets of documents: "the draft" may be one of the "documents seen by the Ledger".
DOCUMENT_SETS: Final = frozenset(("documents", "document", "records", "papers", "files", "emails", "filings", "letters", "minutes"))
# Nouns for a body of figures that the sentence after a lede may credit ("The figures, released by ...").
DATA_NOUNS: Final = frozenset(("figures", "data", "numbers", "statistics", "estimates", "results", "findings", "tally", "count"))
# How far into a sentence its subject's verb may stand ("Police in Dunmore arrested").
SUBJECT_MAX: Final = 8
# A definite phrase this short ("the agency", "the annual report") points back to a source.
ANAPHOR_MAX_WORDS: Final = 3


# What copy calls a company it has just named ("Kettlewise said ... The company will write to customers").
_COMPANY_WORDS: Final = frozenset(("company", "firm", "group", "business", "retailer", "manufacturer", "maker", "chain", "lender", "airline", "insurer"))
# Words for government as such: "State officials", "Government officials" name no one body (spec).
_GOVERNMENT: Final = frozenset(("state", "government", "federal", "administration", "city", "county"))


# A plain class with read-only fields, not a named tuple: compiled, a native class read without look-ups;
# cheap to define at import, unlike a dataclass (~0.8 ms of start-up). Internal, never in a Report.
class Credit:
    """A frame of one sentence, resolved: who it credits, how identifiable, and by which rules."""

    __slots__ = ("frame", "kind", "source", "name", "rules", "carried", "person")

    frame: Final[Frame]
    kind: Final[str]  # NAMED | ANONYMOUS | VAGUE
    source: Final[Source | None]
    name: Final[str]  # the name for the named-sources list
    rules: Final[tuple[str, ...]]
    carried: Final[bool]  # credited through an earlier sentence (pronoun, orphan quote)
    person: Final[bool]

    def __init__(
        self, frame: Frame, kind: str, source: Source | None, name: str, rules: tuple[str, ...], carried: bool,
        person: bool,
    ) -> None:
        self.frame = frame
        self.kind = kind
        self.source = source
        self.name = name
        self.rules = rules
        self.carried = carried
        self.person = person


class _Entry:
    """One remembered sentence: its credit, or None to read its subject on demand."""

    __slots__ = ("unit", "paragraph", "credit")

    unit: Final[int]
    paragraph: Final[int]
    credit: Final[Credit | None]  # None: the sentence's subject, read only when a pronoun needs it

    def __init__(self, unit: int, paragraph: int, credit: Credit | None) -> None:
        self.unit = unit
        self.paragraph = paragraph
        self.credit = credit


class Context:
    """Per-article memory of the claims analysis; built by `explain`, never shared between articles."""

    def __init__(
        self, doc: Document, proper: frozenset[str], views: dict[int, View], frames: dict[int, list[Frame]], off: frozenset[str],
        quotes: tuple[tuple[int, int], ...],
    ) -> None:
        self.doc = doc
        self.quotes = quotes
        self.proper = proper
        self.views = views
        self.frames = frames
        self.off = off
        self.history: list[_Entry] = []
        self.done: dict[int, Credit | None] = {}
        self._names: dict[str, str] | None = None
        self._capitalized: frozenset[str] | None = None  # lower case of words written with a capital mid-sentence
        self._people: list[tuple[int, Source]] | None = None  # (unit, person name) in order, built on first use
        self.by_head: dict[str, Credit] = {}  # head word -> the latest named organization or document credited

    @property
    def names(self) -> dict[str, str]:
        """Surname -> full name, built on first use (only person sources need it)."""
        if self._names is None:
            self._names = _name_index(self.doc, self.views, self.proper)
        return self._names

    # --- resolving the frames of a sentence ---

    def credits(self, index: int) -> list[Credit]:
        """The sentence's frames with pronouns and short definite phrases resolved."""
        out = []
        for f in self.frames.get(index, ()):
            src = f.source
            if f.kind == PRONOUN:
                if CARRY_OVER in self.off or src is None:
                    continue
                ante = self.resolve(src.head, index)
                if ante is None and src.head == AUTHORS_HEAD and vague.GENERIC_SOURCE not in self.off:
                    out.append(Credit(f, VAGUE, src, "", (vague.GENERIC_SOURCE,), False, False))  # "The researchers found", no study named
                    continue
                if ante is None and src.head in PERSON_PRONOUNS:
                    ante = self._person_before(index, f)  # "she told the crowd": the person last named, however far back
                if ante is None:
                    continue
                rules = (f.rule, CARRY_OVER) if ante.kind == NAMED else (CARRY_OVER, ante.rules[-1])
                out.append(Credit(f, ante.kind, ante.source, ante.name, rules, True, ante.person))
            elif f.kind == NAMED:
                out.append(Credit(f, NAMED, src, self.canonical(src, index), (f.rule,), False, bool(src and src.person)))
            elif f.kind == ANONYMOUS and src is not None and CARRY_OVER not in self.off and self._officials_body(index, src.text.lower()) is not None:
                # "The officials said ..." after a paragraph that names their organisation; bare "officials
                # said" in a paragraph that names it (spec: back-references; "officials said" with no
                # organisation in the paragraph is vague)
                body = self._officials_body(index, src.text.lower())
                assert body is not None
                out.append(Credit(f, NAMED, body.source, body.name, (f.rule, CARRY_OVER), True, False))
            elif f.kind == ANONYMOUS and src is not None and CARRY_OVER not in self.off and self._level_named(src):
                # "District officials said" in a story that names the Maple Hollow School District: its officials
                out.append(Credit(f, NAMED, src, src.text, (f.rule,), False, False))
            elif f.kind == VAGUE and src is not None and src.head in MEMBERS and src.text.split(" ", 1)[0].lower() == src.head and self._names_body(MEMBERS[src.head]):
                # "Commissioners stated ..." in a story that names the Commission: its members, identified by it
                out.append(Credit(f, NAMED, src, src.text, (f.rule,), False, False))
            else:
                name = src.text if src is not None and f.kind == ANONYMOUS else ""
                out.append(Credit(f, f.kind, src, name, (frame_rule(f),), False, bool(src and src.person)))
        return out

    def continuation(self, index: int) -> Credit | None:
        """A sentence with no frame that goes on with the document credited just before it.

        "The draft would have created ..." after "Documents seen by the Ledger show ...", "Its
        margin of error is ..." after the survey: the subject is the credited document itself
        (a definite document noun, or "its"), so the account plainly continues (spec: carry-over).
        """
        if CARRY_OVER in self.off:
            return None
        view = self.views[index]
        k = view.initial
        low = view.low
        if k + 1 >= len(low):
            return None
        unit = self.doc.units[index]
        plan = self._own_plan(index)
        if plan is not None:
            return plan
        if low[k] == "the" and (_bare(low[k + 1]) in DOCUMENT_HEADS or low[k + 1] in AUTHOR_HEADS):
            head_ok = True
        elif low[k] in POSSESSIVE_OPENERS:
            head_ok = True
        else:
            return None
        prev = self.done.get(index - 1)
        if not head_ok or prev is None or prev.kind != NAMED or prev.person or prev.source is None:
            return None
        if self.doc.units[index - 1].paragraph != unit.paragraph and low[k] in POSSESSIVE_OPENERS:
            return None
        if low[k] in POSSESSIVE_OPENERS and prev.frame.rule in _NOT_SUBJECT_FRAMES and low[k + 1] not in DOCUMENT_PARTS:
            return None  # "..., according to county records. Its owner ...": "its" is the subject's, not the records'
        if prev.source.head not in DOCUMENT_HEADS and low[k] == "the":
            return None  # "the researchers" / "the draft" go on only with a credited document
        head = _bare(low[k + 1])
        if low[k] == "the" and head != prev.source.head and not (head in STUDY_HEADS and prev.source.head in STUDY_HEADS) and low[k + 1] not in AUTHOR_HEADS and prev.source.head not in DOCUMENT_SETS:
            return None  # "The bill includes ..." after the research: another document, the writer's own fact
        if any(w in PUBLISHING and i > 0 and low[i - 1] in BE_FORMS for i, w in enumerate(low)):
            return None  # "The results are being released by ...": the act of publishing, not the findings' account
        return Credit(prev.frame, NAMED, prev.source, prev.name, (prev.rules[0], CARRY_OVER), True, False)

    def _own_plan(self, index: int) -> Credit | None:
        """ "It will now ...", "The company will also ..." right after the organisation spoke, in the same paragraph.

        Spec, carry-over: the source's own plans ("It hopes to ...", "The company will now ...")
        continue its account; a plain results sentence ("It posted a loss") does not.
        """
        view = self.views[index]
        low = view.low
        k = view.initial
        prev = self.done.get(index - 1)
        if prev is None or prev.kind != NAMED or prev.source is None or prev.source.head in DOCUMENT_HEADS:
            return None
        if self.doc.units[index - 1].paragraph != self.doc.units[index].paragraph:
            return None
        if low[k] in ("he", "she") and prev.person:
            j = k + 1  # "He will stay on as a consultant" after the chairman spoke
        elif low[k] == "it" and (not prev.person or _lone_name(prev)):
            j = k + 1  # (a one-word name, "Brightwell", may be the company "it" stands for)
        elif low[k] == "the" and k + 1 < len(low) and (low[k + 1] == prev.source.head or (not prev.person or _lone_name(prev)) and low[k + 1] in _COMPANY_WORDS):
            j = k + 2  # "The company will ..." after "the company said" or "Kettlewise said"
        else:
            return None
        while j < len(low) and low[j] in PLAN_ADVERBS:
            j += 1
        if j < len(low) and low[j] == "will" and not view.quoted[j]:
            return Credit(prev.frame, NAMED, prev.source, prev.name, (prev.rules[0], CARRY_OVER), True, False)
        return None

    def resolve(self, pronoun: str, index: int) -> Credit | None:
        """The source an "he", "she", "it" or "they" refers to: the nearest fitting one before it."""
        para = self.doc.units[index].paragraph
        for entry in reversed(self.history):
            if entry.paragraph < para - PARAGRAPH_WINDOW or entry.unit < index - SENTENCE_WINDOW:
                break
            c = entry.credit if entry.credit is not None else self._subject(entry.unit)
            if c is None:
                continue
            if pronoun in ("he", "she", "i", "we") and not c.person:
                continue
            if pronoun == AUTHORS_HEAD:
                if c.kind == NAMED and c.source is not None and (c.source.head in DOCUMENT_HEADS or c.person):
                    return c
                continue
            if pronoun == RESPONDENTS_HEAD:
                if c.kind == NAMED and c.source is not None and c.source.head in POLL_HEADS:
                    return c
                continue
            if pronoun == "it" and c.person and not _lone_name(c):
                continue
            return c
        return None

    def canonical(self, src: Source | None, index: int) -> str:
        """The name a source goes by in the list: the full name for a surname, the source for "the agency"."""
        if src is None:
            return ""
        name = src.name or src.text
        words = name.split()
        if src.person and words:
            full = self.names.get(words[-1].lower().removesuffix("'s"))
            if full:
                return full
            return name
        if words and words[0].lower() in DETERMINERS and len(words) <= ANAPHOR_MAX_WORDS:
            earlier = self.by_head.get(src.head)
            if earlier is not None and earlier.name.lower() != name.lower():
                return earlier.name
            full = self.names.get(src.head)
            if full:
                return full
            return "the " + " ".join(words[1:]) if words[0].lower() == "the" else name
        return name

    def from_next(self, index: int) -> Credit | None:
        """A lede sourced by the sentence after it: "Waits rose to 27 weeks. The figures, released by the ministry, ...".

        The research notes' backward attribution: the next sentence of the same paragraph opens
        with the figures themselves and credits them to a named source.
        """
        if BACKWARD in self.off:
            return None
        nxt = self.views.get(index + 1)
        if nxt is None or nxt.unit.paragraph != self.views[index].unit.paragraph:
            return None
        k = nxt.initial
        if k + 1 >= len(nxt.low) or nxt.low[k] not in ("the", "these", "those") or nxt.low[k + 1] not in DATA_NOUNS:
            return None
        for f in self.frames.get(index + 1, ()):
            if f.kind == NAMED and f.source is not None and f.source.start > nxt.toks[k + 1].end:
                return Credit(f, NAMED, f.source, self.canonical(f.source, index + 1), (BACKWARD,), True, False)
        return None

    def _officials_body(self, index: int, phrase: str) -> Credit | None:
        """The organisation "the officials" (or, in its paragraph, bare "officials") speak for: the nearest named body before."""
        if phrase in BACK_OFFICIALS:
            ante = self.resolve("they", index)
        elif phrase in BARE_OFFICIALS:
            para = self.doc.units[index].paragraph
            ante = None
            for entry in reversed(self.history):
                if entry.paragraph != para or entry.unit < index - SENTENCE_WINDOW:
                    break
                c = entry.credit if entry.credit is not None else self._subject(entry.unit)
                if c is not None and c.kind == NAMED and not c.person:
                    ante = c
                    break
        else:
            return None
        if ante is None or ante.kind != NAMED or ante.person or ante.source is None or ante.source.head in DOCUMENT_HEADS:
            return None
        return ante

    def _level_named(self, src: Source) -> bool:
        """True for "District officials", "Agency officials": a body the article names with a capital (not a level of government: "State officials" stay unnamed, spec)."""
        words = src.text.lower().split()
        return (
            len(words) == 2 and words[1] in INSTITUTIONAL_PEOPLE and words[0] in INSTITUTION_HEADS and words[0] not in LEVELS
            and words[0] not in _GOVERNMENT and src.text[:1].isupper() and self._names_body(words[0])
        )

    def _names_body(self, body: str) -> bool:
        """True when the article writes `body` ("commission") with a capital inside a sentence: it names that body."""
        if self._capitalized is None:
            found: set[str] = set()
            for view in self.views.values():
                for k, tok in enumerate(view.toks):
                    if k != view.initial and tok.text[:1].isupper():
                        found.add(view.low[k])
            self._capitalized = frozenset(found)
        return body in self._capitalized

    def _person_before(self, index: int, frame: Frame) -> Credit | None:
        """The person named last before sentence `index`: who a "he" or "she" of a reporting verb is.

        A reader can always tell who "she said" means: the pronoun needs a person named earlier
        in the article, even paragraphs back or in a sentence that credits nobody (spec: pronoun
        back-references across paragraphs). Only the nearest window's sources are tried first.
        """
        if self._people is None:
            self._people = _people(self.views)
        people = self._people
        lo, hi = 0, len(people)
        while lo < hi:
            mid = (lo + hi) // 2
            if people[mid][0] < index:
                lo = mid + 1
            else:
                hi = mid
        if lo == 0:
            return None
        src = people[lo - 1][1]
        name = self.canonical(src, people[lo - 1][0])
        return Credit(frame, NAMED, src, name, (frame.rule, CARRY_OVER), True, True)

    # --- remembering what was decided ---

    def record(self, index: int, credits: list[Credit], orphan: Credit | None) -> None:
        """Remember the sentence's sources (for pronouns after it) and its subject if it is a name."""
        para = self.doc.units[index].paragraph
        if not any(c.kind == NAMED and c.person for c in credits):
            self.history.append(_Entry(index, para, None))  # its subject, read if a pronoun needs it
        best = None
        for c in credits:
            self.history.append(_Entry(index, para, c))
            if c.kind == NAMED and c.source is not None and not c.person and not c.carried:
                self.by_head[c.source.head] = c
            if best is None or c.kind == NAMED and best.kind != NAMED:
                best = c
        self.done[index] = best or orphan

    def _subject(self, index: int) -> Credit | None:
        """A name that opens the sentence ("Okonkwo spoke to ..."): a person "she" may refer to."""
        view = self.views[index]
        k = view.initial
        while k < len(view.toks) and view.low[k] in TITLES | {"."}:
            k += 1
        if k >= len(view.toks) or not is_name(view, k, self.proper) and view.toks[k].text not in self.proper:
            return self._subject_phrase(view)
        end = k
        while end < len(view.toks) and (is_name(view, end, self.proper) or view.toks[end].text in self.proper):
            end += 1
        if view.low[end - 1] in ORG_SUFFIXES:
            return None
        text = view.text(view.initial, end)
        start, stop = view.span(view.initial, end)
        src = Source(NAMED, start, stop, text, view.low[end - 1], True, text)
        frame = Frame(CARRY_OVER, NAMED, start, stop, text, src)
        return Credit(frame, NAMED, src, self.canonical(src, index), (CARRY_OVER,), True, True)

    def _subject_phrase(self, view: View) -> Credit | None:
        """The sentence's opening noun phrase when it is a source ("Police in Dunmore arrested ...")."""
        low = view.low
        for k in range(view.initial + 1, min(len(low), view.initial + SUBJECT_MAX)):
            if low[k] in EVENT_VERBS or low[k] in BE_FORMS or low[k] in ("has", "have", "had") or view.toks[k].text == ",":
                source = classify(view, view.initial, k, self.proper)
                if source is None or source.kind not in (NAMED, ANONYMOUS):
                    return None
                frame = Frame(CARRY_OVER, source.kind, source.start, source.end, source.text, source)
                name = self.canonical(source, view.unit.index) if source.kind == NAMED else source.text
                return Credit(frame, source.kind, source, name, (CARRY_OVER,) if source.kind == NAMED else (CARRY_OVER, vague.ANONYMOUS_SOURCE), True, source.person)
        return None

    # --- quotations ---

    def quote_speaker(self, index: int) -> Credit | None:
        """The speaker of an orphan quotation: the same quotation's attribution, or the previous quote's speaker."""
        unit = self.doc.units[index]
        para = self.doc.paragraphs[unit.paragraph]
        spans = quotes_in(self.quotes, unit.start, unit.end)
        others = [i for i in range(max(para.units[0].index, index - QUOTE_NEIGHBORS), min(para.units[-1].index, index + QUOTE_NEIGHBORS) + 1) if i != index and i in self.views]
        others.sort(key=lambda i: abs(i - index))
        for other in others:
            ou = self.doc.units[other]
            if any(q[0] < ou.end and q[1] > ou.start for q in spans):
                found = self.done.get(other) if other < index else _first_named(self.credits(other))
                if found is not None:
                    return _carried(found)
        for other in sorted((i for i in others if i < index), reverse=True):
            found = self.done.get(other)
            if found is not None:
                return _carried(found)
        first = self.views.get(para.units[0].index)
        if first is not None and first.toks and first.toks[0].text == QUOTE and unit.paragraph > 0:
            prev = self.doc.paragraphs[unit.paragraph - 1].units[-1].index
            found = self.done.get(prev)
            if found is not None:
                return _carried(found)
        return None


def _lone_name(c: Credit) -> bool:
    """A one-word name with no title ("Brightwell"): a company as likely as a person."""
    return c.source is not None and c.source.kind == NAMED and len(c.source.text.split()) == 1


def _bare(word: str) -> str:
    """A word without its possessive ending."""
    return word[:-2] if word.endswith("'s") else word


def frame_rule(frame: Frame) -> str:
    """The rule a vague or anonymous frame falls under ("experts say" -> vague.generic-source)."""
    if frame.kind == ANONYMOUS:
        return vague.ANONYMOUS_SOURCE
    if frame.kind == VAGUE and frame.source is not None:
        return vague.GENERIC_SOURCE
    return frame.rule


def _first_named(credits: list[Credit]) -> Credit | None:
    """The first named credit, else the first credit, else None."""
    for c in credits:
        if c.kind == NAMED:
            return c
    return credits[0] if credits else None


def _carried(c: Credit) -> Credit:
    """A credit passed on to an orphan quotation."""
    rules = (QUOTE_RULE,) if c.kind == NAMED else (QUOTE_RULE, c.rules[-1])
    return Credit(c.frame, c.kind, c.source, c.name, rules, True, c.person)


def _people(views: dict[int, View]) -> list[tuple[int, Source]]:
    """Every person named outside quotations, in order: a run of two or more name words, or a title and a name."""
    out: list[tuple[int, Source]] = []
    for index, view in views.items():
        names, low = view.names, view.low
        if not any(flag for flag in names):  # a compiled loop over the bools, not a rich compare per element
            continue
        n = len(names)
        k = 0
        while k < n:
            if not names[k] or view.quoted[k]:
                k += 1
                continue
            end = k
            while end < n and names[end] and not view.quoted[end]:
                end += 1
            if k == view.initial + 1 and view.toks[view.initial].text[:1].isupper() and view.is_word(view.initial):
                k = view.initial  # "Katherine Okoro spoke ...": a first name opening the sentence
            titled = k > 0 and (low[k - 1] in TITLES or low[k - 1] == "." and k > 1 and low[k - 2] in TITLES)
            last = low[end - 1].removesuffix("'s")
            if (end - k >= 2 or titled) and last not in ORG_SUFFIXES and not low[end - 1].endswith("s'"):
                start, stop = view.span(k, end)
                text = view.text(k, end).removesuffix("'s")
                out.append((index, Source(NAMED, start, stop, text, last, True, text)))
            k = end
    return out


def _name_index(doc: Document, views: dict[int, View], proper: frozenset[str]) -> dict[str, str]:
    """Last word of every multi-word name in the sentences -> the longest such name."""
    index: dict[str, str] = {}
    for view in views.values():
        names, quoted, low = view.names, view.quoted, view.low
        if not any(flag for flag in names):  # a compiled loop over the bools, not a rich compare per element
            continue
        n = len(names)
        starts = [k for k, flag in enumerate(names) if flag]  # only name words can open a name
        k0 = view.initial
        if k0 + 1 < n and names[k0 + 1] and not names[k0] and view.toks[k0].text[0].isupper():
            starts.insert(0, k0)  # "Grace Okonkwo won ...": a first name opening the sentence
        done = -1
        for k in starts:
            if k < done or quoted[k] or low[k] in TITLES:
                continue
            end = k + 1
            while end < n and names[end] and not quoted[end] and low[end] not in TITLES:
                end += 1
            if end - k >= 2:
                text = view.text(k, end)
                key = low[end - 1].removesuffix("'s")
                if len(text) > len(index.get(key, "")):
                    index[key] = text.removesuffix("'s")
            done = end
    return index
