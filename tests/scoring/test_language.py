"""Language: the requested code, detection from function words and script, and refusals."""

import pytest

from copydesk.scoring import language
from copydesk.scoring.errors import UnsupportedLanguageError
from copydesk.scoring.text import build_document

TEXTS = {
    "en": "The city council voted on Tuesday to raise bus fares for the first time in a decade, and officials said the money would pay for new routes.",
    "es": "El ayuntamiento aprobó el martes una subida de las tarifas del autobús por primera vez en una década, y los responsables dijeron que el dinero pagará nuevas rutas.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, die Busfahrpreise zum ersten Mal seit zehn Jahren zu erhöhen, und die Verwaltung sagte, das Geld werde für neue Linien verwendet.",
    "fr": "Le conseil municipal a voté mardi une hausse des tarifs de bus pour la première fois depuis dix ans, et les responsables ont dit que l'argent servira à de nouvelles lignes.",
    "it": "Il consiglio comunale ha approvato martedì un aumento delle tariffe dei bus per la prima volta in dieci anni, e i responsabili hanno detto che il denaro servirà per nuove linee.",
    "nl": "De gemeenteraad heeft dinsdag besloten de busprijzen voor het eerst in tien jaar te verhogen, en de ambtenaren zeiden dat het geld naar nieuwe lijnen gaat.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_each_supported_language(code):
    result = language.resolve(build_document(TEXTS[code]), None)
    assert (result.code, result.detected) == (code, True)
    assert 0.0 < result.confidence <= 1.0


@pytest.mark.parametrize(("requested", "code"), [("en", "en"), ("en-US", "en"), ("FR", "fr"), ("de_AT", "de"), (" nl ", "nl")])
def test_requested_codes_are_normalized(requested, code):
    result = language.resolve(build_document(TEXTS["es"]), requested)
    assert (result.code, result.detected, result.confidence) == (code, False, None)


@pytest.mark.parametrize("requested", ["ja", "english", "x-klingon", "ru"])
def test_unknown_request_is_refused_with_the_list(requested):
    with pytest.raises(UnsupportedLanguageError) as err:
        language.resolve(build_document(TEXTS["en"]), requested)
    assert err.value.field == "options.language"
    assert "English (en)" in str(err.value) and "Portuguese (pt)" in str(err.value)


PORTUGUESE = "O conselho municipal aprovou na terça-feira um aumento das tarifas de ônibus pela primeira vez em uma década, e os responsáveis disseram que o dinheiro vai pagar novas linhas."


def test_a_language_without_formulas_is_read_not_refused():
    # Portuguese has function words here but no formulas: detected, and accepted when named
    detected = language.resolve(build_document(PORTUGUESE), None)
    assert (detected.code, detected.detected) == ("pt", True) and detected.confidence > 0.5
    named = language.resolve(build_document(PORTUGUESE), "pt-BR")
    assert (named.code, named.detected) == ("pt", False)
    assert "pt" not in language.SUPPORTED and "pt" in language.KNOWN


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Городской совет во вторник проголосовал за повышение стоимости проезда в автобусах впервые за десять лет.", "Cyrillic"),
        ("市议会周二投票决定十年来首次提高公交车票价 官员们表示 这笔钱将用于开通新线路 以及购买新的车辆 和改善车站", "Han"),
    ],
)
def test_text_in_another_script_is_refused(text, named):
    with pytest.raises(UnsupportedLanguageError) as err:
        language.resolve(build_document(text), None)
    assert named in str(err.value)


def test_long_text_without_function_words_is_refused_not_guessed():
    text = " ".join(f"Zorblax{i} Quintar{i}" for i in range(25)) + "."  # 50 words, none a function word
    with pytest.raises(UnsupportedLanguageError) as err:
        language.resolve(build_document(text), None)
    assert "options.language" in str(err.value)


def test_short_text_without_evidence_is_english_with_zero_confidence():
    result = language.resolve(build_document("Zelenskyy Kursk Pyongyang"), None)
    assert (result.code, result.detected, result.confidence) == ("en", True, 0.0)


def test_english_text_with_foreign_names_stays_english():
    text = "Kim Jong Un met Vladimir Putin in Pyongyang on Friday, and the two leaders signed a pact that the United States called a threat."
    assert language.resolve(build_document(text), None).code == "en"


@pytest.mark.parametrize(
    ("headline", "code"),
    [("Sánchez anuncia elecciones según España", "es"), ("Größte Straßenbahn Düsseldorfs", "de"),
     ("Macron reçoit Barnier à l'Élysée, pèlerinage", "fr"), ("Brexit latest", "en")],
)
def test_short_headlines_fall_back_on_marked_letters(headline, code):
    result = language.resolve(build_document(headline), None)
    assert result.code == code
    assert result.confidence < language.LETTER_CONFIDENCE + 0.01


def test_a_few_words_in_another_script_do_not_refuse_an_english_text():
    text = ("The Kremlin spokesman, Дмитрий Песков, said on Friday that the talks would go on, "
            "and the ministers agreed to meet again in the spring.")
    assert language.resolve(build_document(text), None).code == "en"


def test_one_marked_letter_is_not_enough_evidence():
    assert language.MIN_LETTER_EVIDENCE == 2
    result = language.resolve(build_document("Café owners protest"), None)
    assert (result.code, result.confidence) == ("en", 0.0)


def test_confidence_grows_with_the_evidence():
    short = language.resolve(build_document("The vote was close."), None)
    long = language.resolve(build_document(TEXTS["en"]), None)
    assert short.code == long.code == "en"
    assert short.confidence < long.confidence
    assert language.FULL_EVIDENCE_HITS == 12


def test_reading_stops_once_the_evidence_is_plain():
    # Well over ENOUGH_HITS English function words, then a longer Spanish tail: the head decides.
    english = " ".join([TEXTS["en"]] * 8)
    spanish = " ".join([TEXTS["es"]] * 12)
    assert language.resolve(build_document(english + "\n\n" + spanish), None).code == "en"


def test_an_english_results_list_with_few_function_words_passes():
    rows = [f"Team{i} Rovers{i} City{i} United{i}" for i in range(12)]  # 48 words, no function word
    text = "The results and the table: " + ", ".join(rows) + "."  # 53 words, 3 function words (5.7%)
    doc = build_document(text)
    words = sum(1 for u in doc.units for t in u.tokens if t.kind == "word")
    assert words >= language.MIN_WORDS_TO_REFUSE
    assert 3 / words > language.MIN_FUNCTION_WORD_SHARE
    assert language.resolve(doc, None).code == "en"


# Articles written for these tests: figures, attributed and unattributed statements. The
# claims rules are English; none of these may get an English flag.
ARTICLES = {
    "es": (
        "Incendio en un edificio de Valdemora\n\n"
        "La policía dijo que 3 personas murieron en el incendio del martes. "
        "Según los bomberos, el fuego comenzó en la cocina del segundo piso.\n\n"
        "El edificio tenía 40 viviendas y fue construido en 1975. "
        "Los vecinos contaron que las 3 víctimas vivían en la misma planta."
    ),
    "de": (
        "Brand in einem Wohnhaus in Kornfeld\n\n"
        "Die Polizei sagte, dass 3 Menschen bei dem Brand am Dienstag ums Leben kamen. "
        "Nach Angaben der Feuerwehr brach das Feuer in einer Küche im zweiten Stock aus.\n\n"
        "Das Haus hatte 40 Wohnungen und wurde 1975 gebaut. "
        "Nachbarn berichteten, dass die 3 Opfer auf demselben Stockwerk wohnten."
    ),
    "fr": (
        "Incendie dans un immeuble de Valmont\n\n"
        "La police a dit que 3 personnes sont mortes dans l'incendie de mardi. "
        "Selon les pompiers, le feu a pris dans une cuisine au deuxième étage.\n\n"
        "L'immeuble comptait 40 logements et avait été construit en 1975. "
        "Des voisins ont raconté que les 3 victimes vivaient au même étage."
    ),
}


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_articles_in_languages_without_claims_rules_get_no_english_flags(code):
    from copydesk.scoring import analyze

    report = analyze(ARTICLES[code])
    assert report.language.code == code
    claims = report.claims
    assert not claims.analyzed and code in claims.reason
    assert claims.unattributed is None and claims.total is None
    assert claims.items == () and claims.sources == ()
    # the rest of the report is there: formulas, read time, repetition (nothing is said twice)
    assert report.readability.available and report.readability.scores
    assert report.read_time.words > 40
    assert report.repetition.index == 0.0


def test_english_rules_run_on_english_and_a_named_language_switches_them_off():
    from copydesk.scoring import Options, analyze

    text = "Police said 3 people died in the fire on Tuesday. The building had 40 flats."
    english = analyze(text)
    assert english.claims.analyzed and english.claims.reason is None and english.claims.unattributed == 1
    named = analyze(ARTICLES["es"], options=Options(language="es"))
    assert not named.claims.analyzed and named.claims.unattributed is None


def test_a_language_without_formulas_gets_read_time_and_repetition_not_a_refusal():
    from copydesk.scoring import analyze

    text = PORTUGUESE + "\n\n" + PORTUGUESE
    report = analyze(text)
    assert report.language.code == "pt"
    assert not report.readability.available and report.readability.scores == ()
    assert report.read_time.words == 2 * len(PORTUGUESE.split())
    assert report.repetition.restatements  # the paragraph said twice
    assert not report.claims.analyzed
