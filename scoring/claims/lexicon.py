"""The claims analysis's word lists, read once at import from scoring/data/claims_*.toml."""

from __future__ import annotations

from typing import Final

from ..lexicons import load

_SOURCES: Final = load("claims_sources")
_KINDS: Final = load("claims_kinds")
_VAGUE: Final = load("claims_vague")

# --- reporting verbs (claims_sources.toml [verbs]) ---
# Verbs of judging ("criticized the merger") credit like speech verbs: what follows is their subject's view.
SPEECH_VERBS: Final = _SOURCES.terms("verbs.speech") | _SOURCES.terms("verbs.evaluation")
CLAUSAL_VERBS: Final = _SOURCES.terms("verbs.clausal")
EVIDENTIAL_VERBS: Final = _SOURCES.terms("verbs.evidential")
PASSIVE_PARTICIPLES: Final = _SOURCES.terms("verbs.passive")
CHARACTERIZING_VERBS: Final = _SOURCES.terms("verbs.characterizing")
FINDING_VERBS: Final = _SOURCES.terms("verbs.finding")
GUIDANCE_VERBS: Final = _SOURCES.terms("verbs.guidance")
GUIDANCE_OBJECTS: Final = _SOURCES.terms("verbs.guidance_objects")
REPORTING_VERBS: Final = SPEECH_VERBS | CLAUSAL_VERBS | EVIDENTIAL_VERBS

# --- function words (claims_sources.toml [words]) ---
ACCORDING: Final = _SOURCES.terms("words.according")
CITING: Final = _SOURCES.terms("words.citing")
BE_FORMS: Final = _SOURCES.terms("words.be")
AUXILIARIES: Final = _SOURCES.terms("words.auxiliaries")
PRONOUNS: Final = _SOURCES.terms("words.pronouns")
PERSON_PRONOUNS: Final = _SOURCES.terms("words.person_pronouns")
DETERMINERS: Final = _SOURCES.terms("words.determiners")
DEFINITE: Final = _SOURCES.terms("words.definite")
QUANTIFIERS: Final = _SOURCES.terms("words.quantifiers")
LEFT_STOPS: Final = _SOURCES.terms("words.left_stops")
NAME_JOINERS: Final = _SOURCES.terms("words.name_joiners")
POST_MODIFIERS: Final = _SOURCES.terms("words.post_modifiers")
AFFILIATION: Final = _SOURCES.terms("words.affiliation")
ANONYMITY: Final = _SOURCES.terms("words.anonymity")
NOUN_FORMS: Final = _SOURCES.terms("words.noun_forms")

# --- source heads (claims_sources.toml [heads]) ---
GENERIC_HEADS: Final = _SOURCES.terms("heads.generic")
ANONYMOUS_HEADS: Final = _SOURCES.terms("heads.anonymous")
INSTITUTIONAL_PEOPLE: Final = _SOURCES.terms("heads.institutional_people")
ROLE_HEADS: Final = _SOURCES.terms("heads.roles")
OFFICIAL_VOICE: Final = _SOURCES.terms("heads.official_voice")
INSTITUTION_HEADS: Final = _SOURCES.terms("heads.institutions")
DOCUMENT_HEADS: Final = _SOURCES.terms("heads.documents")
INSTITUTION_MODIFIERS: Final = _SOURCES.terms("heads.institution_modifiers")
ORG_SUFFIXES: Final = _SOURCES.terms("heads.org_suffixes")
TITLES: Final = _SOURCES.terms("heads.titles")
OUTLETS: Final = _SOURCES.terms("heads.outlets")
JURISDICTIONS: Final = _SOURCES.terms("heads.jurisdictions")
RESPONDENTS: Final = _SOURCES.terms("heads.respondents")
ACTORS: Final = _SOURCES.terms("heads.actors")
LEVELS: Final = _SOURCES.terms("heads.levels")
SERVICES: Final = _SOURCES.terms("heads.services")
ACTOR_SPEECH: Final = _SOURCES.terms("heads.actor_speech")
# "commissioners" -> "commission": a body's members and the body (read-only, Final)
MEMBERS: Final[dict[str, str]] = dict(pair.split(":", 1) for pair in sorted(_SOURCES.terms("heads.members")))
SOURCE_HEADS: Final = GENERIC_HEADS | ANONYMOUS_HEADS | ROLE_HEADS | INSTITUTION_HEADS | DOCUMENT_HEADS

# --- claim kinds (claims_kinds.toml) ---
SUPERLATIVES: Final = _KINDS.terms("record.superlatives")
RECORD_WORDS: Final = _KINDS.terms("record.words")
GUARDED_SUPERLATIVES: Final = _KINDS.terms("record.guarded_superlatives")
SUPERLATIVE_GUARDS: Final = _KINDS.terms("record.guards")
ORDINALS: Final = _KINDS.terms("record.ordinals") | _KINDS.terms("record.rank_ordinals")
ORDINAL_VETOES: Final = _KINDS.terms("record.ordinal_vetoes")
COMPARATIVES: Final = _KINDS.terms("record.comparatives")
MOST_VETOES: Final = _KINDS.terms("record.most_vetoes")
HISTORY: Final = _KINDS.terms("record.history")
QUANTITY_WORDS: Final = _KINDS.terms("quantity.words")
FRACTIONS: Final = _KINDS.terms("quantity.fractions")
SPECULATION: Final = _KINDS.terms("not_claim.speculation")
PREDICTION: Final = _KINDS.terms("not_claim.prediction")
ANALYSIS_VERBS: Final = _KINDS.terms("not_claim.analysis_verbs")
ANALYSIS_OBJECTS: Final = _KINDS.terms("not_claim.analysis_objects")
EVALUATIVE: Final = _KINDS.terms("not_claim.evaluative")
IMPERATIVES: Final = _KINDS.terms("not_claim.imperatives")
APPEAL_VERBS: Final = _KINDS.terms("not_claim.appeal_verbs")
APPEAL_AUDIENCES: Final = _KINDS.terms("not_claim.appeal_audiences")
LIKELIHOOD: Final = _KINDS.terms("not_claim.likelihood")
OPINION_OPENERS: Final = _KINDS.terms("not_claim.opinion_openers")
BOILERPLATE: Final = _KINDS.terms("not_claim.boilerplate")
GENERIC_ADVERBS: Final = _KINDS.terms("not_claim.generic_adverbs")
GENERIC_MODALS: Final = _KINDS.terms("not_claim.generic_modals")
EVENT_VERBS: Final = _KINDS.terms("event.verbs")
EXHORTATIONS: Final = _KINDS.terms("not_claim.exhortations")
IRREGULAR_PAST: Final = _KINDS.terms("event.irregular_past")
STATES: Final = _KINDS.terms("event.states")
ACTOR_GROUPS: Final = _KINDS.terms("event.actor_groups")
PRESENT_STATES: Final = _KINDS.terms("event.present_states")
RESULTS_NOUNS: Final = _KINDS.terms("event.results_nouns")
# Common English words (the readability lists' familiar words): a lone capitalized one opening
# a sentence ("Time will tell", "History shows") is that word, not a name.
_EASY: Final = load("easy_words_en").tables["lists"]
COMMON_WORDS: Final = frozenset(_EASY["words"].split())
NOT_NAMES: Final = _KINDS.terms("event.not_names")

# --- vague attribution (claims_vague.toml) ---
AGENTLESS_PARTICIPLES: Final = _VAGUE.terms("passive.participles")
AS_LABELS: Final = _VAGUE.terms("passive.as_labels")
JUDGED: Final = _VAGUE.terms("passive.judged")
AS_LABELS_NEED_ADVERB: Final = _VAGUE.terms("passive.as_labels_need_adverb")
TO_FRAME_VETOES: Final = _VAGUE.terms("passive.to_frame_vetoes")
CONSENSUS_ADVERBS: Final = _VAGUE.terms("passive.consensus")
HEDGE_ADVERBS: Final = _VAGUE.terms("adverbs.hedges")
REPORT_NOUNS: Final = _VAGUE.terms("phrases.report_nouns")
REPORT_OPENERS: Final = _VAGUE.terms("phrases.report_openers")

SOURCES_META: Final = (_SOURCES, _KINDS, _VAGUE)
