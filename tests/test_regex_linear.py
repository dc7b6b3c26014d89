"""Every compiled regular expression in scoring/ and api/ finishes on large hostile inputs (linear time, no hang).

The patterns and the inputs come from bench/regex_audit.py (runs of one character, pairs
of alternating characters, the pattern's own words repeated without their terminator).
The bound is generous, seconds per pattern, to catch catastrophic backtracking, which
takes minutes to forever at these sizes; it is not a timing.
"""

from __future__ import annotations

import importlib.util
import time

import pytest

from tests.conftest import ROOT

# 16 KiB: a quadratic pattern does ~270 million steps per input here, and there are
# hundreds of inputs per pattern, far past the bound below; an exponential one never ends.
SIZE = 16 * 1024
HANG_BOUND_SECONDS = 20.0


def _audit():
    spec = importlib.util.spec_from_file_location("regex_audit", ROOT / "bench" / "regex_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


AUDIT = _audit()
PATTERNS = AUDIT.patterns()
# str and bytes patterns together: order them by where they live
SOURCES = sorted(PATTERNS, key=lambda source: PATTERNS[source][1])


def test_the_audit_finds_the_project_patterns():
    wheres = {where for _, where in PATTERNS.values()}
    assert any(w.startswith("copydesk.scoring.text.") for w in wheres)
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("source", SOURCES, ids=[PATTERNS[s][1] for s in SOURCES])
def test_pattern_finishes_on_hostile_input(source):
    regex, _ = PATTERNS[source]
    start = time.process_time()
    for text in AUDIT.hostile_inputs(source, SIZE):
        for _ in regex.finditer(text):
            pass
    assert time.process_time() - start < HANG_BOUND_SECONDS


# Possessive quantifiers and atomic groups (new in Python 3.11) match wrongly in CPython
# 3.11.0-3.11.2, which Debian bookworm ships and the container image may run: the tokenizer's
# possessive pattern gave empty tokens there. Linearity must come from the patterns' shape.
NEWER_SYNTAX = ("*+", "++", "?+", "}+", "(?>")


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: PATTERNS[source][1])
def test_no_possessive_quantifier_or_atomic_group(source):
    pattern = source.decode("latin-1") if isinstance(source, bytes) else source
    unescaped = pattern.replace("\\\\", "").replace("\\*", "").replace("\\+", "").replace("\\?", "").replace("\\}", "").replace("\\(", "")
    found = [syntax for syntax in NEWER_SYNTAX if syntax in unescaped]
    assert not found, f"{PATTERNS[source][1]} uses {found}"
