"""The findings' message catalogues: every message id in every shipped language, placeholders kept."""

from __future__ import annotations

import pytest

from copydesk.scoring import findings, messages
from copydesk.scoring.errors import LexiconError

ENGLISH = messages.CATALOGUES["en"]


def test_the_shipped_languages():
    assert set(messages.CATALOGUES) == {"en", "es", "de", "fr"} == set(messages.LOCALES)


@pytest.mark.parametrize("locale", messages.LOCALES)
def test_every_message_id_has_every_language_with_the_same_placeholders(locale):
    catalogue = messages.CATALOGUES[locale]
    assert set(catalogue) == set(ENGLISH)
    for key, english in ENGLISH.items():
        assert catalogue[key].strip(), f"{locale}: {key} is empty"
        assert messages.placeholders(catalogue[key]) == messages.placeholders(english), f"{locale}: {key}"
        if locale != "en" and len(english) > 12:
            assert catalogue[key] != english, f"{locale}: {key} is not translated"


def test_every_rule_that_raises_findings_has_a_message_a_short_message_and_a_suggestion():
    for rule in findings.RULES:
        if rule.severity is None:
            continue
        key = findings.message_id(rule.id)
        for suffix in ("", ".short", ".suggest"):
            assert key + suffix in ENGLISH, rule.id + suffix


def test_a_claims_rule_without_its_own_message_takes_the_fallback():
    assert findings.message_id("vague.generic-source") == "vague.generic-source"
    assert findings.message_id("vague.some-new-rule") == findings.VAGUE_FALLBACK
    assert findings.message_id("claim.some-new-rule") == findings.UNSOURCED_FALLBACK


def test_the_po_reader_joins_continued_strings_and_reads_escapes():
    text = (
        '# a comment\nmsgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        'msgctxt "a"\nmsgid "Say \\"{cue}\\""\nmsgstr ""\n"Sagen Sie "\n"\\"{cue}\\""\n'
    )
    assert messages.parse_po(text, "t.po") == {"a": ('Say "{cue}"', 'Sagen Sie "{cue}"')}


@pytest.mark.parametrize("bad", ['msgctxt "a"\nmsgid "x"\nmsgstr "y"\nmsgctxt "a"\nmsgid "x"\nmsgstr "z"\n', 'msgfoo "a"\n', '"dangling"\n', 'msgid x\n'])
def test_the_po_reader_refuses_what_it_cannot_read(bad):
    with pytest.raises(LexiconError):
        messages.parse_po(bad, "t.po")


def test_render_fills_placeholders_and_leaves_unknown_ones():
    assert messages.render("{a} and {b}", (("a", "1"),)) == "1 and {b}"


@pytest.mark.parametrize(("tag", "locale"), [(None, "en"), ("de", "de"), ("de-AT", "de"), ("fr_CA", "fr"), ("ES", "es")])
def test_locale_tags_resolve_to_a_catalogue(tag, locale):
    assert messages.resolve_locale(tag) == locale
