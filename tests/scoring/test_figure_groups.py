"""Figure grouping: linear (a bounded set of groups per figure), and right on real copy (must pair, must not pair, conflicts)."""

import pytest

from copydesk import scoring
from copydesk.scoring import figure_groups
from copydesk.scoring.charclass import COMPILED
from copydesk.scoring.figure_groups import GROUPS_PER_VALUE_MAX, REFERENCE_REACH, group_figures
from copydesk.scoring.figures import find
from copydesk.scoring.text import build_document


def groups_of(text):
    groups, _ = group_figures(find(build_document(text)))
    return [g for g in groups if len({m.unit for m in g.mentions}) > 1]


def _noun(i):
    return "".join("bcdfgklmnp"[int(d)] + "a" for d in str(i)) + "ts"  # a distinct invented plural per i


def between(others):
    """A figure, `others` other things with the same value, and the figure again."""
    middle = " ".join(f"The council said 1,000 {_noun(i)} came." for i in range(others))
    return f"The army sent 1,000 soldiers. {middle} The army sent 1,000 soldiers."


def test_a_figure_meets_up_to_groups_per_value_max_groups_of_its_value():
    (group,) = groups_of(between(GROUPS_PER_VALUE_MAX - 1))
    assert [m.unit for m in group.mentions] == [0, GROUPS_PER_VALUE_MAX]


def test_a_figure_past_groups_per_value_max_other_groups_is_not_compared():
    # what the bound lets pass: an article with more different things of one value than that
    assert groups_of(between(GROUPS_PER_VALUE_MAX)) == []


@pytest.mark.parametrize("text", ["1,000 1,000 1,000 1,000", "It was 7. It was 7. It was 7.", "1,000. 1,000. 1,000."])
def test_a_count_about_nothing_groups_with_nothing(text):
    assert groups_of(text) == []


@pytest.mark.skipif(COMPILED, reason="counts calls through a patched method, which a mypyc-compiled class does not take (the pure-Python run checks it)")
def test_comparisons_per_figure_are_bounded(monkeypatch):
    calls = []
    accepts = figure_groups._Group.accepts
    monkeypatch.setattr(figure_groups._Group, "accepts", lambda self, fig: calls.append(1) or accepts(self, fig))
    figures = find(build_document(" ".join(f"The council set aside $5 million for {_noun(i)}." for i in range(200))))
    group_figures(figures)
    assert len(figures) == 200
    assert GROUPS_PER_VALUE_MAX < len(calls) <= GROUPS_PER_VALUE_MAX * len(figures)
    calls.clear()
    group_figures(find(build_document("1,000 " * 500)))
    assert calls == []  # counts about nothing are compared with no group


# --- repeated figures on real copy (issue 19; spec/annotation.md, "Conventions for real copy") -------


def pairs(text):
    report = scoring.analyze(text)
    return {f.units for f in report.repetition.figures}


@pytest.mark.parametrize(
    "text",
    [
        # a number word referring back, with another noun for the same things
        "Eight aid groups joined the appeal on Monday. Donors can give to any of the eight charities online.",
        "Three schools will close in June. Parents at the three schools were told on Friday.",
        # headline figures against the body, however the headline words them
        "City Approves $1 Billion Budget\n\nThe council approved a budget of nearly $1 billion on Tuesday.",
        "Two Dead in Highway Crash\n\nTwo people were killed when a truck hit a car on the highway.",
        "Storm Leaves 120,000 Without Power\n\nAbout 120,000 homes lost power overnight, the utility said.",
        # the same length in other units
        "The strike could last two weeks, the union said. Members voted to stop work for fourteen days.",
        "Officers held him for 48 hours. After two days he was released without charge.",
        # a date tied to the event: "ago" and "the past"
        "The company went bankrupt three years ago. It has been in administration for the past three years.",
        # the same amount in a symbol and in words
        "Each dose holds 25mg of the drug. Raising it above 25 milligrams would be unsafe.",
        # "65 lives" is a plural noun, not a verb
        "The change would save 65 lives a year. Experts say around 65 lives a year could be saved.",
        # what a change is said of: the whole clause before the verb, not only the word next to it
        "The state's jobless rate for young men has risen to 12 percent. Youth unemployment in the state has climbed to twelve per cent.",
        # a bare amount joins the amount it repeats
        "It blamed a $640m fine for the loss. In June it agreed to pay $640m to end the dispute.",
        # "priced at" is a verb, not what the amount is; an abbreviation ("U.S.") modifies the noun after it
        "The tablet is priced at $649 in the United States. Reviewers called the $649 U.S. price steep.",
        # a tally's subject says what it counts: "the death toll" counts the killed
        "Floods Kill 31 in River Towns\n\nBy evening the death toll had climbed to 31, the agency said.",
        # what follows the counted people is about them, not what is counted: they pair with the cases
        "Outbreak Grows to 23 Cases\n\nThe number of people sickened by the disease in Harlow has climbed to 23, officials said.",
        "The number of cases reached 40 on Friday. Officials said 40 cases had been confirmed.",
        # an obituary's age at death, in the headline and the body
        "Edda Lind, potter who revived the glaze works, dies at 87\n\nEdda Lind has died aged 87, her family said.",
        # "the proportion" after a share of a whole in one sentence is a share of that whole
        "In Ashby, 24.5% of homes are owned outright, while in Lyle the proportion is 6.2%. Across Lyle, 6.2% of homes are owned outright.",
        # "up 6%" after a comma is a change of the main clause's subject
        "Median pay reached £31,000 last year, up 6% on 2019. Median pay rose 6% over the period.",
        "The number of flats built by the city rose 15% in 2024. Flat completions were up 15% on the year before.",
        # a result in the headline, written out, and in the body with a hyphen; the same result again with its names
        "Arlton United 2 Crewe Vale 1: late winner\n\nArlton United beat Crewe Vale 2-1 on Saturday.",
        "Denby 0 Marsh Town 2\n\nMarsh Town won 2-0 at Denby on Tuesday.",
        "Rovers beat Kelso 3-1 on Saturday. The 3-1 win over Kelso lifts Rovers to third.",
        # months and weekdays are not names that tell people apart
        "In April, she and four others were charged. In May, the four others denied the charges.",
    ],
)
def test_figures_that_must_pair(text):
    assert pairs(text), text


@pytest.mark.parametrize(
    "text",
    [
        # the same value about different things
        "Prices rose 2.9% in May. Wages rose 2.9% over the year.",
        "The fund owns 8% of the company. Its profit rose 8% last year.",  # a share is not a change
        "It made a $375m (£195m) profit last year. Savings will top $375m a year.",
        "He offered to invest £10m in Leeds United. The club will lose £10m this season.",
        "The minister promised to halve smoking in five years. Five years ago the party promised the same.",
        "He and three others were indicted. Jones won three gold medals in 2000.",
        # a currency conversion is not a second figure
        "It posted a $676m (£352m) loss. Rivals lost £352m between them.",
        "It posted a loss of 90 million Swedish crowns ($8.6 million). Rivals lost $8.6 million between them.",
        # a number that only describes
        "The phone uses a 4-nanometer chip. Its rival also uses a 4-nanometer process.",
        "They built a 60,000-seat stadium. The club's old 60,000-seat ground was sold.",
        # "could last two weeks" is a length, not "the last two weeks"
        "The strike could last two weeks. Over the last two weeks talks have failed.",
        # a death toll and the injured are different people
        "The death toll rose to 14 on Monday. Another 14 people were injured, the hospital said.",
        # two people who died at one age; an age in passing describes
        "Jon Reed died aged 87 in March. Her sister Ann Moss died aged 87 in 2001.",
        "A 34-year-old man was arrested. Police said the man, aged 34, was held overnight.",
        # "the proportion" of homes is not a share of pupils; households are not residents
        "In Ashby, 24.5% of homes are owned outright, while in Lyle the proportion is 6.2%. The survey found 6.2% of pupils walk to school.",
        "The estate holds 1,200 households. Some 1,200 residents have signed the petition.",
        # a rise in renting families is not a rise in rent
        "The number of families renting from a council landlord rose by 12% over the decade. Average council rent reached £610 a month, up 12% on 2016.",
        # two votes, two matches: the same score about different things
        "The council voted 5-2 to close the school. Later the board voted 5-2 to sell the land.",
        "Hale City beat Ormond 2-1 on Saturday. Rovers lost 2-1 to Dunford on Tuesday.",
        # an owner's things are not a reference back to another noun's figure
        "The yard will fit out three docks. The harbour's three tugboats will use them.",
        "The trust runs eight shelters. Its eight vans deliver meals at night.",
    ],
)
def test_figures_that_must_not_pair(text):
    assert pairs(text) == set(), text


@pytest.mark.parametrize("between, paired", [(REFERENCE_REACH - 1, True), (REFERENCE_REACH, False)])
def test_a_reference_points_back_at_most_reference_reach_units(between, paired):
    middle = " The deal was agreed late on Friday." * between
    text = f"Eight aid organizations sell on eBay.{middle} Buyers can choose among the eight charities online."
    assert bool(pairs(text)) == paired


def test_a_headline_pairs_with_the_body_but_its_words_join_no_other_body_figure():
    text = "Food Prices Up 4% in a Year\n\nThe cost of a weekly shop rose 4% over the year. Rail fares reached £90 a week, up 4% on last year."
    assert pairs(text) == {(0, 1)}


def test_a_headline_figure_that_disagrees_with_the_body_is_a_conflict():
    report = scoring.analyze("20 States Sue Over Water Rule\n\nTwenty-one states filed suit on Monday, the attorneys general said.")
    (conflict,) = report.repetition.conflicts
    assert conflict.values == ("20", "21")
    assert [m.unit for m in conflict.mentions] == [0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "20 States Sue Over Water Rule\n\nTwenty states filed suit on Monday. Another 21 states said they would wait.",
        "Ferry Carries 2 Million Passengers\n\nThe ferry carried 2 million passengers this summer.",
        # a subject given two values in one sentence names two things
        "The first index rose 79 points. The main index rose 76 points and the bank index rose 32 points.",
    ],
)
def test_no_conflict_where_the_figures_can_both_be_right(text):
    assert scoring.analyze(text).repetition.conflicts == ()


def test_twenty_one_is_a_number():
    (fig,) = [f for f in find(build_document("Twenty-one states and thirty-one cities filed suit.")) if f.value == 21]
    assert fig.noun == "state"


# --- round 3 of blind copy: general rules, each with its must-pair and must-not-pair ------


@pytest.mark.parametrize(
    "text",
    [
        # an adverb of place after a distance says where, not what the distance is
        "The ferry sank 12 miles offshore. Divers found the wreck 12 miles north of the island.",
        "The camp lies 40 km inland. It is 40 km away from the nearest town.",
        # "a crew of six" counts crew, as "its six crew" does
        "Its six crew abandoned the yacht. The yacht had a crew of six aboard when it capsized.",
        # a length before a record noun states how long since: it is a figure, not a description
        "Gold touched a five-week high on Monday. It was the metal's strongest level in five weeks.",
        # rupees in crore, headline and body; a change with the level it reached
        "Profit jumps 38% to Rs 412 crore\n\nThe firm reported a 38 per cent rise in net profit for the quarter to Rs 412 crore.",
        "Revenue rose 12% to $3 billion in 2024. Revenue rising 12% to $3 billion beat forecasts.",
        # "values" and "prices" rising or falling are one market price
        "Home prices fell 2.4% in March. Values dropped by 2.4% over the month, the index showed.",
        # a headline number word: "twice" counts the walkouts the body counts as strikes
        "Nurses to walk out twice in May\n\nNurses at the trust will stage two strikes in May, the union said.",
    ],
)
def test_round3_figures_that_must_pair(text):
    assert pairs(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a collective noun says what the count after it counts: a family is not divers
        "A family of five was rescued from the roof. Five divers searched the flooded street.",
        # a capitalized "North" is a name, not a direction: it does not end the noun phrase
        "More than 300 North Korean soldiers were captured. Some 300 engineers were killed in the blast.",
        # a number that only describes ("a two-year fixed loan") does not repeat a length the article states
        "Sales fell for the first time in more than two years. The rate on a two-year fixed loan rose to 5%.",
        "The union has not struck in four weeks. Staff want a four-week holiday.",
        # a number after "Round", "Phase", "Category" names the round, the phase, the storm: it counts nothing
        "Round 14 report: Dockers hold on at home\n\nThe Dockers have now won 14 games this season.",
        "Category 12 storms: the new scale\n\nThe service recorded 12 storms last winter.",
        # "Rs 412 crore" is an amount of money, not a count of 412 things
        "The firm made a profit of Rs 412 crore. It now employs 412 engineers.",
        # the same change reaching two levels is two changes (two periods, two divisions)
        "Net sales rose 11% in the quarter to $14.8 billion. In May, net sales rose 11% to $4.5 billion.",
        # a price and a wage are not one thing, whatever "values" joins
        "Values dropped by 2.4% in March. Wages fell 2.4% over the year.",
        # Australian dollars are not US dollars
        "The university cut A$14 million from grants. Its US partner lost $14 million.",
        # two goals are not two strikes
        "Okafor scored twice in the first half. Dockers staged two strikes in May.",
    ],
)
def test_round3_figures_that_must_not_pair(text):
    assert pairs(text) == set(), text


def test_a_change_is_held_against_the_levels_of_the_latest_level_mentions_max_mentions():
    from copydesk.scoring.figure_groups import LEVEL_MENTIONS_MAX

    # what the bound catches: the same change reaching another level than the group's latest mentions
    same = " ".join("Analysts noted sales rose 11% to $9 billion." for _ in range(LEVEL_MENTIONS_MAX))
    assert pairs(f"{same} In May, sales rose 11% to $4 billion.") == {tuple(range(LEVEL_MENTIONS_MAX))}


# --- a number named as known points back only to the same things or a kind of them ------------------


def test_a_known_number_of_a_kind_points_back():
    text = "Eight aid organizations sell on eBay. Buyers can choose among the eight charities online."
    assert (0, 1) in pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        # other things with the same small number, named as known: no reference to the crossings
        "The two countries agreed to reopen two crossings on Thursday. "
        "The communique, signed by the two foreign ministers, set a meeting for March 14.",
        "The two countries agreed to reopen two crossings on Thursday. "
        "Soldiers from the two sides exchanged fire in October.",
    ],
)
def test_a_known_number_of_other_things_does_not_point_back(text):
    assert not any(1 in units and 0 in units for units in pairs(text))
