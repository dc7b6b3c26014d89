"""The published readability formulas, each a pure function of counts, with its coefficients and source.

Every function takes the counts it needs and returns 0.0 when there are no words or no
sentences to measure. Where textstat 0.7.13 departs from the publication, the function
follows the publication and says so (docs/readability-vs-textstat.md lists each case).
"""

from __future__ import annotations

import math

# --- English ---------------------------------------------------------------------------------


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3): 221-233.
    """
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Kincaid grade: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.

    Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new
    readability formulas (Automated Readability Index, Fog Count and Flesch Reading Ease
    Formula) for Navy enlisted personnel. Research Branch Report 8-75, Naval Technical
    Training Command.
    """
    if not words or not sentences:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    """Gunning fog index: 0.4 (words/sentences + 100 complex_words/words).

    Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill. Complex words have three
    or more syllables, leaving out proper names, hyphenated compounds and verbs made
    three-syllable by -es or -ed (textstat instead leaves out the Dale-Chall easy words).
    """
    if not words or not sentences:
        return 0.0
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog(sentences: int, polysyllables: int) -> float:
    """SMOG grade: 1.0430 sqrt(polysyllables * 30 / sentences) + 3.1291.

    McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading
    12(8): 639-646 (the regression form of its "count 30 sentences" procedure).
    """
    if not sentences:
        return 0.0
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau(words: int, sentences: int, letters: int) -> float:
    """Coleman-Liau index: 0.0588 L - 0.296 S - 15.8, L letters and S sentences per 100 words.

    Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine
    scoring. Journal of Applied Psychology 60(2): 283-284. (textstat uses 0.058.)
    """
    if not words or not sentences:
        return 0.0
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability_index(words: int, sentences: int, characters: int) -> float:
    """Automated readability index: 4.71 (characters/words) + 0.5 (words/sentences) - 21.43.

    Senter, R. J. & Smith, E. A. (1967). Automated Readability Index. AMRL-TR-66-220,
    Aerospace Medical Research Laboratories, Wright-Patterson AFB. Characters are the
    letters and digits of words (textstat also counts punctuation).
    """
    if not words or not sentences:
        return 0.0
    return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43


# Above this share of difficult words (in percent) the Dale-Chall raw score gets its
# constant; Dale & Chall (1948).
DALE_CHALL_THRESHOLD = 5.0


def dale_chall(words: int, sentences: int, difficult_words: int) -> float:
    """Dale-Chall score: 0.1579 PDW + 0.0496 ASL, plus 3.6365 when PDW > 5 (PDW: percent unfamiliar words).

    Dale, E. & Chall, J. S. (1948). A formula for predicting readability. Educational Research
    Bulletin 27(1): 11-20, 37-54. Familiar words are on the 3,000-word list or regular
    inflections of its words, plus names and numbers (textstat counts both as unfamiliar).
    """
    if not words or not sentences:
        return 0.0
    pdw = 100 * difficult_words / words
    score = 0.1579 * pdw + 0.0496 * (words / sentences)
    return score + 3.6365 if pdw > DALE_CHALL_THRESHOLD else score


# The Linsear Write sample: the first 100 words of the text.
LINSEAR_SAMPLE_WORDS = 100


def linsear_write(easy_words: int, hard_words: int, sentences: float) -> float:
    """Linsear Write: r = (easy + 3 hard) / sentences over a 100-word sample; r/2 if r > 20, else (r - 2)/2.

    O'Hayre, J. (1966). Gobbledygook Has Gotta Go. U.S. Department of the Interior, Bureau of
    Land Management. Easy words have one or two syllables, hard words three or more.
    """
    if not sentences or not easy_words + hard_words:
        return 0.0
    r = (easy_words + 3 * hard_words) / sentences
    return r / 2 if r > 20 else (r - 2) / 2


def spache(words: int, sentences: int, difficult_words: int) -> float:
    """Spache grade: 0.141 (words/sentences) + 0.086 (percent unfamiliar words) + 0.839.

    Spache, G. (1953). A new readability formula for primary-grade reading materials.
    Elementary School Journal 53(7): 410-413. Unfamiliar words are judged against the
    Dale-Chall list, as textstat does (Spache's own list is for primary grades).
    """
    if not words or not sentences:
        return 0.0
    return 0.141 * (words / sentences) + 0.086 * (100 * difficult_words / words) + 0.839


def mcalpine_eflaw(words: int, sentences: int, mini_words: int) -> float:
    """McAlpine EFLAW: (words + mini_words) / sentences, mini words having three letters or fewer.

    McAlpine, R. (2006). From Plain English to Global English, the article that introduced the
    EFLAW score for readers of English as a foreign language (scale: 20 or less very easy,
    30 or more very confusing); described by Nirmaldasan (2009), "McAlpine EFLAW
    Readability Score", The Strain Index.
    """
    if not sentences:
        return 0.0
    return (words + mini_words) / sentences


# --- Spanish ---------------------------------------------------------------------------------


def fernandez_huerta(words: int, sentences: int, syllables: int) -> float:
    """Fernández Huerta reading ease: 206.84 - 0.60 P - 1.02 F (P syllables per 100 words, F words per sentence).

    Fernández Huerta, J. (1959). Medidas sencillas de lecturabilidad. Consigna 214: 29-32.
    """
    if not words or not sentences:
        return 0.0
    return 206.84 - 0.60 * (100 * syllables / words) - 1.02 * (words / sentences)


def szigriszt_pazos(words: int, sentences: int, syllables: int) -> float:
    """Szigriszt-Pazos perspicuity: 206.835 - 62.3 (syllables/words) - (words/sentences).

    Szigriszt Pazos, F. (1993). Sistemas predictivos de legibilidad del mensaje escrito:
    fórmula de perspicuidad. Doctoral thesis, Universidad Complutense de Madrid.
    (textstat uses 206.84, its Fernández Huerta constant.)
    """
    if not words or not sentences:
        return 0.0
    return 206.835 - 62.3 * (syllables / words) - words / sentences


def gutierrez_polini(words: int, sentences: int, letters: int) -> float:
    """Gutiérrez de Polini comprehensibility: 95.2 - 9.7 (letters/words) - 0.35 (words/sentences).

    Gutiérrez de Polini, L. E. (1972). Investigación sobre lectura en Venezuela. Primeras
    Jornadas de Educación Primaria, Ministerio de Educación, Caracas.
    """
    if not words or not sentences:
        return 0.0
    return 95.2 - 9.7 * (letters / words) - 0.35 * (words / sentences)


def crawford(words: int, sentences: int, syllables: int) -> float:
    """Crawford grade: -0.205 OP + 0.049 SI - 3.407 (OP sentences and SI syllables per 100 words).

    Crawford, A. N. (1989). Fórmula y gráfico para determinar la comprensibilidad de textos
    de nivel primario en castellano. Lectura y Vida 10(4).
    """
    if not words or not sentences:
        return 0.0
    return -0.205 * (100 * sentences / words) + 0.049 * (100 * syllables / words) - 3.407


# --- German ----------------------------------------------------------------------------------


def amstad(words: int, sentences: int, syllables: int) -> float:
    """Amstad reading ease (Flesch for German): 180 - (words/sentences) - 58.5 (syllables/words).

    Amstad, T. (1978). Wie verständlich sind unsere Zeitungen? Doctoral thesis, Universität Zürich.
    """
    if not words or not sentences:
        return 0.0
    return 180 - words / sentences - 58.5 * (syllables / words)


def wiener_sachtextformel(words: int, sentences: int, polysyllables: int, long_words: int, monosyllables: int) -> float:
    """First Wiener Sachtextformel: 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875.

    Bamberger, R. & Vanecek, E. (1984). Lesen - Verstehen - Lernen - Schreiben. Jugend und
    Volk, Wien. MS: percent words of three or more syllables, SL: words per sentence, IW:
    percent words over six letters, ES: percent one-syllable words. A school grade.
    """
    if not words or not sentences:
        return 0.0
    ms = 100 * polysyllables / words
    iw = 100 * long_words / words
    es = 100 * monosyllables / words
    return 0.1935 * ms + 0.1672 * (words / sentences) + 0.1297 * iw - 0.0327 * es - 0.875


# --- French, Italian, Dutch and more -----------------------------------------------------------


def kandel_moles(words: int, sentences: int, syllables: int) -> float:
    """Kandel-Moles reading ease (Flesch for French): 207 - 1.015 (words/sentences) - 73.6 (syllables/words).

    Kandel, L. & Moles, A. (1958). Application de l'indice de Flesch à la langue française.
    Cahiers Études de Radio-Télévision 19: 253-274.
    """
    if not words or not sentences:
        return 0.0
    return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)


def lix(words: int, sentences: int, long_words: int) -> float:
    """LIX: words/sentences + 100 long_words/words, long words having more than six letters.

    Björnsson, C. H. (1968). Läsbarhet. Liber, Stockholm.
    """
    if not words or not sentences:
        return 0.0
    return words / sentences + 100 * long_words / words


def gulpease(words: int, sentences: int, letters: int) -> float:
    """Gulpease index: 89 + (300 sentences - 10 letters) / words.

    Lucisano, P. & Piemontese, M. E. (1988). GULPEASE: una formula per la predizione della
    difficoltà dei testi in lingua italiana. Scuola e Città 39(3): 110-124. (textstat counts
    every non-space character, punctuation included, as a letter.)
    """
    if not words:
        return 0.0
    return 89 + (300 * sentences - 10 * letters) / words


def flesch_vacca(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Vacca reading ease (Flesch for Italian): 217 - 1.3 (words/sentences) - 0.6 (syllables per 100 words).

    Franchina, V. & Vacca, R. (1986). Adaptation of Flesch readability index on a bilingual
    text written by the same author both in Italian and English languages. Linguaggi 3: 47-49.
    """
    if not words or not sentences:
        return 0.0
    return 217 - 1.3 * (words / sentences) - 0.6 * (100 * syllables / words)


def douma(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Douma reading ease (Dutch): 206.835 - 0.93 (words/sentences) - 77 (syllables/words).

    Douma, W. H. (1960). De leesbaarheid van landbouwbladen: een onderzoek naar en een
    toepassing van leesbaarheidsformules. Bulletin 17, Afdeling Sociologie en
    Sociografie, Landbouwhogeschool Wageningen.
    """
    if not words or not sentences:
        return 0.0
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


def brouwer(words: int, sentences: int, syllables: int) -> float:
    """Brouwer reading index A (Dutch): 195 - 2 (words/sentences) - 2/3 (syllables per 100 words).

    Brouwer, R. H. M. (1963). Onderzoek naar de leesmoeilijkheid van Nederlands proza.
    Pedagogische Studiën 40: 454-464.
    """
    if not words or not sentences:
        return 0.0
    return 195 - 2 * (words / sentences) - (2 / 3) * (100 * syllables / words)
