"""Source phrases: find the noun phrase that credits a claim and decide whether a reader can identify it.

A source is `named` (a person, organization, role tied to one, or a credited document),
`anonymous` (people described but not named: "officials", "people familiar with the
matter"), `vague` (a group or body of evidence nobody can check: "experts", "studies",
"reports") or a `pronoun` to resolve against the sources before it. The categories follow
the attribution relations of PARC 3.0 (Pareti 2016) and the AP and Reuters guidance on
anonymous sources; the word lists are in data/claims_sources.toml.
"""

from __future__ import annotations

from typing import Final

from ..text import NUMBER, WORD
from .lexicon import (
    ANONYMITY,
    AFFILIATION,
    ANONYMOUS_HEADS,
    COMMON_WORDS,
    DEFINITE,
    DETERMINERS,
    DOCUMENT_HEADS,
    GENERIC_HEADS,
    INSTITUTION_HEADS,
    INSTITUTION_MODIFIERS,
    INSTITUTIONAL_PEOPLE,
    JURISDICTIONS,
    LEFT_STOPS,
    LEVELS,
    NAME_JOINERS,
    OFFICIAL_VOICE,
    ORG_SUFFIXES,
    OUTLETS,
    POST_MODIFIERS,
    PRONOUNS,
    QUANTIFIERS,
    RESPONDENTS,
    ROLE_HEADS,
    SERVICES,
    TITLES,
)
from .view import View

NAMED: Final = "named"
ANONYMOUS: Final = "anonymous"
VAGUE: Final = "vague"
PRONOUN: Final = "pronoun"

# How many tokens a source phrase may run to the left of its verb: long enough for
# "Dr. Anika Sorensen of Fairhaven University", short enough to stay inside one clause.
PHRASE_MAX: Final = 12
# How many tokens an appositive or relative clause between commas may hold before the verb
# ("Dr. Raymond Achebe, an endocrinologist at St. Luke's ... who was not involved, said").
APPOSITIVE_MAX: Final = 28
# How many tokens a parenthesis between a source and its verb may hold ("(NYSE:JEC)", "(62%)").
PAREN_MAX: Final = 8
# How many tokens a source may run to the right of "according to", "citing" or "by".
RIGHT_MAX: Final = 18

# The pseudo-pronoun for a credited study's authors ("The researchers found ..."), and the
# heads that stand for them after "the".
AUTHORS_HEAD: Final = "authors"
AUTHOR_WORDS: Final = frozenset(("researchers", "authors", "scientists", "team", "pollsters"))
# The pseudo-pronoun for a poll's respondents: resolved to the poll or survey credited before.
RESPONDENTS_HEAD: Final = "respondents"
# Endings of plural nouns for kinds of people ("forecasters", "economists", "historians",
# "residents"): a lone capitalized one opening a sentence is a generic group, not a name.
AGENT_PLURAL_SUFFIXES: Final = ("ers", "ists", "ians", "ents", "ors", "ants")
# Shortest word whose "-ed"/"-ing" ending marks a verb form ("red", "bed", "king" are not).
VERB_FORM_MIN_LENGTH: Final = 5
# How many words after "from the" may name the institution ("from the county health department").
AFFILIATION_SPAN: Final = 4
# Prepositions a source phrase keeps inside it: "analysts at Carver & Lowe", "people
# familiar with the matter", "a study by Harvard researchers".
_INNER: Final = frozenset(("of", "at", "from", "with", "by", "in", "for", "the", "a", "an", "and", "&"))
_LEAD_STRIP: Final = LEFT_STOPS | frozenset(("according", "to", "per", "citing", "quoting"))
_ABBREVIATION_MAX: Final = 4  # "Dr", "St", "U.S": a period after these stays inside a name


# A plain class with read-only fields, not a named tuple: compiled, a native class read without look-ups;
# cheap to define at import, unlike a dataclass (~0.8 ms of start-up). Internal, never in a Report.
class Source:
    """A source phrase as written, with how identifiable it is."""

    __slots__ = ("kind", "start", "end", "text", "head", "person", "name")

    kind: Final[str]  # NAMED | ANONYMOUS | VAGUE | PRONOUN
    start: Final[int]
    end: Final[int]
    text: Final[str]
    head: Final[str]  # lower-cased head word ("spokesperson", "police", "he"), or the last name word
    person: Final[bool]  # a person (he/she can refer to it), not an organization or a document
    name: Final[str]  # the name it contributes to the named-sources list ("" when it has none)

    def __init__(self, kind: str, start: int, end: int, text: str, head: str, person: bool, name: str) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.head = head
        self.person = person
        self.name = name


def is_name(view: View, k: int, proper: frozenset[str]) -> bool:
    """True when token `k` is part of a proper name (see view.name_flags)."""
    return view.names[k]


def left_phrase(view: View, end: int) -> tuple[int, int] | None:
    """The tokens of the noun phrase that ends just before token `end` ([a, b)), or None."""
    b = end
    k = end - 1
    if k > 0 and view.toks[k].text == ")" and not view.quoted[k]:
        # "Harlow Engineering Corp. (NYSE:HEC) announced": the phrase ends before the aside
        j = k - 1
        while j >= 0 and end - j <= PAREN_MAX and view.toks[j].text not in ("(", ")"):
            j -= 1
        if j > 0 and view.toks[j].text == "(":
            if not any(view.toks[i].kind == NUMBER for i in range(j, k)):
                b = j
            k = j - 1  # a share in brackets stays in the phrase: "Most (62%)" is a poll's respondents
    a = k + 1
    count = 0
    while k >= 0 and count < PHRASE_MAX:
        tok = view.toks[k]
        low = view.low[k]
        if view.quoted[k]:
            break
        if tok.kind == WORD or tok.kind == NUMBER:
            if low in _INNER or low in NAME_JOINERS:
                pass  # kept, trimmed below if it ends up first
            elif low in LEFT_STOPS or _is_verb_form(low) and not tok.text[0].isupper():
                break  # a capitalized "-ing"/"-ed" word is a name ("Paul Manning", "Ann Reed"), not a verb
        elif tok.text == "." and k > 0 and _is_abbreviation(view, k - 1):
            pass
        elif tok.text in ("&", "%"):
            pass
        elif tok.text == "-" and k > 0 and view.is_word(k - 1):
            pass
        else:
            break
        a = k
        k -= 1
        count += 1
    # drop leading prepositions and conjunctions ("with South Korea's ..." -> "South Korea's ...")
    while a < b and (view.low[a] in _LEAD_STRIP or not view.is_word(a)) and view.low[a] not in DETERMINERS:
        a += 1
    return (a, b) if a < b else None


def _is_verb_form(word: str) -> bool:
    """A past or present participle that is not a known post-modifier ("criticized", "moving"): it ends a noun phrase."""
    return len(word) > VERB_FORM_MIN_LENGTH and word.endswith(("ed", "ing")) and word not in POST_MODIFIERS and word not in _NOT_VERB_FORMS


# Words in "-ed"/"-ing" that are nouns or adjectives inside source phrases.
_NOT_VERB_FORMS: Final = frozenset(("united", "red", "bed", "shed", "seed", "feed", "need", "speed", "breed", "creed", "greed", "hundred", "building", "ring", "king", "thing", "wing", "spring", "string", "morning", "evening", "beijing", "meeting", "hearing", "briefing", "ruling", "filing", "polling", "banking", "housing", "training", "funding", "planning", "marketing", "engineering", "nursing", "accounting", "consulting", "mining", "shipping", "trading", "publishing", "advertising", "broadcasting", "licensing", "rating", "ratings", "interested", "concerned", "retired", "elected", "appointed", "unnamed", "unidentified", "informed", "respected", "leading", "ruling", "governing", "founding", "acting", "outgoing", "incoming", "sitting", "presiding", "managing", "reporting"))


def right_phrase(view: View, start: int) -> tuple[int, int] | None:
    """The tokens of the noun phrase that starts at token `start`, up to a clause boundary."""
    k = start
    n = len(view.toks)
    while k < n and k - start < RIGHT_MAX:
        tok = view.toks[k]
        if view.quoted[k]:
            break
        if tok.kind == WORD or tok.kind == NUMBER:
            if view.low[k] in ("that", "which", "who", "when", "while", "because", "but", "as", "saying", "said", "says"):
                break
        elif tok.text == "." and _is_abbreviation(view, k - 1) and k + 1 < n:
            pass
        elif tok.text not in ("&", "-", "'"):
            break
        k += 1
    return (start, k) if k > start else None


def _is_abbreviation(view: View, k: int) -> bool:
    """A short capitalized word or a letter-dot run ("Dr", "U.S"): a period after it stays in the name."""
    tok = view.toks[k]
    return tok.kind == WORD and (len(tok.text) <= _ABBREVIATION_MAX and tok.text[0].isupper() or "." in tok.text)


def classify(view: View, a: int, b: int, proper: frozenset[str]) -> Source | None:
    """Decide what kind of source tokens [a, b) are, or None when they are no source at all."""
    toks = view.toks
    words = [k for k in range(a, b) if toks[k].kind in _COUNTED]
    if not words:
        return None
    low = view.low
    if len(words) == 1 and low[words[0]] in PRONOUNS:
        k = words[0]
        start, end = view.span(k, k + 1)  # unpacked, not *-passed: compiled, a call with *args takes the slow path
        return Source(PRONOUN, start, end, view.toks[k].text, low[k], low[k] in ("he", "she"), "")
    if len(words) == 3 and low[words[1]] == "of" and low[words[2]] in ("them", "those", "these"):
        # "one of them said": a member of the group credited just before
        start, end = view.span(words[0], words[2] + 1)
        return Source(PRONOUN, start, end, view.text(words[0], words[2] + 1), "they", False, "")
    if len(words) >= 3 and low[words[1]] == "of" and (low[words[0]] in QUANTIFIERS or low[words[0]] in ("none", "each", "either", "neither", "all", "most", "some")):
        # "one of the people said", "two of the analysts": the group after "of" is the source
        inner = classify(view, words[2], b, proper)
        if inner is not None:
            start, end = view.span(a, b)
            return Source(inner.kind, start, end, view.text(a, b), inner.head, inner.kind == ANONYMOUS or inner.person, inner.name)
    if low[words[0]] in RESPONDENTS and len(words) > 2 and ANONYMITY.isdisjoint(low[a:b]):
        # "those asked in a poll for Acme said": the poll named in the phrase is the source
        for i in range(2, len(words)):
            if low[words[i]] in DOCUMENT_HEADS and low[words[i - 1]] in DETERMINERS:
                inner = classify(view, words[i - 1], b, proper)
                if inner is not None and inner.kind == NAMED:
                    start, end = view.span(a, b)
                    return Source(NAMED, start, end, view.text(a, b), inner.head, False, inner.name)
    if _respondents(view, a, b, words):
        # "64% said", "most respondents said": the people a poll or study asked
        start, end = view.span(a, b)
        return Source(PRONOUN, start, end, view.text(a, b), RESPONDENTS_HEAD, False, "")
    # The head ends where a post-modifier starts ("analysts | at Carver & Lowe").
    cut = len(words)
    for i in range(1, len(words)):
        if low[words[i]] in POST_MODIFIERS or low[words[i]] == "to" and _bare(low[words[i - 1]]) in DOCUMENT_HEADS:
            cut = i  # "analysts | at Carver & Lowe", "a report | to councillors by council officers"
            break
    pre, post = words[:cut], words[cut:]
    if len(pre) == 2 and low[pre[0]] == "the" and low[pre[1]] in AUTHOR_WORDS and not any(view.names[k] for k in post):
        # "The researchers found ...": the authors of the study credited before, if there is one
        start, end = view.span(a, b)
        return Source(PRONOUN, start, end, view.text(a, b), AUTHORS_HEAD, False, "")
    head_k = pre[-1]
    head = _bare(low[head_k])
    two = _bare(low[pre[-2]]) + " " + head if len(pre) > 1 else ""
    if two in ROLE_HEADS:
        head = two
    flags = view.names
    if head in _ANONYMOUS_INDIVIDUALS and len(pre) == 2 and low[pre[0]] in ("a", "an", "one"):
        start, end = view.span(a, b)
        return Source(ANONYMOUS, start, end, view.text(a, b), head, True, "")  # "a man in neighbouring Brasca who declined to give his name"
    if head not in _HEADS_AND_TITLES and not head.endswith("s") and not flags[head_k] and not (head_k == view.initial and toks[head_k].text[0].isupper()):
        return None  # "the incident", "information from a friendly country": no head a source can have
    names_pre = [k for k in pre if flags[k] and low[k].removesuffix("'s") not in _HEADS_AND_TITLES]
    names_post = _affiliated_names(view, post, head in DOCUMENT_HEADS) if post and head not in _PLACE_PEOPLE else []  # "residents of Dunmere": a place
    det = low[pre[0]]
    # the modifiers before the head, bare of possessives: "the | authority's annual | report"
    mods = [low[k] for k in pre[:-1]]
    bare_mods = {w.removesuffix("'s") for w in mods}
    possessive = any(w.endswith(("'s", "s'")) for w in mods) or det in ("its", "his", "her", "their", "our")
    definite = det in DEFINITE or possessive
    indefinite = det in ("a", "an", "another", "one")
    quantified = not QUANTIFIERS.isdisjoint(mods) and any(w in QUANTIFIERS and w not in ("a", "an") for w in mods) or any(toks[k].kind == NUMBER for k in pre[:-1])
    anonymous = not ANONYMITY.isdisjoint(low[a:b]) or says_anonymous(view, a, b)
    inst_mod = not bare_mods.isdisjoint(INSTITUTION_MODIFIERS) or not bare_mods.isdisjoint(INSTITUTION_HEADS)
    named_qual = bool(names_pre) or bool(names_post) or _affiliated_body(view, post)
    text = view.text(a, b)
    start, end = view.span(a, b)

    def make(kind: str, person: bool) -> Source:
        """The Source for this phrase with the kind decided."""
        return Source(kind, start, end, text, head, person, _name(view, pre, post, names_pre, names_post) if kind == NAMED else "")

    if head not in _HEADS_AND_TITLES and head.endswith("s") and head[:-1] in ROLE_HEADS:
        if not (definite or names_pre or names_post or _affiliated_body(view, post)):  # "lawyers for the company" are its lawyers
            return make(VAGUE, False)  # "Teachers say", "lawyers argue": a kind of people, unnamed
        head = head[:-1]  # "the company's auditors": a plural role
    org_mod = any(w in INSTITUTION_HEADS and w not in JURISDICTIONS for w in bare_mods)
    if head in ANONYMOUS_HEADS and head not in ROLE_HEADS:
        if flags[head_k] and head_k != view.initial and not anonymous and not quantified:
            return make(NAMED, False)  # "Restavia's General Staff", "the Joint Staff": a body's proper name
        if head in INSTITUTIONAL_PEOPLE and (named_qual or org_mod) and not anonymous and not quantified:
            return make(NAMED, False)
        if head in INSTITUTIONAL_PEOPLE and not anonymous and not quantified and not bare_mods.isdisjoint(LEVELS) and not bare_mods.isdisjoint(SERVICES):
            return make(NAMED, False)  # "city health officials": a level of government and its service name a department (spec)
        return make(ANONYMOUS, head.endswith("person") or head in _ANONYMOUS_PERSONS)
    if head in GENERIC_HEADS:
        # "Consumer advocates say": a capital that only opens the sentence does not name the group
        # (mid-sentence, "Oxford researchers" does).
        if names_pre == [view.initial] and not names_post and not _affiliated_body(view, post):
            named_qual = False
        if any(flags[k] and _bare(low[k]) in INSTITUTION_HEADS for k in pre[:-1]) and not quantified:
            named_qual = True  # "Bureau analysts", "Ministry economists": a body the article names with a capital
        if det in QUANTIFIERS and det not in ("a", "an", "one") and not names_post:
            named_qual = False  # "Some Harlow residents", "many Oxford students": a share of a group, unnamed
        if named_qual and not anonymous:
            return make(NAMED, False)
        if head in DOCUMENT_HEADS and (definite and det not in ("these", "those") or inst_mod) and not quantified:
            return make(NAMED, False)
        return make(VAGUE, False)
    if head in ROLE_HEADS:
        if anonymous and not names_pre:
            return make(ANONYMOUS, True)
        if named_qual or definite or inst_mod or head in OFFICIAL_VOICE or not indefinite:
            return make(NAMED, True)
        return make(ANONYMOUS, True)
    if head not in INSTITUTION_HEADS and _singular(head) in INSTITUTION_HEADS and (definite or possessive):
        head = _singular(head)  # "the companies said", "both unions said": bodies named before
    if head in INSTITUTION_HEADS:
        if indefinite and not named_qual:
            return make(VAGUE, False)  # "a government agency said", "an appeals court": which one is not said
        return make(NAMED, False)
    if head in DOCUMENT_HEADS:
        if named_qual or definite or inst_mod:
            return make(NAMED, False)
        return make(VAGUE, False)
    names = [k for k in pre if is_name(view, k, proper)]
    if not names and len(pre) == len(words) == 1 and head_k == view.initial and view.toks[head_k].text[0].isupper():
        # A lone capitalized word opening the sentence before its verb ("Brightwell reported"):
        # a name, unless it reads as a generic plural of people ("Forecasters said").
        if head.endswith(AGENT_PLURAL_SUFFIXES) and head not in OUTLETS:
            return make(VAGUE, False)
        if head in COMMON_WORDS:
            return None  # "Time will tell", "History shows": a common word, not a name
        names = [head_k]
    if not names and det in QUANTIFIERS and det not in ("a", "an", "one") and head.endswith("s"):
        return make(VAGUE, False)  # "some scouts believe", "many fans say": an unnamed group
    if not names and det not in DETERMINERS and head.endswith(AGENT_PLURAL_SUFFIXES):
        if named_qual and not anonymous:
            return make(NAMED, False)  # "Forecasters at the service's Marlow office said": tied to a named body
        return make(VAGUE, False)  # "real estate agents say", "shoppers said": a kind of people
    if names and names[-1] == head_k:
        person = head not in ORG_SUFFIXES and not any(low[k] in ("of", "&") for k in pre)
        person = person or any(_bare(low[k]) in TITLES for k in pre)
        return make(NAMED, person)
    return None


_COUNTED: Final = frozenset((WORD, NUMBER))
# People named by where they live: a name after them ("residents of Dunmere") is a place, not a body.
_PLACE_PEOPLE: Final = frozenset(("residents", "locals", "villagers", "inhabitants", "people", "neighbours", "neighbors", "families", "commuters"))
# People known only as a man or a woman: anonymous with "a" ("a woman who taught at the school
# said"); with "the" they point back to someone the article may have named, and stay unread.
_ANONYMOUS_INDIVIDUALS: Final = frozenset(("man", "woman", "boy", "girl", "teenager", "pensioner", "mother", "father"))
# Anonymous heads that are one person, whom a later "he" or "she" may mean ("A neighbour, who asked
# not to be named, said ... "I thought it was the television," she said.").
_ANONYMOUS_PERSONS: Final = frozenset((
    "official", "source", "insider", "aide", "executive", "employee", "neighbour", "neighbor",
    "resident", "witness", "bystander", "onlooker", "passer-by", "passerby", "villager", "motorist",
    "passenger", "worker", "customer", "shopper", "commuter", "patient", "tenant", "visitor", "student", "fan",
))
_HEADS_AND_TITLES: Final = ROLE_HEADS | INSTITUTION_HEADS | DOCUMENT_HEADS | GENERIC_HEADS | ANONYMOUS_HEADS


def _singular(word: str) -> str:
    """A plural noun's singular, for the regular endings ("companies" -> "company", "unions" -> "union")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _bare(word: str) -> str:
    """A word without its possessive ending: "authority's" -> "authority"."""
    if word.endswith("'s"):
        return word[:-2]
    if word.endswith("s'"):
        return word[:-1]
    return word


def _is_possessive(word: str) -> bool:
    """A word ending in a possessive."""
    return word.endswith("'s") or word.endswith("s'")


def _affiliated_names(view: View, post: list[int], document: bool) -> list[int]:
    """Name words after the head that an affiliation ties to it ("at Carver & Lowe", "polled by Reuters").

    For a document "in" names where it was published ("a study in Nature"); for people it
    names a place ("experts in Boston"), which identifies nobody.
    """
    out = []
    tied = False
    for k in post:
        w = view.low[k]
        if view.names[k]:
            if tied:
                out.append(k)
        elif w in AFFILIATION or document and w == "in":
            tied = True
        elif w in _PLACES:
            tied = False  # "outside Lincoln Elementary", "in Boston": a place
    return out


def _affiliated_body(view: View, post: list[int]) -> bool:
    """ "results from the state health laboratory": an affiliation to a definite institution, named or not.

    An author is one too: "a report by the borough's finance officer" is that officer's report.
    """
    low = view.low
    for i, k in enumerate(post[:-1]):
        if low[k] in AFFILIATION and low[post[i + 1]] in DEFINITE:
            words = [_bare(low[j]) for j in post[i + 2 : i + 2 + AFFILIATION_SPAN]]
            return any(w in INSTITUTION_HEADS or low[k] == "by" and w in ROLE_HEADS for w in words)
        if low[k] == "by" and _bare(low[post[i + 1]]) in INSTITUTION_MODIFIERS:
            # "a report by council officers": the officers of a body the story is about, as "police officers" are
            return any(_bare(low[j]).removesuffix("s") in ROLE_HEADS for j in post[i + 2 : i + 2 + AFFILIATION_SPAN])
    return False


_PLACES: Final = frozenset(("outside", "inside", "near", "across", "around", "in"))


def _respondents(view: View, a: int, b: int, words: list[int]) -> bool:
    """True for a share of a poll's sample as subject: "9% said", "most respondents", "two in three voters"."""
    if len(words) > 4:
        return False
    for k in range(a, b):
        if view.low[k] in RESPONDENTS or view.low[k] == "%":
            return True
    return view.toks[words[-1]].kind == NUMBER


def says_anonymous(view: View, a: int, b: int) -> bool:
    """True for "who asked not to be named", "speaking on condition of anonymity" and the like."""
    low = view.low[a:b]
    if not ANONYMITY.isdisjoint(low):
        for i, w in enumerate(low):
            # "close" hides a source only as "close to" ("sources close to the talks"), not "lived in the close"
            if w in ANONYMITY and (w != "close" or i + 1 < len(low) and low[i + 1] == "to"):
                return True
    for i, w in enumerate(low):
        if w in ("name", "names") and any(x in _WITHHOLDING for x in low[max(0, i - NAME_REFUSAL_WINDOW) : i]):
            return True  # "who declined to give his name", "refused to give their names"
    if "not" not in low:
        return False
    for i, w in enumerate(low):
        if w == "not" and i + 1 < len(low) and low[i + 1] in ("to", "be", "authorized", "authorised", "named", "identified"):
            return True
    return False


# Words that withhold a name a few words before it ("declined to give his name", "did not give her name").
_WITHHOLDING: Final = frozenset(("declined", "refused", "not", "without", "withheld"))
NAME_REFUSAL_WINDOW: Final = 4


def _name(view: View, pre: list[int], post: list[int], names: list[int], names_post: list[int]) -> str:
    """The name a named source adds to the list.

    A proper name as its whole run of name words with a title before it ("Dr. Helen Vasquez",
    "Bureau of Labor Statistics"); a group named by what qualifies it ("analysts at Carver &
    Lowe" -> "Carver & Lowe"); otherwise the phrase without its article ("Ukrainian military").
    """
    head_k = pre[-1]
    flags, low = view.names, view.low
    if flags[head_k]:
        first = last = head_k
        while first > 0 and (flags[first - 1] or low[first - 1] in TITLES or view.toks[first - 1].text == "." and first > 1 and low[first - 2] in TITLES):
            first -= 1
        if first == view.initial + 1 and first in pre and view.initial in pre and view.toks[view.initial].text[:1].isupper() and low[view.initial] not in _ARTICLES and low[view.initial] not in _HEADS_AND_TITLES and low[view.initial] not in TITLES:
            first = view.initial  # "Graham Lowe said", "Holmwood Outdoor Group cut": the sentence's first word opens the name
        k = head_k + 1
        while k + 1 < len(flags) and low[k] in NAME_JOINERS and (flags[k + 1] or low[k + 1] == "the" and k + 2 < len(flags) and flags[k + 2]):
            k += 1 if flags[k + 1] else 2
            while k < len(flags) and flags[k]:
                last = k
                k += 1
        return _strip_possessive(view.text(first, last + 1))
    if names_post and _bare(low[head_k]) in GENERIC_HEADS | ANONYMOUS_HEADS | ROLE_HEADS:
        return _strip_possessive(view.text(names_post[0], names_post[-1] + 1))
    k = pre[0]
    while k < head_k and low[k] in ("the", "a", "an"):
        k += 1
    return view.text(k, head_k + 1)


_ARTICLES: Final = frozenset(("the", "a", "an"))


def _strip_possessive(name: str) -> str:
    """A name without a trailing possessive ("Zelensky's" -> "Zelensky")."""
    for end in ("'s", "\u2019s"):
        if name.endswith(end):
            return name[: -len(end)]
    return name
