"""Source phrases as fresh copy writes them (issue 19): the subject of a reporting verb in its common shapes.

Cases written for these tests after a blind set of articles, written by colleagues who never
saw the rules, showed each shape losing its source. Each names the sentence that decides and
what it must be (see tests/scoring/test_claims_real_copy.py).
"""

from __future__ import annotations

import pytest

from tests.scoring.test_claims_real_copy import check

# a surname that ends like a verb form ("Manning", "Reed") is still a name
NAMES = [
    ("Mayor Paul Manning said the bridge would close for 14 weeks.", -1, "attributed"),
    ("Tom Harding said the bridge would close for 14 weeks.", -1, "attributed"),
    ("Councillor Ann Reed said the closure was badly timed and cost traders £40,000.", -1, "attributed"),
    # a lower-case verb form still ends the phrase: "protesting" is no part of the name
    ("Protesting loudly, Tom Harding said the bridge would close for 14 weeks.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), NAMES)
def test_names_that_end_like_verbs(text, sentence, want):
    check(text, sentence, want)


# asides that only describe the subject (an age, a relative clause) stand between it and its verb
ASIDES = [
    ("Dafydd Rees, 67, whose house on Quay Street flooded in 2019, said he had carried his furniture upstairs.", -1, "attributed"),
    ("Graham Lowe, 71, who has lived in the close for 30 years, said the street flooded twice in 2024.", -1, "attributed"),
    ("Ana Ruiz, the utility's chief engineer, said 40 pipes failed on Sunday.", -1, "attributed"),
    # an aside that hides the subject leaves it anonymous, and so does one person known only by where they live
    ("A neighbour, who asked not to be named, said she heard shouting shortly before 10.30 p.m.", -1, "vague"),
    ("The mayor, who spoke on condition of anonymity, said 40 jobs would go.", -1, "vague"),
    ('A neighbour, who asked not to be named, said she heard shouting at 10 p.m. "I thought it was the television at first," she said.', -1, "vague"),
    # "close" hides a source only as "close to"
    ("Sources close to the council said 40 jobs would go.", -1, "vague"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), ASIDES)
def test_asides_between_subject_and_verb(text, sentence, want):
    check(text, sentence, want)


# "according to" a document by a definite author, or a definite role; "the force" is the police force
PREPOSITIONAL = [
    ("Reserves stand at about £31 million, according to a report by the borough's chief finance officer.", -1, "attributed"),
    ("Reserves stand at about £31 million, according to a report by campaigners.", -1, "vague"),
    ("A public consultation drew 3,112 responses, according to a report to councillors by council officers.", -1, "attributed"),
    ("Gusts of 70 mph were recorded at Penhallow Point on Saturday, according to the forecaster.", -1, "attributed"),
    ("The force said the woman was taken to Eastfield General Hospital on Friday.", -1, "attributed"),
    ("A task force said 40 homes were flooded on Friday.", -1, "vague"),
    # what a body publishes online is its document; an unnamed website is nobody's
    ("Natural Resources Cymru had 14 flood warnings in force by Saturday evening, its website showed.", -1, "attributed"),
    ("Flood warnings were in force in 14 places, a website showed.", -1, "vague"),
    # "sources close to", "people familiar with": unnamed, whoever the body after them is
    ("People familiar with the talks said the deal was worth $40 million.", -1, "vague"),
    # a plural role tied to a definite body is that body's; alone it is a kind of people
    ("In an earlier court filing, lawyers for the company said it had changed its procedures in 2024.", -1, "attributed"),
    ("Lawyers said the case would settle for $2 million.", -1, "vague"),
    ("A manager at the company who declined to give his name said the towers were cleaned in September.", -1, "vague"),
    # a document with its issue between it and its verb
    ("A joint communique issued after the final session said the delegations had agreed to meet in 2027.", -1, "attributed"),
    # a figure reported by no one in a reduced passive
    ("Santos joined Harlow United in 2023 for a fee reported to be about €6m.", -1, "vague"),
    ("A person close to Mayor Ines Corr said 40 jobs would go.", -1, "vague"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), PREPOSITIONAL)
def test_documents_roles_and_closeness(text, sentence, want):
    check(text, sentence, want)


# verbs that credit without "that": an estimate ("put the toll at"), a clause with no "that", and
# a verb after "and" whose subject follows an opening adverbial
VERBS = [
    ("The Red Cross put the death toll at 31 on Sunday.", -1, "attributed"),
    ("Late on Sunday, the Red Cross put the number of dead at 31 and said more than 2,000 people had been moved.", -1, "attributed"),
    ("United manager Sue Gatting admitted her side had been second best for half an hour.", -1, "attributed"),
    ("The Harlow hospital admitted 40 patients who were hurt in the crash.", -1, "unsourced"),
    ("The Harlow firm added 200 staff in 2025.", -1, "unsourced"),
    # inside a clause subordinate to the writer's main one, the bare clause credits nothing
    ("The vote was called off in May after the mayor acknowledged a majority of councillors were against the plan.", -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), VERBS)
def test_verbs_that_credit_without_that(text, sentence, want):
    check(text, sentence, want)


# a public appeal and a call to act inside a quotation are not claims, whatever numbers they give
APPEALS = [
    ("Police have asked anyone with dashcam footage from the area between 9 p.m. and 11 p.m. on Friday to call 101.", -1, None),
    ("Officers appealed for witnesses to the crash on the A40 at 6 p.m. on Tuesday.", -1, None),
    ('Fire chief Gwen Pryce said crews had knocked on 300 doors. "If you are asked to leave, please leave."', -1, None),
    # a fact beside the appeal keeps the sentence a claim
    ("Police urged residents to leave after 40 homes in Harlow flooded on Friday.", -1, "attributed"),
    ("The council asked residents in 2024 whether they wanted a new bridge.", -1, "unsourced"),
    # the speaker's own appeal inside a quotation, and a passive appeal to an audience
    ('Dr. Mira Castell said tests were continuing. "Until then, I\'d ask anyone with a cough to call their doctor."', -1, None),
    ('"We are asking people to stay away until we tell them it is safe," Chief Ana Ruiz said.', -1, None),
    ("Anyone with dashcam footage of the crash is asked to contact Harlow Police, quoting incident 212.", -1, None),
    # an appeal beside a reported fact leaves the fact a claim
    ("Inspector Dan Roper said diversions were in place via the B5190 and asked drivers to avoid the area.", -1, "attributed"),
    ('Inspector Dan Roper spoke on Friday. "There will be extra patrols this weekend, and I would urge anyone with information to call us," he said.', -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), APPEALS)
def test_appeals_and_calls_to_act(text, sentence, want):
    check(text, sentence, want)


# who a later "he" or "she" is: the anonymous neighbour just quoted, the person just named
PRONOUNS = [
    ('Detective Inspector Rachel Onwuka said officers were not looking for anyone else.\n\n'
     'A neighbour, who asked not to be named, said she heard shouting at 10 p.m. '
     '"I thought it was the television at first," she said.', -1, "vague"),
    ('A neighbour, who asked not to be named, said she heard shouting at 10 p.m.\n\n'
     'Graham Lowe, 71, said the street was usually quiet. "You get the odd row about parking, but nothing like this," he said.', -1, "attributed"),
    # a closing tag governs its sentence even with its medium and day after it
    ("Officers were called to Larch Close at 10.40 p.m. after a neighbour reported screams, Northvale Police said in a statement on Saturday.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), PRONOUNS)
def test_pronouns_and_closing_tags(text, sentence, want):
    check(text, sentence, want)


# a company or analyst revising its own guidance, a denial of what others say: the source's statements
STATEMENTS = [
    ("Holmwood Outdoor Group cut its full-year profit forecast on Thursday after mild weather left its stores full.", -1, "attributed"),
    ("Analyst Priya Lindqvist called the update weak. She cut her price target on the stock to 450 pence from 560 pence.", -1, "attributed"),
    ("The transport minister, Alan Petrescu, has rejected allegations that he leaned on the regulator to approve a £340m contract.", -1, "attributed"),
    # a revision told as background, in the writer's voice, and a rejection of money, not of a claim
    ("Harlow Toys raised its sales targets last December after selling a million units in a few weeks.", -1, "unsourced"),
    ("Its shares have fallen 22% since January, when the company cut its annual revenue forecast to $3.1 billion.", -1, "unsourced"),
    ("The council rejected claims for compensation worth £40,000 on Monday.", -1, "unsourced"),
    ("Crews cut 40 trees along Harlow Road on Monday.", -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), STATEMENTS)
def test_revisions_and_denials(text, sentence, want):
    check(text, sentence, want)


# one person known only as a man or a woman, and the quotation that continues them
INDIVIDUALS = [
    ('"The mountain just came down on top of them," said a man in neighbouring Brasca who declined to give his name.', -1, "vague"),
    ('"The mountain just came down," said a man in neighbouring Brasca. "My cousin\'s house is gone. We have found nobody."', -1, "vague"),
    ("A woman said she saw 40 people on the Harlow bridge.", -1, "vague"),
    ("Another passenger, who asked not to be named, said travellers waited four hours. Vouchers worth €15 were handed out at 7 p.m., he said.", -1, "vague"),
    ("Passenger Helen Ashdown said the crew had been calm. \"Nobody screamed,\" she said. Vouchers worth €15 were handed out at 7 p.m., she said.", -1, "attributed"),
    ('"We lost 40 homes," said Ana Ruiz, who asked not to be named.', -1, "vague"),
    ('"We lost 40 homes," said Ana Ruiz, who runs the shelter.', -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), INDIVIDUALS)
def test_unnamed_individuals(text, sentence, want):
    check(text, sentence, want)


# "have to" and "need to" call to act, unless a modal or a relative word makes them a stated necessity
NECESSITY = [
    ('"Lawmakers need to weigh this very carefully," Mayor Ines Corr said.', -1, None),
    ('Chief executive Graham Oyelaran said sales fell 4%. "The stock will sell, but we will have to sell some of it for less."', -1, "attributed"),
    ('Councillor Ruth Belling said the timing was wrong. "Nobody asked the people who actually have to sit in the queues," she said.', -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), NECESSITY)
def test_stated_necessity_is_no_exhortation(text, sentence, want):
    check(text, sentence, want)


def source_of(text: str) -> str | None:
    """The named source of the last sentence's claim."""
    from copydesk.scoring import figures
    from copydesk.scoring.claims import analyze
    from copydesk.scoring.options import Options
    from copydesk.scoring.text import build_document

    doc = build_document(text)
    items = analyze(doc, figures.find(doc), Options()).items
    return items[-1].source if items else None


@pytest.mark.parametrize(("text", "name"), [
    ("Graham Lowe said the street flooded twice in 2024.", "Graham Lowe"),
    ("Holmwood Outdoor Group cut its full-year profit forecast on Thursday.", "Holmwood Outdoor Group"),
    ("But Harlow Council said the street flooded twice in 2024.", "Harlow Council"),
    ("Mayor Ines Corr said the street flooded twice in 2024.", "Ines Corr"),
])
def test_a_name_opening_the_sentence_is_listed_whole(text, name):
    assert source_of(text) == name


# the terms of a deal are arranged, not forecast; a future with no terms stays the writer's prediction
@pytest.mark.parametrize(("text", "sentence", "want"), [
    ("Under the agreement, Tidewell will also maintain the chargers until 2034.", -1, "unsourced"),
    ("Under the bill, cities could limit short-term rentals to 5% of the homes in a neighborhood.", -1, "unsourced"),
    ("Under the plan, Harlow bus fares will rise by 5%.", -1, "unsourced"),
    ("Tidewell will grow quickly in the years ahead.", -1, None),
    ("Under pressure, the mayor will probably resign.", -1, None),
])
def test_the_terms_of_a_deal_are_arranged(text, sentence, want):
    check(text, sentence, want)


# a record foreseen under a condition is no claim; a deadline a rule sets is one
@pytest.mark.parametrize(("text", "sentence", "want"), [
    ("If the result holds, she would be the first woman to lead Brenmoor.", -1, None),
    ("Lee became the first woman to lead Brenmoor in 2019.", -1, "unsourced"),
    ("The board must certify the results by Nov. 24.", -1, "unsourced"),
    ("The council must do better.", -1, None),
])
def test_conditions_and_deadlines(text, sentence, want):
    check(text, sentence, want)


# the main clause's subject speaks through ", saying ..."; its own name is a body's name
SAYING = [
    ('Restavia\'s General Staff gave a sharply different account, saying its units had repelled eight assaults.', -1, "attributed"),
    ("The Harlow Weather Office extended a red flag warning through Thursday, forecasting gusts of up to 40 mph.", -1, "attributed"),
    ("The union disputes that figure, saying it includes allowances that are not paid to all drivers.", -1, "attributed"),
    ("The chipmaker cut its full-year revenue forecast to $14.1 billion, citing weaker orders from data-center customers.", -1, "attributed"),
    ("About 1,100 firefighters and 14 helicopters are now assigned to the blaze, the command said.", -1, "attributed"),
    # a participle that is no speech, or a main clause with a figure of its own, leaves the writer's fact unsourced
    ("The storm killed 12 people in Harlow, prompting the council to close schools.", -1, "unsourced"),
    ("The company cut 300 jobs, saying demand had slowed.", -1, "unsourced"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), SAYING)
def test_saying_participles_and_bodies(text, sentence, want):
    check(text, sentence, want)


# advice to an audience and a quoted imperative are calls to act; a judgement of the past is a claim
ADVICE_CASES = [
    ('Rhona Pellow said 40,000 kettles were affected. "Anyone who owns a Roam should stop using it straight away."', -1, None),
    ("Voters who have not received a ballot by Feb. 25 should call the office, it said.", -1, None),
    ('"Ask me in the spring," he said.', -1, None),
    ("Residents should have been warned about the 40 homes at risk, the report said.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), ADVICE_CASES)
def test_advice_and_quoted_imperatives(text, sentence, want):
    check(text, sentence, want)


@pytest.mark.parametrize(("text", "sentence", "want"), [
    ("Kettlewise recalled 40,000 kettles on Monday. It is the company's first product recall.", -1, "unsourced"),
    ("It is the airline's second diversion this year.", -1, "unsourced"),
    ("It was a long night for the crew.", -1, None),
])
def test_an_ordinal_after_a_possessive_is_a_record(text, sentence, want):
    check(text, sentence, want)


# "District officials" in a story that names the district are its officials; a level of government names no one
@pytest.mark.parametrize(("text", "sentence", "want"), [
    ("Voters in the Maple Hollow School District will decide on a bond.\n\nDistrict officials said the 2015 bond came in $2.3 million under budget.", -1, "attributed"),
    ("Voters in Maple Hollow will decide on a bond.\n\nDistrict officials said the 2015 bond came in $2.3 million under budget.", -1, "vague"),
    ("Voters in the Maple Hollow School District will decide on a bond.\n\nState officials said 40 schools would close in 2027.", -1, "vague"),
])
def test_officials_of_a_body_the_story_names(text, sentence, want):
    check(text, sentence, want)


# "The company will ..." right after the company spoke continues its own plans; another body's or a person's does not
@pytest.mark.parametrize(("text", "sentence", "want"), [
    ("Kettlewise said it had stopped selling the model on Nov. 20. The company will write to customers who registered online.", -1, "attributed"),
    ("Kettlewise said it had stopped selling the model on Nov. 20. The council will write to customers who registered online.", -1, None),
    ("Tom Harding said he had stopped selling the model on Nov. 20. The company will write to customers who registered online.", -1, None),
])
def test_the_company_s_own_plans(text, sentence, want):
    check(text, sentence, want)


# more source shapes from fresh copy: a family, a day between subject and verb, a verb after "has ... and",
# a body by what it does, published tables, "cautioned", residents of a place, an unnamed someone, a plea
MORE = [
    ("He died at his home on Saturday after a short illness, his family said in a statement issued through the club.", -1, "attributed"),
    ("Castreland's finance minister, Teodor Malsk, on Tuesday announced 14 billion crowns of new hospital spending.", -1, "attributed"),
    ("The UN agency has appealed for $64 million and said on Monday it had received 11% of that amount.", -1, "attributed"),
    ("Battery-electric cars took 27.3% of the market, according to the trade body.", -1, "attributed"),
    ("Defence receives 9.8 billion crowns, according to tables published by the ministry.", -1, "attributed"),
    ("Miriam Castellanos, a criminologist at Hadley State University, cautioned against reading too much into one year of 14 cases.", -1, "attributed"),
    ("Residents of Dunmere interviewed at the camp said their homes had been shelled on Thursday night.", -1, "vague"),
    ("One loss adjuster working in the area, who asked not to be named, said some firms were triaging 400 claims.", -1, "vague"),
    ('Dr. Ann Achterberg said admissions rose 40%. "If you are over 75, please stay indoors between 11 a.m. and 4 p.m."', -1, None),
    # an adverb in -ly still stands between a subject and its verb
    ("The mayor publicly said the bridge had 40 faults.", -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), MORE)
def test_more_source_shapes(text, sentence, want):
    check(text, sentence, want)


# blind round 5 (issue 19): a subject with its name set off by commas shared through "and", a
# reckoning credited to its owner, "accepted that", and the speaker's own appeal to anyone named
ROUND_FIVE = [
    ("AMT's operations director, Helen Okoro, acknowledged the problems and said the signals would be reprogrammed by Friday.", -1, "attributed"),
    ("The operations director, Helen Okoro, has acknowledged the problems and said the signals would be fixed by Friday.", -1, "attributed"),
    # a name set off by commas that is no subject: "approved" is not Okoro's
    ("The council, in a 5-2 vote, approved the budget and said 40 posts would go.", -1, "unsourced"),
    ("Peggy Ashdown presented the show for 27 years. By her own count she missed only nine programmes.", -1, "attributed"),
    ("By the agency's count, 38 people died in the floods.", -1, "attributed"),
    ("By then, 38 people had died in the floods.", -1, "unsourced"),
    ("By some estimates, 38 people died in the floods.", -1, "vague"),
    ("Professor Helen Okafor led the study. Okafor accepted that the design could not establish cause and effect.", -1, "attributed"),
    ("The council accepted the offer of 40 homes.", -1, "unsourced"),
    ('"We would urge the union to put that offer to its members," said Graham Veitch, the airline\'s chief executive.', -1, None),
    ('"I\'d invite them to come and stand on the platform at 8 o\'clock," he said.', -1, None),
    # the past tells what happened: a claim
    ('Ann Bell said the hall was full. "I asked them to leave the building at 9 p.m.," she said.', -1, "attributed"),
]


@pytest.mark.parametrize(("text", "sentence", "want"), ROUND_FIVE)
def test_round_five_source_shapes(text, sentence, want):
    check(text, sentence, want)


def test_reckoning_nouns_and_the_appeal_window():
    from copydesk.scoring.claims import attribution, detect
    from copydesk.scoring.claims.view import make_views, quotations
    from copydesk.scoring.text import build_document

    assert {"count", "account", "admission", "estimate"} <= attribution.RECKONING_NOUNS
    assert attribution.APPOSITIVE_NAME_MAX == 4
    assert detect.APPEAL_OBJECT_MAX == 6

    def appeal(text):
        doc = build_document(text)
        return detect.appeal(make_views(doc, quotations(doc))[0][0])

    assert appeal('"We would urge the union to put that offer to a vote," he said.') is not None
    # "to" beyond APPEAL_OBJECT_MAX words after the verb: no appeal read
    assert appeal('"We would urge the union and every one of its many members to put that offer to a vote," he said.') is None


# blind round 6 (issue 19): an estimate put at a figure, a reporting noun with its qualifier,
# a definite document opening the sentence, and telephone numbers
ROUND_SIX = [
    ("In its first crop forecast of the season, the ministry put the national wheat crop at 2.6 million tonnes.", -1, "attributed"),
    ("The ministry put the national wheat crop at 2.6 million tonnes.", -1, "attributed"),
    # "at risk" is no estimate
    ("The drought put 40 farms at risk.", -1, "unsourced"),
    ("Unconfirmed reports on social media said two farm workers had died near Amsell on Monday.", -1, "vague"),
    ("Local reports said two farm workers had died near Amsell on Monday.", -1, "vague"),
    ("The agency reports on its website that 40 farms were hit.", -1, "attributed"),
    ("In the report, inspectors said that 40 lessons were disrupted.", -1, "attributed"),
    # an indefinite statement, or an opener that names no document, leaves the group unnamed
    ("In a statement, officials said 40 lessons were disrupted.", -1, "vague"),
    ("In the end, officials said 40 lessons were disrupted.", -1, "vague"),
    # a telephone number states no figure: contact details are no claim
    ("For media enquiries, please contact Tess Garland on 01632 960418.", -1, None),
]


@pytest.mark.parametrize(("text", "sentence", "want"), ROUND_SIX)
def test_round_six_source_shapes(text, sentence, want):
    check(text, sentence, want)
