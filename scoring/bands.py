"""Turn a formula's value into a band an editor understands and a school-grade equivalent.

Each band function returns `(label, grade)`: the label names the level and its audience,
`grade` is the U.S. school grade the band stands for (None where the scale has none), which
the profiles turn into a green/amber/red verdict.
"""

from __future__ import annotations

import math

Band = tuple[str, float | None]

# Flesch (1948), "A new readability yardstick", table of reading ease: lower bound, style,
# school grade. Used for Flesch reading ease and its adaptations to other languages
# (Fernández Huerta, Amstad, Kandel-Moles, Flesch-Vacca, Douma, Brouwer), which keep its scale.
FLESCH_EASE_BANDS = (
    (90.0, "Very easy", "5th grade", 5.0),
    (80.0, "Easy", "6th grade", 6.0),
    (70.0, "Fairly easy", "7th grade", 7.0),
    (60.0, "Standard", "8th and 9th grade", 8.5),
    (50.0, "Fairly difficult", "10th to 12th grade", 11.0),
    (30.0, "Difficult", "college", 14.0),
    (-math.inf, "Very confusing", "college graduate", 17.0),
)

# Barrio-Cantalejo, I. M. et al. (2008), "Validación de la Escala INFLESZ para evaluar la
# legibilidad de los textos dirigidos a pacientes", Anales del Sistema Sanitario de Navarra
# 31(2): 135-152, the scale for Szigriszt-Pazos perspicuity.
INFLESZ_BANDS = (
    (80.0, "Very easy", "primary school", 5.0),
    (65.0, "Fairly easy", "primary school", 7.0),
    (55.0, "Normal", "secondary school, general press", 9.0),
    (40.0, "Somewhat difficult", "upper secondary, popular science", 12.0),
    (-math.inf, "Very difficult", "university, scientific texts", 16.0),
)

# Chall, J. S. & Dale, E. (1995), Readability Revisited: The New Dale-Chall Readability
# Formula, table of score to grade: upper bound (exclusive), grades, grade equivalent.
DALE_CHALL_BANDS = (
    (5.0, "4th grade and below", 4.0),
    (6.0, "5th and 6th grade", 5.5),
    (7.0, "7th and 8th grade", 7.5),
    (8.0, "9th and 10th grade", 9.5),
    (9.0, "11th and 12th grade", 11.5),
    (10.0, "college", 14.0),
    (math.inf, "college graduate", 16.0),
)

# Lucisano & Piemontese (1988): below 80 hard for readers with elementary schooling, below
# 60 for middle school, below 40 for high school.
GULPEASE_BANDS = (
    (80.0, "Easy for readers with elementary schooling", 5.0),
    (60.0, "Easy for readers with middle-school education", 8.0),
    (40.0, "Easy for readers with high-school education", 12.0),
    (-math.inf, "Difficult even for readers with high-school education", 16.0),
)

# Björnsson (1968), Läsbarhet: LIX upper bounds (exclusive) and the kind of text.
LIX_BANDS = (
    (25.0, "Very easy (children's books)"),
    (35.0, "Easy (fiction)"),
    (45.0, "Medium (newspapers)"),
    (55.0, "Difficult (official texts)"),
    (math.inf, "Very difficult (specialist literature)"),
)

# McAlpine (2006): EFLAW upper bounds (inclusive) for readers of English as a foreign language.
EFLAW_BANDS = (
    (20.0, "Very easy to understand"),
    (25.0, "Quite easy to understand"),
    (29.0, "A little difficult"),
    (math.inf, "Very confusing"),
)


def flesch_ease(value: float) -> Band:
    """Band a Flesch-scale reading ease (higher is easier) by Flesch's 1948 table."""
    for low, style, audience, grade in FLESCH_EASE_BANDS:
        if value >= low:
            return f"{style} ({audience})", grade
    raise AssertionError("unreachable: the last band has no lower bound")


def inflesz(value: float) -> Band:
    """Band a Szigriszt-Pazos perspicuity by the INFLESZ scale."""
    for low, style, audience, grade in INFLESZ_BANDS:
        if value >= low:
            return f"{style} ({audience})", grade
    raise AssertionError("unreachable: the last band has no lower bound")


def school_grade(value: float) -> Band:
    """Band a U.S. school grade with its audience: 'Grade 9 (high school)'."""
    grade = max(0, round(value))
    if grade <= 5:
        audience = "elementary school"
    elif grade <= 8:
        audience = "middle school"
    elif grade <= 12:
        audience = "high school"
    elif grade <= 16:
        audience = "college"
    else:
        audience = "college graduate"
    return f"Grade {grade} ({audience})", value


def dale_chall(value: float) -> Band:
    """Band a Dale-Chall score by Chall & Dale's (1995) grade table."""
    for high, grades, grade in DALE_CHALL_BANDS:
        if value < high:
            return grades.capitalize(), grade
    raise AssertionError("unreachable: the last band has no upper bound")


def gulpease(value: float) -> Band:
    """Band a Gulpease index (0-100, higher is easier) by its authors' reader levels."""
    for low, label, grade in GULPEASE_BANDS:
        if value >= low:
            return label, grade
    raise AssertionError("unreachable: the last band has no lower bound")


def lix(value: float) -> Band:
    """Band a LIX score by Björnsson's kinds of text (no school grade)."""
    for high, label in LIX_BANDS:
        if value < high:
            return label, None
    raise AssertionError("unreachable: the last band has no upper bound")


def eflaw(value: float) -> Band:
    """Band a McAlpine EFLAW score (no school grade)."""
    for high, label in EFLAW_BANDS:
        if value <= high:
            return label, None
    raise AssertionError("unreachable: the last band has no upper bound")


def comprehensibility(value: float) -> Band:
    """Band a 0-100 comprehensibility score that has no published table (Gutiérrez de Polini)."""
    return f"{max(0.0, min(100.0, value)):.0f} of 100 (higher is easier)", None
