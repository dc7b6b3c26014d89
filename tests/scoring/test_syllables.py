"""Syllable counting: dictionary words, the fallback rule, numbers read aloud, acronyms, other languages."""

import random
import re

import pytest

from copydesk.scoring import syllables
from copydesk.scoring.number_words import SPELLERS
from copydesk.scoring.english_syllables import (
    EnglishSyllables,
    english_rule,
    integer_syllables,
    ngrams,
    number_syllables,
)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        # common words (the table) and dictionary words the rule gets wrong (exceptions)
        ("the", 1), ("people", 2), ("every", 3), ("fire", 2), ("business", 2), ("area", 3),
        ("Ukraine", 2), ("soldier", 2), ("captured", 2), ("hospitalized", 4), ("military", 4),
        # case does not matter for words
        ("Government", 3), ("GOVERNMENT", 3),
        # possessives: 's adds a syllable only after a sibilant
        ("boss's", 2), ("judge's", 2), ("Ukraine's", 2), ("soldiers'", 2),
        # contractions
        ("don't", 1), ("couldn't", 2), ("they're", 1),
        # hyphenated words and words with digits
        ("North-Korean", 4), ("well-known", 2), ("COVID-19", 4), ("27th", 4), ("1990s", 4),
        # a number with its unit or scale, read out: "four point five billion", "ten kilometers"
        ("4.5bn", 5), ("10km", 5), ("3pm", 3), ("2nd", 2), ("22nd", 4), ("3rd", 1), ("11th", 3),
        # letter-dot acronyms and vowelless capitals are spelled out; W is "double-u"
        ("U.S", 2), ("a.m", 2), ("FBI", 3), ("NYPD", 4), ("WHO", 1), ("WWF", 7),
        # acronyms with a vowel are read as words
        ("NATO", 2),
        # numbers read aloud (Flesch 1948)
        ("1918", 4), ("2024", 5), ("2005", 4), ("1905", 4), ("11,000", 5), ("3.5", 3),
        ("12/27/2024", 10), ("7:45", 5), ("0", 2), ("100", 3), ("007", 6),
    ],
)
def test_english_tokens(token, expected):
    assert syllables.count(token, "en") == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("make", 1),  # silent final e
        ("table", 2),  # consonant + le keeps its syllable
        ("makes", 1),  # silent -es
        ("boxes", 2), ("changes", 2), ("wishes", 2),  # -es after a sibilant is heard
        ("jumped", 1),  # silent -ed
        ("wanted", 2), ("ended", 2),  # -ed after t or d is heard
        ("yes", 1), ("young", 1),  # initial y before a vowel is a consonant
        ("rhythm", 1),  # y as a vowel
        ("the", 1), ("be", 1),  # one vowel group never drops below one
    ],
)
def test_english_rule(word, expected):
    assert english_rule(word) == expected


def test_fallback_corrects_the_rule_with_learned_ngrams():
    # The bare rule reads "-ia" as one group; the learned weights split it.
    assert english_rule("media") == 2
    assert syllables.ENGLISH.fallback("media") == 3


@pytest.mark.parametrize(
    "word",
    ["media", "okonkwo", "zelenskyy", "pyongyang", "reelection", "cooperate", "queueing", "anniversary", "a", "zz"],
)
def test_the_trie_adds_each_distinct_weighted_ngram_once(word):
    # the definition the weights were learned with: every distinct 2- to 5-gram of "^word$"
    weights = syllables.ENGLISH.weights
    expected = max(1, english_rule(word) + sum(weights.get(g, 0) for g in ngrams(word, (2, 3, 4, 5))))
    assert syllables.ENGLISH.fallback(word) == expected


def test_table_wins_over_the_fallback():
    counter = EnglishSyllables({"zzyzx": 7}, {})
    assert counter.token("Zzyzx") == 7
    assert EnglishSyllables({}, {}).token("Zzyzx") == 1


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("7", 2), ("11", 3), ("20", 2), ("77", 5), ("100", 3), ("101", 4), ("1000", 3),
        ("2000", 3), ("2010", 3), ("1984", 5), ("1066", 6), ("1100", 6), ("1000000", 3), ("123456", 14),
        ("0042", 6),  # a leading zero: digit by digit, "zero zero four two"
        ("9" * 16, 16),  # too long to read as one number: digit by digit
    ],
)
def test_integers_read_aloud(digits, expected):
    assert integer_syllables(digits) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("3.14", 4), ("2.5", 3), ("1,200", 6), ("10/27", 5)],
)
def test_number_tokens(token, expected):
    assert number_syllables(token) == expected


def _number_syllables_by_regex(token: str) -> int:
    """number_syllables as first written: the parts r"\\d+|\\." finds once the commas are gone."""
    total, after_point = 0, False
    for part in re.findall(r"\d+|\.", token.replace(",", "")):
        if part == ".":
            total, after_point = total + 1, True
        elif after_point:
            # decimals digit by digit; a single digit reads as the integer it is
            total, after_point = total + sum(integer_syllables(d) for d in part), False
        else:
            total += integer_syllables(part)
    return max(1, total)


def test_number_syllables_reads_the_parts_the_regex_found():
    # 3,000 random tokens of 1 to 8 characters over digits (ASCII and Arabic-Indic), comma,
    # point, slash and colon: the hand-written scan splits them as r"\d+|\." did
    alphabet = "07,./:\u0663"
    rng = random.Random(6)
    tokens = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for token in ["1,200", "3.14", "12/27/2024", "7:45", "1..2", ".5", "5.", ",", "1,.5", "\u0663.\u0661"] + tokens:
        assert number_syllables(token) == _number_syllables_by_regex(token), token


@pytest.mark.parametrize(
    ("token", "language", "expected"),
    [
        # Spanish: strong + weak vowels form one syllable, an accented weak vowel breaks it
        ("ciudad", "es", 2), ("país", "es", 2), ("constitución", "es", 4), ("aeropuerto", "es", 5),
        ("Uruguay", "es", 3), ("y", "es", 1),
        # Italian
        ("città", "it", 2), ("aiuola", "it", 3), ("governo", "it", 3), ("Italia", "it", 3),
        # German: ei, au, eu, ie are one syllable; ea is a hiatus
        ("Bundesregierung", "de", 5), ("Theater", "de", 3), ("Leute", "de", 2), ("Zeitung", "de", 2),
        # French: silent final e and es after a consonant, digraphs as one vowel
        ("liberté", "fr", 3), ("gouvernement", "fr", 4), ("table", "fr", 1), ("eau", "fr", 1),
        ("le", "fr", 1), ("aujourd'hui", "fr", 3),
        # Dutch: ij, ui, oe, ou as one vowel; the trema marks a hiatus
        ("regering", "nl", 3), ("België", "nl", 3), ("huis", "nl", 1), ("vrouwen", "nl", 2),
        ("guerra", "es", 2), ("oído", "es", 3), ("aún", "es", 2), ("huevo", "es", 2), ("Paraguay", "es", 3),
        ("aiuto", "it", 3), ("uomo", "it", 2), ("scuola", "it", 2), ("paese", "it", 3),
        ("Haus", "de", 1), ("Bäume", "de", 2), ("Feuer", "de", 2), ("schreiben", "de", 2),
        ("oiseau", "fr", 2), ("maison", "fr", 2), ("école", "fr", 2),
        ("ijs", "nl", 1), ("eeuw", "nl", 1), ("koeien", "nl", 2),
        # figures outside English, spelled out with the language's number words
        ("2024", "de", 7),  # zwei-tau-send-vier-und-zwan-zig
    ],
)
def test_other_languages(token, language, expected):
    assert syllables.count(token, language) == expected


# Probe words for the "u" of "qu" and "gu": silent (Spanish, French), a glide (German "qu"
# [kv], Italian "qu" [kw]) or sounded ("ü", French "uë"), each with its syllables as spoken.
QU_GU_PROBES = {
    "es": {"quien": 1, "quiero": 2, "alguien": 2, "queso": 2, "guerra": 2, "guitarra": 3, "seguir": 2, "que": 1,
           "aquí": 2, "quisiera": 3, "pingüino": 3, "vergüenza": 3, "averigüé": 4, "agua": 2, "guapo": 2,
           "antiguo": 3, "Guatemala": 4},
    "de": {"Quelle": 2, "bequem": 2, "Qualität": 3, "Quatsch": 1, "quer": 1, "Aquarium": 4, "Quote": 2,
           "Frequenz": 2, "Gurke": 2, "gut": 1},
    "fr": {"quoi": 1, "quelle": 1, "qui": 1, "question": 2, "quatre": 1, "quelque": 1, "équipe": 2, "guerre": 1,
           "guide": 1, "langue": 1, "aiguë": 2, "ambiguïté": 5, "Guillaume": 2},
    "it": {"quando": 2, "questo": 2, "qui": 1, "quei": 1, "acqua": 2, "guerra": 2, "guida": 2, "lingua": 2,
           "uguale": 3, "quattro": 2, "seguire": 3, "cinque": 2, "questione": 3},
}


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [(word, language, n) for language, words in QU_GU_PROBES.items() for word, n in words.items()],
)
def test_the_u_of_qu_and_gu(word, language, expected):
    assert syllables.count(word, language) == expected


def test_muting_keeps_the_word_s_length_and_leaves_a_sounded_u():
    spanish = syllables.RULES["es"]
    assert spanish.muted("alguien") == "alg'ien" and spanish.muted("agua") == "agua"
    assert spanish.muted("pingüino") == "pingüino"
    assert syllables.RULES["fr"].muted("aiguë") == "aiguë"


def test_very_long_words_use_the_rule_alone():
    from copydesk.scoring.english_syllables import FALLBACK_MAX_LETTERS

    long_word = "ba" * FALLBACK_MAX_LETTERS  # 100 letters, 50 vowel groups
    assert syllables.ENGLISH.fallback(long_word) == english_rule(long_word) == FALLBACK_MAX_LETTERS


def test_every_table_entry_is_at_least_one_syllable():
    assert min(syllables.ENGLISH.table.values()) >= 1
    assert all(w == w.lower() for w in syllables.ENGLISH.table)


@pytest.mark.parametrize("language", syllables.SUPPORTED)
def test_hostile_tokens_finish_and_count_at_least_one(language):
    assert syllables.count("a" * 100_000, language) >= 1
    assert syllables.count("b" * 100_000, language) >= 1
    assert syllables.count("9" * 100_000, language) >= 1
    assert syllables.count("x-" * 50_000 + "x", language) >= 1


@pytest.mark.parametrize(
    ("figure", "language", "words"),
    [
        ("2024", "es", "dos mil veinticuatro"),
        ("11.000", "es", "once mil"),  # a point before three digits groups thousands
        ("3,5", "es", "tres coma cinco"),  # a comma before fewer digits marks decimals
        ("1.000.000", "es", "un millón"),
        ("100", "es", "cien"), ("101", "es", "ciento uno"), ("550", "es", "quinientos cincuenta"),
        ("31", "es", "treinta y uno"),
        ("21", "it", "vent uno"), ("28", "it", "vent otto"), ("1000", "it", "mille"), ("3000", "it", "tre mila"),
        ("21", "de", "ein und zwanzig"), ("1984", "de", "neunzehn hundert vier und achtzig"),
        ("2024", "de", "zwei tausend vier und zwanzig"),
        ("1984", "nl", "negentien honderd vier en tachtig"),
        ("71", "fr", "soixante et onze"), ("81", "fr", "quatre-vingt un"), ("21", "fr", "vingt et un"),
        ("99", "fr", "quatre-vingt dix-neuf"), ("17", "fr", "dix-sept"),
        ("7:45", "it", "sette quaranta cinque"),
        ("0042", "de", "null null vier zwei"),  # a leading zero: digit by digit
    ],
)
def test_figures_are_spelled_in_the_language(figure, language, words):
    assert " ".join(SPELLERS[language].figure(figure)) == words

