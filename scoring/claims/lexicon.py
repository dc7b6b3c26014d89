"""The claims analysis's word lists, read once at import from scoring/data/claims_*.toml."""

from __future__ import annotations

from ..lexicons import load

_SOURCES = load("claims_sources")
_KINDS = load("claims_kinds")
_VAGUE = load("claims_vague")

# --- reporting verbs (claims_sources.toml [verbs]) ---
# Verbs of judging ("criticized the merger") credit like speech verbs: what follows is their subject's view.
SPEECH_VERBS = _SOURCES.terms("verbs.speech") | _SOURCES.terms("verbs.evaluation")
CLAUSAL_VERBS = _SOURCES.terms("verbs.clausal")
EVIDENTIAL_VERBS = _SOURCES.terms("verbs.evidential")
PASSIVE_PARTICIPLES = _SOURCES.terms("verbs.passive")
CHARACTERIZING_VERBS = _SOURCES.terms("verbs.characterizing")
FINDING_VERBS = _SOURCES.terms("verbs.finding")
REPORTING_VERBS = SPEECH_VERBS | CLAUSAL_VERBS | EVIDENTIAL_VERBS

# --- function words (claims_sources.toml [words]) ---
ACCORDING = _SOURCES.terms("words.according")
CITING = _SOURCES.terms("words.citing")
BE_FORMS = _SOURCES.terms("words.be")
AUXILIARIES = _SOURCES.terms("words.auxiliaries")
PRONOUNS = _SOURCES.terms("words.pronouns")
PERSON_PRONOUNS = _SOURCES.terms("words.person_pronouns")
DETERMINERS = _SOURCES.terms("words.determiners")
DEFINITE = _SOURCES.terms("words.definite")
QUANTIFIERS = _SOURCES.terms("words.quantifiers")
LEFT_STOPS = _SOURCES.terms("words.left_stops")
NAME_JOINERS = _SOURCES.terms("words.name_joiners")
POST_MODIFIERS = _SOURCES.terms("words.post_modifiers")
AFFILIATION = _SOURCES.terms("words.affiliation")
ANONYMITY = _SOURCES.terms("words.anonymity")
NOUN_FORMS = _SOURCES.terms("words.noun_forms")

# --- source heads (claims_sources.toml [heads]) ---
GENERIC_HEADS = _SOURCES.terms("heads.generic")
ANONYMOUS_HEADS = _SOURCES.terms("heads.anonymous")
INSTITUTIONAL_PEOPLE = _SOURCES.terms("heads.institutional_people")
ROLE_HEADS = _SOURCES.terms("heads.roles")
OFFICIAL_VOICE = _SOURCES.terms("heads.official_voice")
INSTITUTION_HEADS = _SOURCES.terms("heads.institutions")
DOCUMENT_HEADS = _SOURCES.terms("heads.documents")
INSTITUTION_MODIFIERS = _SOURCES.terms("heads.institution_modifiers")
ORG_SUFFIXES = _SOURCES.terms("heads.org_suffixes")
TITLES = _SOURCES.terms("heads.titles")
OUTLETS = _SOURCES.terms("heads.outlets")
JURISDICTIONS = _SOURCES.terms("heads.jurisdictions")
RESPONDENTS = _SOURCES.terms("heads.respondents")
SOURCE_HEADS = GENERIC_HEADS | ANONYMOUS_HEADS | ROLE_HEADS | INSTITUTION_HEADS | DOCUMENT_HEADS

# --- claim kinds (claims_kinds.toml) ---
SUPERLATIVES = _KINDS.terms("record.superlatives")
RECORD_WORDS = _KINDS.terms("record.words")
GUARDED_SUPERLATIVES = _KINDS.terms("record.guarded_superlatives")
SUPERLATIVE_GUARDS = _KINDS.terms("record.guards")
ORDINALS = _KINDS.terms("record.ordinals") | _KINDS.terms("record.rank_ordinals")
ORDINAL_VETOES = _KINDS.terms("record.ordinal_vetoes")
COMPARATIVES = _KINDS.terms("record.comparatives")
MOST_VETOES = _KINDS.terms("record.most_vetoes")
HISTORY = _KINDS.terms("record.history")
QUANTITY_WORDS = _KINDS.terms("quantity.words")
FRACTIONS = _KINDS.terms("quantity.fractions")
SPECULATION = _KINDS.terms("not_claim.speculation")
PREDICTION = _KINDS.terms("not_claim.prediction")
ANALYSIS_VERBS = _KINDS.terms("not_claim.analysis_verbs")
ANALYSIS_OBJECTS = _KINDS.terms("not_claim.analysis_objects")
EVALUATIVE = _KINDS.terms("not_claim.evaluative")
IMPERATIVES = _KINDS.terms("not_claim.imperatives")
LIKELIHOOD = _KINDS.terms("not_claim.likelihood")
OPINION_OPENERS = _KINDS.terms("not_claim.opinion_openers")
EVENT_VERBS = _KINDS.terms("event.verbs")
FEELING_VERBS = _KINDS.terms("not_claim.feeling_verbs")
IRREGULAR_PAST = _KINDS.terms("event.irregular_past")
STATES = _KINDS.terms("event.states")
# Common English words (the readability lists' familiar words): a lone capitalized one opening
# a sentence ("Time will tell", "History shows") is that word, not a name.
_EASY = load("easy_words_en").tables["lists"]
COMMON_WORDS = frozenset(_EASY["words"].split())
NOT_NAMES = _KINDS.terms("event.not_names")

# --- vague attribution (claims_vague.toml) ---
AGENTLESS_PARTICIPLES = _VAGUE.terms("passive.participles")
AS_LABELS = _VAGUE.terms("passive.as_labels")
JUDGED = _VAGUE.terms("passive.judged")
AS_LABELS_NEED_ADVERB = _VAGUE.terms("passive.as_labels_need_adverb")
TO_FRAME_VETOES = _VAGUE.terms("passive.to_frame_vetoes")
CONSENSUS_ADVERBS = _VAGUE.terms("passive.consensus")
HEDGE_ADVERBS = _VAGUE.terms("adverbs.hedges")
REPORT_NOUNS = _VAGUE.terms("phrases.report_nouns")
REPORT_OPENERS = _VAGUE.terms("phrases.report_openers")

SOURCES_META = (_SOURCES, _KINDS, _VAGUE)
