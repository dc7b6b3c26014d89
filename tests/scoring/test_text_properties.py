"""Properties of the text model that must hold for any input, checked with hypothesis."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.scoring.text import build_document

# Characters that stress the model: line ends, NBSP, curly quotes, emoji, right-to-left
# text, combining marks, NUL and other controls, lone surrogates, sentence punctuation.
TRICKY = (
    "\r\n\u00a0\u2028\t\x00\x07\x1f\u200b\ufeff"
    "\u201c\u201d\u2018\u2019\"'()[]"
    ".!?\u2026,;:-\u2014$%"
    "\U0001f600\u05e9\u05dc\u05d5\u05dd\u0627\u0644\u0301\u0308e\u0301"
    "\ud800\udfff"
)
alphabet = st.one_of(
    st.sampled_from(list(TRICKY)),
    st.sampled_from(list("abcXYZ019 ")),
    st.characters(),
)
texts = st.lists(
    st.one_of(st.text(alphabet, max_size=12), st.sampled_from(["Dr.", "U.S.", " a.m. ", "3.5%", "...", "\n\n", "By X\n", '."', '?"'])),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_units_are_ordered_disjoint_and_slice_to_their_text(text):
    doc = build_document(text)
    previous_end = 0
    for i, unit in enumerate(doc.units):
        assert unit.index == i
        assert previous_end <= unit.start < unit.end <= len(text)
        assert doc.text[unit.start : unit.end] == unit.text
        previous_end = unit.end


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_units_cover_every_character_that_is_not_white_space(text):
    doc = build_document(text)
    covered = bytearray(len(text))
    for unit in doc.units:
        covered[unit.start : unit.end] = b"\x01" * (unit.end - unit.start)
    for i, ch in enumerate(doc.norm):
        if ch not in " \n":
            assert covered[i], (i, text[i])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_tokens_lie_inside_their_unit_and_match_the_folded_text(text):
    doc = build_document(text)
    assert len(doc.norm) == len(doc.text) == len(text)
    for unit in doc.units:
        end = unit.start
        for token in unit.tokens:
            assert end <= token.start < token.end <= unit.end
            assert doc.norm[token.start : token.end] == token.text
            end = token.end


@settings(max_examples=200, deadline=None)
@given(texts)
def test_paragraphs_hold_their_units_in_order(text):
    doc = build_document(text)
    flat = [u for p in doc.paragraphs for u in p.units]
    assert flat == list(doc.units)
    for p in doc.paragraphs:
        assert all(u.paragraph == p.index for u in p.units)
        assert p.start == p.units[0].start and p.end == p.units[-1].end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_norm_writes_white_space_as_space_or_newline_and_units_end_on_tokens(text):
    # repetition._words relies on both: its short path skips split() when a unit has neither
    # a newline nor a double space
    doc = build_document(text)
    assert all(ch in " \n" for ch in doc.norm if ch.isspace())
    for unit in doc.units:
        span = doc.norm[unit.start : unit.end]
        assert span == span.strip()
