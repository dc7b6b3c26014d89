"""When CI runs the library's tests against the mypyc build (.ci/run), they really import compiled modules."""

from __future__ import annotations

import os

import pytest

import scoring.claims
import scoring.readability
import scoring.text


@pytest.mark.skipif(os.environ.get("COPYDESK_EXPECT_COMPILED") != "1", reason="not the compiled run (.ci/run sets COPYDESK_EXPECT_COMPILED=1)")
def test_the_compiled_run_imports_extension_modules():
    files = [m.__file__ for m in (scoring.text, scoring.readability, scoring.claims)]
    assert all(f and f.endswith(".so") for f in files), files
