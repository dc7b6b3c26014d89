"""analyze pauses the cyclic garbage collector and leaves nothing for it: the analysis makes no reference cycles."""

from __future__ import annotations

import gc

import pytest

from copydesk import scoring
import copydesk.scoring.report
from tests.conftest import SEED_PATH

FORMATS = ("text", "html", "markdown")


def as_format(text: str, format: str) -> str:
    if format == "html":
        return "<article><h1>Story</h1><p>" + text.replace("\n\n", "</p><p>") + "</p></article>"
    return text


@pytest.fixture
def seed() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize("format", FORMATS)
def test_the_analysis_leaves_no_reference_cycles(seed, format):
    scoring.analyze(as_format(seed, format), format=format)  # imports and first-use caches first
    gc.collect()
    gc.disable()
    try:
        report = scoring.analyze(as_format(seed, format), format=format)
        assert report.units
        del report
        # everything the analysis built was freed by reference counting: nothing unreachable is left
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_no_collection_runs_during_the_analysis_and_the_collector_is_on_after(seed):
    runs = []

    def record(phase, info):
        runs.append(phase)

    gc.callbacks.append(record)
    try:
        # the seed's report allocates far more objects than the 700 that start a young collection
        scoring.analyze(seed)
        assert runs == []
        assert gc.isenabled()
        # the same work with the collector left on does collect: the check above can fail
        scoring.report._analyze(seed, "text", None)
        assert runs
    finally:
        gc.callbacks.remove(record)


def test_an_error_turns_the_collector_back_on_and_a_caller_that_turned_it_off_keeps_it_off():
    with pytest.raises(scoring.EmptyTextError):
        scoring.analyze("  ...  ")
    assert gc.isenabled()
    gc.disable()
    try:
        scoring.analyze("The council met on Tuesday.")
        assert not gc.isenabled()
    finally:
        gc.enable()
