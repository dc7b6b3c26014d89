"""Claims: kinds, statuses, sources, carry-over, options and offsets on short written-for-the-test texts."""

from __future__ import annotations

import pytest

from copydesk.scoring import figures
from copydesk.scoring.claims import analyze
from copydesk.scoring.options import Options
from copydesk.scoring.text import build_document


def run(text: str, **options):
    doc = build_document(text)
    return doc, analyze(doc, figures.find(doc), Options(**options))


def last_claim(text: str, **options):
    """The claim of the last sentence of `text`, or None."""
    doc, result = run(text, **options)
    last = doc.units[-1].index
    found = [c for c in result.items if c.unit == last]
    return found[0] if found else None


# (text, kind, status): the last sentence decides; earlier ones give it context.
STATUS_CASES = [
    # named sources, on either side of the verb, with appositives and titles
    ("The Dunmore school board cut 40 teaching posts, the district said on Monday.", "figure", "attributed"),
    ("Superintendent Carla Mendes, who took office in May, said 40 posts would go.", "figure", "attributed"),
    ("\"We had no other way to close the gap,\" said Carla Mendes, the district's superintendent.", "event", "attributed"),
    ("A Harlow Transit spokesman said the line would reopen on Friday.", "event", "attributed"),
    ("According to the Lakeport Health Department, 212 people fell ill after the festival.", "figure", "attributed"),
    ("The district's own audit shows a shortfall of $7 million.", "figure", "attributed"),
    ("The figure was confirmed by the Office for National Statistics on Tuesday.", "event", "attributed"),
    ("Hale County prosecutors alleged that Whitfield took $80,000 from the fund.", "figure", "attributed"),
    # vague and anonymous
    ("Experts say the bridge is the oldest of its kind in Ohio.", "record", "vague"),
    ("Research suggests that four in ten drivers in Ohio ignore the limit.", "figure", "vague"),
    ("Officials said 30 families had been moved out of the Eastgate towers.", "figure", "vague"),
    ("Two people briefed on the talks said Varnia had rejected the offer.", "event", "vague"),
    ("A senior official who asked not to be identified said the deal was off.", "event", "vague"),
    ("The mayor is said to have opposed the plan from the start in Harlow.", "event", "vague"),
    ("Smith is widely regarded as the finest goalkeeper Harlow United ever had.", "event", "vague"),
    ("Several Eastgate patients were allegedly turned away from the clinic.", "event", "vague"),
    ("An estimated 3,000 people attended the Harlow vigil.", "figure", "vague"),
    ("Amid reports that the Varnian army had crossed the border, markets fell 3%.", "figure", "vague"),
    ("Local media reported that the Harlow mill would close.", "event", "vague"),
    # unsourced
    ("The Harlow mill closed in March after 80 years in business.", "figure", "unsourced"),
    ("It was the wettest June in Lakeport since records began.", "record", "unsourced"),
    ("Okonkwo became the first woman to lead the Harlow council.", "record", "unsourced"),
    ("Whitcombe pleaded not guilty before Judge Marcia Ostrow on Friday.", "event", "unsourced"),
    # carry-over inside a paragraph
    ("Dr. Helen Vasquez, the authority's chief engineer, inspected the viaduct. She said 38 supports were corroded.", "figure", "attributed"),
    ("Police in Dunmore arrested two men on Sunday. They said both were charged with burglary.", "event", "attributed"),
    ("Two officials said the plan was approved. One of them said 40 jobs would move to Ohio.", "figure", "vague"),
    ("\"We started with 11 volunteers,\" Okonkwo said. \"Tonight we carried all 12 wards.\"", "figure", "attributed"),
    ("A Ledger poll found that 64% of riders rated the service as poor. Only 9% said trains ran on time.", "figure", "attributed"),
    # pitfalls from the research notes (section 8)
    ("According to plan, the Harlow road reopened on Monday.", "event", "unsourced"),
    ("That said, the Harlow council approved the plan on Monday.", "event", "unsourced"),
    ("Reuters reported that 40 people had been detained in Minsk.", "figure", "attributed"),
    ("The Wall Street Journal, citing people familiar with the matter, reported that Cobalt would cut 2,000 jobs.", "figure", "attributed"),
    ("Nine people were killed, according to local officials.", "figure", "vague"),
    ("State officials said 150 soldiers had been sent to Perry County.", "figure", "vague"),
    ("Pentagon officials said 40 aircraft took part in the exercise.", "figure", "attributed"),
    ("The mayor, who spoke on condition of anonymity, said 300 jobs would go.", "figure", "vague"),
    ("A Harlow police officer said Tuesday, speaking on condition of anonymity, that the suspect was 17.", "figure", "vague"),
    ("Prices rose 3.2% in May from a year earlier, the Bureau of Labor Statistics reported.", "figure", "attributed"),
    ("A recent study found that 30% of students skip breakfast.", "figure", "vague"),
    ("A 2023 study by researchers at Fairhaven University found that 30% of students skip breakfast.", "figure", "attributed"),
    ("Okonkwo said: \"We will build 500 homes this year.\n\n\"We will also fix 40 miles of road.\"", "figure", "attributed"),
    ("A police report obtained by the Courier says a witness saw a man near the Harlow mill.", "event", "attributed"),
    ("Parents interviewed outside Lincoln Elementary said they learned of the plan online.", "event", "vague"),
    ("Economists polled by Reuters had expected a rate of 2.3%.", "figure", "attributed"),
    ("Teachers say class sizes at the remaining Westfield schools will grow.", "event", "vague"),
    ("The Bank of Canada is widely expected to lower rates again.", "event", "vague"),
    ("A 2023 study in the journal Nature Climate Change found that storms intensify faster.", "event", "attributed"),
    ("Experts in Boston say storms in the Atlantic intensify faster.", "event", "vague"),
    ("Harlow Transit cut 12 routes. Its spokesman said 40 drivers would be retrained.", "figure", "attributed"),
    ("Okonkwo, for her part, remains optimistic. She said 40 new homes would be finished by June.", "figure", "attributed"),
    # the named source inside vague content does not credit the sentence
    ("Studies show that fewer than 25% of adults exercise as much as federal guidelines recommend.", "figure", "vague"),
]


# (text, status): newswire sourcing patterns, one sentence each.
STATUS_ONLY_CASES = [
    ("The ministry has said little about the incident in Minsk.", "attributed"),
    ("President Maria Lopez signed the bill into law on Friday.", "unsourced"),
    ("Lopez has said she will not seek a second term.", "attributed"),
    ("The bill, which passed 61-39, takes effect in January.", "unsourced"),
    ("According to sources, the deal collapsed over pricing in Geneva.", "vague"),
    ("Observers noted that turnout in Harlow was unusually low.", "vague"),
    ("Turnout in Harlow was 38%, the lowest in two decades, officials said.", "vague"),
    ("Turnout in Harlow was 38%, the lowest in two decades, county officials said.", "vague"),
    ("Turnout in Harlow was 38%, the lowest in two decades, Harlow County officials said.", "attributed"),
    ("A spokesman for Governor Amos declined to comment on the 38% figure.", "unsourced"),
    ("Data released Friday by the Labor Department showed employers added 150,000 jobs in May.", "attributed"),
    ("Employers added 150,000 jobs in May.", "unsourced"),
    ("The unemployment rate held at 4.1%, the department said.", "attributed"),
    ("Rescuers pulled 14 survivors from the rubble in Harlow, local television reported.", "vague"),
    ("Rescuers pulled 14 survivors from the rubble, Channel 4 News reported.", "attributed"),
    ("Three people were killed and 12 injured, the fire department said.", "attributed"),
    ("The cause of the Harlow fire is under investigation.", "unsourced"),
    ("Investigators believe the fire started in a kitchen on the third floor.", "attributed"),
    ("The suspect, identified by police as Mark Dale, 29, was arrested Sunday.", "attributed"),
    ("Dale was charged with two counts of murder, court records show.", "attributed"),
    ("Some lawmakers have questioned whether the $2 billion plan is affordable.", "vague"),
    ("Senator Ruth Cole questioned whether the $2 billion plan was affordable.", "attributed"),
    ("The plan would cost $2 billion over five years, according to the Congressional Budget Office.", "attributed"),
    ("The plan would cost $2 billion over five years.", "unsourced"),
    ("Harlow has the highest murder rate in the state.", "unsourced"),
    ("Harlow has the highest murder rate in the state, FBI data show.", "attributed"),
    ("Harlow is believed to have the highest murder rate in the state.", "vague"),
    ("Critics say Harlow has the highest murder rate in the state.", "vague"),
    ("Harlow reportedly has the highest murder rate in the state.", "vague"),
    ("Harlow's murder rate, by some estimates, is the highest in the state.", "vague"),
    ("The company, founded in 1998, makes parts for 40 carmakers.", "unsourced"),
    ("\"We expect to hire 500 people next year,\" the company said in a statement.", "attributed"),
    ("\"We expect to hire 500 people next year.\"", "unsourced"),
    ("The hospital treated 37 patients for smoke inhalation, a hospital spokeswoman said.", "attributed"),
    ("Nearly half of the 2,000 residents were evacuated, the sheriff's office said.", "attributed"),
    ("More than 200 flights were canceled at Harlow airport on Monday.", "unsourced"),
    ("Airlines canceled more than 200 flights at Harlow airport, according to FlightAware.", "attributed"),
]


@pytest.mark.parametrize(("text", "status"), STATUS_ONLY_CASES)
def test_status(text, status):
    claim = last_claim(text)
    assert claim is not None and claim.status == status, claim and claim.reason


@pytest.mark.parametrize(("text", "kind", "status"), STATUS_CASES)
def test_kind_and_status(text, kind, status):
    claim = last_claim(text)
    assert claim is not None, "no claim found"
    assert (claim.kind, claim.status) == (kind, status), claim.reason


NOT_CLAIMS = [
    "Who, exactly, is this stadium for?",
    "The council should find the courage to reopen the deal.",
    "This deployment showcases the growing alignment between Pyongyang and Moscow.",
    "These practices may hinder future assessments of the war in Ukraine.",
    "Expect the Lakeport ferries to be just as crowded next summer.",
    "The choice is not stadium vs. no stadium.",
    "Intelligence from Seoul will continue to play a pivotal role.",
    "\"Will Harlow ever recover?\" she asked.",
    # feature writing: names, but nothing reported as happening
    "In Harlow, the debate is far from over.",
    "Still, there are reasons for hope in Harlow.",
    "Nobody in Harlow knows that better than Okonkwo.",
    "On paper, the Harlow plan makes sense.",
    "But the Harlow plan faces a steep climb in the legislature.",
    "There is no easy fix for Harlow's budget.",
    "What Harlow needs now is patience.",
    "Time will tell whether the gamble pays off for Harlow.",
    "The mill was more than a workplace; it was the heart of Harlow.",
    "Like many cities, Harlow faces rising pension costs.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert last_claim(text) is None


def test_headings_are_never_claims():
    doc, result = run("Flood Kills 9 in Kentucky, the Deadliest Since 2022\n\nThe flood killed 9 people in Perry County.")
    assert doc.units[0].type == "heading"
    assert [c.unit for c in result.items] == [1]


def test_vague_words_inside_a_quotation_are_the_speaker_s():
    claim = last_claim("\"Experts say the dam is safe, but we saw 40 cracks,\" Mayor Lena Ortiz said.")
    assert claim.status == "attributed" and claim.source == "Lena Ortiz"


def test_anonymous_sources_can_count_as_attributed():
    text = "Two senior officials said 40 aircraft had been sent to the border."
    assert last_claim(text).status == "vague"
    claim = last_claim(text, anonymous_as_vague=False)
    assert claim.status == "attributed" and claim.source.startswith("Two senior officials")
    # generic sources stay vague whatever the option says
    assert last_claim("Experts say 40 aircraft had been sent to the border.", anonymous_as_vague=False).status == "vague"


def test_counts_and_named_sources():
    text = (
        "Harlow Transit cut 12 routes on Monday, the agency said. "
        "Dr. Helen Vasquez, its chief planner, said ridership fell 8% last year. "
        "She added that 300 drivers would be retrained.\n\n"
        "Reports indicate that 40 drivers have quit. Fares rose 10% in 2024. What comes next?"
    )
    _, result = run(text)
    assert (result.total, result.attributed, result.vague, result.unsourced) == (5, 3, 1, 1)
    assert result.unattributed == result.vague + result.unsourced == 2
    by_name = {s.name: s for s in result.sources}
    assert by_name["Helen Vasquez"].claims == 2 and by_name["Helen Vasquez"].units == (1, 2)
    assert sum(s.claims for s in result.sources) == result.attributed


@pytest.mark.parametrize(("text", "name"), [
    ("A spokesperson for the Ministry of Defence said 14 ships had been sent.", "Ministry of Defence"),
    ("The company's chief financial officer, Maria Lind, told analysts that margins fell to 12%.", "Maria Lind"),
    ("Data from the Harlow Transit Authority show ridership fell 9% in 2024.", "Harlow Transit Authority"),
    ("Prices rose 3.2% in May, the Bureau of Labor Statistics reported.", "Bureau of Labor Statistics"),
    ("Analysts at Carver & Lowe estimated that the cuts could save $140 million.", "Carver & Lowe"),
    ("Grace Okonkwo won by 9,000 votes. \"We did it,\" Okonkwo said of the 9,000-vote margin.", "Grace Okonkwo"),
])
def test_named_sources_go_by_their_own_name(text, name):
    assert last_claim(text).source == name


def test_offsets_point_at_the_cues_and_sources():
    text = "Shuttle buses will replace trains. Officials said 40 buses would run each weekday, according to the Tri-County Transit Authority."
    doc, result = run(text)
    for claim in result.items:
        for cue in claim.cues:
            assert doc.text[cue.start : cue.end] == cue.text
        if claim.source is not None:
            assert doc.text[claim.source_start : claim.source_end].endswith("Authority")
    claim = result.items[-1]
    assert claim.status == "attributed" and "attribution.according-to" in claim.rules


def test_reasons_say_what_to_fix():
    _, result = run("Estimates suggest that about 8% more drivers use the expressway. Riders filed 900 complaints.")
    vague_claim, unsourced_claim = result.items
    assert "Estimates suggest" in vague_claim.reason and "8%" in vague_claim.reason
    assert "900" in unsourced_claim.reason and "no source" in unsourced_claim.reason


@pytest.mark.parametrize("text", [
    "." * 20000,
    "said " * 5000,
    "according to " * 3000,
    "Officials, " * 4000 + "said 40 people died.",
    "x" * 100000 + " said 40 people died.",
    "\"" * 5001 + " he said",
    "It is said that " * 2000,
])
def test_hostile_input_is_analyzed(text):
    doc, result = run(text)
    assert result.total == len(result.items) and result.unattributed >= 0
