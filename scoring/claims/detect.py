"""Is a sentence a claim, and of which kind: the figure, record and event cues and the vetoes.

Cues follow what check-worthiness research found to mark factual claims: numbers and
quantities, superlatives and records, past-tense events about named entities (Hassan et al.
2017, ClaimBuster; Konstantinovskiy et al. 2021, Full Fact). The vetoes are the spec's
non-claims: questions, the writer's speculation, predictions, advice and analysis. Word
lists are in data/claims_kinds.toml.
"""

from __future__ import annotations

from typing import Final

from ..figures import MONTHS, WEEKDAYS, Figure
from ..results import Cue
from ..text import NUMBER, WORD
from .lexicon import (
    ACTOR_GROUPS,
    ACTORS,
    INSTITUTION_HEADS,
    ANALYSIS_OBJECTS,
    ANALYSIS_VERBS,
    APPEAL_AUDIENCES,
    APPEAL_VERBS,
    BE_FORMS,
    BOILERPLATE,
    COMMON_WORDS,
    COMPARATIVES,
    DETERMINERS,
    DOCUMENT_HEADS,
    EVALUATIVE,
    EVENT_VERBS,
    EXHORTATIONS,
    REPORTING_VERBS,
    FRACTIONS,
    GENERIC_ADVERBS,
    GENERIC_MODALS,
    GUARDED_SUPERLATIVES,
    HISTORY,
    IMPERATIVES,
    IRREGULAR_PAST,
    LIKELIHOOD,
    MOST_VETOES,
    NOT_NAMES,
    OPINION_OPENERS,
    ORDINAL_VETOES,
    ORDINALS,
    PREDICTION,
    PRESENT_STATES,
    QUANTITY_WORDS,
    RESULTS_NOUNS,
    RECORD_WORDS,
    SPECULATION,
    STATES,
    SUPERLATIVE_GUARDS,
    SUPERLATIVES,
)
from .sources import AGENT_PLURAL_SUFFIXES
from .view import QUOTE, View

FIGURE: Final = "claim.figure"
QUANTITY_WORD: Final = "claim.quantity-word"
RECORD: Final = "claim.record"
EVENT: Final = "claim.event"
QUESTION: Final = "not-claim.question"
SPECULATION_VETO: Final = "not-claim.speculation"
PREDICTION_VETO: Final = "not-claim.prediction"
IMPERATIVE_VETO: Final = "not-claim.imperative"
ANALYSIS_VETO: Final = "not-claim.analysis"
QUOTED_OPINION: Final = "not-claim.quoted-opinion"
BOILERPLATE_VETO: Final = "not-claim.boilerplate"
GENERIC_VETO: Final = "not-claim.generic"

# Shortest word whose "-ed" ending marks a past tense ("bed", "red", "fed" are too short or listed).
PAST_MIN_LENGTH: Final = 4
# How far after "not" / "none" its reporting verb may stand ("None of the authors reported").
NEGATION_WINDOW: Final = 4
# Share of a sentence's words inside quotation marks from which it is read as a quotation.
QUOTED_SHARE: Final = 0.6
# An event claim needs at least this many words: shorter sentences are transitions ("Not so.").
EVENT_MIN_WORDS: Final = 3
# How far after "never" or "no" a comparative may stand to make a record
# ("has never had a busier season", "no election has drawn a higher share").
COMPARATIVE_WINDOW: Final = 8
# How far after an interpretive verb its telling object may stand ("raises serious questions").
ANALYSIS_OBJECT_WINDOW: Final = 3
# Interpretive verbs that judge whatever their object ("This deployment showcases ...").
STRONG_ANALYSIS: Final = frozenset((
    "showcase", "showcases", "showcased", "underscore", "underscores", "underscored",
    "exemplify", "exemplifies", "illustrate", "illustrates", "signify", "signifies",
    "suggest", "suggests", "indicate", "indicates", "imply", "implies", "mean", "means",
    "demonstrate", "demonstrates", "complicate", "complicates", "deserve", "deserves",
    "seem", "seems", "hinge", "hinges", "reflect", "reflects",
))
# How far after a guarded superlative its "since"/"ever" may stand ("the best quarter since").
GUARD_WINDOW: Final = 4
# How far before "history" its "in" may stand ("in the company's 40-year history").
HISTORY_WINDOW: Final = 4
# "-iest" superlatives not in the list ("costliest", "wealthiest"): long enough not to be a stem.
IEST_MIN_LENGTH: Final = 7
_IEST_VETOES: Final = frozenset(("earliest",))


# Number words a figure module may leave as incidental, counted when "only" stresses them.
_SMALL_NUMBERS: Final = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
# Openers of a condition: what follows them is a forecast, whatever date it names.
CONDITIONALS: Final = frozenset(("if", "unless", "should", "once"))
# Reporting words that, negated, report the reporting itself ("did not say", "could not be reached").
_NEGATED_REPORTS: Final = REPORTING_VERBS | frozenset(("reached", "respond", "responded", "comment", "commented", "return", "returned"))

# Conjunctions and relative words that open a subordinate clause (Quirk et al. 1985, ch. 14):
# a modal after one, with no comma between, is not the main clause's.
SUBORDINATORS: Final = frozenset((
    "that", "which", "who", "whom", "whose", "where", "when", "whether", "because", "while",
    "although", "though", "unless", "until", "so", "whereas", "after", "before", "if", "once",
))
# Subordinators that open a main clause as demonstratives ("That may be the best advice").
_DEMONSTRATIVE: Final = frozenset(("that",))
# Marks that close a subordinate clause or the sentence's opening phrase.
_CLAUSE_BREAKS: Final = frozenset((",", ";", ":", "-", "--"))
# Likelihood words that, with a date or time, arrange an event rather than forecast it
# ("is set to complete the sale later on Friday", "is due to stand trial in March").
ARRANGED: Final = frozenset(("set", "due", "scheduled", "slated"))
# Times of day and relative days that date an arranged event like a weekday does.
_TIMES: Final = frozenset(("today", "tomorrow", "tonight", "later", "next", "noon", "midnight"))
# Nouns of purpose before "is to" that make it a goal, not an arrangement ("the aim is to get").
_PLAN_NOUNS: Final = frozenset(("aim", "goal", "plan", "idea", "hope", "intention", "objective", "task", "job", "challenge", "priority", "point", "answer", "solution", "way"))
# Particles that turn a reporting verb into another verb ("add up", "point out" aside).
_PARTICLES: Final = frozenset(("up", "down", "off", "away", "back"))
# Places that are not actors by themselves: "The city has waited long enough" is rhetoric.
_PLACES: Final = frozenset(("city", "county", "state", "district", "country", "nation", "town", "region", "area", "world"))
# Words before a group of actors ("Several officers went ...", "Two firefighters were ...").
_GROUP_DETERMINERS: Final = frozenset(("the", "several", "some", "many", "two", "three", "four", "five", "dozens", "of", "hundreds", "other", "both", "all", "his", "her", "their", "its"))
# Adverbs between a subject and its verb ("Officers then kicked", "Microsoft still dominates").
_SUBJECT_ADVERBS: Final = frozenset(("then", "later", "also", "still", "now", "currently", "already", "soon", "again", "too", "first", "once"))
# First words of an opening phrase after which the main clause's subject follows a comma
# ("Although Microsoft still dominates ..., its browser continues ...", "Under EU rules, ...").
_OPENING_PHRASES: Final = frozenset(("although", "though", "while", "despite", "under", "in", "after", "since", "with", "as", "for", "at", "on", "by", "meanwhile", "however", "now"))
# How far into the sentence that comma may stand.
OPENER_MAX: Final = 20
# Determiners a named subject may open with ("The Mozilla Suite", "its Internet Explorer", "Neither Vodafone or T-Mobile").
_SUBJECT_DETERMINERS: Final = frozenset(("the", "its", "their", "his", "her", "neither", "either", "both"))
# Words inside a run of names ("Vodafone or T-Mobile", "Bank of England", "J&K").
_NAME_INNER: Final = frozenset(("and", "or", "nor", "of", "&", "-", "."))
_HAVE: Final = frozenset(("has", "have", "had"))
# Subjects that point at one definite thing, and the verbs that say what it holds.
_DEFINITE_SUBJECTS: Final = frozenset(("the", "it", "those", "these", "its", "their", "other"))
_CONTAINING: Final = frozenset(("includes", "include", "included", "contains", "contain", "contained"))
# What a law, rule or contract does ("The law requires ...", "The bill bans ..."): its content, checkable.
_MANDATING: Final = frozenset(("requires", "require", "prohibits", "bans", "allows", "permits", "exempts", "obliges", "forbids", "caps", "limits"))
# How far into the sentence that verb may stand ("The new Road Safety Bill also includes").
CONTENTS_WINDOW: Final = 7
# How far into the sentence a results noun may stand ("Time Warner's fourth quarter profits").
RESULTS_SUBJECT_MAX: Final = 7
# A pronoun and "be" written as one token.
_PRONOUN_BE: Final = frozenset(("he's", "she's", "they're", "they've", "he'd", "she'd"))
# What follows "is"/"has" to state a fact rather than a mood: a noun phrase ("is a former
# officer", "has a nine-point lead", "is the son of", "was Chelsea's chairman").
_STATE_OPENERS: Final = frozenset(("a", "an", "the", "its", "his", "her", "their", "one", "no"))
# Degree words between "is" and "likely" ("are becoming less likely to").
_DEGREE: Final = frozenset(("less", "more", "most", "least", "very", "increasingly", "becoming", "also", "not", "highly", "quite", "still"))
DEGREE_GAP_MAX: Final = 3
_SEEM: Final = frozenset(("seems", "seem", "seemed", "looks", "look", "appears", "appear"))
# Shortest "-ly" word read as an adverb after "will" ("will probably be", "will eventually be").
ADVERB_MIN: Final = 4
# Month and weekday names: a sentence that names the day or month of what it reports is specific.
_CALENDAR: Final = MONTHS | WEEKDAYS


_QUANTITY_TRIGGERS: Final = QUANTITY_WORDS | FRACTIONS | frozenset(("only",))
_SPECULATION_TRIGGERS: Final = SPECULATION | LIKELIHOOD
_NEGATORS: Final = frozenset(("not", "never", "declined", "none", "nobody"))
_BECOME: Final = frozenset(("remain", "remains", "remained", "become", "becomes"))
_ANALYSIS_TRIGGERS: Final = STRONG_ANALYSIS | ANALYSIS_VERBS | BE_FORMS | _BECOME
_ANCHOR_WORDS: Final = EVENT_VERBS | frozenset(w.lower() for w in _CALENDAR)
_RECORD_TRIGGERS: Final = SUPERLATIVES | GUARDED_SUPERLATIVES | RECORD_WORDS | ORDINALS | HISTORY | frozenset(("most", "least", "never", "no"))


def figure_cues(view: View, figures: tuple[Figure, ...]) -> list[Cue]:
    """The figures that state a quantity (not the incidental ones: dates, ages, names)."""
    return [Cue("figure", f.text, f.start, f.end) for f in figures if not f.incidental]


def quantity_cues(view: View) -> list[Cue]:
    """Spelled or approximate quantities: "dozens of", "doubled", "a third of", "half of"."""
    out: list[Cue] = []
    if _QUANTITY_TRIGGERS.isdisjoint(view.low):
        return out
    low = view.low
    n = len(low)
    for k, w in enumerate(low):
        if w in QUANTITY_WORDS:
            if w in ("majority", "minority", "handful") and not (k + 1 < n and low[k + 1] == "of"):
                continue
            out.append(_cue("figure", view, k, k + 1))
        elif w == "only" and k != view.initial and k + 2 < n and low[k + 1] in _SMALL_NUMBERS and view.toks[k + 2].kind == WORD:
            out.append(_cue("figure", view, k, k + 3))  # "held only one public hearing": a count stressed as small
        elif w in FRACTIONS and k + 1 < n and low[k + 1] == "of" and k > 0 and low[k - 1] in ("a", "one", "two", "three", "nearly", "about", "almost", "over", "than"):
            out.append(_cue("figure", view, k - 1, k + 2))
    return out


def record_cues(view: View) -> list[Cue]:
    """Superlatives, records and firsts: "the largest since 1990", "a record high", "the first woman"."""
    out: list[Cue] = []
    low = view.low
    if _RECORD_TRIGGERS.isdisjoint(view.low):
        text = view.unit.text
        if "iest" not in text and "-" not in text:
            return out  # no superlative, record word, ordinal, "-iest" or hyphenated word anywhere
    n = len(low)
    for k, w in enumerate(low):
        if w not in _RECORD_TRIGGERS and not w.endswith("iest") and "-" not in w:
            continue
        base = w.rsplit("-", 1)[-1] if "-" in w and w not in SUPERLATIVES else w
        if base in SUPERLATIVES or (base.endswith("iest") and len(base) >= IEST_MIN_LENGTH and base not in _IEST_VETOES):
            if not (k > 0 and low[k - 1] == "at"):  # "at least", "at best"
                out.append(_cue("record", view, k, k + 1))
        elif w in GUARDED_SUPERLATIVES and any(g in SUPERLATIVE_GUARDS for g in low[k + 1 : k + 1 + GUARD_WINDOW]):
            out.append(_cue("record", view, k, k + 1))  # "the best quarter since 1998"
        elif w in RECORD_WORDS:
            if w == "record" and (k > 0 and low[k - 1] in ("on", "off", "criminal", "court", "public", "track", "the", "his", "her", "their", "its") or k + 1 < n and low[k + 1] in ("label", "labels", "store", "player", "of", "shows", "show")):
                continue
            out.append(_cue("record", view, k, k + 1))
        elif w in ORDINALS and k > 0 and (low[k - 1] in ("the", "its", "his", "her", "their") or low[k - 1].endswith(("'s", "\u2019s"))) and k + 1 < n:
            # "the first", "its third", "the company's first product recall"
            nxt = low[k + 1]
            if nxt == "time" and k > 1 and low[k - 2] == "for":
                out.append(_cue("record", view, k - 2, k + 2))  # "for the first time"
            elif nxt == "to" or (nxt not in ORDINAL_VETOES and view.toks[k + 1].kind == WORD and not (w == "last" and nxt not in ("to",))):
                out.append(_cue("record", view, k - 1, k + 2))
        elif w in ("most", "least") and k > 0 and low[k - 1] == "the" and k + 1 < n and low[k + 1] not in MOST_VETOES and view.toks[k + 1].kind == WORD:
            out.append(_cue("record", view, k - 1, k + 2))
        elif w in HISTORY and low[k - 1] != "a" and "in" in low[max(0, k - HISTORY_WINDOW) : k]:
            out.append(_cue("record", view, k, k + 1))  # "in the line's history", "in the history of"
        elif w == "never" or (w == "no" and k + 1 < n and view.toks[k + 1].kind == WORD):
            for j in range(k + 1, min(n, k + 1 + COMPARATIVE_WINDOW)):
                if low[j] in COMPARATIVES and (w == "never" or low[j] not in ("so", "such", "this", "before")) and low[j] != low[k]:
                    if w == "never" and low[j] in ("more", "so", "such", "this", "before") and j + 1 < n and low[j + 1] in ("than", "that", ".", ","):
                        continue
                    out.append(_cue("record", view, k, j + 1))
                    break
                if low[j] in (",", ";", ".", "but", "and"):
                    break
    return out


def event_anchor(view: View, proper: frozenset[str]) -> Cue | None:
    """What makes a sentence a specific assertion: something happened, to someone identifiable or on a date.

    An event verb ("was arrested") or a month or weekday ("on Tuesday") is enough; a name
    ("Harlow") or a pronoun for one needs a verb that reports an occurrence with it: a past
    tense or participle ("closed", "went", "have risen") or a present progressive ("is
    reviewing"). "In Harlow, the debate is far from over" names a place but reports nothing.
    """
    low = view.low
    if not _ANCHOR_WORDS.isdisjoint(view.low) or "-" in view.unit.text:
        for k, w in enumerate(low):
            if w in EVENT_VERBS or _dated(view, k):
                return _cue("event", view, k, k + 1)  # "was arrested", "on Tuesday", "in June": a specific event
    named = next((k for k, name in enumerate(view.names) if name), None)
    if named is None and low[view.initial] in ("he", "she", "they"):
        named = view.initial
    if named is None and low[view.initial] == "it" and view.initial + 2 < len(low) and low[view.initial + 1] in BE_FORMS and _past_participle(low[view.initial + 2]):
        named = view.initial  # "It was founded in 1972.": the thing just named, in the passive
    if named is None and _initial_surname(view):
        named = view.initial  # "Okafor joined the club last summer.": a name only ever seen opening sentences
    if named is not None and _reports_occurrence(view):
        return _cue("event", view, named, named + 1)
    actor = _actor_group(view)
    if actor >= 0:
        return _cue("event", view, actor, actor + 1)  # "Officers then forced open the door."
    subject = _named_state(view)
    if subject >= 0:
        return _cue("event", view, subject, subject + 1)  # "Firefox is the foundation's browser."
    return _contents(view) or _results(view) or _arranged_anchor(view)


def _results(view: View) -> Cue | None:
    """A company's results as the subject ("Time Warner's quarterly profits were better than expected", "Its sales fell")."""
    low = view.low
    n = len(low)
    k = view.initial
    for j in range(k, min(n, k + RESULTS_SUBJECT_MAX)):
        if view.quoted[j] or not view.is_word(j):
            return None
        if low[j] in RESULTS_NOUNS and (low[j - 1].endswith("'s") or low[j - 1] in ("its", "their") or j > k and any(low[i].endswith("'s") or low[i] in ("its", "their") for i in range(k, j))):
            nxt = low[j + 1] if j + 1 < n else ""
            if nxt in BE_FORMS or nxt in IRREGULAR_PAST or len(nxt) > PAST_MIN_LENGTH and nxt.endswith("ed"):
                return _cue("event", view, j, j + 1)
            return None
    return None


def _contents(view: View) -> Cue | None:
    """What a definite thing includes ("The bill includes changes to fines", "Those estimates do not include ..."): a checkable fact."""
    low = view.low
    k = view.initial
    if low[k] not in _DEFINITE_SUBJECTS:
        return None
    for j in range(k + 1, min(len(low), k + 1 + CONTENTS_WINDOW)):
        if view.quoted[j] or not view.is_word(j):
            return None
        if low[j] in _CONTAINING:
            return _cue("event", view, j, j + 1)
        if low[j] in _MANDATING and low[k] == "the" and any(w in DOCUMENT_HEADS for w in low[k + 1 : j]):
            return _cue("event", view, j, j + 1)  # "The new law requires landlords to register ..."
    return None


def _arranged_anchor(view: View) -> Cue | None:
    """An arranged event in the main clause with no name ("The grant will also be spent on marketing")."""
    low = view.low
    if "will" not in low and "to" not in low:
        return None
    sub = subordinate(view)
    dated = -1
    for k in range(len(low)):
        if sub[k] or view.quoted[k]:
            continue
        if _arranged(view, k):
            return _cue("event", view, k, k + 1)
        if low[k] == "will":
            if dated < 0:
                dated = 1 if _under_terms(view) or any(_dated(view, j) or _soon(view, j) for j in range(len(low))) else 0
            if dated:
                return _cue("event", view, k, k + 1)  # "The council will vote on the plan next month"
    return None


def _actor_group(view: View) -> int:
    """The subject of "Officers then forced open the door": a group that acts in the story, then a past tense; else -1."""
    low = view.low
    n = len(low)
    j = view.initial
    while j < n and (low[j] in _GROUP_DETERMINERS or view.toks[j].kind == NUMBER):
        j += 1
    if j >= n or view.quoted[j] or not (low[j] in ACTOR_GROUPS or j > view.initial and low[j - 1] == "the" and (low[j] in ACTORS or low[j] in INSTITUTION_HEADS) and low[j] not in _PLACES):
        return -1  # a group, or a definite body: "The judge denied the motion", "The ministry issued a warning"
    head = j
    j += 1
    while j < n and (low[j] in _SUBJECT_ADVERBS or low[j] in _HAVE or _adverb(low[j])):
        j += 1
    if j < n and (low[j] in IRREGULAR_PAST or low[j] in EVENT_VERBS or len(low[j]) > PAST_MIN_LENGTH and low[j].endswith("ed")):
        return head
    return -1


def _named_state(view: View) -> int:
    """The named subject of a present or past state of the case ("Firefox is the foundation's browser",
    "The suite includes a mail client", "He's been a supporter of the war"); else -1.

    The subject is a run of name words (with "the", a possessive and "and"/"or" inside it) or
    he, she or they, opening the sentence or the clause after an opening phrase ("Although
    ..., its browser continues ..."). The verb follows it at once: a form of be or have with
    a noun phrase after it, or a verb of a lasting state (data/claims_kinds.toml [event]).
    """
    low = view.low
    n = len(low)
    s = view.initial
    if low[s] in _OPENING_PHRASES:
        comma = next((j for j in range(s, min(n, s + OPENER_MAX)) if low[j] == ","), -1)
        if comma < 0:
            return -1
        s = comma + 1
    j = s
    if j < n and low[j] in _SUBJECT_DETERMINERS:
        j += 1
    head = j
    if j < n and low[j] in _PRONOUN_BE and j == s:
        j += 1
        if j < n and low[j] == "been":
            j += 1
        return head if j < n and low[j] in _STATE_OPENERS else -1  # "He's been a firm backer of ..."
    pronoun = j < n and low[j] in ("he", "she", "they") and j == s
    if pronoun:
        j += 1
    elif j + 1 < n and j == view.initial and view.toks[j].text[:1].isupper() and view.toks[j].kind == WORD and not view.names[j] and view.names[j + 1] and low[j] not in COMMON_WORDS:
        j += 1  # "Pepe Peruyero is ...": a first name seen only opening the sentence
        while j < n and view.names[j]:
            j += 1
    else:
        named = 0
        while j < n and not view.quoted[j] and (view.names[j] or named and low[j] in _NAME_INNER):
            named += view.names[j]
            j += 1
        if not named or low[j - 1] in _NAME_INNER:
            return -1
    while j < n and (low[j] in _SUBJECT_ADVERBS or _adverb(low[j])):
        j += 1
    if j >= n or view.quoted[j]:
        return -1
    w = low[j]
    if w in PRESENT_STATES:
        return head
    if w in BE_FORMS or w in _HAVE:
        k = j + 1
        if k < n and low[k] == "been":
            k += 1
        elif pronoun and w in _HAVE:
            return -1  # "She has a point": a pronoun's possession is too often a figure of speech
        if k < n and (low[k] in _STATE_OPENERS or view.names[k] or view.toks[k].kind == NUMBER):
            return head
    return -1


def negated_report(view: View) -> Cue | None:
    """A source's silence in the reporter's voice: "Police did not say whether ...", "could not be reached for comment"."""
    low = view.low
    if _NEGATORS.isdisjoint(view.low):
        return None
    for k, w in enumerate(low):
        if w in _NEGATORS and not view.quoted[k]:
            for j in range(k + 1, min(len(low), k + 1 + NEGATION_WINDOW)):
                if low[j] in _NEGATED_REPORTS and not (j + 1 < len(low) and low[j + 1] in _PARTICLES):
                    return _cue("event", view, k, j + 1)  # ("the numbers do not add up" is no silence)
    return None


def _initial_surname(view: View) -> bool:
    """A capitalized word opening the sentence that no word list knows, right before a past tense: a name.

    Common words ("Yesterday brought"), groups of people ("Residents gathered") and words the
    article also writes in lower case are not names; the past tense must follow at once.
    """
    k = view.initial
    toks = view.toks
    if k + 1 >= len(toks) or toks[k].kind != WORD or not toks[k].text[0].isupper():
        return False
    w = view.low[k]
    nxt = view.low[k + 1]
    if w in COMMON_WORDS or w in NOT_NAMES or w.endswith(AGENT_PLURAL_SUFFIXES) or not w.isalpha():
        return False
    return nxt in IRREGULAR_PAST or nxt in EVENT_VERBS or len(nxt) > PAST_MIN_LENGTH and nxt.endswith("ed")


def _reports_occurrence(view: View) -> bool:
    """A past tense or participle, or a progressive, outside quotations and names."""
    low = view.low
    for k, w in enumerate(low):
        if view.quoted[k] or view.names[k] or view.toks[k].kind != WORD:
            continue
        if w in IRREGULAR_PAST or len(w) > PAST_MIN_LENGTH and w.endswith("ed"):
            return True
        if w.endswith("ing") and k > 0 and (low[k - 1] in BE_FORMS or k > 1 and low[k - 1] in _SUBJECT_ADVERBS and low[k - 2] in BE_FORMS):
            return True  # "is reviewing", "were also carrying"
        if k + 1 < len(low) and w + " " + low[k + 1] in STATES:
            return True  # "is under investigation", "remains in custody"
        if _arranged(view, k):
            return True  # "is to restate its accounts", "is due to face trial", "will be used for"
    return False


def is_question(view: View) -> bool:
    """True for a question, or a quoted question with only its speaker outside ("... diabetes?" he asked)."""
    if "?" not in view.unit.text:
        return False
    toks = view.toks
    k = len(toks) - 1
    while k >= 0 and toks[k].text in (QUOTE, "'", ")"):
        k -= 1
    if k >= 0 and toks[k].text == "?":
        return True
    inside, total = view.words_quoted
    outside = total - inside
    for k in range(1, len(toks)):
        if toks[k].text == QUOTE and toks[k - 1].text == "?" and view.quoted[k]:
            return outside <= 4
    return False


def boilerplate(view: View) -> Cue | None:
    """A press release's legal or contact boilerplate ("forward-looking statements", "please visit"), outside quotations."""
    if _BOILERPLATE_FIRST.isdisjoint(view.low):
        return None
    for k, w in enumerate(view.low):
        if view.quoted[k]:
            continue
        for parts in _BOILERPLATE_WORDS.get(w, ()):
            if view.low[k : k + len(parts)] == parts:
                return _cue("event", view, k, k + len(parts))
    return None


def generic(view: View) -> Cue | None:
    """Generic background in the writer's voice: "generally", "usually", "in the past", or "can be bought" in the main clause."""
    low = view.low
    if _GENERIC_FIRST.isdisjoint(low):
        return None
    sub: list[bool] | None = None
    for k, w in enumerate(low):
        if view.quoted[k] or not (w in _GENERIC_WORDS or w in GENERIC_MODALS):
            continue
        if sub is None:
            sub = subordinate(view)
        if sub[k]:
            continue  # "... riders who often skip the fare": the clause's, not the sentence's
        for parts in _GENERIC_WORDS.get(w, ()):
            if low[k : k + len(parts)] == parts:
                return _cue("event", view, k, k + len(parts))
        if w in GENERIC_MODALS:
            return _cue("event", view, k, k + 1)
    return None


def speculation(view: View) -> Cue | None:
    """A modal of possibility or duty in the main clause, outside quotations: the writer speculates or advises.

    A modal inside a subordinate clause ("leading some to speculate that he might run", "so
    citizens would be able to attend") qualifies that clause, not what the sentence reports.
    """
    low = view.low
    if _SPECULATION_TRIGGERS.isdisjoint(view.low):
        return None
    if _under_terms(view):
        return None  # "Under the bill, cities could limit rentals to 5%": what the terms allow, a claim
    sub = subordinate(view)
    dated = -1  # whether the sentence names a day or time: read once, only if "set to" needs it
    past = False  # a past tense seen so far (one pass: the loop stays linear)
    for k, w in enumerate(low):
        if w in SPECULATION and not view.quoted[k]:
            if w == "may" and k != view.initial and view.toks[k].text[0] == "M":
                continue  # the month
            if sub[k]:
                continue
            if w == "could" and k > 0 and low[k - 1] == "and" and past:
                continue  # "drove to the house and could see smoke": what they could do then
            if w == "must":
                if dated < 0:
                    dated = 1 if any(_dated(view, j) or low[j] in _TIMES for j in range(len(low))) else 0
                if dated:
                    continue  # "The board must certify the results by Nov. 24": a deadline set by rule, checkable
            return _cue("event", view, k, k + 1)
        if w in LIKELIHOOD and k + 1 < len(low) and low[k + 1] == "to" and k > 0 and _likely_before(view, k) and not view.quoted[k]:
            if w in ARRANGED:
                if dated < 0:
                    dated = 1 if any(_dated(view, j) or low[j] in _TIMES for j in range(len(low))) else 0
                if dated:
                    continue  # "is set to complete the sale on Friday": an arranged event, not a forecast
            if sub[k]:
                continue
            return _cue("event", view, k - 1, k + 2)  # "is likely to", "is set to"
        if not past and not view.quoted[k] and (w in IRREGULAR_PAST or len(w) > PAST_MIN_LENGTH and w.endswith("ed")):
            past = True
    return None


def _likely_before(view: View, k: int) -> bool:
    """ "is likely", "seems likely", "are becoming less likely": a form of be or seem before the likelihood word."""
    low = view.low
    j = k - 1
    while j > 0 and low[j] in _DEGREE and k - j <= DEGREE_GAP_MAX:
        j -= 1
    return low[j] in BE_FORMS or low[j] in _SEEM


def subordinate(view: View) -> list[bool]:
    """For each token, whether it stands in a subordinate clause: a subordinator before it with no comma between.

    "who will replace Ann Veneman", "which will help inflows", "that the deal might fail": the
    main clause's fact is what the sentence reports. A comma closes the clause (", which has
    lost five games, will face" reads "will" in the main clause again). One pass, left to right.
    """
    low = view.low
    flags = [False] * len(low)
    inside = False
    for k, w in enumerate(low):
        flags[k] = inside
        if view.quoted[k]:
            continue
        if w in _CLAUSE_BREAKS:
            inside = False
        elif w in SUBORDINATORS and not (w in _DEMONSTRATIVE and (k == view.initial or low[k - 1] in _CLAUSE_BREAKS)):
            inside = True  # (a clause-initial "that" is a demonstrative: ", that may be the easiest advice")
    return flags


def prediction(view: View) -> Cue | None:
    """ "will" or "would" in the main clause, outside quotations: a forecast in the writer's voice.

    A dated plan is a fact ("The branches will close on July 1"), and so is an arranged one in
    the passive ("The money will be used for marketing"): spec, arranged future events. After a
    conditional ("If she runs as she did on Sunday, few will ..."), only a date in the main
    clause makes it one ("If the council approves, the rise will take effect on July 1").
    """
    if PREDICTION.isdisjoint(view.low):
        return None
    low = view.low
    conditional = low[view.initial] in CONDITIONALS
    start = 0
    if conditional:
        start = next((j for j in range(len(low)) if low[j] == "," and not view.quoted[j]), len(low))
    if any(_dated(view, k) or _soon(view, k) for k in range(start, len(low))):
        return None  # "The branches will close on July 1": a scheduled event, checkable today
    if _under_terms(view):
        return None  # "Under the agreement, Acme will maintain the chargers until 2034": the terms of a deal
    sub = subordinate(view)
    for k, w in enumerate(low):
        if w in PREDICTION and not view.quoted[k]:
            if sub[k] and not conditional:
                continue
            if not conditional and _arranged_passive(view, k):
                return None
            return _cue("event", view, k, k + 1)
    return None


def _under_terms(view: View) -> bool:
    """True for a sentence opening "Under the agreement," (or contract, deal, plan ...): what follows are its terms."""
    low = view.low
    k = view.initial
    return low[k] == "under" and k + 2 < len(low) and low[k + 1] in ("the", "its", "their", "this", "that", "a") and low[k + 2] in _ARRANGEMENTS


# What "Under the ..." names when the future it opens is already arranged (its terms, not a forecast).
_ARRANGEMENTS: Final = frozenset((
    "agreement", "contract", "deal", "terms", "plan", "plans", "settlement", "scheme", "proposal", "proposals", "rules",
    "law", "order", "bill", "act", "ordinance", "policy", "measure", "treaty", "accord", "regulations",
))


def _past_participle(word: str) -> bool:
    """A regular or irregular past participle ("founded", "built")."""
    return word in IRREGULAR_PAST or len(word) > PAST_MIN_LENGTH and word.endswith("ed")


def _soon(view: View, k: int) -> bool:
    """A near, fixed time at token `k`: "tomorrow", "next week", "next month", "later today" (a year ahead is a forecast)."""
    low = view.low
    w = low[k]
    if w in ("tomorrow", "tonight"):
        return True
    nxt = low[k + 1] if k + 1 < len(low) else ""
    return w == "next" and nxt in ("week", "month", "weekend") or w == "later" and nxt in ("today", "tonight", "this")


def _arranged(view: View, k: int) -> bool:
    """An arranged future event at token `k`: "is to restate", "is due to face", "is scheduled for", "will be used".

    Spec, "Conventions for real copy": an arranged future event stated as fact is a claim.
    """
    low = view.low
    w = low[k]
    n = len(low)
    if w in BE_FORMS and k + 2 < n and low[k + 1] == "to" and view.toks[k + 2].kind == WORD and not view.quoted[k + 2]:
        return low[k - 1] not in _PLAN_NOUNS if k > 0 else True  # "is to restate" ("the aim is to get" is a goal)
    if w in ARRANGED and w != "set" and k > 0 and low[k - 1] in BE_FORMS and k + 1 < n and low[k + 1] in ("to", "for"):
        return True
    return w == "will" and _arranged_passive(view, k)


def _arranged_passive(view: View, k: int) -> bool:
    """ "will be used", "will also be sent": a decision already taken, in the passive, after "will"."""
    low = view.low
    j = k + 1
    while j < len(low) and (low[j] in ("also", "now", "then", "only", "still") or _adverb(low[j])):
        j += 1
    if low[k] != "will" or j + 1 >= len(low) or low[j] != "be":
        return False
    p = low[j + 1]
    return p in IRREGULAR_PAST or len(p) >= PAST_MIN_LENGTH and p.endswith("ed")  # "used", "sent", "held"


def _adverb(word: str) -> bool:
    """A word in "-ly" long enough to be an adverb ("also", "only" are listed apart)."""
    return len(word) > ADVERB_MIN and word.endswith("ly")


def imperative(view: View) -> Cue | None:
    """A sentence that opens with a verb addressed to the reader ("Expect delays", "Check the site")."""
    k = view.initial
    w = view.low[k]
    if w in IMPERATIVES and not view.quoted[k]:
        nxt = view.low[k + 1] if k + 1 < len(view.low) else ""
        if nxt not in ("that", "of", "is", "was", "are", ",") and not nxt.endswith("ed"):
            return _cue("event", view, k, k + 1)
    for parts in _OPENER_WORDS.get(w, ()):
        if view.low[k : k + len(parts)] == parts and not view.quoted[k]:
            return _cue("event", view, k, k + len(parts))
    return None


def appeal(view: View) -> Cue | None:
    """A public appeal in the main clause ("Police have asked anyone with footage to call 101"): a call to act, not a claim.

    One pass over the words, with what was seen before each kept as it goes (linear on any input).
    """
    low = view.low
    if _APPEAL_TRIGGERS.isdisjoint(low):
        return None  # no appeal verb, "should" or "please": one pass over the words, not three
    n = len(low)
    if PLEASE in low and view.quoted[low.index(PLEASE)]:
        k = low.index(PLEASE)
        return _cue("event", view, k, k + 1)  # '"If you are over 75, please stay indoors between 11 a.m. and 4 p.m."': a plea, whatever it counts
    facts = not _APPEAL_FACTS.isdisjoint(low)  # "..., after 40 homes flooded": a fact beside the appeal
    reported = False  # a reporting verb outside quotations so far
    joined = False  # "and" or "but" so far
    subordinate_before = False  # "as", "when", "while" so far
    to_after = [False] * (n + 1)  # whether "to" stands at or after each index
    for i in range(n - 1, -1, -1):
        to_after[i] = to_after[i + 1] or low[i] == "to"
    for k, w in enumerate(low):
        if w in APPEAL_VERBS:
            if view.quoted[k]:
                if not _first_person_before(low, k) or joined:
                    continue  # inside a quotation only the speaker's own appeal ("I'd ask anyone with a cough to ..."), not one beside a fact
                if not w.endswith("ed") and _object_then_to(view, k):
                    return _cue("event", view, k, k + 1)  # '"We would urge the union to put that offer to its members"': whoever is asked
            elif reported:
                return None  # "He said diversions were in place and asked drivers to avoid the area": a report beside the appeal
            j = k + 1
            while j < n and j - k <= APPEAL_GAP and low[j] in _APPEAL_FILLERS:
                j += 1  # "appealed for", "asked members of the", "urged the"
            if j < n and low[j] in APPEAL_AUDIENCES:
                if facts or subordinate_before:
                    return None
                if to_after[j + 1] or w.startswith("appeal"):
                    return _cue("event", view, k, j + 1)
        if w in REPORTING_VERBS and not view.quoted[k]:
            reported = True
        if w == "and" or w == "but":
            joined = True
        if w in _SUBORDINATE_FACTS:
            subordinate_before = True
    k = view.initial
    if low[k] in APPEAL_AUDIENCES and ADVICE in low and not facts:
        # "Voters who have not received one by Feb. 25 should call the office", '"Anyone who owns one should stop using it."'
        j = low.index(ADVICE)
        if j + 1 < n and view.is_word(j + 1) and low[j + 1] != "have":  # not "should have been warned": a judgement of the past
            return _cue("event", view, j, j + 2)
    if low[k] in APPEAL_AUDIENCES and not view.quoted[k]:
        # "Anyone with dashcam footage is asked to contact police", "Witnesses are urged to come forward"
        for j in range(k + 1, min(n - 2, k + 1 + APPEAL_SUBJECT_MAX)):
            if low[j] in ("is", "are") and low[j + 1] in APPEAL_VERBS and low[j + 2] == "to":
                return _cue("event", view, j + 1, j + 3)
            if not view.is_word(j):
                break
    return None


# The speaker's own appeal names whom it asks in at most this many words before "to" ("urge the
# union to", "invite them to", "ask the minister and his officials to").
APPEAL_OBJECT_MAX: Final = 6


def _object_then_to(view: View, k: int) -> bool:
    """True when words and then "to" and a word follow the appeal verb at `k` within APPEAL_OBJECT_MAX words ("urge the union to put")."""
    low = view.low
    n = len(low)
    for j in range(k + 2, min(n - 1, k + 2 + APPEAL_OBJECT_MAX)):
        if low[j] == "to":
            return view.is_word(j + 1)
        if not view.is_word(j):
            return False
    return False


def _first_person_before(low: tuple[str, ...] | list[str], k: int) -> bool:
    """True when "I", "we" or their contractions stand just before `k`, past a modal ("I'd ask", "we would urge", "we are asking")."""
    j = k - 1
    while j >= 0 and k - j <= APPEAL_GAP and low[j] in _APPEAL_MODALS:
        j -= 1  # at most APPEAL_GAP words back: linear however many "would" a hostile text repeats
    return j >= 0 and low[j] in ("i", "we", "i'd", "we'd", "i'm", "we're")


# Words between an appeal's verb and its audience ("appealed for witnesses", "asked members of the public").
_APPEAL_FILLERS: Final = frozenset(("for", "to", "on", "the", "any", "all", "members", "of", "local"))
# How many of them may stand there.
APPEAL_GAP: Final = 4
# A plea inside a quotation: a call to act, whatever numbers it gives.
PLEASE: Final = "please"
# The modal of advice: an audience that "should" do something is being told to (the copy relays advice, not a fact).
ADVICE: Final = "should"
# Any of these in a sentence and appeal() reads it word by word.
_APPEAL_TRIGGERS: Final = APPEAL_VERBS | {ADVICE, PLEASE}
# How many words may describe the audience before its passive appeal ("Anyone with dashcam footage of the crash is asked to").
APPEAL_SUBJECT_MAX: Final = 10
_APPEAL_MODALS: Final = frozenset(("would", "'d", "will", "'ll", "am", "are", "'m", "'re", "also", "again", "just", "now"))
# Conjunctions that put a fact beside the appeal: the sentence may then be a claim.
_APPEAL_FACTS: Final = frozenset(("after", "because", "following", "since"))
_SUBORDINATE_FACTS: Final = frozenset(("as", "when", "while"))


def _by_first_word(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases split into words and grouped by their first word, so a sentence looks up only its own."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        out.setdefault(parts[0], []).append(parts)
    return {w: tuple(v) for w, v in out.items()}


_OPENER_WORDS: Final = _by_first_word(OPINION_OPENERS)
_BOILERPLATE_WORDS: Final = _by_first_word(BOILERPLATE)
_EXHORTATION_WORDS: Final = _by_first_word(EXHORTATIONS)
_GENERIC_WORDS: Final = _by_first_word(GENERIC_ADVERBS)
_BOILERPLATE_FIRST: Final = frozenset(_BOILERPLATE_WORDS)
_GENERIC_FIRST: Final = frozenset(_GENERIC_WORDS) | GENERIC_MODALS


def analysis(view: View) -> Cue | None:
    """The writer interprets: "This deployment showcases ...", "raises questions", "remains critical"."""
    low = view.low
    n = len(low)
    if _ANALYSIS_TRIGGERS.isdisjoint(view.low):
        return None
    for k in [k for k, w in enumerate(low) if w in _ANALYSIS_TRIGGERS]:
        w = low[k]
        if view.quoted[k]:
            continue
        if w in STRONG_ANALYSIS:
            return _cue("event", view, k, k + 1)
        if w in ANALYSIS_VERBS:
            for j in range(k + 1, min(n, k + 1 + ANALYSIS_OBJECT_WINDOW)):
                if low[j] in ANALYSIS_OBJECTS or low[j] in EVALUATIVE:
                    return _cue("event", view, k, j + 1)
        if w in BE_FORMS or w in _BECOME:
            j = k + 1
            while j < n and low[j] in ("not", "very", "so", "too", "also", "still", "deeply", "highly", "more", "less", "an", "a", "the", "becoming", "increasingly", "now"):
                j += 1
            if j < n and low[j] in EVALUATIVE:
                return _cue("event", view, k, j + 1)
            if j + 1 < n and low[j] + " " + low[j + 1] in EVALUATIVE:
                return _cue("event", view, k, j + 2)  # "is far from over", "remains an open question"
    return None


def _dated(view: View, k: int) -> bool:
    """A month or weekday name at token `k`, alone or as the end of "mid-August", "late-June"."""
    w = view.low[k]
    text = view.toks[k].text
    if "-" in w:
        w = w.rsplit("-", 1)[1]
        text = text.rsplit("-", 1)[1]
    return w in _CALENDAR and text[:1].isupper()


def quoted_opinion(view: View) -> bool:
    """A quotation that exhorts rather than states ('"Lawmakers need to weigh this very carefully."').

    Spec, "Conventions for real copy": quoted or reported speech from an identifiable source is
    an attributed claim, its feelings, assessments and predictions included; questions and
    exhortations are not. Only sentences mostly inside quotation marks are read: a call to act
    ("we have to", "let us", "we challenge him to", "we are called to") inside the quotation.
    """
    inside, total = view.words_quoted
    if not total or inside < QUOTED_SHARE * total:
        return False
    low = view.low
    k = view.initial
    if view.quoted[k] and low[k] in IMPERATIVES and k + 1 < len(low) and low[k + 1] not in (",", "that", "is", "was") and k + 1 < len(low) and view.is_word(k + 1):
        return True  # '"Ask me in the spring," he said.', '"Imagine losing everything."': a call to the listener
    for k, w in enumerate(low):
        if not view.quoted[k]:
            continue
        for parts in _EXHORTATION_WORDS.get(w, ()):
            if low[k : k + len(parts)] == parts and not _necessity_reported(low, k):
                return True
    return False


def _necessity_reported(low: tuple[str, ...] | list[str], k: int) -> bool:
    """ "we will have to sell", "people who actually have to sit in the queues": a necessity stated, not a call to act."""
    if low[k] not in _NECESSITY:
        return False
    j = k - 1
    while j >= 0 and k - j <= APPEAL_GAP and low[j] in _NECESSITY_ADVERBS:
        j -= 1
    return j >= 0 and (low[j] in _MODALS or low[j] in ("who", "which", "that"))


# The exhortations that state a necessity ("need to", "have to"): after a modal or a relative word they report one.
_NECESSITY: Final = frozenset(("need", "needs", "have", "has"))
_NECESSITY_ADVERBS: Final = frozenset(("actually", "really", "just", "still", "also", "all", "simply", "now", "then", "already"))
_MODALS: Final = frozenset(("will", "would", "may", "might", "could", "shall", "'ll", "should", "must"))


def word_count(view: View) -> int:
    """How many words and numbers the sentence has."""
    return view.words_total


def _cue(kind: str, view: View, a: int, b: int) -> Cue:
    """A cue over tokens [a, b) of the sentence."""
    start, end = view.span(a, b)
    return Cue(kind, view.text(a, b), start, end)
