"""The library's public face: `from copydesk import analyze` and its result types, as the README shows them."""

from __future__ import annotations

import ast
import contextlib
import io
import re
import subprocess
import sys

import pytest

import copydesk
from copydesk import scoring
from copydesk.api import reports
from copydesk.scoring import errors, options, report, results, text
from tests.conftest import ROOT, SEED_PATH

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_python(heading: str) -> str:
    """The ```python block of a README section."""
    match = re.search(rf"^{re.escape(heading)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README has no section {heading}"
    (block,) = re.findall(r"```python\n(.*?)```", match.group(1), re.S)
    return block


def test_the_readme_example_runs_and_prints_what_the_report_says(monkeypatch):
    monkeypatch.chdir(ROOT)  # the example opens the seed by its path in the repository
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_python("## Using the library"), "README.md", "exec"), {})  # noqa: S102
    seed = copydesk.analyze(SEED_PATH.read_text(encoding="utf-8"), options=copydesk.Options(words_per_minute=200))
    first, *claims = out.getvalue().splitlines()
    assert first == f"{seed.readability.grade} {seed.read_time.label} {seed.repetition.index}"
    # one line per vague or unsourced claim, which the seed has
    assert len(claims) == seed.claims.unattributed > 0
    assert all(line.split()[0] in ("vague", "unsourced") for line in claims)


def test_every_public_name_is_the_library_object_itself():
    homes = {"report": report, "options": options, "errors": errors, "results": results, "text": text, "api.reports": reports}  # rename-imports: ok
    for name in copydesk.__all__:
        assert getattr(copydesk, name) is getattr(homes[copydesk._HOMES[name]], name), name
    # every result type a Report holds is public
    public_results = {n for n, v in vars(results).items() if isinstance(v, type) and v.__module__ == results.__name__}
    assert public_results <= set(copydesk.__all__), public_results - set(copydesk.__all__)
    # and every error the library raises
    public_errors = {n for n, v in vars(errors).items() if isinstance(v, type) and issubclass(v, Exception)}
    assert public_errors <= set(copydesk.__all__), public_errors - set(copydesk.__all__)
    assert set(copydesk.__all__) <= set(dir(copydesk))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'anlyze'"):
        copydesk.anlyze  # noqa: B018


def test_importing_copydesk_imports_no_analysis():
    # `import copydesk.api.cli` (the command) goes through copydesk/__init__.py: it must stay empty
    code = "import sys, copydesk; print(sorted(m for m in sys.modules if m.startswith('copydesk')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True).stdout
    assert ast.literal_eval(loaded) == ["copydesk"]


def test_the_package_is_copydesk_and_the_old_names_are_refused():
    assert scoring.__name__ == "copydesk.scoring" and scoring.analyze is copydesk.analyze
    assert not {m for m in sys.modules if m.partition(".")[0] in ("scoring", "api")}  # rename-imports: ok
    for old in ("scoring", "api.wsgi"):  # rename-imports: ok
        top = old.partition(".")[0]  # a submodule's import fails at its package
        with pytest.raises(ModuleNotFoundError, match=rf"import copydesk\.{top}, not {top} "):
            __import__(old)
