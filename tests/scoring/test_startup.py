"""Start-up stays lean: scoring a plain-text article imports none of the modules only other paths need.

Each check runs a fresh interpreter without site-packages (-S: scoring needs only the
standard library, and the editable install's finder would import pathlib itself) and lists
what the run imported. bench/startup.py shows the time this saves.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

import pytest

import copydesk
from copydesk.api import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_af487410b511baf4.txt"

# Parsers of the data files' sources (their compiled copies load with marshal), and what
# reading package data through importlib.resources imports.
DATA_PARSING = {"tomllib", "importlib.resources", "zipfile"}
# hashlib loads OpenSSL; pathlib brings urllib.parse and ipaddress; json is for --json only.
OTHER_SLOW = {"hashlib", "_hashlib", "pathlib", "json"}
# Markdown, HTML and the web layer are imported on first use.
ON_DEMAND = {"markdown_it", "html.parser", "copydesk.scoring.html_reader", "flask", "marshmallow", "copydesk.api.reports", "copydesk.api.schemas"}
# What argparse's own help formatter imports to read the terminal's width (the CLI reads it itself).
TERMINAL_SIZE = {"shutil", "bz2", "lzma"}

# Without site-packages (-S) the child finds copydesk where this run does: the installed copy's
# folder, or, for an editable install, src/ and the repository's scoring/ and api/ mapped as
# pyproject.toml's package-dir maps them (the editable install's own finder is in site-packages).
FIND_COPYDESK = f"""
import sys
from importlib.machinery import PathFinder
sys.path.append({str(Path(copydesk.__file__).resolve().parents[1])!r})
class _PackageDir:
    find_spec = staticmethod(lambda name, path=None, target=None: PathFinder.find_spec(name, [{str(ROOT)!r}])
                             if name in ("copydesk.scoring", "copydesk.api") else None)
sys.meta_path.append(_PackageDir)
"""


def _modules_after(code: str) -> set[str]:
    """Modules a fresh `python -S` imported while running `code` (their list is printed last on stderr)."""
    before = FIND_COPYDESK + "_seen = set(sys.modules)\n"
    after = "\nprint(sorted(set(sys.modules) - _seen), file=sys.stderr)"
    proc = subprocess.run(
        [sys.executable, "-S", "-c", before + code + after],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return set(ast.literal_eval(proc.stderr.strip().splitlines()[-1]))


def test_scoring_an_article_imports_no_data_parser_or_slow_module():
    code = f"from copydesk import scoring\nscoring.analyze(open({str(SEED)!r}, encoding='utf-8').read())"
    loaded = _modules_after(code)
    assert "copydesk.scoring.report" in loaded and "copydesk.scoring.lexicons" in loaded  # the check sees the analysis
    assert not loaded & (DATA_PARSING | OTHER_SLOW | ON_DEMAND)


def test_the_cli_analyzing_a_text_file_imports_no_web_layer_or_slow_module():
    code = (
        "import contextlib, io\n"
        "from copydesk.api.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['analyze', {str(SEED)!r}]) == 0\n"
    )
    loaded = _modules_after(code)
    assert "copydesk.api.cli" in loaded and "copydesk.scoring.report" in loaded
    assert not loaded & (DATA_PARSING | OTHER_SLOW | ON_DEMAND | TERMINAL_SIZE)


def test_module_lists_are_read_from_the_child():
    # The helper itself must see an import the code makes, or the checks above prove nothing.
    assert {"tomllib", "json"} <= _modules_after("import json, tomllib")


@pytest.mark.parametrize("columns", [None, "", "abc", "0", "-3", "33", "100", "250"])
def test_the_cli_reads_the_terminal_width_as_shutil_does(columns, monkeypatch):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert cli.terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.parametrize("columns", ["40", "80", "100", "160"])
@pytest.mark.parametrize("argv", [[], ["analyze"], ["serve"]])
def test_the_cli_help_is_argparse_default_help(columns, argv, monkeypatch):
    monkeypatch.setenv("COLUMNS", columns)

    def help_text(formatter_class):
        parser = cli.build_parser(formatter_class)
        if argv:
            subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            parser = subparsers.choices[argv[0]]
        return parser.format_help(), parser.format_usage()

    assert help_text(cli.help_formatter) == help_text(argparse.HelpFormatter)


@pytest.mark.parametrize(
    "path",
    ["a.md", "dir/a.MD", "..md", ".md", "a.", "a..md", "x/.hidden.txt", "a.tar.gz", "dir.md/file", "dir/file.md/",
     "a/../b.html", "noext", "./a.htm", "/abs/x.markdown", "a b.md", "a.md.", "-"],
)
def test_the_cli_reads_extensions_as_pathlib_does(path):
    assert cli._suffix(path) == PurePath(path).suffix
