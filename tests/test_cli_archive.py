"""`copydesk analyze` over archives and in CI: directories, stdin, five output formats, --jobs, options, gates, --version."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from copydesk.api import cli_analyze
from tests.conftest import SEED_PATH
from tests.test_cli import BIN, COMMAND_TIMEOUT, api_report, run

FLOOD = "Officials said 3,000 homes were flooded. The repairs will cost $4 million.\n"
ATTRIBUTED = "The mayor said 40 roads were closed.\n"


@pytest.fixture
def archive(tmp_path):
    """A folder of three stories (one nested, one not text) and a file that is no article."""
    (tmp_path / "a.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.md").write_text("# Roads\n\n" + ATTRIBUTED, encoding="utf-8")
    (tmp_path / "b" / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    return tmp_path


def records(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode().splitlines()]


def test_a_directory_is_walked_recursively_for_article_files_in_sorted_order(archive):
    result = run("analyze", "--format", "jsonl", str(archive))
    names = [r["file"] for r in records(result.stdout)]
    assert names == [str(archive / "a.txt"), str(archive / "b" / "c.md"), str(archive / "empty.txt")]
    assert "Is a directory" not in result.stderr.decode()


def test_glob_picks_the_files_of_a_directory(archive):
    result = run("analyze", "--format", "jsonl", "--glob", "*.md", str(archive))
    assert [r["file"] for r in records(result.stdout)] == [str(archive / "b" / "c.md")]
    assert result.returncode == 0


def test_jsonl_has_one_record_per_input_and_an_error_record_for_one_that_fails(archive):
    result = run("analyze", "--format", "jsonl", str(archive / "a.txt"), str(archive / "missing.txt"), str(archive / "empty.txt"))
    first, missing, empty = records(result.stdout)
    assert first["report"] == api_report(FLOOD)
    assert missing == {"file": str(archive / "missing.txt"), "error": "cannot read: No such file or directory"}
    assert empty["error"].startswith("cannot analyze: the article has no words")
    assert result.returncode == cli_analyze.EXIT_FAILED


def test_jobs_keep_the_order_given_and_give_the_same_records(archive):
    paths = [str(archive / "a.txt"), str(SEED_PATH), str(archive / "b" / "c.md")] * 3
    one = run("analyze", "--format", "jsonl", *paths)
    two = run("analyze", "--format", "jsonl", "--jobs", "2", *paths)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [r["file"] for r in records(two.stdout)] == paths


def test_csv_is_one_row_per_input_with_the_headline_figures(archive):
    result = run("analyze", "--format", "csv", str(archive / "a.txt"), str(archive / "missing.txt"))
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert list(rows[0]) == list(cli_analyze.CSV_COLUMNS)
    report = api_report(FLOOD)
    assert rows[0]["file"] == str(archive / "a.txt") and rows[0]["error"] == ""
    assert int(rows[0]["unattributed"]) == report["claims"]["unattributed"]
    assert float(rows[0]["grade"]) == report["readability"]["grade"]
    assert int(rows[0]["words"]) == report["read_time"]["words"]
    assert rows[1]["error"].startswith("cannot read") and rows[1]["grade"] == ""


def test_github_annotations_point_at_the_line_and_column_of_each_unattributed_claim(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Roads\n\nThe mayor said 40 roads were closed. Repairs cost $4 million.\n", encoding="utf-8")
    result = run("analyze", "--format", "github", str(story))
    (line,) = result.stdout.decode().splitlines()
    assert line.startswith(f"::warning file={story},line=3,col=38,endLine=3,endColumn=62,title=copydesk%3A unsourced figure claim::")
    assert "$4 million" in line


def test_options_reach_the_analysis(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Two senior officials said 3,000 homes were flooded.\n", encoding="utf-8")
    def claims(*options: str) -> list[dict]:
        return records(run("analyze", "--format", "jsonl", *options, str(story)).stdout)[0]["report"]["claims"]["items"]
    assert [c["status"] for c in claims()] == ["vague"]
    assert [c["status"] for c in claims("--no-anonymous-as-vague")] == ["attributed"]
    rules = claims()[0]["rules"]
    disabled = claims("--disabled-rules", ",".join(rules))
    assert not disabled or disabled[0]["rules"] != rules
    emoji = tmp_path / "emoji.txt"
    emoji.write_text("😀 The mayor said 40 roads were closed.\n", encoding="utf-8")
    code_points = records(run("analyze", "--format", "jsonl", str(emoji)).stdout)[0]["report"]["units"][0]
    utf16 = records(run("analyze", "--format", "jsonl", "--offsets", "utf16", str(emoji)).stdout)[0]["report"]["units"][0]
    assert utf16["end"] == code_points["end"] + 1


def test_an_option_error_is_reported_once_before_any_input(archive):
    result = run("analyze", "--profile", "poetry", *[str(archive / "a.txt")] * 50)
    assert result.returncode == cli_analyze.EXIT_FAILED
    assert result.stderr.decode().count("profile must be one of") == 1
    assert not result.stdout


@pytest.mark.parametrize(
    ("gate", "status"),
    [
        (["--max-unattributed", "0"], 1),  # the flood story has unattributed claims
        (["--max-unattributed", "5"], 0),
        (["--max-grade", "0.5"], 1),
        (["--max-grade", "30"], 0),
    ],
)
def test_gates_set_the_exit_status(archive, gate, status):
    result = run("analyze", "--format", "jsonl", *gate, str(archive / "a.txt"), str(archive / "b" / "c.md"))
    assert result.returncode == status, result.stderr
    assert len(records(result.stdout)) == 2  # the records are written either way
    if status:
        # the message names the files over the gate, with their figure
        assert f"{archive / 'a.txt'} (" in result.stderr.decode()
    else:
        assert not result.stderr


def test_the_unattributed_gate_names_only_the_files_over_it(archive):
    result = run("analyze", "--format", "jsonl", "--max-unattributed", "0", str(archive / "a.txt"), str(archive / "b" / "c.md"))
    assert "1 of 2 files have more than 0 unattributed claims" in result.stderr.decode()
    assert "c.md" not in result.stderr.decode()


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("copydesk ")


def test_the_first_record_is_written_before_the_last_input_is_read(tmp_path):
    # streaming: with stdin last and held open, the first file's record arrives before stdin closes
    story = tmp_path / "a.txt"
    story.write_text(FLOOD, encoding="utf-8")
    proc = subprocess.Popen(
        [str(BIN / "copydesk"), "analyze", "--format", "jsonl", str(story), str(story)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    first = proc.stdout.readline()
    assert json.loads(first)["file"] == str(story)
    proc.stdout.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.wait(timeout=COMMAND_TIMEOUT) == 0
