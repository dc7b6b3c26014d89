"""Claims invariants on generated text: never an exception, counts that add up, offsets that point at what they name."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk.scoring import figures
from copydesk.scoring.claims import analyze
from copydesk.scoring.options import Options
from copydesk.scoring.text import build_document

# Words that exercise every rule: reporting verbs, source heads, pronouns, modals, quotes.
VOCABULARY = (
    "said", "says", "told", "according", "to", "citing", "by", "was", "is", "it", "has", "been",
    "reported", "he", "she", "they", "its", "the", "a", "officials", "experts", "Reuters",
    "Harlow", "police", "report", "study", "found", "that", "reportedly", "an", "estimated",
    "first", "largest", "record", "never", "no", "more", "than", "may", "will", "should", "who",
    "of", "at", "one", "them", "Dr.", "Smith", "spokesperson", "40", "3.5%", "$4", "million",
    ",", ".", "?", '"', ":", "\n\n", "widely", "believed", "as", "in", "Monday", "2019",
    "called", "criticized", "linked", "not", "did", "None", "figures", "released", "recorded",
    "and", "If", "I", "felt", "only", "third", "researchers", "declined", "Investigators",
    "speaking", "condition", "anonymity",
)

texts = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
@example('said report . " Dr. said', False)  # a vague cue carried into an orphan quotation keeps its own text
def test_claims_invariants(text, anonymous_as_vague):
    doc = build_document(text)
    result = analyze(doc, figures.find(doc), Options(anonymous_as_vague=anonymous_as_vague))
    assert result.total == len(result.items) == result.attributed + result.vague + result.unsourced
    assert result.unattributed == result.vague + result.unsourced
    assert sum(s.claims for s in result.sources) == result.attributed
    units = {u.index: u for u in doc.units}
    for claim in result.items:
        assert units[claim.unit].type == "sentence"
        assert claim.rules and claim.reason
        for cue in claim.cues:
            assert doc.text[cue.start : cue.end] == cue.text
        if claim.source_start is not None:
            assert 0 <= claim.source_start < claim.source_end <= len(doc.text)
        if claim.status == "attributed":
            assert claim.source
        else:
            assert claim.source is None
