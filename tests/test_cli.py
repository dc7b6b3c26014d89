"""The `copydesk` command: formats, summaries, JSON, exit statuses, and the README's examples run as written."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.api import cli
from tests.conftest import ROOT, SEED_PATH

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
# Guards against a hang, not timings.
COMMAND_TIMEOUT = 120


def run(*args: str, stdin: str | bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `copydesk ARGS` as a separate process, the way a user would."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [str(BIN / "copydesk"), *args], input=data, capture_output=True, cwd=cwd, timeout=COMMAND_TIMEOUT, check=False
    )


def readme_blocks(heading: str) -> list[str]:
    """The ```sh blocks of a README section (up to the next heading of any level)."""
    # the next heading is "## " or "### " at a line start; comments in the blocks start with "# "
    match = re.search(rf"^{re.escape(heading)}\n(.*?)(?=^#{{2,3}} |\Z)", README, re.S | re.M)
    assert match, f"README has no section {heading}"
    return re.findall(r"```sh\n(.*?)```", match.group(1), re.S)


def commands(block: str) -> list[str]:
    """The commands of a block: its lines that are not comments, continuation lines joined."""
    joined = block.replace("|\n", "| ").replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def api_report(text: str, format: str = "text") -> dict:
    from copydesk.api import create_app

    response = create_app({"TESTING": True}).test_client().post("/v1/analyze", json={"text": text, "format": format})
    return response.get_json()


@pytest.mark.parametrize(
    ("path", "given", "expected"),
    [
        ("story.txt", None, "text"),
        ("story.HTML", None, "html"),
        ("story.htm", None, "html"),
        ("notes/story.md", None, "markdown"),
        ("story.markdown", None, "markdown"),
        ("story", None, "text"),
        ("story.docx", None, "text"),  # unknown: read as text, not refused
        ("-", None, "text"),
        ("story.txt", "html", "html"),  # --input-format wins over the extension
    ],
)
def test_the_format_comes_from_the_option_else_the_extension(path, given, expected):
    assert cli.format_of(path, given) == expected


def test_the_summary_shows_scores_read_time_repetition_and_unattributed_claims_with_their_sentences():
    result = run("analyze", str(SEED_PATH))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    report = api_report(SEED_PATH.read_text(encoding="utf-8"))
    for score in report["readability"]["scores"]:
        assert score["name"] in out and score["band"] in out
    assert report["read_time"]["label"] in out
    claims = report["claims"]
    assert f"{claims['attributed']} attributed, {claims['vague']} vague, {claims['unsourced']} unsourced" in out
    unattributed = [c for c in claims["items"] if c["status"] != "attributed"]
    assert unattributed
    assert out.count("[unsourced]") + out.count("[vague]") == len(unattributed)
    first = report["units"][unattributed[0]["unit"]]["text"]
    assert first[:60] in out
    assert f"{len(report['repetition']['restatements'])} restated sentence" in out


def test_json_is_an_array_of_file_and_the_api_report_even_for_one_file():
    result = run("analyze", "--json", str(SEED_PATH))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"file": str(SEED_PATH), "report": api_report(SEED_PATH.read_text(encoding="utf-8"))}]
    assert run("analyze", "--format", "json", str(SEED_PATH)).stdout == result.stdout


def test_stdin_and_markup_formats(tmp_path):
    html = "<h1>Flood defenses</h1><p>Experts say the river <b>will</b> flood again within 10 years.</p>"
    page = tmp_path / "story.html"
    page.write_text(html, encoding="utf-8")
    (from_file,) = [r["report"] for r in json.loads(run("analyze", "--json", str(page)).stdout)]
    (from_stdin,) = [r["report"] for r in json.loads(run("analyze", "--json", "--input-format", "html", "-", stdin=html).stdout)]
    assert from_file == from_stdin == api_report(html, "html")
    assert from_file["format"] == "html" and "<b>" not in from_file["text"]


def test_several_files_as_json_are_an_array_of_file_and_report(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("The mayor said 40 roads were closed.", encoding="utf-8")
    result = run("analyze", "--json", str(SEED_PATH), str(other))
    document = json.loads(result.stdout)
    assert [item["file"] for item in document] == [str(SEED_PATH), str(other)]
    assert document[1]["report"] == api_report("The mayor said 40 roads were closed.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read: No such file or directory"),
        (b"\xff\xfeNot UTF-8 \xe9t\xe9", "cannot read: not UTF-8 text"),
        (b"   \n\n  ", "cannot analyze: the article has no words to analyze"),
    ],
)
def test_an_input_that_cannot_be_read_or_analyzed_fails_and_the_others_are_still_reported(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    result = run("analyze", str(bad), str(SEED_PATH))
    assert result.returncode == cli.EXIT_INPUT_FAILED
    assert f"{bad}: {message}" in result.stderr.decode()
    assert str(SEED_PATH) in result.stdout.decode() and "Readability" in result.stdout.decode()


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["analyze", "--words-per-minute", "5", str(SEED_PATH)], 1),  # an option out of range
        (["analyze"], 2),  # no file
        (["analyze", "--format", "pdf", str(SEED_PATH)], 2),
        (["analyze", "--jobs", "-1", str(SEED_PATH)], 2),
        (["analyze", "--max-unattributed", "some", str(SEED_PATH)], 2),
        (["publish"], 2),
        ([], 2),
    ],
)
def test_a_wrong_command_line_fails_with_a_message(args, status):
    result = run(*args)
    assert result.returncode == status
    assert result.stderr.strip()
    assert not result.stdout.strip()


def test_analyze_does_not_import_flask_and_only_json_imports_marshmallow():
    probe = (
        "import sys, io, contextlib\n"
        "from copydesk.api.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(sys.argv[1:])\n"
        "print(' '.join(m for m in ('flask', 'marshmallow') if m in sys.modules))\n"
    )
    summary = subprocess.run(
        [sys.executable, "-c", probe, "analyze", str(SEED_PATH)], capture_output=True, text=True, cwd=ROOT, timeout=COMMAND_TIMEOUT, check=True
    )
    as_json = subprocess.run(
        [sys.executable, "-c", probe, "analyze", "--json", str(SEED_PATH)], capture_output=True, text=True, cwd=ROOT, timeout=COMMAND_TIMEOUT, check=True
    )
    assert summary.stdout.strip() == ""
    assert as_json.stdout.strip() == "marshmallow"


def readme_cli(line: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a README command line as written, in `cwd` (holding a link to seeds/), with this environment's `copydesk`."""
    # as written after the quick start; the installed command of whichever environment runs the tests
    assert line.count(".venv/bin/copydesk ") == 1, line
    (cwd / "seeds").symlink_to(ROOT / "seeds")
    line = line.replace(".venv/bin/copydesk ", f"{BIN / 'copydesk'} ")
    return subprocess.run(["bash", "-o", "pipefail", "-c", line], capture_output=True, text=True, cwd=cwd, timeout=COMMAND_TIMEOUT, check=False)


def test_the_readme_analyze_examples_run_as_written(tmp_path):
    (block, _gate, _serve) = readme_blocks("## Command line")
    lines = commands(block)
    assert len(lines) >= 6
    for n, line in enumerate(lines):
        (tmp_path / str(n)).mkdir()
        result = readme_cli(line, tmp_path / str(n))
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        if "--json" in line:
            assert all(record["report"]["claims"]["items"] for record in json.loads(result.stdout)), line
        elif "jsonl" in line:
            assert len(result.stdout.splitlines()) == len(list((ROOT / "seeds").glob("*.txt"))), line
        elif "csv" in line:
            assert result.stdout.startswith("file,error,"), line
        else:
            assert "Readability" in result.stdout and "Claims" in result.stdout, line


def test_the_readme_ci_example_fails_on_an_unsourced_figure(tmp_path):
    (_analyze, gate, _serve) = readme_blocks("## Command line")
    (line,) = commands(gate)
    result = readme_cli(line, tmp_path)
    assert result.stdout.startswith("::warning file=story.txt,line=1,col=1,")
    assert "unsourced figure claim" in result.stdout
    assert result.stdout.rstrip().endswith("exit status 1")


@pytest.mark.e2e
def test_the_readme_serve_example_starts_the_server_and_stops_on_sigterm(tmp_path):
    from tests.e2e.live import free_port, wait_for_health

    (_analyze, _gate, block) = readme_blocks("## Command line")
    (line,) = commands(block)
    assert line.startswith(".venv/bin/copydesk serve --bind 127.0.0.1:8000")
    line = line.replace(".venv/bin/copydesk ", f"{BIN / 'copydesk'} ")
    port = free_port()
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("GUNICORN_CMD_ARGS", None)
    with (tmp_path / "serve.log").open("w+") as log:
        proc = subprocess.Popen(
            ["bash", "-c", "exec " + line.replace("127.0.0.1:8000", f"127.0.0.1:{port}")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_health(f"http://127.0.0.1:{port}", proc, log)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=COMMAND_TIMEOUT) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    # `copydesk analyze *.txt | head -1`: the pipe closes before the summaries are written
    files = []
    for i in range(3):
        path = tmp_path / f"story{i}.txt"
        path.write_text(SEED_PATH.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(path))
    proc = subprocess.Popen([str(BIN / "copydesk"), "analyze", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # long before the command has imported anything, let alone written
    err = proc.stderr.read().decode()
    status = proc.wait(timeout=COMMAND_TIMEOUT)
    proc.stderr.close()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert status == cli.BROKEN_PIPE_STATUS


def test_the_summary_says_what_was_not_analyzed_for_a_language_without_rules():
    import io

    from copydesk import scoring

    text = "A polícia disse que três pessoas morreram no incêndio de terça-feira no centro da cidade."
    out = io.StringIO()
    cli.print_summary("pt.txt", scoring.analyze(text, options=scoring.Options(language="pt")), out)
    assert "Readability  not available: no readability formulas for Portuguese" in out.getvalue()
    assert "Claims       not analyzed: claims are not analyzed in Portuguese" in out.getvalue()
