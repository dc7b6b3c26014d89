"""Figures: every way of writing a quantity, its qualifier, what it counts, and what is only incidental."""

import math

import pytest

from copydesk import scoring
from copydesk.scoring import figures
from copydesk.scoring.figures import (
    META_FIRST_WORDS,
    NOUN_PHRASE_MAX,
    PHONE_MIN_DIGITS,
    TITLE_CASE_SHARE,
    VERB_BEFORE_GAP_MAX,
    VERB_GAP_MAX,
    YEAR_RANGE,
    find,
)
from copydesk.scoring.numbers import MAX_DIGITS, format_value, read_words, split_suffix
from copydesk.scoring.options import Options
from copydesk.scoring.text import build_document


def figs(text):
    return find(build_document(text))


def only(text):
    found = [f for f in figs(text) if not f.incidental]
    assert len(found) == 1, found
    return found[0]


# --- every way of writing the same value ----------------------------------------------------


@pytest.mark.parametrize(
    "text, value, measure, currency",
    [
        ("They sent 11,000 soldiers.", 11000, "count", None),
        ("They sent 11 000 soldiers.", 11000, "count", None),
        ("They sent 11k soldiers.", 11000, "count", None),
        ("They sent eleven thousand soldiers.", 11000, "count", None),
        ("It has 1.2 million residents.", 1_200_000, "count", None),
        ("It has 1,200,000 residents.", 1_200_000, "count", None),
        ("It has one million residents.", 1_000_000, "count", None),
        ("It has two million three hundred thousand residents.", 2_300_000, "count", None),
        ("It has one hundred and twenty residents.", 120, "count", None),
        ("It has twenty-five residents.", 25, "count", None),
        ("Prices rose 40%.", 40, "percent", None),
        ("Prices rose 40 percent.", 40, "percent", None),
        ("Prices rose forty per cent.", 40, "percent", None),
        ("Prices rose 3.5 pct.", 3.5, "percent", None),
        ("The deal is worth $4.5bn.", 4.5e9, "money", "dollars"),
        ("The deal is worth 4.5 billion dollars.", 4.5e9, "money", "dollars"),
        ("The deal is worth $4.5 billion.", 4.5e9, "money", "dollars"),
        ("The deal is worth US$4.5 billion.", 4.5e9, "money", "dollars"),
        ("The deal is worth £3m.", 3e6, "money", "pounds"),
        ("The deal is worth €20 million.", 2e7, "money", "euros"),
        ("The deal is worth $9,600,000.", 9.6e6, "money", "dollars"),
        ("It lost 412 million Norwegian crowns.", 4.12e8, "money", "crowns"),
        ("The flat cost 5 million Hong Kong dollars.", 5e6, "money", "dollars"),
        ("It raised CHF 20 million.", 2e7, "money", "francs"),
        ("Bail was set at $50,000.", 50000, "money", "dollars"),
        ("They tracked volunteers for 12 weeks.", 12, "duration", None),
        ("The trip takes six months.", 6, "duration", None),
        ("A dozen eggs broke.", 12, "count", None),
    ],
)
def test_value_however_written(text, value, measure, currency):
    fig = only(text)
    assert fig.value == pytest.approx(value)
    assert fig.measure == measure
    assert fig.currency == currency


@pytest.mark.parametrize(
    "text, written",
    [
        ("They sent 11,000 soldiers.", "11,000"),
        ("The deal is worth $4.5 billion.", "$4.5 billion"),
        ("Prices rose forty per cent.", "forty per cent"),
        ("They sent approximately 11,000 soldiers.", "11,000"),
    ],
)
def test_span_covers_the_quantity_and_its_unit_words_not_the_qualifier(text, written):
    fig = only(text)
    assert fig.text == written
    assert text[fig.start : fig.end] == written


@pytest.mark.parametrize(
    "qualifier",
    ["approximately", "about", "around", "roughly", "some", "nearly", "almost", "more than", "over",
     "at least", "fewer than", "up to", "an estimated", "as many as"],
)
def test_approximations_are_qualifiers_not_values(qualifier):
    fig = only(f"They sent {qualifier} 11,000 soldiers.")
    assert fig.value == 11000
    assert fig.qualifier == qualifier


def test_no_qualifier_when_none_is_written():
    assert only("They sent 11,000 soldiers.").qualifier is None


def test_every_qualifier_phrase_is_found_and_the_longest_one_wins():
    # the look-up by last word must find what a scan of all phrases, longest first, finds
    for phrase in figures.QUALIFIERS:
        for before in ("Officials said they sent", "They sent no", "It was"):
            words = [*before.lower().split(), *phrase]
            scanned = next(q for q in figures.QUALIFIERS if tuple(words[len(words) - len(q):]) == q)
            fig = only(f"{before} {' '.join(phrase)} 11,000 soldiers.")
            assert fig.qualifier == " ".join(scanned), (before, phrase)
    # a longer phrase that ends like a shorter one wins over it
    assert only("They sent no more than 11,000 soldiers.").qualifier == "no more than"
    assert only("They sent more than 11,000 soldiers.").qualifier == "more than"


# --- what a figure counts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, noun, verb",
    [
        ("Approximately 11,000 soldiers have been sent to Russia.", "soldier", "sent"),
        ("Around 11,000 troops have been dispatched.", "soldier", "sent"),
        ("Over 3,000 have already fallen in the region.", "", "killed"),
        ("More than 3,000 North Korean soldiers have been killed.", "soldier", "killed"),
        ("The company employs 3,000 employees.", "worker", "hired"),
        ("The campaign had raised $1.2 million.", "", "raised"),
        ("The firm will eliminate about 1,100 jobs.", "worker", "cut"),
        ("Officials said 40 shuttle buses would begin running.", "vehicle", "begin"),
        ("The ferries carried 2 million passengers.", "passenger", "carried"),
        ("About 8% of its workforce will go.", "worker", "go"),
        # an abbreviation before the noun modifies it; a participle before "at" is a verb, not the noun
        ("She confirmed the $649 U.S. price.", "price", "confirm"),
        ("The tablet is priced at $649.", "", ""),
        ("The house was valued at £400,000.", "", ""),
        ("The court set bail at $50,000.", "bail", ""),
        # a tally: its subject says what it counts, and a toll of an event takes that event's verb class
        ("By evening the death toll had climbed to 31.", "victim", "killed"),
        ("The number of cases reached 40.", "patient", ""),
        # a level with "stood at" or "was" (LEVEL_AT_VERBS, BE_FORMS), and a toll that names no
        # tally of its own counts the dead (DEATH_TOLL_HEAD)
        ("Authorities said the death toll stood at 38.", "victim", "killed"),
        ("The death toll was 38 on Tuesday.", "victim", "killed"),
        ("The flood toll climbed to 38 overnight.", "victim", "killed"),
        ("The toll rose to 38.", "victim", "killed"),
        ("The injury toll stood at 12.", "injury", "wounded"),
        # not a tally: a price at a level says nothing of what it counts
        ("The price was 40.", "", ""),
        ("The tally of votes stood at 400.", "", ""),
    ],
)
def test_referent_from_noun_and_verb(text, noun, verb):
    fig = only(text)
    assert fig.noun == noun
    assert fig.verb == verb


def test_killed_and_employees_have_different_referents():
    killed, employees = only("Some 3,000 were killed."), only("It has 3,000 employees.")
    assert killed.referent != employees.referent
    assert killed.noun == "" and killed.verb == "killed"
    assert employees.noun == "worker" and employees.verb == ""


def test_partitive_part_and_the_whole_it_is_taken_from():
    part, whole = figs("Inspectors found corrosion on 38 of the 112 steel supports.")
    assert (part.value, part.partitive, part.noun) == (38, True, "support")
    assert (whole.value, whole.reference) == (112, True)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Of the $4.2 million, about $1.5 million is a grant.", 4.2e6),
        ("The new boats carried 500,000 of the summer's 2 million passengers.", 2e6),
        ("The 11,000 soldiers were trained for weeks.", 11000),
        ("Those 11,000 soldiers include officers.", 11000),
        ("Only 19 out of 27 patients were vaccinated.", 27),
    ],
)
def test_a_whole_named_in_passing_is_a_reference(text, value):
    refs = [f for f in figs(text) if f.reference]
    assert [f.value for f in refs] == [value]


def test_noun_phrase_stops_after_noun_phrase_max_words():
    words = " ".join(["big"] * (NOUN_PHRASE_MAX + 2))
    fig = only(f"They built 40 {words} houses.")
    assert fig.noun == "big"  # cut short: the head noun lies beyond the window
    assert only(f"They built 40 {' '.join(['big'] * (NOUN_PHRASE_MAX - 1))} houses.").noun == "home"


def test_verb_is_found_across_verb_gap_max_auxiliaries_only():
    near = " ".join(["have", "been"][:VERB_GAP_MAX])
    assert only(f"Some 3,000 soldiers {near} killed.").verb == "killed"
    far = " ".join(["have", "also", "already", "reportedly", "been"][: VERB_GAP_MAX + 1])
    assert only(f"Some 3,000 soldiers {far} killed.").verb == ""


def test_verb_before_the_figure_within_verb_before_gap_max_determiners():
    near = " ".join(["all", "of"][:VERB_BEFORE_GAP_MAX])
    assert only(f"The campaign raised {near} $1.2 million.").verb == "raised"
    far = " ".join(["nearly", "all", "of"][-(VERB_BEFORE_GAP_MAX + 1) :])
    assert only(f"The campaign raised {far} $1.2 million.").verb == ""


# --- numbers that only identify or describe ----------------------------------------------


@pytest.mark.parametrize(
    "text, written, measure",
    [
        ("It happened on July 4 this year.", "4", "date"),
        ("It happened on Jan. 2 this year.", "2", "date"),
        ("It happened on 4 July this year.", "4 July", "date"),
        ("It was filed on 12/27/2024 in court.", "12/27/2024", "date"),
        ("Buses leave at 5 a.m. daily.", "5 a.m", "date"),
        ("Buses leave at 7:45 daily.", "7:45", "date"),
        ("The law passed in 2019 after a fight.", "2019", "year"),
        ("It peaked in the 1990s for sure.", "1990s", "year"),
        ("Call 555-0142 for details.", "555-0142", "other"),
        ("Call (212) 555-0100 for details.", "212) 555-0100", "other"),
        ("He had COVID-19 last winter.", "COVID-19", "other"),
        ("An F-35 flew over.", "F-35", "other"),
        ("Leaders met at the G7 summit.", "G7", "other"),
        ("A 34-year-old man was held.", "34-year-old", "age"),
        ("Karen Smith, 52, of Ashford was held.", "52", "age"),
        ("She was aged 47 at the time.", "47", "age"),
        ("They filled the 60,000-seat stadium.", "60,000-seat", "count"),
        ("Voters approved Measure 14 easily.", "14", "other"),
        ("The case, No. 25, is open.", "25", "other"),
        ("She finished 12th overall.", "12th", "other"),
    ],
)
def test_incidental_numbers(text, written, measure):
    found = [f for f in figs(text) if f.text == written]
    assert len(found) == 1, figs(text)
    assert found[0].incidental
    assert found[0].measure == measure


@pytest.mark.parametrize(
    "text, written",
    [
        ("Edda Lind, potter, dies at 87", "87"),
        ("The designer has died aged 91, his family said.", "91"),
        ("The singer was found dead at 27 in a hotel.", "27"),
        ("He died aged 87 in 2001.", "87"),  # "87 in 2001" is no ratio: a year is not "1 in 2,000"
    ],
)
def test_an_age_at_death_is_a_figure(text, written):
    (fig,) = [f for f in figs(text) if f.text == written]
    assert (fig.measure, fig.incidental, fig.referent) == ("age", False, "age at death")


def test_a_year_after_in_is_no_ratio_but_a_number_with_separators_is():
    assert [(f.measure, f.text) for f in figs("It fell to 2.5 in 2015.")] == [("count", "2.5"), ("year", "2015")]
    assert only("One in 2,000 adults is affected.").measure == "rate"


@pytest.mark.parametrize(
    "text, written, subject",
    [
        ("The county's vaccination rate for kindergartners has fallen to 88 percent.", "88 percent", "county vaccination rate kindergartner"),
        # a plural, a participle and a preposition: what follows says which ones
        ("The number of families renting from a council landlord rose by 12%.", "12%", "family"),
        # "up" after a comma: the main clause's subject, up to its verb, past the figure in it
        ("Average council rent reached £610 a month, up 12% on 2016.", "12%", "average council rent"),
        ("Exports were up 7% on the month.", "7%", "export"),
    ],
)
def test_what_a_change_is_said_of(text, written, subject):
    (fig,) = [f for f in figs(text) if f.text == written]
    assert fig.verb == ("fell" if "fallen" in text else "rose")
    assert sorted(fig.subject.split()) == sorted(subject.split())


@pytest.mark.parametrize(
    "text, written, value, upper",
    [
        ("Arlton beat Crewe 3-1 on Saturday.", "3-1", 3, 1),
        ("The board voted 5-2 to close it.", "5-2", 5, 2),
        ("The game ended 2-2.", "2-2", 2, 2),
        ("Arlton United 2 Crewe Vale 1: late winner", "2 Crewe Vale 1", 2, 1),
        ("Denby 0 Marsh Town 2", "0 Marsh Town 2", 2, 0),  # the higher side first
    ],
)
def test_a_score_or_a_vote_is_a_figure(text, written, value, upper):
    (fig,) = [f for f in figs(text) if f.text == written]
    assert (fig.measure, fig.value, fig.upper, fig.incidental) == ("score", value, upper, False)


@pytest.mark.parametrize("text", ["Case 2025-0417 was filed.", "Call 555-0142 now.", "Take Route 9 to Pier 4 today."])
def test_codes_and_names_with_numbers_are_no_score(text):
    assert all(f.measure != "score" for f in figs(text))


def test_list_numbers_in_headings_are_incidental():
    doc = build_document("Title Of The Piece\n\n1. The crowds were huge\n\nPeople came.")
    (fig,) = find(doc)
    assert fig.incidental and fig.measure == "other"


@pytest.mark.parametrize(
    "line",
    ["Published: 12/27/2024", "Updated: Jan. 2, 2025, 7:45 a.m.", "By Ann Lee, 3 Desk", "3 minute read"],
)
def test_publication_lines_give_no_figures(line):
    doc = build_document(f"Harbor Line Closes\n{line}\n\nThe line closed for 3 weeks.")
    assert [f.text for f in find(doc)] == ["3 weeks"]
    assert line.split()[0].rstrip(":").lower() in META_FIRST_WORDS | {"3"}


@pytest.mark.parametrize(
    "text, measure",
    [
        (f"It began in {YEAR_RANGE[0]} and grew.", "year"),
        (f"It began in {YEAR_RANGE[1]} and grew.", "year"),
        (f"It counted {YEAR_RANGE[1] + 1} votes.", "count"),
        ("It counted 2,000 votes.", "count"),
        ("It cost $2019 in fees.", "money"),
        ("Turnout rose 2019 percent.", "percent"),
        ("It grew in 1990-2000 fast.", "year"),  # eight digits, but two years: not a phone number
    ],
)
def test_year_range_catches_years_and_lets_counts_pass(text, measure):
    (fig,) = figs(text)
    assert fig.measure == measure


@pytest.mark.parametrize(
    "written, phone",
    [
        ("555-0142", True),  # seven digits: a phone number
        ("212-555-0100", True),
        ("10-12", False),  # a range
        ("123-456", False),  # six digits: a range
    ],
)
def test_phone_min_digits(written, phone):
    (fig,) = figs(f"Call {written} people.")
    digits = sum(c.isdigit() for c in written)
    assert (digits >= PHONE_MIN_DIGITS) == phone
    assert (fig.measure == "other" and fig.incidental) == phone
    assert (fig.upper is not None) == (not phone)


# --- ranges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, low, high, measure",
    [
        ("It took 10 to 12 people.", 10, 12, "count"),
        ("It took 10-12 people.", 10, 12, "count"),
        ("It took between 10 and 12 people.", 10, 12, "count"),
        ("It cost $5 million to $6 million.", 5e6, 6e6, "money"),
        ("It cost 5 to 6 million dollars.", 5e6, 6e6, "money"),
        ("Rates were 3 to 4 percent.", 3, 4, "percent"),
    ],
)
def test_ranges_keep_both_ends(text, low, high, measure):
    (fig,) = figs(text)
    assert (fig.value, fig.upper, fig.measure) == (pytest.approx(low), pytest.approx(high), measure)


def test_from_to_is_a_change_not_a_range():
    found = figs("It rose from 10 to 12 people.")
    assert [f.value for f in found] == [10, 12]
    assert all(f.upper is None for f in found)


# --- number words and values ---------------------------------------------------------------


@pytest.mark.parametrize(
    "words, value",
    [("eleven thousand", 11000), ("a dozen", 12), ("one million", 1e6), ("forty", 40), ("one", None), ("a", None)],
)
def test_read_words(words, value):
    found = read_words(words.split(), 0)
    assert (found[1] if found else None) == value


@pytest.mark.parametrize("value, text", [(11000.0, "11000"), (4.5e9, "4500000000"), (17.4, "17.4"), (0.25, "0.25")])
def test_format_value_has_no_separators(value, text):
    assert format_value(value) == text


def test_canonical_string_is_value_unit_and_referent():
    fig = only("Approximately 11,000 soldiers have been sent to Russia.")
    assert fig.canonical == "11000 soldiers sent"
    assert only("Prices rose 40 percent.").canonical.startswith("40 percent")


# --- hostile input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["." * 1_000_000, "9" * 100_000, "1." * 100_000, "1," * 100_000 + "1 soldiers", "a" * 100_000 + "1"],
)
def test_hostile_input_completes(text):
    found = figs(text)
    assert all(f.end - f.start <= len(text) for f in found)
    assert all(len(format_value(f.value)) < 40 for f in found)


def test_digit_strings_longer_than_max_digits_are_codes():
    (fig,) = figs("Ref " + "7" * (MAX_DIGITS + 10) + " people.")
    assert fig.measure == "other"
    (fig,) = figs("It has " + "7" * 6 + " people.")
    assert fig.measure == "count"


# Issue 22, finding 8: values past the range of a float raised OverflowError (a 500).
HUGE = [
    "The council said 1" + " 000" * 103 + " people came.",  # digit groups joined past MAX_DIGITS
    "They counted one" + " hundred" * 200 + " people.",  # "hundred" multiplies each time
    "Between 5 and 1" + " 000" * 103 + " people came.",  # the top of a range
    "The man was aged 1" + " 000" * 103 + ".",  # an age
    "From 1 to one" + " hundred" * 200 + " people.",
    "It cost $1" + " 000" * 103 + ".",
]


@pytest.mark.parametrize("text", HUGE)
def test_values_past_float_range_are_codes_not_errors(text):
    found = figs(text)
    assert found
    for f in found:
        assert math.isfinite(f.value) and (f.upper is None or math.isfinite(f.upper))
    assert any(f.measure == "other" and f.incidental and f.value == 0 for f in found)


@pytest.mark.parametrize("text", HUGE)
@pytest.mark.parametrize("format", ["text", "html", "markdown"])
def test_values_past_float_range_give_a_report(text, format):
    report = scoring.analyze(text, format=format, options=Options(language="en"))
    assert report.repetition.figures == ()


def test_digit_groups_past_max_digits_are_a_code():
    groups = MAX_DIGITS // 3 + 1  # one group of 1 and then enough groups of three to pass MAX_DIGITS
    (fig,) = figs("It was 1" + " 000" * groups + " people.")
    assert (fig.measure, fig.incidental) == ("other", True)
    (fig,) = figs("It was 1" + " 000" * (groups - 1) + " people.")  # within MAX_DIGITS: a count
    assert (fig.measure, fig.value) == ("count", 10.0 ** (3 * (groups - 1)))


def test_figures_are_in_document_order_with_unit_indexes():
    doc = build_document("Title 40 Here\n\nThey sent 11,000 soldiers. Then 3,000 died.")
    found = find(doc)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for f in found:
        unit = doc.units[f.unit]
        assert unit.start <= f.start < f.end <= unit.end


def test_figures_module_has_no_flask():
    assert "flask" not in figures.__dict__


@pytest.mark.parametrize(
    "word, base",
    [
        ("killed", "kill"), ("died", "die"), ("carried", "carry"), ("raised", "raise"), ("employs", "employ"),
        ("raises", "raise"), ("dispatched", "dispatch"), ("fallen", "fall"), ("sent", "send"), ("boarding", "board"),
        ("buses", "buses"),  # an unknown -s form stays whole: most are nouns
        ("red", "red"), ("ring", "ring"),  # too short to carry an inflection
    ],
)
def test_stem(word, base):
    assert figures.stem(word) == base


@pytest.mark.parametrize(
    "word, measure, key",
    [("fallen", "count", "killed"), ("fallen", "percent", "fell"), ("dispatched", "count", "sent"), ("grew", "money", "rose")],
)
def test_verb_classes_depend_on_what_is_measured(word, measure, key):
    assert figures.verb_key(word, measure) == key


def test_that_as_a_conjunction_does_not_make_a_reference():
    (fig,) = figs("Reports say that 3,000 soldiers died.")
    assert not fig.reference


@pytest.mark.parametrize(
    "text, incidental",
    [
        ("Storm Leaves 120,000 Without Power Across the Region\n\nIt was bad.", False),  # title case: a count
        ("Voters back Measure 14 in the city\n\nIt was close.", True),  # sentence case: a name with a number
    ],
)
def test_title_case_share_in_headings(text, incidental):
    (fig,) = [f for f in figs(text) if f.unit == 0]
    assert fig.incidental == incidental
    words = [w for w in text.split("\n")[0].split() if len(w) > 3]
    assert (sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)) != incidental


@pytest.mark.parametrize(
    "text, value, measure, noun",
    [
        ("About 1 in 5 adults smoke.", 0.2, "rate", "adult"),
        ("One in three voters agreed.", 1 / 3, "rate", "voter"),
        ("Two-thirds of residents agreed.", 2 / 3, "rate", "resident"),
    ],
)
def test_shares_written_as_ratios_and_fractions(text, value, measure, noun):
    fig = only(text)
    assert (fig.value, fig.measure, fig.noun) == (pytest.approx(value, abs=1e-3), measure, noun)


@pytest.mark.parametrize(
    "text, value, incidental",
    [
        ("Some 2.5m people voted.", 2.5e6, False),  # a decimal: millions
        ("Some 5m residents voted.", 5e6, False),  # counts a plural noun: millions
        ("It raised £5m for the club.", 5e6, False),  # money: millions
        ("She ran the 100m sprint.", 100, True),  # a distance in a name
    ],
)
def test_bare_m_is_millions_only_where_it_counts_something(text, value, incidental):
    (fig,) = figs(text)
    assert (fig.value, fig.incidental) == (value, incidental)


def test_range_takes_the_unit_written_twice():
    fig = only("Between 40% and 45% of voters agreed.")
    assert (fig.text, fig.value, fig.upper, fig.noun) == ("40% and 45%", 40, 45, "voter")


@pytest.mark.parametrize(
    "text, split",
    [("4.5bn", ("4.5", "bn")), ("11k", ("11", "k")), ("1990s", ("1990", "s")), ("12th", ("12", "th")),
     ("3d", ("3", "d")), ("5abcde", None), ("k", None), ("1.2.3k", None), ("9" * 50_000 + "k", None)],
)
def test_split_suffix(text, split):
    assert split_suffix(text) == split


@pytest.mark.parametrize(
    "heading, meta",
    [
        ("First published: Jan. 2, 2025", True),
        ("Last updated 7:45 a.m.", True),
        ("First 100 Days Bring 40 New Laws", False),  # a headline that starts with "First"
        ("Last 3 Ferries Leave Harbor", False),
        ("NASA Plans 3 Launches", False),  # capitals, but no comma or agency after them
        ("HARLOW, Ore.", True),
        ("WASHINGTON (AP)", True),
    ],
)
def test_meta_lines_are_recognized_by_their_first_words(heading, meta):
    doc = build_document(f"{heading}\n\nThe story.")
    assert figures.is_meta_line(doc.units[0]) == meta
    found = [f for f in find(doc) if f.unit == 0]
    assert not found if meta else found


@pytest.mark.parametrize(
    "text",
    ["Room 12\u00b3 was closed.", "\u00b30 The council met.", "It rose 5\u00b2%.", "About 1,000\u00b3 people came.",
     "The \u0663\u0664 soldiers left.", "Item \u2460 sold 3,000 units.", "It cost \u00bd million."],
)
def test_digits_that_are_not_decimal_never_break_the_reader(text):
    # superscripts and circled numbers pass str.isdigit() but float() refuses them (found by bench/fuzz.py)
    doc = build_document(text)
    for figure in find(doc):
        assert figure.value == figure.value  # a real number, not NaN


@pytest.mark.parametrize(
    "text, value, currency",
    [
        # South Asian copy: "Rs" and "INR" are rupees; a crore is 10^7, a lakh 10^5
        ("Profit rose to Rs 412 crore.", 4.12e9, "rupees"),
        ("He was paid INR 5 lakh in cash.", 5e5, "rupees"),
        ("Turnover reached Rs 3,870 cr last year.", 3.87e10, "rupees"),
        ("Each family got 2 lakh rupees.", 2e5, "rupees"),
        # a scale word in a modifier is an amount, not a description
        ("It will build a Rs 600-crore plant.", 6e9, "rupees"),
        ("It won a $5-million grant.", 5e6, "dollars"),
    ],
)
def test_rupees_crore_and_lakh(text, value, currency):
    f = only(text)
    assert (f.value, f.measure, f.currency) == (pytest.approx(value), "money", currency)


def test_a_change_and_the_level_it_reached_are_two_figures():
    found = [f for f in figs("Profit jumped 38% to Rs 412 crore in the quarter.") if not f.incidental]
    assert [(f.value, f.measure, f.upper) for f in found] == [(38.0, "percent", None), (pytest.approx(4.12e9), "money", None)]
    assert found[0].level == pytest.approx(4.12e9)


@pytest.mark.parametrize(
    "text, currency",
    [
        ("The university cut grants by A$14m.", "australian dollars"),
        ("The deal is worth NZ$5 million.", "new zealand dollars"),
        ("Shares raised HK$2 billion.", "hong kong dollars"),
        ("It paid US$4 million.", "dollars"),
        ("It paid $4 million.", "dollars"),
        # a lower-case word before a spaced "$" is no prefix
        ("It paid a $4 million fine.", "dollars"),
    ],
)
def test_letters_against_the_dollar_sign_say_whose_dollars(text, currency):
    assert only(text).currency == currency


@pytest.mark.parametrize(
    "text, noun",
    [
        # "twice" counts what the verb says happened, past a particle
        ("Drivers will walk out twice next week.", "strike"),
        ("The committee met twice in March.", "meeting"),
        ("Okafor scored twice.", "goal"),
    ],
)
def test_twice_counts_the_events_of_its_verb(text, noun):
    f = only(text)
    assert (f.value, f.measure, f.noun) == (2.0, "count", noun)


@pytest.mark.parametrize(
    "text",
    ["Twice as many people voted.", "Take the pill twice a day.", "The new hall is twice the size of the old one."],
)
def test_twice_in_a_comparison_or_a_rate_is_no_count(text):
    assert [f for f in figs(text) if not f.incidental] == []


def test_a_capitalized_round_or_stage_names_a_number_a_lower_case_verb_does_not():
    assert [f.incidental for f in figs("Stage 14 starts in Nice.")] == [True]
    f = only("Drivers will stage two strikes next week.")
    assert (f.value, f.noun) == (2.0, "strike")


def test_the_level_a_change_reached_is_read_across_level_gap_max_words_only():
    from copydesk.scoring.figures import LEVEL_GAP_MAX

    near = " ".join(["quiet"] * LEVEL_GAP_MAX)
    far = " ".join(["quiet"] * (LEVEL_GAP_MAX + 1))
    reached = [f.level for f in figs(f"Sales rose 11% {near} to $4.5 billion.") if f.measure == "percent"]
    assert reached == [pytest.approx(4.5e9)]
    assert [f.level for f in figs(f"Sales rose 11% {far} to $4.5 billion.") if f.measure == "percent"] == [None]
    # a number or a comma in between ends the search: "rose 11%, to ..." and "11% in 2024 to ..."
    assert [f.level for f in figs("Sales rose 11% in 2024 to $4.5 billion.") if f.measure == "percent"] == [None]


# --- "She was 81.": an age as a sentence of its own (BARE_AGE_PRONOUNS, BARE_AGE_VERBS) ---------


def test_a_pronoun_was_and_a_number_alone_state_an_age():
    assert {"she", "he"} <= figures.BARE_AGE_PRONOUNS and "was" in figures.BARE_AGE_VERBS
    fig = only("She was 81.")
    assert (fig.measure, fig.value, fig.incidental) == ("age", 81, False)


@pytest.mark.parametrize("text", ["He was 81 when he died.", "It was 81.", "The total was 81.", "She was 81 on Tuesday."])
def test_a_number_after_was_with_more_to_the_sentence_is_no_bare_age(text):
    assert all(f.measure != "age" for f in figs(text))


def test_a_bare_age_repeats_the_headline_age_at_death():
    from copydesk.scoring.repetition import analyze as repetition

    doc = build_document("Radio host Peggy Ashdown dies at 81\n\nPeggy Ashdown, who presented the breakfast show, has died. She was 81.")
    groups = repetition(doc, find(doc)).figures
    assert [sorted({m.unit for m in g.mentions}) for g in groups] == [[0, 2]]


# --- runs counted by an ordinal ([streaks] in figures_referents.toml) --------------------------


@pytest.mark.parametrize(
    "text, value, noun",
    [
        ("Prices rose for the third month in a row.", 3, "month"),
        ("October was the 20th consecutive month in which the trust missed the target.", 20, "month"),
        ("It was their fifth straight season without a title.", 5, "season"),
        ("He won for the second year running.", 2, "year"),
    ],
)
def test_an_ordinal_run_is_a_count_of_its_noun(text, value, noun):
    fig = only(text)
    assert (fig.value, fig.measure, fig.noun, fig.incidental) == (value, "count", noun, False)


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell in the third quarter.",  # a period, not a run: no marker
        "The 12th century church was rebuilt.",
        "She finished third in the final.",
        "It was the first month in a row.",  # "first" is a rank (a record claim), never a run
    ],
)
def test_an_ordinal_without_a_run_is_no_count(text):
    assert all(f.measure != "count" or f.incidental for f in figs(text))


def test_a_run_in_the_headline_repeats_in_the_body():
    from copydesk.scoring.repetition import analyze as repetition

    doc = build_document(
        "Hospital misses target for 20th month in a row\n\n"
        "October was the 20th consecutive month in which the trust missed the four-hour target."
    )
    groups = repetition(doc, find(doc)).figures
    assert [sorted({m.unit for m in g.mentions}) for g in groups] == [[0, 1]]


# --- pence after the number (PENCE_SUFFIX, PENCE_MAX) and a change to a level (CHANGE_LEVEL_RATIO) --


@pytest.mark.parametrize(
    "text, value",
    [("The company held its interim dividend at 4.2p a share.", 4.2), ("The dividend was 4.2 pence.", 4.2), ("It closed at 245p.", 245)],
)
def test_pence_are_money(text, value):
    fig = only(text)
    assert (fig.value, fig.measure, fig.currency) == (value, "money", "pence")


def test_a_number_with_p_beyond_pence_max_is_a_name():
    assert figures.PENCE_MAX == 1000
    assert [(f.measure, f.incidental) for f in figs("It has a 1080p screen.")] == [("other", True)]


@pytest.mark.parametrize("text", ["Shares rose 3p to 245p.", "Shares fell $12 to $198 on Monday."])
def test_a_change_and_the_level_it_reached_are_two_figures(text):
    change, level = figs(text)
    assert change.upper is None and change.verb in ("rose", "fell")
    assert level.value >= change.value * figures.CHANGE_LEVEL_RATIO


def test_a_range_after_a_verb_of_change_stays_a_range():
    fig = only("Prices rose 3 to 5 percent.")
    assert (fig.value, fig.upper) == (3, 5)


# --- an extent: "a six-mile stretch" (EXTENT_NOUNS) ----------------------------------------


def test_a_length_of_an_extent_noun_is_a_figure_about_whatever_it_stretches_along():
    fig = [f for f in figs("Fish died along a six-mile stretch of the River Teale.") if f.measure == "amount"][0]
    assert "stretch" in figures.EXTENT_NOUNS
    assert (fig.value, fig.incidental, fig.noun) == (6, False, figures.GENERIC)


@pytest.mark.parametrize("text", ["It makes a 4-nanometer chip.", "They walked a 12-mile route."])
def test_a_length_that_describes_stays_incidental(text):
    assert all(f.incidental for f in figs(text))


def test_a_stretch_repeats_the_same_length_of_river():
    from copydesk.scoring.repetition import analyze as repetition

    doc = build_document(
        "More than 2,000 fish died along a six-mile stretch of the River Teale.\n\n"
        "The failure sent sewage into the Teale, killing fish along six miles of river."
    )
    groups = repetition(doc, find(doc)).figures
    assert [sorted({m.unit for m in g.mentions}) for g in groups] == [[0, 1]]


# --- digits with a leading zero are a telephone number or a code --------------------------------


@pytest.mark.parametrize("text", ["Call Tess Garland on 01632 960418.", "Call 0800 123 456 now.", "The 007 film opened."])
def test_digits_with_a_leading_zero_are_no_quantity(text):
    assert all(f.incidental and f.measure == "other" for f in figs(text))


def test_a_decimal_below_one_is_a_quantity():
    assert only("Prices rose 0.5% in March.").value == 0.5


@pytest.mark.parametrize(
    "text, noun",
    [("The details of around 1.2 million Hallbrook & Pryce customers were stolen.", "customer"), ("It sold 40 Marks & Spencer stores.", "store")],
)
def test_a_name_joined_by_an_ampersand_runs_on_to_the_head_noun(text, noun):
    assert only(text).noun == noun
