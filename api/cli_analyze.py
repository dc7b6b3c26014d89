"""`copydesk analyze`: read files, directories and stdin, analyze each, stream records in one of five formats, gate on findings.

Every input becomes one record, written as soon as it and the inputs before it are done, so
memory stays flat and the first line comes after the first file, whatever the archive's size.
With `--jobs N` the inputs are analyzed in N processes and written in the order given.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

# Output formats; `--json` is `--format json`.
OUTPUT_FORMATS = ("text", "json", "jsonl", "csv", "github")
STDIN = "-"
EXIT_OK = 0
EXIT_FAILED = 1  # an input could not be read or analyzed, or a gate (--max-*) was passed
# A directory given without --glob yields the files whose extension names a format.
DEFAULT_GLOBS = ("*.txt", "*.text", "*.html", "*.htm", "*.xhtml", "*.md", "*.markdown")
# The progress bar appears on a terminal (stderr) from this many inputs on, and is redrawn at
# most this often.
PROGRESS_MIN_INPUTS = 10
PROGRESS_INTERVAL_S = 0.1
# At most this many files are named in a gate's message (the rest are counted).
GATE_NAMES_SHOWN = 10
# The CSV columns: one row per input, the report's headline figures.
CSV_COLUMNS = (
    "file", "error", "format", "language", "units", "words", "read_minutes", "grade",
    "flesch_reading_ease", "repetition_index", "restatements", "repeated_figures", "conflicts",
    "claims", "attributed", "vague", "unsourced", "unattributed",
)


@dataclass(frozen=True, slots=True)
class Task:
    """One input to analyze: its path (or "-" with its text already read) and how to read and write it."""

    path: str
    text: str | None  # stdin's text, read before the work starts; None: read the file
    input_format: str
    output_format: str
    options: dict[str, Any]  # scoring.Options' fields
    offsets: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one input gave: its formatted record, whether it failed, and the figures the gates read."""

    path: str
    record: str
    failed: bool
    unattributed: int | None
    grade: float | None


def inputs(paths: list[str], globs: tuple[str, ...] | None) -> Iterator[str]:
    """The files to analyze: each path as given, directories walked recursively (sorted) for files matching the globs."""
    import fnmatch

    for path in paths:
        if path != STDIN and os.path.isdir(path):
            patterns = globs or DEFAULT_GLOBS
            found = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(os.path.join(folder, f) for f in files if any(fnmatch.fnmatch(f, p) for p in patterns))
            yield from sorted(found)
        else:
            yield path


def check_options(options: dict[str, Any]) -> str | None:
    """The reason the options cannot be used (asked once, before any input), or None."""
    from copydesk import scoring

    try:
        scoring.analyze("The mayor spoke.", options=scoring.Options(**options))
    except scoring.ScoringError as e:
        return str(e)
    return None


def analyze_one(task: Task) -> Outcome:
    """Read and analyze one input and format its record (runs in a worker process with --jobs)."""
    from copydesk import scoring

    name = "stdin" if task.path == STDIN else task.path
    try:
        text = task.text if task.text is not None else read_file(task.path)
    except (OSError, UnicodeDecodeError) as e:
        return Outcome(name, format_error(task.output_format, name, f"cannot read: {reason(e)}"), True, None, None)
    try:
        report = scoring.analyze(text, format=task.input_format, options=scoring.Options(**task.options))
    except scoring.ScoringError as e:
        return Outcome(name, format_error(task.output_format, name, f"cannot analyze: {e}"), True, None, None)
    record = format_report(task.output_format, name, text, report, task.offsets)
    return Outcome(name, record, False, report.claims.unattributed, report.readability.grade)


def read_file(path: str) -> str:
    """A file's text (UTF-8; a byte-order mark is dropped)."""
    with open(path, "rb") as f:
        return f.read().decode("utf-8-sig")


def reason(e: Exception) -> str:
    if isinstance(e, UnicodeDecodeError):
        return f"not UTF-8 text (byte {e.start}: {e.reason})"
    if isinstance(e, IsADirectoryError):
        return "is a directory (give it as a path to analyze the files under it)"
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e)


def format_report(output_format: str, name: str, source: str, report: Any, offsets: str) -> str:
    """One input's record in the output format."""
    if output_format == "text":
        import io

        from copydesk.api.cli import print_summary

        out = io.StringIO()
        print_summary(name, report, out)
        return out.getvalue()
    from copydesk.api.reports import report_body

    body = report_body(report, source, offsets)
    if output_format in ("json", "jsonl"):
        return json_record(output_format, {"file": name, "report": body})
    if output_format == "csv":
        return csv_row(name, "", body)
    return github_annotations(name, source, body)


def format_error(output_format: str, name: str, message: str) -> str:
    """The record of an input that failed (in text and github form, a line for stderr and a workflow error)."""
    if output_format in ("json", "jsonl"):
        return json_record(output_format, {"file": name, "error": message})
    if output_format == "csv":
        return csv_row(name, message, None)
    if output_format == "github":
        return f"::error file={_property(name)}::{_data(message)}"
    return f"copydesk: {name}: {message}"


def json_record(output_format: str, record: dict[str, Any]) -> str:
    """A record as JSON: indented as an element of the json array, on one line for jsonl."""
    import json

    return json.dumps(record, ensure_ascii=False, allow_nan=False, indent=2 if output_format == "json" else None)


def csv_row(name: str, error: str, body: dict[str, Any] | None) -> str:
    """One CSV row (CSV_COLUMNS) with the report's headline figures, or the error and empty figures."""
    import csv
    import io

    row: list[Any] = [name, error]
    if body is not None:
        readability, claims, repetition = body["readability"], body["claims"], body["repetition"]
        flesch = next((s["value"] for s in readability["scores"] if s["id"] == "flesch_reading_ease"), "")
        row += [
            body["format"], body["language"]["code"], len(body["units"]), body["read_time"]["words"],
            body["read_time"]["minutes"], readability["grade"], flesch, repetition["index"],
            len(repetition["restatements"]), len(repetition["figures"]), len(repetition["conflicts"]),
            len(claims["items"]), claims.get("attributed"), claims.get("vague"), claims.get("unsourced"),
            claims.get("unattributed"),
        ]
    row += [""] * (len(CSV_COLUMNS) - len(row))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(["" if v is None else v for v in row])
    return out.getvalue().rstrip("\n")


def github_annotations(name: str, source: str, body: dict[str, Any]) -> str:
    """GitHub Actions workflow commands: a warning for each unattributed claim, at its line and column in the file."""
    lines = []
    units = body["units"]
    for claim in body["claims"]["items"]:
        if claim["status"] == "attributed":
            continue
        unit = units[claim["unit"]]
        start = unit.get("markup_start", unit["start"])
        end = unit.get("markup_end", unit["end"])
        line, col = line_col(source, start)
        end_line, end_col = line_col(source, end)
        title = f"copydesk: {claim['status']} {claim['kind']} claim"
        lines.append(
            f"::warning file={_property(name)},line={line},col={col},endLine={end_line},endColumn={end_col},"
            f"title={_property(title)}::{_data(claim['reason'])}"
        )
    return "\n".join(lines)


def line_col(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a code-point offset into `source`."""
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


def _data(text: str) -> str:
    """A workflow command's message, escaped as the runner reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value, escaped as the runner reads it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def run_tasks(tasks: list[Task], jobs: int) -> Iterator[Outcome]:
    """Each task's outcome, in the order given; with jobs > 1 from that many processes."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield analyze_one(task)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(analyze_one, tasks)


class Progress:
    """A one-line progress bar on stderr, drawn only on a terminal and for more than a few inputs."""

    def __init__(self, total: int, err: TextIO) -> None:
        self.total, self.err, self.done, self.drawn_at = total, err, 0, 0.0
        self.on = total >= PROGRESS_MIN_INPUTS and err.isatty()

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.on and (now - self.drawn_at >= PROGRESS_INTERVAL_S or self.done == self.total):
            self.drawn_at = now
            filled = 30 * self.done // self.total
            self.err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} files")
            self.err.flush()

    def close(self) -> None:
        if self.on:
            self.err.write("\r" + " " * 60 + "\r")
            self.err.flush()


def analyze(args: argparse.Namespace) -> int:
    """Analyze every input; write one record each on stdout (errors on stderr in text form); return the exit status."""
    output_format = "json" if args.json else args.output_format
    options = {
        "language": args.language,
        "profile": args.profile,
        "words_per_minute": args.words_per_minute,
        "anonymous_as_vague": args.anonymous_as_vague,
        "disabled_rules": frozenset(r for value in args.disabled_rules for r in value.split(",") if r),
    }
    problem = check_options(options)
    if problem:
        print(f"copydesk: {problem}", file=sys.stderr)
        return EXIT_FAILED
    paths = list(inputs(args.paths, tuple(args.glob) if args.glob else None))
    stdin_text = None
    if STDIN in paths:
        try:
            stdin_text = sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as e:
            print(f"copydesk: stdin: cannot read: {reason(e)}", file=sys.stderr)
            return EXIT_FAILED
    from copydesk.api.cli import format_of

    tasks = [
        Task(p, stdin_text if p == STDIN else None, format_of(p, args.input_format), output_format, options, args.offsets)
        for p in paths
    ]
    return write_all(run_tasks(tasks, args.jobs), len(tasks), output_format, args, sys.stdout, sys.stderr)


def write_all(outcomes: Iterator[Outcome], total: int, output_format: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the records as they come, then the gates' verdicts; return the exit status."""
    status = EXIT_OK
    over_claims: list[str] = []
    over_grade: list[str] = []
    progress = Progress(total, err)
    if output_format == "json":
        out.write("[")
    elif output_format == "csv":
        out.write(",".join(CSV_COLUMNS) + "\n")
    first = True
    try:
        for outcome in outcomes:
            progress.step()
            status = EXIT_FAILED if outcome.failed else status
            if outcome.failed and output_format == "text":
                progress.close()
                err.write(outcome.record + "\n")
                continue
            if output_format == "json":
                out.write(("\n" if first else ",\n") + outcome.record)
            elif output_format == "text":
                out.write(("" if first else "\n") + outcome.record)
            elif outcome.record:
                out.write(outcome.record + "\n")
            first = False
            out.flush()
            if args.max_unattributed is not None and (outcome.unattributed or 0) > args.max_unattributed:
                over_claims.append(f"{outcome.path} ({outcome.unattributed})")
            if args.max_grade is not None and outcome.grade is not None and outcome.grade > args.max_grade:
                over_grade.append(f"{outcome.path} ({outcome.grade:.1f})")
    finally:
        progress.close()
    if output_format == "json":
        out.write("\n]\n" if not first else "]\n")
    for names, gate in ((over_claims, f"more than {args.max_unattributed} unattributed claims"), (over_grade, f"a grade above {args.max_grade:g}" if args.max_grade is not None else "")):
        if names:
            shown = ", ".join(names[:GATE_NAMES_SHOWN]) + (f" and {len(names) - GATE_NAMES_SHOWN} more" if len(names) > GATE_NAMES_SHOWN else "")
            err.write(f"copydesk: {len(names)} of {total} files have {gate}: {shown}\n")
            status = EXIT_FAILED
    return status
