"""Attribution frames: reporting verbs with their subject, "according to", "citing", passives with an agent.

The frames are the ones PARC 3.0 annotates and wire style uses (Pareti 2016; AP Stylebook,
"said", "according to"): SOURCE said / said SOURCE, according to SOURCE, citing SOURCE,
SOURCE's report shows, was disclosed by SOURCE. Only words outside quotations are read: what
a speaker says inside quotation marks is the content, not the attribution.
"""

from __future__ import annotations

from typing import Final

from ..figures import WEEKDAYS
from ..text import NUMBER, WORD
from .frames import Frame
from .lexicon import (
    ACCORDING,
    ACTOR_SPEECH,
    ACTORS,
    AUXILIARIES,
    CHARACTERIZING_VERBS,
    EVALUATIVE,
    FINDING_VERBS,
    GUIDANCE_OBJECTS,
    GUIDANCE_VERBS,
    HEDGE_ADVERBS,
    IRREGULAR_PAST,
    JUDGED,
    BE_FORMS,
    CITING,
    CLAUSAL_VERBS,
    CONSENSUS_ADVERBS,
    DETERMINERS,
    DOCUMENT_HEADS,
    EVIDENTIAL_VERBS,
    GENERIC_HEADS,
    INSTITUTION_HEADS,
    NOUN_FORMS,
    PASSIVE_PARTICIPLES,
    ROLE_HEADS,
    SOURCE_HEADS,
    SPEECH_VERBS,
)
from .sources import (
    ANONYMOUS,
    APPOSITIVE_MAX,
    NAMED,
    PHRASE_MAX,
    PRONOUN,
    VAGUE,
    Source,
    classify,
    left_phrase,
    right_phrase,
    says_anonymous,
)
from .view import QUOTE, View

REPORTING_VERB: Final = "attribution.reporting-verb"
ACCORDING_TO: Final = "attribution.according-to"
DOCUMENT: Final = "attribution.document"
PASSIVE_AGENT: Final = "attribution.passive-agent"
CHARACTERIZATION: Final = "attribution.characterization"

# A frame followed by at most this many words ends its sentence (", the agency said on Tuesday.")
# and so credits the whole sentence before it.
TRAILING_WORDS: Final = 4
# How far after its verb a ", speaking on condition of anonymity" may start.
ANONYMITY_GAP: Final = 3
# Shortest "-ly" word taken for an adverb ("only", "early", "july" are not skipped).
ADVERB_MIN_LENGTH: Final = 5
# How many auxiliaries and adverbs may stand between a source and its verb ("has also said").
AUX_GAP_MAX: Final = 3
# Clause openers after which a clausal verb ("added", "noted", "found") reports speech.
_CLAUSE_AFTER: Final = frozenset(("that", ":", ",", ".", QUOTE, "whether", "if", "why", "how"))
# "added in a statement", "wrote on Twitter": the medium of the statement, then its content.
_MEDIUM_PREPOSITIONS: Final = frozenset(("in", "on", "via", "during", "at"))
_MEDIUM_NOUNS: Final = frozenset((
    "statement", "interview", "email", "e-mail", "letter", "post", "tweet", "release", "filing",
    "briefing", "memo", "note", "message", "text", "call", "podcast", "broadcast", "x", "twitter",
    "facebook", "linkedin", "instagram", "conference", "hearing", "report",
))
# Occasions a statement was made at ("stated at the meeting that ..."): they mark speech only
# when its content follows ("conceded in a speech at his office." reports the concession).
_OCCASION_NOUNS: Final = frozenset(("meeting", "session", "rally", "forum", "debate", "summit", "speech", "address", "court", "hearing", "conference"))
# How far after the occasion noun its "that" or colon may stand.
OCCASION_WINDOW: Final = 3
# How far after the preposition the medium noun may stand ("in an emailed statement").
MEDIUM_WINDOW: Final = 3
_ING_SUFFIX: Final = "ing"
# Verbs of measuring: a named body that recorded or counted a figure is its source.
_MEASURING: Final = frozenset(("recorded", "records", "measured", "measures", "counted", "counts", "tallied", "logged"))
# Subjects that negate their report: nothing is credited to anyone.
_NONE_SUBJECTS: Final = frozenset(("none", "nobody", "neither", "no"))
# Verbs whose "of"/"about" object is what the source reports ("complained of", "warned about").
_COMPLAINING: Final = frozenset(("complain", "complains", "complained", "warn", "warns", "warned", "spoke", "speak", "speaks", "told", "tell", "tells"))
# A negated report credits nothing: "Police did not say whether ..." is the reporter's note.
_NEGATIONS: Final = frozenset(("not", "never", "n't"))
# How far after "called" its characterization may stand ("called the union's demands unaffordable").
CHARACTERIZATION_WINDOW: Final = 6
# Particles after "called" that make it an act, not a characterization ("called for", "called off").
_CALL_PARTICLES: Final = frozenset(("for", "on", "off", "in", "up", "back", "out", "to", "at", "from", "after", "a", "an"))
# Adjective endings a characterization uses ("unaffordable", "dangerous", "reckless", "excessive").
_JUDGMENT_ENDINGS: Final = ("able", "ible", "ous", "less", "ive", "ful")
# Words that may stand between a participle and its "by" ("released Monday by the ministry").
_TIME_WORDS: Final = frozenset((
    "on", "last", "this", "earlier", "late", "week", "month", "year", "today", "yesterday",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jointly", "publicly", "separately",
))
# How many such words may stand there.
AGENT_GAP_MAX: Final = 3
# How many tokens after a frame may remain for it to close its sentence (words, punctuation and
# a ", speaking on condition of anonymity because ..." clause included).
TAG_SCAN_MAX: Final = 40
# How far into the sentence the verb of a subject shared through "and" may stand.
COORDINATED_MAX: Final = 16
# A subject may carry one name set off by commas ("AMT's operations director, Helen Okoro,
# acknowledged ... and said"), of at most this many words.
APPOSITIVE_NAME_MAX: Final = 4
# Openers of a clause that only describes the circumstances of a tag (", speaking on condition
# of anonymity because ..."): the tag still ends its sentence.
_TAG_TAILS: Final = frozenset(("speaking", "who", "because", "citing", "according", "requesting", "asking"))
_PREPOSITIONS: Final = frozenset(("on", "of", "in", "for", "about", "with", "over", "into", "amid", "after", "before", "despite", "without", "under"))
_GUIDING: Final = GUIDANCE_VERBS | GUIDANCE_OBJECTS
# Participles of publishing: as the main verb of a passive ("are being published by X") they report the act.
PUBLISHING: Final = frozenset(("published", "released", "issued", "unveiled", "launched"))
# Clausal verbs a document takes a bare clause with ("research claims cutting the limit would ...").
_DOCUMENT_CLAIMS: Final = frozenset(("claim", "claims", "claimed", "state", "states", "stated", "conclude", "concludes", "concluded"))
# Prepositions of place that open a phrase between a source and its verb.
_LOCATIVES: Final = frozenset(("in", "at", "near", "outside", "inside", "from"))
# Relative words: a reporting verb right after one, or after one and its subject, is inside a relative clause.
_RELATIVES: Final = frozenset(("who", "whom", "which"))
# How far before "by announcing" the actor's verb may stand ("defied international pressure by announcing").
BY_ACTOR_WINDOW: Final = 12
# Words that open a relative clause set off by commas: it describes the subject before it
# ("Dafydd Rees, whose house flooded in 2019, said"), and ", who asked not to be named," hides it.
_ASIDE_OPENERS: Final = frozenset(("who", "whose", "which"))
# Words that put an unnamed source near the body named after them: "sources close to the
# regulator" is anonymous, whoever the regulator is (AP Stylebook, "anonymous sources").
_CLOSENESS: Final = frozenset(("close", "closest", "familiar", "near"))
# "put the toll at 31": verbs of estimating a figure, the nouns they estimate, and how far "at" may follow.
_ESTIMATING: Final = frozenset(("put", "puts", "putting"))
_ESTIMATE_OBJECTS: Final = frozenset((
    "toll", "number", "figure", "cost", "costs", "bill", "total", "damage", "losses", "loss",
    "value", "tally", "count", "size", "price",
))
ESTIMATE_WINDOW: Final = 8
# A clause with no "that" after a clausal verb ("admitted her side had been"): at most this many
# words of subject, then a finite verb; a relative word, a comma or "to" ends the search.
BARE_SUBJECT_MAX: Final = 4
_FINITE: Final = frozenset(("had", "has", "have", "was", "were", "is", "are", "would", "could", "will", "should", "might", "must", "can", "did"))
_NOT_SUBJECT: Final = frozenset(("who", "which", "that", "to", "and", "or", "but", "for", "by", "with", "from", "on", "in", "at"))
# Words that open an adverbial before the subject ("Late on Sunday,", "In a statement,", "Earlier,"),
# and how many tokens it may take up to its comma.
_OPENERS: Final = _PREPOSITIONS | _TIME_WORDS | frozenset(("late", "early", "earlier", "later", "at", "during", "by", "shortly", "meanwhile"))
OPENER_MAX: Final = 8
# Words of a tag's medium and time, which do not count against its closing the sentence.
_TAG_CIRCUMSTANCES: Final = _MEDIUM_PREPOSITIONS | _MEDIUM_NOUNS | _TIME_WORDS | frozenset(("a", "an", "the", "emailed", "written", "late", "early", "issued", "released", "through"))
# How far back from its verb a document's "issued after the final session" may reach.
ISSUE_GAP: Final = 8
# Participles of speech that credit what follows them to the main clause's subject (", saying ...").
_SPEAKING: Final = frozenset((
    "saying", "adding", "noting", "warning", "arguing", "insisting", "claiming", "explaining",
    "forecasting", "predicting", "estimating", "stating", "acknowledging", "conceding",
))
# How many describing asides may stand between a subject and its verb ("NAME, 71, who ..., said").
ASIDES_MAX: Final = 2
# Number words before a verb-or-noun form make it the counted noun ("nine states", "two reports").
_COUNT_WORDS: Final = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "hundred", "thousand", "million"))
# Conjunctions that open a clause subordinate to the sentence's main one: a plan stated there
# ("..., as the district aims to close a deficit") is background to the main clause's fact.
_SUBORDINATORS: Final = frozenset(("as", "while", "because", "when", "after", "since", "although", "though", "whereas", "if", "unless", "until", "before", "once"))
# A company or an analyst revising its own guidance ("cut its full-year profit forecast", "raised
# its outlook", "lowered her price target"): the revision is the source's statement (spec,
# "Conventions for real copy": "it raised its guidance" is attributed to the company).
_REVISING: Final = frozenset((
    "raise", "raises", "raised", "cut", "cuts", "lower", "lowers", "lowered", "trim", "trims",
    "trimmed", "lift", "lifts", "lifted", "upgrade", "upgrades", "upgraded", "downgrade",
    "downgrades", "downgraded", "reaffirm", "reaffirms", "reaffirmed",
))
_GUIDANCE_NOUNS: Final = frozenset(("forecast", "forecasts", "guidance", "outlook", "target", "targets", "projection", "projections", "estimate", "estimates"))
# Nouns in "-ly" that may end a source phrase ("his family said", "the assembly voted"): not adverbs.
_LY_NOUNS: Final = frozenset(("family", "assembly", "supply", "italy", "ally", "rally", "monopoly", "anomaly", "homily", "bully"))
# Periods and months after "last" that date a sentence in the past ("last year", "last December").
_PERIODS: Final = frozenset(("year", "month", "quarter", "summer", "autumn", "fall", "winter", "spring"))
_MONTHS: Final = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"))
# A denial of what others say ("has rejected allegations that he leaned on the regulator"): the
# denial is the source's statement, its content what follows "that".
_REJECTING: Final = frozenset(("reject", "rejects", "rejected", "refute", "refutes", "refuted", "deny", "denies", "denied", "dismiss", "dismisses", "dismissed"))
_CLAIM_NOUNS: Final = frozenset(("allegations", "allegation", "claims", "claim", "accusations", "accusation", "suggestions", "suggestion", "reports", "report", "charges", "criticism"))
# How far the revised guidance or the rejected claim may stand after its verb ("cut its full-year profit forecast").
SPEECH_OBJECT_WINDOW: Final = 5
_TRIGGERS: Final = (
    ACCORDING | CITING | PASSIVE_PARTICIPLES | JUDGED | SPEECH_VERBS | CLAUSAL_VERBS | EVIDENTIAL_VERBS | CHARACTERIZING_VERBS
    | _MEASURING | FINDING_VERBS | _GUIDING | _REVISING | _REJECTING | {"by"}
)
# "By her own count", "by the agency's estimate", "by his own admission": the possessor's
# account, credited as "according to" credits it.
RECKONING_NOUNS: Final = frozenset(("count", "account", "estimate", "estimates", "reckoning", "tally", "admission", "calculation", "calculations"))
# Possessive pronouns, as the pronoun a later "she said" would use.
_POSSESSIVE_PRONOUNS: Final[dict[str, str]] = {"her": "she", "his": "he", "their": "they", "its": "it"}


def find(view: View, proper: frozenset[str]) -> list[Frame]:
    """Every attribution frame outside quotations in the sentence, left to right."""
    frames: list[Frame] = []
    if _TRIGGERS.isdisjoint(view.low):
        return frames  # most sentences: no cue word at all
    low = view.low
    n = len(low)
    background = -1  # whether the sentence is dated in the past (_dated_background): read once, if a revision needs it
    for k in [k for k, w in enumerate(low) if w in _TRIGGERS]:
        w = low[k]
        if view.quoted[k]:
            continue
        if w in ACCORDING and k + 1 < n and low[k + 1] == "to":
            frame = _prepositional(view, k, k + 2, proper)
        elif w == "by":
            frame = _by_own_count(view, k, proper)  # "By her own count she missed only nine programmes"
        elif w in CITING and k > 0 and low[k - 1] == ",":
            frame = _prepositional(view, k, k + 1, proper)
        elif (w in PASSIVE_PARTICIPLES or w in JUDGED) and _agent_by(view, k) > 0:
            frame = _passive_agent(view, k, proper)  # "was disclosed by the agency", "has been criticised by campaigners"
        elif w in CHARACTERIZING_VERBS:
            frame = _reporting_verb(view, k, proper) if _characterizes(view, k) else None
        elif w in SPEECH_VERBS or w in CLAUSAL_VERBS or w in EVIDENTIAL_VERBS or w in _MEASURING or w in FINDING_VERBS:
            frame = _reporting_verb(view, k, proper)
        elif w in _REVISING and _speech_object(view, k, _GUIDANCE_NOUNS, False) or w in _REJECTING and _speech_object(view, k, _CLAIM_NOUNS, True):
            if w in _REVISING and background < 0:
                background = 1 if _dated_background(view) else 0
            frame = _reporting_verb(view, k, proper)  # "cut its profit forecast", "rejected allegations that ..."
            if w in _REVISING and background:
                frame = None  # "raised its targets last December": a revision told as background, in the writer's voice
            if frame is not None and frame.source is not None and _subordinate(view, frame.source.start):
                frame = None  # "..., when the company cut its revenue forecast": background to the main clause
        elif w in GUIDANCE_VERBS and k + 1 < n and low[k + 1] == "to" or w in GUIDANCE_OBJECTS:
            frame = _reporting_verb(view, k, proper)  # "The chain plans to open 40 stores", "it is projecting growth of 5%"
            if frame is not None and frame.source is not None and _subordinate(view, frame.source.start):
                frame = None
            elif not HEDGE_ADVERBS.isdisjoint(low[:k]):
                frame = None  # "The mayor reportedly plans to ...": someone unnamed reports the plan (vague.py)
        else:
            frame = None
        if frame is not None:
            if frame.source is not None and frame.source.kind in (VAGUE, ANONYMOUS):
                frame = _in_document(view, frame)  # "In the report, inspectors said ...": the report's
            frames.append(frame)
    return frames


# A definite document that opens the sentence ("In the report,", "In its ruling,") holds what an
# unnamed group says in it: the document is identifiable, so the claim is its (spec, claims:
# "a named ... document or data set").
_DEFINITE_OWNERS: Final = frozenset(("the", "its", "their", "his", "her"))


def _in_document(view: View, frame: Frame) -> Frame:
    """The frame credited to the definite document the sentence opens with ("In the report, inspectors said"), or the frame as it was."""
    low = view.low
    k = view.initial
    if k + 3 >= len(low) or low[k] != "in" or low[k + 1] not in _DEFINITE_OWNERS or low[k + 2] not in DOCUMENT_HEADS or low[k + 3] != ",":
        return frame
    start, end = view.span(k + 1, k + 3)
    document = Source(NAMED, start, end, view.text(k + 1, k + 3), low[k + 2], False, "")
    return Frame(DOCUMENT, NAMED, frame.cue_start, frame.cue_end, frame.cue, document, frame.trailing)


def _prepositional(view: View, k: int, start: int, proper: frozenset[str]) -> Frame | None:
    """ "according to SOURCE", ", citing SOURCE": the source is the phrase after the cue."""
    phrase = right_phrase(view, start)
    if phrase is None:
        return None
    a, b = phrase
    if b - a == 1 and view.toks[a].text.islower() and not view.low[a].endswith("s"):
        return None  # "according to plan", "according to tradition": no source, a bare singular noun
    source = classify(view, phrase[0], phrase[1], proper)
    if source is None or source.kind == PRONOUN:
        return None  # "according to it"
    if view.low[k] in CITING and source.kind == VAGUE and source.head not in SOURCE_HEADS:
        return None  # ", citing weaker orders from customers": a reason, not a source
    cue_end = view.toks[start - 1].end
    trailing = _is_tag(view, view.toks[k].start, source.end)
    return Frame(ACCORDING_TO, source.kind, view.toks[k].start, cue_end, view.unit.text[view.toks[k].start - view.unit.start : cue_end - view.unit.start], source, trailing)


def _by_own_count(view: View, k: int, proper: frozenset[str]) -> Frame | None:
    """ "by her own count", "by the agency's estimate": the owner of the reckoning (RECKONING_NOUNS) is the source."""
    low = view.low
    n = len(low)
    m = k + 1
    if m >= n or view.quoted[m]:
        return None
    pronoun = _POSSESSIVE_PRONOUNS.get(low[m])
    if pronoun is not None:
        a, b = m, m + 1
    else:
        b = m
        while b < n and b - m < PHRASE_MAX and not low[b].endswith("'s") and view.is_word(b):
            b += 1
        if b >= n or not low[b].endswith("'s"):
            return None
        a, b = m, b + 1
    noun = b + 1 if b < n and low[b] == "own" else b
    if noun >= n or low[noun] not in RECKONING_NOUNS:
        return None
    start, end = view.span(a, b)
    if pronoun is not None:
        source: Source | None = Source(PRONOUN, start, end, view.toks[a].text, pronoun, pronoun in ("he", "she"), "")
    else:
        source = classify(view, a, b, proper)
    if source is None or source.kind == VAGUE:
        return None
    cue_end = view.toks[noun].end
    text = view.unit.text[view.toks[k].start - view.unit.start : cue_end - view.unit.start]
    return Frame(ACCORDING_TO, source.kind, view.toks[k].start, cue_end, text, source, False)


def _passive_agent(view: View, k: int, proper: frozenset[str]) -> Frame | None:
    """ "was disclosed by SOURCE", "figures compiled by SOURCE", "released Monday by SOURCE"."""
    by = _agent_by(view, k)
    phrase = right_phrase(view, by + 1)
    if phrase is None:
        return None
    source = classify(view, phrase[0], phrase[1], proper)
    if source is None or source.kind == PRONOUN:
        return None
    b = phrase[1]
    if source.kind != NAMED and b + 2 < len(view.low) and view.low[b] == "," and view.low[b + 1] == "including":
        member = right_phrase(view, b + 2)  # "by road safety campaigners, including Labour MP Gwyneth Dunwoody"
        named = classify(view, member[0], member[1], proper) if member is not None else None
        if named is not None and named.kind == NAMED:
            source = named
    if source.head in ACTORS and view.low[k] not in PUBLISHING and view.low[k] not in JUDGED:
        return None  # "if confirmed by the Senate", "was approved by the council": the body acts
    if view.low[k] in PUBLISHING and k > 0 and view.low[k - 1] in BE_FORMS:
        return None  # "The results are being released by the council": the publication is the event
    return Frame(PASSIVE_AGENT, source.kind, view.toks[k].start, view.toks[by].end, view.text(k, by + 1), source)


def _agent_by(view: View, k: int) -> int:
    """The index of the "by" that names the agent of the participle at `k`, or -1 (dates may come between)."""
    low = view.low
    for j in range(k + 1, min(len(low), k + 2 + AGENT_GAP_MAX)):
        if low[j] == "by":
            return j
        if low[j] not in _TIME_WORDS:
            return -1
    return -1


def _characterizes(view: View, k: int) -> bool:
    """ "called it a raise", "called the waits 'unacceptable'", "called the demands unaffordable": a verdict, not a phone call."""
    low = view.low
    n = len(low)
    if k + 1 >= n or low[k + 1] in _CALL_PARTICLES or view.toks[k + 1].kind == NUMBER:
        return False
    if low[k + 1] in ("it", "them", "him", "her", "this", "that") and k + 2 < n and view.is_word(k + 2):
        return low[k + 2] not in _CALL_PARTICLES or low[k + 2] in ("a", "an")  # "called it a raise", not "called them back"
    for j in range(k + 1, min(n, k + 1 + CHARACTERIZATION_WINDOW)):
        if low[j] in (",", ".", ";", "and", "but") and not view.quoted[j]:
            return False
        if view.quoted[j] or low[j] in EVALUATIVE or low[j].endswith(_JUDGMENT_ENDINGS) and len(low[j]) > 5:
            return True
    return False


def _reporting_verb(view: View, k: int, proper: frozenset[str]) -> Frame | None:
    """SOURCE said / said SOURCE / SOURCE's report shows: the verb at `k` and its subject."""
    low = view.low
    w = low[k]
    # the subject's end: skip auxiliaries and adverbs ("has also said")
    if k > 0 and low[k - 1] in _PREPOSITIONS:
        return None  # "on recalls", "of reports": a noun after a preposition
    if k + 2 < len(low) and low[k + 1] == "to" and low[k + 2] in ("be", "have") and w.endswith("ed"):
        return None  # "a fee reported to be about €6m": an agentless passive (vague.py), not "the fee reported"
    if w in NOUN_FORMS and _is_noun(view, k):
        return None  # "a police report obtained by ...", "the report says": the noun, not the verb
    if k > 0 and (view.toks[k - 1].kind == NUMBER or low[k - 1] in _COUNT_WORDS) and not (k > 1 and low[k - 2] == "of"):
        return None  # "across nine states", "40 reports": a counted noun ("a mother of three said" is a verb)
    j = k - 1
    gap = 0
    if j > 0 and low[j] in WEEKDAYS and low[j - 1] == "on" and not view.quoted[j]:
        j -= 2  # "Castreland's finance minister, Teodor Malsk, on Tuesday announced": the day stands between
    while j >= 0 and (low[j] in AUXILIARIES or _is_adverb(low[j]) or low[j] in _NEGATIONS) and gap < AUX_GAP_MAX and not view.quoted[j]:
        if low[j] in _NEGATIONS:
            return None  # "did not say", "has never confirmed": nothing is credited
        j -= 1
        gap += 1
    if w.endswith(_ING_SUFFIX) and j > 0 and low[j] in BE_FORMS and low[j] != "being":
        j -= 1  # a progressive ("is projecting growth", "are planning to"): the subject stands before it
        while j >= 0 and (low[j] in AUXILIARIES or _is_adverb(low[j])) and not view.quoted[j] and low[j] not in _NEGATIONS:
            j -= 1
    elif j >= 0 and (low[j] in BE_FORMS or low[j] in CONSENSUS_ADVERBS and j > 0 and low[j - 1] in BE_FORMS):
        return None  # a passive ("is said to"): vague.py reads those
    of_group = low[j] in ("those", "these", "them") and j > 0 and low[j - 1] == "of"  # "half of those said"
    if j >= 0 and (low[j] == "to" or low[j] in DETERMINERS and not of_group or low[j].endswith("'s") and w not in SPEECH_VERBS):
        return None  # an infinitive ("declined to say") or a noun ("the report", "its forecast")
    if w.endswith(_ING_SUFFIX) and j >= 0 and low[j] == ",":
        if w not in _SPEAKING or view.quoted[k]:
            return None  # ", prompting ...": a participle of the main clause, which carries its own frame
        if any(view.toks[i].kind == NUMBER for i in range(max(0, j - TAG_SCAN_MAX), j)):
            return None  # "The company cut 300 jobs, saying demand had slowed": the main clause's figure is the writer's fact
        source = _main_subject(view, j, proper)  # "The General Staff gave a different account, saying ...": its subject speaks
        if source is None:
            return None
        trailing = _is_tag(view, view.toks[k].start, view.toks[k].end)
        return Frame(REPORTING_VERB, source.kind, view.toks[k].start, view.toks[k].end, view.toks[k].text, source, trailing)
    if j >= 0 and low[j] in _RELATIVES:
        return None  # "who says she has a phobia", "who Kigali says": speech inside a relative clause is not the sentence's source
    source = None
    if w.endswith(_ING_SUFFIX) and j >= 0 and low[j] == "by":
        source = _actor_before(view, j, proper)  # "Kagame defied the pressure by announcing that ..."
        if source is None:
            return None
    elif j >= 0 and low[j] == ",":
        source = _across_comma(view, j, proper)
    elif j >= 0:
        phrase = left_phrase(view, j + 1)
        if phrase is not None:
            phrase = _with_closeness(view, phrase)
            source = classify(view, phrase[0], phrase[1], proper)
    if source is None and j >= 0 and low[j] != ",":
        source = _before_relative(view, j, proper)  # "A senior official who asked not to be named said"
    if source is None and j >= 0 and low[j] != ",":
        source = _past_place(view, j, proper)  # "the head of the mission, Monuc, in the town of Goma told journalists"
    if source is None and j >= 0 and low[j] != ",":
        source = _past_issue(view, j, proper)  # "A joint communique issued after the final session said"
    if source is None and (j < 0 or low[j] in (",", QUOTE) or view.quoted[j]):
        source = _inverted(view, k, proper)  # '"...," said Vasquez.'
    if source is None and j > 0 and low[j] in ("and", "but"):
        source = _coordinated(view, j, proper)  # "The minister acknowledged the delays and said ...", "... but said"
    if source is None:
        return None
    before = view.index_at(source.start) - 1
    if before >= 0 and low[before] in _RELATIVES and not view.quoted[before] and low[j] != ",":
        return None  # "rebels who the government says threaten ...": the source of a relative clause only
    if view.low[view.index_at(source.start)] in _NONE_SUBJECTS:
        return None  # "None of the authors reported ties", "Nobody said ...": a negated report
    if source.head in ACTORS and w not in ACTOR_SPEECH and low[j] != ",":
        return None  # "The court denied the motion", "the jury found that ...": the body acts
    if not _takes_clause(view, k, source):
        return None
    if source.kind == NAMED and _anonymity_follows(view, k):
        source = Source(ANONYMOUS, source.start, source.end, source.text, source.head, source.person, "")
    if w in EVIDENTIAL_VERBS and w not in SPEECH_VERBS and w not in CLAUSAL_VERBS:
        if not _can_give_evidence(source):
            return None
    rule = DOCUMENT if source.head in DOCUMENT_HEADS and source.kind == NAMED else REPORTING_VERB
    if w in CHARACTERIZING_VERBS:
        rule = CHARACTERIZATION
    trailing = _is_tag(view, min(view.toks[k].start, source.start), max(view.toks[k].end, source.end))
    return Frame(rule, source.kind, view.toks[k].start, view.toks[k].end, view.toks[k].text, source, trailing)


def _with_closeness(view: View, phrase: tuple[int, int]) -> tuple[int, int]:
    """ "Sources close to the regulator", "people familiar with the talks": the whole phrase, not the body after "to"/"with"."""
    a = phrase[0]
    low = view.low
    if a < 2 or low[a - 1] not in ("to", "with") or low[a - 2] not in _CLOSENESS or view.quoted[a - 2]:
        return phrase
    outer = left_phrase(view, a - 2)
    return (outer[0], phrase[1]) if outer is not None else phrase


def _subordinate(view: View, start: int) -> bool:
    """True when the phrase starting at offset `start` opens a subordinate clause ("as the district aims to ...")."""
    i = view.index_at(start)
    return i > 0 and view.low[i - 1] in _SUBORDINATORS


def _is_tag(view: View, start: int, end: int) -> bool:
    """True for a frame set off by a comma or a quotation at the end of its sentence (", the agency said.").

    A clause that only says how the source spoke (", speaking on condition of anonymity ...")
    does not count against the end.
    """
    toks = view.toks
    i = view.index_at(start)
    if i == 0 or toks[i - 1].text not in (",", QUOTE):
        return False
    words = 0
    first = view.index_at(end)
    if len(toks) - first > TAG_SCAN_MAX:
        return False  # far too much left for a closing tag: and the scan stays bounded per frame
    for k in range(first, len(toks)):
        t = toks[k]
        if t.text == "," and k + 1 < len(toks) and view.low[k + 1] in _TAG_TAILS:
            break
        if view.low[k] not in _TAG_CIRCUMSTANCES:
            words += t.kind == WORD or t.kind == NUMBER  # ", police said in a statement on Saturday.": how and when do not count
        if words > TRAILING_WORDS:
            return False
    return True


def _coordinated(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """The subject the sentence opens with, shared by a verb after "and" ("X acknowledged ... and said")."""
    return _opening_subject(view, j, proper, False)


def _main_subject(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """The subject of the clause before the comma at `j`, if a named or anonymous source: who ", saying ..." speaks for."""
    return _opening_subject(view, j, proper, True)


def _opening_subject(view: View, j: int, proper: frozenset[str], present: bool) -> Source | None:
    """The named or anonymous subject the sentence opens with (past an opening adverbial), read back from its first verb before `j`.

    The verb is a past tense or participle ("The minister acknowledged the delays and said");
    with `present`, also an auxiliary or a present tense in -s ("The union disputes that figure,
    saying"). Auxiliaries before the verb stay out of the subject ("The UN agency has appealed").
    """
    low = view.low
    start = _after_opener(view)  # "Late on Sunday, the Red Cross put ... and said"
    skip_to = -1
    for k in range(start + 1, min(j, start + 1 + COORDINATED_MAX)):
        if k < skip_to:
            continue  # inside the appositive name
        if low[k] == "," and skip_to < 0:
            skip_to = _past_appositive_name(view, k, j)  # "AMT's operations director, Helen Okoro, acknowledged ..."
            if skip_to > 0:
                continue
        if view.quoted[k] or low[k] in (",", ";", ":"):
            return None
        w = low[k]
        regular = len(w) > 4 and not view.names[k] and (w.endswith("ed") or present and w.endswith("s") and k > start + 1)
        if w in IRREGULAR_PAST or present and w in AUXILIARIES or regular:
            i = k
            while i - 1 > start and low[i - 1] in AUXILIARIES:
                i -= 1  # "The UN agency has appealed for $64 million and said ...": the subject before "has"
            if skip_to == i:
                # "AMT's operations director, Helen Okoro, acknowledged": the subject and its name
                head = left_phrase(view, _comma_before(view, i - 1))
                if head is None or head[0] != start:
                    return None
                source = _across_comma(view, i - 1, proper)
            else:
                phrase = left_phrase(view, i)
                if phrase is None or phrase[0] != start:
                    return None
                source = classify(view, phrase[0], phrase[1], proper)
            return source if source is not None and source.kind in (NAMED, ANONYMOUS) else None
    return None


def _past_appositive_name(view: View, k: int, j: int) -> int:
    """The token after a name set off by commas from the comma at `k` (", Helen Okoro,"), at most APPOSITIVE_NAME_MAX words before `j`; -1 for none."""
    low = view.low
    for m in range(k + 1, min(j, k + 2 + APPOSITIVE_NAME_MAX)):
        if low[m] == ",":
            return m + 1 if m > k + 1 else -1
        if not view.names[m] or view.quoted[m]:
            return -1
    return -1


def _after_opener(view: View) -> int:
    """Where the subject starts: after an opening adverbial of time or place and its comma ("Late on Sunday, ..."), else the first word."""
    low = view.low
    first = view.initial
    if low[first] not in _OPENERS:
        return first
    for k in range(first + 1, min(len(low), first + 1 + OPENER_MAX)):
        if low[k] == ",":
            return k + 1 if k + 1 < len(low) else first
        if view.quoted[k] or low[k] in (";", ":", "."):
            return first
    return first


def _anonymity_follows(view: View, k: int) -> bool:
    """ "said Tuesday, speaking on condition of anonymity": the speaker asked not to be named."""
    low = view.low
    for j in range(k + 1, min(len(low), k + 1 + ANONYMITY_GAP)):
        if low[j] == ",":
            return j + 1 < len(low) and low[j + 1] in ("speaking", "who") and says_anonymous(view, j + 1, min(len(low), j + 1 + APPOSITIVE_MAX))
    return False


def _is_noun(view: View, k: int) -> bool:
    """True when a verb-or-noun form reads as the noun: after "a"/"an" (with up to two modifiers) or before a verb."""
    low = view.low
    if k + 1 < len(low) and (low[k + 1] in SPEECH_VERBS or low[k + 1] in EVIDENTIAL_VERBS or low[k + 1] in BE_FORMS or low[k + 1] in ("has", "have", "had", "obtained", "seen", "reviewed", "released", "published", "filed")):
        return True
    if k > 0 and low[k - 1] not in _NOUN_FORM_SUBJECTS and _verb_of_phrase_after(view, k):
        return True  # "Unconfirmed reports on social media said": the noun and what qualifies it, then their verb
    for j in range(k - 1, max(-1, k - 4), -1):
        if low[j] in ("a", "an", "its", "his", "her", "their", "our", "my", "your"):
            return True  # "a police report", "its Firebird project", "their expansion plans"
        if not view.is_word(j):
            break
    return False


# How many words may qualify a reporting noun before its own verb ("reports on social media said").
NOUN_PHRASE_VERB_WINDOW: Final = 5
# Words before a noun form that make it a verb after all ("he reports", "it reports"): pronouns.
_NOUN_FORM_SUBJECTS: Final = frozenset(("he", "she", "it", "they", "we", "i", "who", "which", "that"))


def _verb_of_phrase_after(view: View, k: int) -> bool:
    """True when a speech or evidential verb follows the noun form at `k` within NOUN_PHRASE_VERB_WINDOW words, past a preposition and with no mark between."""
    low = view.low
    if k + 1 >= len(low) or low[k + 1] not in _PREPOSITIONS:
        return False  # "reports on ...", "estimates from ...": only a qualifying phrase makes the noun
    for j in range(k + 2, min(len(low), k + 2 + NOUN_PHRASE_VERB_WINDOW)):
        if not view.is_word(j) or view.quoted[j]:
            return False
        if low[j] in SPEECH_VERBS or low[j] in EVIDENTIAL_VERBS:
            return True
    return False


def _is_adverb(word: str) -> bool:
    """An adverb in "-ly" between a subject and its verb ("publicly said", "repeatedly warned")."""
    return len(word) > ADVERB_MIN_LENGTH and word.endswith("ly") and word not in _LY_NOUNS and word not in SOURCE_HEADS


def _comma_before(view: View, j: int) -> int:
    """The comma that opens the aside ending at the comma `j` (at most APPOSITIVE_MAX tokens back), or -1."""
    low = view.low
    k = j - 1
    while k >= 0 and j - k <= APPOSITIVE_MAX and low[k] != "," and not view.quoted[k]:
        k -= 1
    return k if k >= 0 and low[k] == "," and not view.quoted[k] else -1


def _describes_only(view: View, a: int, b: int) -> bool:
    """True for an aside that describes its subject and names no one: an age (", 67,") or a relative clause (", whose house flooded,")."""
    if b - a == 1 and view.toks[a].kind == NUMBER:
        return True
    if b - a == 2 and view.low[a] == "aged" and view.toks[a + 1].kind == NUMBER:
        return True
    return view.low[a] in _ASIDE_OPENERS


def _across_comma(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """ "NAME, APPOSITIVE, said": the subject is the phrase before the appositive (or the appositive).

    Asides that only describe the subject come off first, at most ASIDES_MAX of them: "Graham
    Lowe, 71, who has lived in the close for 30 years, said" is Graham Lowe's; "A neighbour, who
    asked not to be named, said" is a neighbour's, anonymous.
    """
    low = view.low
    k = _comma_before(view, j)
    if k < 0:
        return None
    end = j
    hidden = False  # an aside says the subject asked not to be named
    for _ in range(ASIDES_MAX):
        if not _describes_only(view, k + 1, end):
            break
        hidden = hidden or says_anonymous(view, k + 1, end)
        end = k
        k = _comma_before(view, k)
        if k < 0:
            break
    if end != j and (k < 0 or _describes_only(view, k + 1, end)):
        phrase = left_phrase(view, end)  # every aside came off: the subject stands before them
        subject = classify(view, phrase[0], phrase[1], proper) if phrase is not None else None
        if hidden and phrase is not None:
            if subject is None:
                # "One loss adjuster working in the area, who asked not to be named, said": someone, unnamed
                start, stop = view.span(phrase[0], phrase[1])
                return Source(ANONYMOUS, start, stop, view.text(phrase[0], phrase[1]), view.low[phrase[1] - 1], True, "")
            return Source(ANONYMOUS, subject.start, subject.end, subject.text, subject.head, subject.person, "")
        return subject
    if end != j:
        j = end  # "Dr. Ana Ruiz, the utility's engineer, 52, said": the appositive before the age
    appositive = left_phrase(view, j)
    head = left_phrase(view, k)
    classified = [classify(view, p[0], p[1], proper) for p in (head, appositive) if p is not None and p[0] <= p[1]]
    found = [s for s in classified if s is not None]
    if not found:
        return None
    if view.low[k + 1] not in CITING and view.low[k + 1] not in ACCORDING and says_anonymous(view, k + 1, j):
        # "The mayor, who spoke on condition of anonymity, said": described, not named
        s0 = found[0]
        return Source(ANONYMOUS, s0.start, s0.end, s0.text, s0.head, s0.person, "")
    named = [s for s in found if s.kind == NAMED]
    best = named[0] if named else found[0]
    if len(named) == 2:
        # "Dr. Helen Vasquez, the authority's chief engineer": the person, with the role as written
        a, b = named
        # the list shows the person's or organization's own name, not the role ("Maria Lind")
        name = b.name if a.head in ROLE_HEADS or a.head in INSTITUTION_HEADS else a.name
        return Source(NAMED, a.start, b.end, view.unit.text[a.start - view.unit.start : b.end - view.unit.start], a.head, a.person or b.person, name)
    return best


def _actor_before(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """The subject of the past-tense verb nearest before `j`, if a source: who did it "by announcing"."""
    low = view.low
    for k in range(j - 1, max(-1, j - BY_ACTOR_WINDOW), -1):
        if view.quoted[k] or low[k] in (";", ":"):
            return None
        w = low[k]
        if (w in IRREGULAR_PAST or len(w) > 4 and w.endswith("ed")) and not view.names[k]:
            i = k - 1
            while i >= 0 and low[i] in AUXILIARIES:
                i -= 1
            if i >= 0 and low[i] == ",":
                source = _across_comma(view, i, proper)  # "The minister, Ana Ruiz, yesterday surprised ..."
            else:
                phrase = left_phrase(view, i + 1)
                source = classify(view, phrase[0], phrase[1], proper) if phrase is not None else None
            return source if source is not None and source.kind in (NAMED, ANONYMOUS) else None
    return None


def _past_place(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """The subject before a place phrase set off by a comma (", in the northern city of Kelso told ..."), if a source."""
    phrase = left_phrase(view, j + 1)
    if phrase is None:
        return None
    a = phrase[0]
    while a > 0 and view.low[a - 1] in _LOCATIVES:
        a -= 1
    if a < 2 or a == phrase[0] and view.low[a] not in _LOCATIVES or view.low[a - 1] != ",":
        return None
    source = _across_comma(view, a - 1, proper)
    return source if source is not None and source.kind in (NAMED, ANONYMOUS) else None


def _past_issue(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """The document before "issued after the talks", "published on Monday": a participle of publishing and its adverbial, then the verb."""
    phrase = left_phrase(view, j + 1)
    a = phrase[0] if phrase is not None else j + 1
    low = view.low
    k = a - 1
    while k > 0 and j - k <= ISSUE_GAP and low[k] not in PUBLISHING and view.is_word(k) and not view.quoted[k]:
        k -= 1
    if k <= 0 or low[k] not in PUBLISHING or view.quoted[k]:
        return None
    document = left_phrase(view, k)
    if document is None:
        return None
    source = classify(view, document[0], document[1], proper)
    return source if source is not None and source.head in DOCUMENT_HEADS else None


def _before_relative(view: View, j: int, proper: frozenset[str]) -> Source | None:
    """ "NAME who ... said": the subject stands before a relative clause with no commas."""
    low = view.low
    k = j
    while k >= 0 and j - k <= APPOSITIVE_MAX and not view.quoted[k] and low[k] not in (",", ";", ":"):
        if low[k] in ("who", "whom", "which"):
            phrase = left_phrase(view, k)
            if phrase is None:
                return None
            source = classify(view, phrase[0], phrase[1], proper)
            if source is not None and source.kind == NAMED and says_anonymous(view, k, j + 1):
                return Source(ANONYMOUS, source.start, source.end, source.text, source.head, source.person, "")
            return source
        k -= 1
    return None


def _inverted(view: View, k: int, proper: frozenset[str]) -> Source | None:
    """ '..., said the agency.' : the subject follows the verb and ends the clause."""
    phrase = right_phrase(view, k + 1)
    if phrase is None:
        return None
    a, b = phrase
    if b < len(view.toks) and view.low[b] not in (",", ".", ";", ":", "!", "?", "who") and not view.quoted[b]:
        return None  # '"...," said a man in the village who declined to give his name.': the relative clause describes him
    source = classify(view, a, b, proper)
    if source is not None and source.kind == NAMED and b < len(view.toks) and view.low[b] == "who" and says_anonymous(view, b, len(view.toks)):
        return Source(ANONYMOUS, source.start, source.end, source.text, source.head, source.person, "")
    return source


def _takes_clause(view: View, k: int, source: Source) -> bool:
    """True when the verb at `k` reports content rather than an event ("added that" vs "added 200 jobs")."""
    w = view.low[k]
    if w in SPEECH_VERBS or w in CHARACTERIZING_VERBS or w in _GUIDING or w in _REVISING or w in _REJECTING:
        return True  # guidance, revisions and rejections: find() has checked their "to" or object
    n = len(view.low)
    if w in FINDING_VERBS:
        return "to" in view.low[k + 2 : k + 2 + CHARACTERIZATION_WINDOW]  # "linked the rise to a mite"
    if k + 1 >= n:
        return True
    nxt = view.low[k + 1]
    if view.quoted[k + 1] or nxt in _CLAUSE_AFTER or nxt in ("!", "?", ";"):
        return True
    if w in _COMPLAINING and nxt in ("of", "about"):
        return True  # "residents complained of discolored water": the complaint is the content
    if w in ("point", "points", "pointed") and nxt in ("to", "out"):
        return True  # "he pointed to a $4.6 million contract", "she pointed out that"
    if nxt in _MEDIUM_PREPOSITIONS and any(w2 in _MEDIUM_NOUNS for w2 in view.low[k + 2 : k + 2 + MEDIUM_WINDOW]):
        return True
    if nxt in _MEDIUM_PREPOSITIONS:
        for j in range(k + 2, min(n, k + 2 + MEDIUM_WINDOW)):
            if view.low[j] in _OCCASION_NOUNS:
                return any(w2 in ("that", ":") for w2 in view.low[j + 1 : j + 1 + OCCASION_WINDOW])
    if w in _MEASURING and source.kind == NAMED and (not source.person or view.toks[k + 1].kind == NUMBER or view.toks[k + 1].text[:1] in "$£€"):
        return True  # "The weather service recorded 3.1 inches", "the department recorded a sharp rise": a body's own measurement
    if w in _ESTIMATING and _estimate_object(view, k):
        return True  # "the Red Cross put the number of dead at 31": the source's estimate
    if w in CLAUSAL_VERBS and _bare_clause(view, k) and not _subordinate(view, source.start):
        return True  # "she admitted her side had been second best": a clause without "that" (not "... after X acknowledged ...")
    if w in EVIDENTIAL_VERBS and (source.head in DOCUMENT_HEADS or source.head in GENERIC_HEADS):
        return True  # "the report found 40% of ...", "studies show walking helps": content follows
    if w in _DOCUMENT_CLAIMS and source.head in DOCUMENT_HEADS and source.kind == NAMED:
        return True  # "University research claims cutting the limit would save lives": a document states
    return False


def _dated_background(view: View) -> bool:
    """True for a sentence set in a past period ("last December", "in 2024"): a revision told as background, in the writer's voice."""
    low = view.low
    for j, w in enumerate(low):
        if w == "last" and j + 1 < len(low) and (low[j + 1] in _PERIODS or low[j + 1] in _MONTHS):
            return True
        if w in ("in", "since") and j + 1 < len(low) and view.toks[j + 1].kind == NUMBER and len(low[j + 1]) == 4:
            return True
    return False


def _speech_object(view: View, k: int, nouns: frozenset[str], needs_that: bool) -> bool:
    """A verb's object among `nouns` within SPEECH_OBJECT_WINDOW words ("cut its full-year profit forecast"), then "that" if `needs_that`."""
    low = view.low
    for j in range(k + 1, min(len(low), k + 1 + SPEECH_OBJECT_WINDOW)):
        if not view.is_word(j) and low[j] != "-" or view.quoted[j]:
            return False
        if low[j] in nouns:
            return not needs_that or j + 1 < len(low) and low[j + 1] == "that"
    return False


def _estimate_object(view: View, k: int) -> bool:
    """ "put the death toll at 31", "puts the cost of the repairs at £2m", "put the wheat crop at 2.6 million tonnes": an estimate's object, then "at".

    With an object of _ESTIMATE_OBJECTS, "at" may come anywhere in the window; with any other,
    "at" must be followed by a number or a currency sign ("put the plan at risk" estimates nothing).
    """
    low = view.low
    n = len(low)
    end = min(n, k + 1 + ESTIMATE_WINDOW)
    for j in range(k + 1, end):
        if low[j] in _ESTIMATE_OBJECTS:
            return "at" in low[j + 1 : end + 1]
        if low[j] == "at" and j > k + 1:
            return j + 1 < n and (view.toks[j + 1].kind == NUMBER or view.toks[j + 1].text[:1] in "$£€")
        if not view.is_word(j) or view.quoted[j]:
            return False
    return False


def _bare_clause(view: View, k: int) -> bool:
    """ "admitted her side had been", "noted the figures were lower": a short subject, then a finite verb, with no "that"."""
    low = view.low
    for j in range(k + 1, min(len(low), k + 2 + BARE_SUBJECT_MAX)):
        if j > k + 1 and low[j] in _FINITE:
            return True
        if not view.is_word(j) or view.quoted[j] or low[j] in _NOT_SUBJECT:
            return False
    return False


def _can_give_evidence(source: Source) -> bool:
    """Evidential verbs ("shows", "suggests") credit documents, data, groups and names, not any noun."""
    return True  # a pronoun's antecedent is checked when it is resolved
