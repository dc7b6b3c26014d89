"""Claims on real copy (issue 19): each class of spec "Conventions for real copy", on texts written for these tests.

Every case names the sentence that decides (by its index among the sentences) and what it must
be: "attributed", "vague", "unsourced", or None for no claim. Must-flag cases expect "vague" or
"unsourced"; must-pass cases expect "attributed" or None.
"""

from __future__ import annotations

import pytest

from copydesk.scoring import figures
from copydesk.scoring.claims import analyze
from copydesk.scoring.options import Options
from copydesk.scoring.text import build_document


def status_of(text: str, sentence: int = -1) -> str | None:
    """The status of the claim made by the `sentence`-th sentence of `text` (-1: the last), or None."""
    doc = build_document(text)
    result = analyze(doc, figures.find(doc), Options())
    unit = [u for u in doc.units if u.type == "sentence"][sentence].index
    found = [c.status for c in result.items if c.unit == unit]
    return found[0] if found else None


def check(text: str, sentence: int, want: str | None) -> None:
    """Assert the status, naming the sentence when it differs."""
    got = status_of(text, sentence)
    assert got == want, f"sentence {sentence} of {text!r}: {got} != {want}"


# --- quotations: run-on marks, quotes tagged at their end, quotes across paragraphs ---
QUOTES = [
    # a quotation whose closing mark is missing ends where the next one opens: the writer's next sentence is the writer's
    ('Mayor Ines Corr said: "We cut 40 posts this year. "We will hire again in May." '
     "The council voted 5-2 to approve the budget on Monday.", -1, "unsourced"),
    ('Mayor Ines Corr said: "We cut 40 posts this year. "We will hire 12 nurses in May."', -1, "attributed"),
    # a quotation of several sentences tagged at its end: both sentences are the speaker's
    ('"The pipes were laid in 1911. They failed on Sunday," said Ana Ruiz, the utility\'s chief engineer.', 0, "attributed"),
    ('"The pipes were laid in 1911. They failed on Sunday," said Ana Ruiz, the utility\'s chief engineer.', 1, "attributed"),
    # a paragraph that is only a quotation continues the speaker of the paragraph before
    ('Ruiz said: "The pipes were laid in 1911.\n\n"They failed on Sunday, and 300 homes lost water."', -1, "attributed"),
    # once the quotation closes, the writer's next sentence is not the speaker's
    ('"We lost 300 homes," Ruiz said. "It was the worst week of my career."\n\n'
     '"Nobody slept," she said. Ruiz joined the utility in 1998 after 12 years at a rival.', -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), QUOTES)
def test_quotations(text, sentence, want):
    check(text, sentence, want)


# quoted speech from an identifiable source is a claim, its feelings and assessments included; a call to act is not
QUOTED_SPEECH = [
    ('"So far this has been a gentle season," Martin said.', -1, "attributed"),
    ('Katherine Okoro spoke outside the court. "I trust him, and the reason is simple: I have known him for twenty years," she said.', -1, "attributed"),
    ('"Harlow councillors need to weigh this very carefully," Mayor Ines Corr said.', -1, None),
    ('"We challenge him to take the same test," the Harlow United coach said.', -1, None),
]


@pytest.mark.parametrize(("text", "sentence", "want"), QUOTED_SPEECH)
def test_quoted_speech(text, sentence, want):
    check(text, sentence, want)


# --- pronoun and "the officials" back-references across paragraphs ---
BACK_REFERENCES = [
    # she points back to the person last named, however many paragraphs back
    ("Dr. Helen Vasquez inspected the Harlow viaduct in March.\n\nThe viaduct was built in 1931.\n\n"
     "She said 38 of its supports were corroded.", -1, "attributed"),
    ('The first woman to lead the Harlow fire service, Chief Ada Nwosu, took office on Friday.\n\n'
     '"We will rebuild the Eastgate station," she told the crowd of 200 firefighters and their families.', -1, "attributed"),
    # "the officials" speak for the organisation named before them; unnamed officials stay unnamed
    ("The Harlow Port Authority closed the pier on Monday.\n\nThe officials said 40 ships were turned away.", -1, "attributed"),
    ("Officials said 12 cases were confirmed on Monday.\n\nThe officials said 40 more people were being tested.", -1, "vague"),
    # bare "officials said" is identified by an organisation its paragraph names, else vague
    ("The Harlow Health Department confirmed 12 cases on Monday. Officials said 40 more people were being tested.", -1, "attributed"),
    ("The Harlow Health Department confirmed 12 cases on Monday.\n\nOfficials said 40 more people were being tested.", -1, "vague"),
    ("City health officials said 40 people fell ill after the Harlow fair.", -1, "attributed"),
    ("State officials said 150 soldiers had been sent to Perry County.", -1, "vague"),
    ("An embassy official said 40 staff had left Harlow.", -1, "vague"),
    # with nobody named at all, "he said" credits no one
    ("He said 38 of the supports were corroded.", -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), BACK_REFERENCES)
def test_back_references(text, sentence, want):
    check(text, sentence, want)


# --- sources written with an aside, a poll, kin, court papers and a body's members ---
SOURCES = [
    ("Brightwell Corp. (NYSE:BWL) announced on Tuesday that it had won a $40 million contract.", -1, "attributed"),
    ("Nearly two thirds (63%) of riders surveyed for the ferry firm Lakeline said they had missed a boat.", -1, "attributed"),
    ("Okafor's mother said he had never owned a gun.", -1, "attributed"),
    ("A mother of three said the Eastgate school had closed without notice.", -1, "vague"),
    ('"The request serves no purpose," a motion filed by Dale\'s lawyers stated.', -1, "attributed"),
    ("The Harlow Census Bureau published its estimates on Friday. Bureau analysts said the oil boom drove 40% of the growth.", -1, "attributed"),
    ("Analysts said the oil boom drove 40% of the growth.", -1, "vague"),
    ("The Harlow Water Commission met on Thursday. Commissioners stated at the session that new meters would raise $2 million.", -1, "attributed"),
    ("Commissioners stated at the session that new meters would raise $2 million.", -1, "vague"),
    ("Many said they were afraid of the Eastgate floods.", -1, "vague"),
    # a place phrase between a source and its verb does not hide the source
    ("The chief of the UN observers in Varnia, Ana Ruiz, in the northern city of Kelso told reporters that soldiers had been seen.", -1, "attributed"),
    # a verb form after a number is a counted noun, not a source's verb
    ("The deal would create a chain of 640 stores across nine states.", -1, "unsourced"),
    # an occasion is a medium of speech only when the content follows
    ("Marsh conceded in a short speech at the town hall in Harlow.", -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), SOURCES)
def test_sources(text, sentence, want):
    check(text, sentence, want)


# --- company results and guidance ---
COMPANY = [
    ("The chain plans to open 40 stores in Ohio next year.", -1, "attributed"),
    ("Harlow Foods is projecting sales growth of 5% for 2026.", -1, "attributed"),
    ("Lakeline aims to put its first electric ferry into service by late next year.", -1, "attributed"),
    ("Brightwell gave no date for closing the plant, but said it had agreed terms with a buyer.", -1, "attributed"),
    ("The state health department has recorded a steep climb in flu cases this month.", -1, "attributed"),
    ("The department recorded 14 flu deaths last week, according to an update issued Thursday.", -1, "attributed"),
    # a body's act with its stated reason is the writer's fact; an urging is speech
    ("The company cut 300 jobs, saying demand had slowed.", -1, "unsourced"),
    ("Harlow Foods on Tuesday unveiled a new store format, aiming to win back young shoppers.", -1, "unsourced"),
    ("Britain has urged Varnia not to send troops into Harlow, warning it could have serious repercussions.", -1, "attributed"),
    # a person's own plans after they spoke, in the same paragraph
    ("Krasner said the deal was done. He will remain on the board without pay.", -1, "attributed"),
    # the organisation's own plans carry its credit; its results, told plainly, do not
    ("Brightwell said on Monday it would cut 300 jobs. It will now close its Ohio plant.", -1, "attributed"),
    ("The company said on Monday it would cut 300 jobs. The company will also sell its Texas unit.", -1, "attributed"),
    ("Brightwell said on Monday it would cut 300 jobs. It posted a loss of $5 million.", -1, "unsourced"),
    ("Brightwell said on Monday it would cut 300 jobs.\n\nIt will now close its Ohio plant.", -1, None),
    # a plain results sentence has no source
    ("Sales at Harlow Foods rose 9% in the quarter.", -1, "unsourced"),
    # a plan in a subordinate clause does not credit the main clause's fact
    ("Officials of the Eastgate district approved the closure of two schools on Thursday, as the district aims to cut a $4 million deficit.", -1, "unsourced"),
    # a company's results as the subject: a claim with no source
    ("Harlow Foods' third-quarter profits came in a little above forecasts.", -1, "unsourced"),
    ("The company's sales fell in the quarter.", -1, "unsourced"),
    # an unowned report is still vague
    ("Brightwell will cut 300 jobs, according to a report.", -1, "vague"),
    # a plan that someone unnamed reports is the reporter's, not the planner's
    ("Lakeline reportedly plans to sell two of its ferries.", -1, "vague"),
    ("The governor allegedly aims to cut 500 state jobs.", -1, "vague"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), COMPANY)
def test_company_results_and_guidance(text, sentence, want):
    check(text, sentence, want)


# --- agentless and vague reporting beyond the canonical verbs ---
VAGUE = [
    ("About 80% of adults in Harlow own a bicycle, according to official figures.", -1, "vague"),
    ("A government agency said 40 people died in the Eastgate floods.", -1, "vague"),
    ("It is estimated that 30% of riders pay cash, according to Harlow Transit.", -1, "attributed"),
    ("Much research shows that walking after meals lowers blood sugar.", -1, "vague"),
    ("It is estimated the inquiry will cost the county $4 million.", -1, "vague"),
    ("It is predicted that sales of electric bikes will double by 2030.", -1, "vague"),
    ("The estimated cost to savers is up to 40% of their deposits.", -1, "vague"),
    ("Sales at Harlow Foods are projected to rise 5% next year.", -1, "vague"),
    ("Unconfirmed reports have been rife that Varnian troops crossed the border.", -1, "vague"),
    ("Cases of measles have been reported in Eastgate.", -1, "vague"),
    ("Reuters reports that Varnian troops crossed the border.", -1, "attributed"),
    ("The figure was estimated by the Harlow Port Authority at $4 million.", -1, "attributed"),
    # adverbs and times are never sources
    ("Somewhere around 1950, a study said that 40% of adults in Harlow smoked.", -1, "vague"),
    ("Yesterday, officials said 40 people died in the Eastgate floods.", -1, "vague"),
    ("Historically, analysts said Harlow rates would fall.", -1, "vague"),
    ("Last year, the Harlow Port Authority said 40 ships had been turned away.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), VAGUE)
def test_vague_reporting(text, sentence, want):
    check(text, sentence, want)


# --- arranged future events are claims; the writer's forecasts and speculation are not ---
FUTURE = [
    ("Okafor, who will replace Dana Mills as chair, has championed the rail plan since 2019.", -1, "unsourced"),
    ("The money will also be used to repair the Eastgate pier.", -1, "unsourced"),
    ("Harlow Foods is to restate its accounts for 2023 and 2024.", -1, "unsourced"),
    ("If the Harlow council votes for the rise, it will apply from July 1.", -1, "unsourced"),
    ("Lakeline is set to close its share offer later on Friday.", -1, "unsourced"),
    ("Okafor toured six towns this fall, leading some to speculate that he might run for mayor.", -1, "unsourced"),
    ("The increase was approved 2-1 on Thursday at a meeting held late so that residents would be able to attend.", -1, "unsourced"),
    ("The Harlow council will vote on the plan next month.", -1, "unsourced"),
    ("Sentencing is set for May 3.", -1, "unsourced"),
    # forecasts and speculation in the writer's voice
    ("Prices in Harlow will rise next year.", -1, None),
    ("Intelligence from Seoul will continue to play a pivotal role.", -1, None),
    ("If the Harlow striker plays as she did on Sunday, few defenders will stop her.", -1, None),
    ("The move is set to anger unions in Harlow.", -1, None),
    ("For most riders, that may be the best news of the year.", -1, None),
    ("Harlow United could well win the league this season.", -1, None),
]


@pytest.mark.parametrize(("text", "sentence", "want"), FUTURE)
def test_arranged_future_events(text, sentence, want):
    check(text, sentence, want)


# --- courts, councils and legislatures act; they are not the source of what they decide ---
ACTORS = [
    ("If confirmed by the Senate, Okafor will replace Dana Mills, who announced on Tuesday that she is stepping down.", -1, "unsourced"),
    ("The court denied the motion on Tuesday.", -1, "unsourced"),
    ("The judge denied a defense motion for a mistrial last week.", -1, "unsourced"),
    ("The ministry issued a warning to travellers.", -1, "unsourced"),
    ("The jury found that Dale had acted alone in the Eastgate fire.", -1, "unsourced"),
    ("The results are being released by the Harlow Road Safety Council as lawmakers prepare to vote.", -1, "unsourced"),
    # their plain speech, what they publish and whom they accuse still credit them
    ("Brightwell was accused by the Texas Workforce Commission of underpaying workers.", -1, "attributed"),
    ("The plans have been criticised by cycling charities, including the councillor Ann Dale, who says they will cost lives.", -1, "attributed"),
    ("The plans have been criticised by cycling charities.", -1, "vague"),
    ("The court said in its ruling that Dale had acted alone in the Eastgate fire.", -1, "attributed"),
    ("The figures, released Monday by the Harlow Health Board, show 40 new cases of measles.", -1, "attributed"),
    ("Olivia Grant, who heads the Harlow Citizens Board, a consumer group, called the request excessive.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), ACTORS)
def test_courts_and_councils_are_actors(text, sentence, want):
    check(text, sentence, want)


# --- speech inside a relative clause does not credit the sentence; "by announcing" does ---
CLAUSES = [
    ("The prize winner, Elfriede Novak, who says she has a phobia of crowds, stayed away from the ceremony.", -1, "unsourced"),
    ("Troops crossed into Varnia on Monday to chase rebels who the government says threaten its security.", -1, "unsourced"),
    ("The minister, Ana Ruiz, yesterday surprised the industry by announcing a ban on smoking in bars.", -1, "attributed"),
    ("Fairhaven University research claims cutting the limit would save 65 lives a year.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), CLAUSES)
def test_clauses(text, sentence, want):
    check(text, sentence, want)


def test_a_credited_study_does_not_carry_to_another_document():
    text = ("Fairhaven University research claims cutting the limit would save 65 lives a year. "
            "The results are being released by the Harlow Road Safety Council. The bill also raises parking fines.")
    assert status_of(text, 1) != "attributed"
    assert status_of(text, 2) != "attributed"
    # a study's findings go on with it
    assert status_of("A Fairhaven University study found that 30% of riders pay cash. The findings show 12% pay by phone.", 1) == "attributed"


# --- event claims in the writer's voice about identifiable people and organisations ---
EVENTS = [
    # a group acting in the story, then a past tense
    ("Officers then forced open the door of the Eastgate flat.", -1, "unsourced"),
    ("Several firefighters went back into the building and could hear a dog barking.", -1, "unsourced"),
    ("His attorneys had asked for a suspended sentence by pointing to his charity work.", -1, "unsourced"),
    ("He later resigned.", -1, "unsourced"),
    ("Brightwell makes brake parts in Ohio. It was founded in 1972.", -1, "unsourced"),
    ("It was a long night in Harlow.", -1, None),
    # lasting facts about a named subject: identity, holdings, contents
    ("Tomas Ferreira is a retired firefighter who now runs a bakery in Harlow.", -1, "unsourced"),
    ("The Harlow Ferry Company runs Lakeline. Lakeline is the company's night service.", -1, "unsourced"),
    ("The Harlow Suite includes a browser, a mail client and a calendar.", -1, "unsourced"),
    ("Although Brightwell still dominates the Harlow market, its Lakeline Express continues to lose riders to Fenwick.", -1, "unsourced"),
    ("He's been a firm backer of the Harlow mayor.", -1, "unsourced"),
    ("Neither Lakeline nor Fenwick currently offer a night service to Eastgate.", -1, "unsourced"),
    ("The bill includes higher parking fines but no change to the speed limit.", -1, "unsourced"),
    ("The new law requires landlords to register every rental unit.", -1, "unsourced"),
    ("The job requires patience.", -1, None),
    ("Other sites such as Fenwick.com also pointed readers to the Red Cross.", -1, "unsourced"),
    # what is not a specific claim stays unflagged
    ("Okafor is a determined politician, and she rarely backs down.", -1, None),
    ("She has a point.", -1, None),
    ("The city has waited long enough for a real plan.", -1, None),
    ("The numbers do not add up, and the timeline is fantasy.", -1, None),
    ("Like many cities, Harlow faces rising pension costs.", -1, None),
    ("But the Harlow plan faces a steep climb in the legislature.", -1, None),
    ("Residents often gather outside the hall.", -1, None),
    ("Officers are a familiar sight outside the hall.", -1, None),
]


@pytest.mark.parametrize(("text", "sentence", "want"), EVENTS)
def test_event_claims_in_the_writer_s_voice(text, sentence, want):
    check(text, sentence, want)


# --- the writer's opinion, generic background and rhetoric are not claims ---
NOT_CLAIMS = [
    ("The mood on the Harlow exchange remained positive on strong inflows.", -1, None),
    ("In the past, ferries on the Harlow line have usually run late in winter.", -1, None),
    ("Generally, contacts can be copied from a phone to a memory card.", -1, None),
    ("Bicycle locks can be bought from hardware shops in Harlow for a few pounds.", -1, None),
    # a generic word inside a subordinate clause does not make the main clause generic
    ("The Harlow study assumed that drivers who tend to speed would slow down.", -1, "unsourced"),
    # a noun after a possessive is not a reporting verb
    ("Fenwick was launched in February when Lakeline renamed its Firebird project.", -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), NOT_CLAIMS)
def test_opinion_and_background_are_not_claims(text, sentence, want):
    check(text, sentence, want)


@pytest.mark.parametrize("text", [
    "Officers went in and could " * 3000 + "hear a dog.",
    "The offer is set to " * 3000 + "close on Friday.",
    "Harlow, which will " * 3000 + "rise.",
    '"A. "B. ' * 3000,
    "Generally " * 5000,
    "He said. " * 3000,
])
def test_hostile_input_is_analyzed(text):
    doc = build_document(text)
    result = analyze(doc, figures.find(doc), Options())
    assert result.total == len(result.items)
