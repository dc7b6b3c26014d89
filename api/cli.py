"""The `copydesk` command: `copydesk analyze PATH...|-` prints reports (api/cli_analyze.py), `copydesk serve` runs the server.

Start-up is kept lean: the scoring library is imported only once the arguments are read,
and marshmallow (the API's report schema) only for `--json`; pathlib (with urllib.parse and
ipaddress: ~10 ms here) is not imported at all, nor shutil (with bz2 and lzma, ~2 ms), which
argparse's help formatter imports to read the terminal's width.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

# File extensions and the format each one names; anything else (and stdin) is plain text.
FORMATS_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
FORMAT_CHOICES = ("text", "html", "markdown")
OUTPUT_FORMATS = ("text", "json", "jsonl", "csv", "github")
STDIN = "-"
# Exit statuses: 0 every input analyzed and every gate (--max-*) passed; 1 an input could not
# be read or analyzed (the others are still reported) or a gate failed; 2 the command line
# itself is wrong (argparse's own status).
EXIT_OK = 0
EXIT_INPUT_FAILED = 1
# Where the summary quotes a sentence, it shortens it past this many characters.
MAX_QUOTED_CHARS = 240
# Readability findings that make a sentence hard to read (passive voice alone does not).
HARD_RULES = frozenset({"hard_sentence", "long_sentence"})
GUNICORN_CONF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gunicorn_conf.py")
# shutil.get_terminal_size's width when neither $COLUMNS nor a terminal says.
FALLBACK_COLUMNS = 80


def terminal_columns() -> int:
    """The terminal's width as shutil.get_terminal_size() reads it: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or FALLBACK_COLUMNS


def help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's own formatter at the width it would pick (it builds one for every argument added)."""
    return argparse.HelpFormatter(prog, width=terminal_columns() - 2)


def build_parser(formatter_class: Any = help_formatter) -> argparse.ArgumentParser:
    """The command line: `analyze` and `serve`."""
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Readability, read time, repetition and unattributed claims for news articles.",
        formatter_class=formatter_class,
    )
    parser.add_argument("--version", action=VersionAction, help="print the installed version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze", help="analyze articles and print their reports", formatter_class=formatter_class
    )
    analyze.add_argument(
        "paths", nargs="+", metavar="PATH", help="text, HTML or Markdown files, directories (searched recursively), or - for stdin"
    )
    analyze.add_argument(
        "--format", dest="output_format", choices=OUTPUT_FORMATS, default="text",
        help="output: a readable summary (text), a JSON array, JSON Lines, CSV (one row per file) or GitHub workflow annotations",
    )
    analyze.add_argument("--json", action="store_true", help="the same as --format json")
    analyze.add_argument(
        "--input-format", choices=FORMAT_CHOICES, help="read every input as this format (default: by extension; text for stdin)"
    )
    analyze.add_argument(
        "--glob", action="append", metavar="PATTERN",
        help="in directories, analyze the files whose names match (repeatable; default: the extensions above)",
    )
    analyze.add_argument("--language", help="the articles' language as a BCP 47 tag (default: detected)")
    analyze.add_argument("--profile", default="news", help="readability profile whose thresholds color the scores")
    analyze.add_argument("--words-per-minute", type=float, help="reading rate for read time (50 to 1000)")
    analyze.add_argument(
        "--disabled-rules", action="append", default=[], metavar="IDS", help="rule ids to switch off, comma-separated (repeatable)"
    )
    analyze.add_argument(
        "--anonymous-as-vague", action=argparse.BooleanOptionalAction, default=True,
        help="count claims from anonymous sources as vague (default) or as attributed",
    )
    analyze.add_argument(
        "--offsets", choices=("code_points", "utf16"), default="code_points", help="how offsets in JSON output are counted"
    )
    analyze.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="analyze in N processes (0: one per core); output keeps the order given"
    )
    analyze.add_argument(
        "--max-unattributed", type=_count_arg, metavar="N", help="exit 1 if any article has more than N unattributed claims"
    )
    analyze.add_argument("--max-grade", type=float, metavar="G", help="exit 1 if any article's consensus grade is above G")

    serve = commands.add_parser(
        "serve", help="run the production server (gunicorn with api/gunicorn_conf.py)", formatter_class=formatter_class
    )
    serve.add_argument("--bind", help="address to listen on (sets COPYDESK_BIND; default 127.0.0.1:8000)")
    serve.add_argument("--workers", type=int, help="worker processes (sets COPYDESK_WORKERS)")
    return parser


def format_of(path: str, given: str | None) -> str:
    """The format to read `path` as: the one given, else the extension's, else text."""
    if given:
        return given
    if path == STDIN:
        return "text"
    return FORMATS_BY_EXTENSION.get(_suffix(path).lower(), "text")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        return serve(args.bind, args.workers)
    from copydesk.api.cli_analyze import analyze

    return analyze(args)


def print_summary(name: str, report: Any, out: TextIO) -> None:
    """A readable summary: scores with bands, read time, repetition, unattributed claims with their sentences.

    Sentences are named by the report's unit indexes (from 0, headings included), as in the JSON.
    """
    units = report.units
    rd, rt, rep, cl = report.readability, report.read_time, report.repetition, report.claims
    write = out.write
    write(f"{name}  ({report.format}, {report.language.code}, {len(units)} units, {rt.words} words)\n")
    if rd.available:
        write(f"\nReadability  (consensus grade {rd.grade:.1f}, profile {rd.profile})\n")
    else:
        write(f"\nReadability  not available: {rd.reason}\n")
    width = max((len(s.name) for s in rd.scores), default=0)
    for score in rd.scores:
        verdict = f"  [{score.verdict}]" if score.verdict else ""
        write(f"  {score.name:<{width}}  {score.value:7.1f}  {score.band}{verdict}\n")
    write(f"\nRead time    {rt.label}  ({rt.words} words at {rt.words_per_minute:g} words per minute)\n")
    write(
        f"\nRepetition   index {rep.index:.2f}: {_count(len(rep.restatements), 'restated sentence')}, "
        f"{_count(len(rep.figures), 'repeated figure')}, {_count(len(rep.conflicts), 'conflicting figure')}\n"
    )
    for r in rep.restatements:
        write(f"  sentence {r.unit} restates sentence {r.restates} (similarity {r.similarity:.2f}): {_quote(units[r.unit].text)}\n")
    for f in rep.figures:
        write(f"  {f.figure}: stated in sentences {', '.join(str(u) for u in f.units)}\n")
    for c in rep.conflicts:
        write(f"  conflict: {c.message}\n")
    if cl.analyzed:
        write(
            f"\nClaims       {cl.total} in all: {cl.attributed} attributed, {cl.vague} vague, {cl.unsourced} unsourced"
            f" ({cl.unattributed} unattributed)\n"
        )
    else:
        write(f"\nClaims       not analyzed: {cl.reason}\n")
    for claim in cl.items:
        if claim.status == "attributed":
            continue
        write(f"  [{claim.status}] sentence {claim.unit} ({claim.kind}): {_quote(units[claim.unit].text)}\n")
        write(f"      why: {claim.reason}\n")
    hard: dict[int, list[str]] = {}
    for finding in rd.findings:
        if finding.rule in HARD_RULES:
            hard.setdefault(finding.unit, []).append(finding.message)
    if hard:
        write(f"\nHard sentences  {len(hard)}\n")
        for unit, messages in hard.items():
            write(f"  sentence {unit}: {'; '.join(messages)}\n")


def serve(bind: str | None, workers: int | None) -> int:
    """Replace this process with gunicorn running the app with the shipped config (signals reach it directly)."""
    env = dict(os.environ)
    if bind:
        env["COPYDESK_BIND"] = bind
    if workers is not None:
        env["COPYDESK_WORKERS"] = str(workers)
    command = [sys.executable, "-m", "gunicorn", "-c", GUNICORN_CONF, "copydesk.api.wsgi:app"]
    os.execve(sys.executable, command, env)
    return EXIT_OK  # not reached: execve does not return


def _suffix(path: str) -> str:
    """The extension of the path's last part, as pathlib's `PurePath.suffix` reads it ("" for ".md" alone)."""
    name = os.path.basename(os.path.normpath(path))
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _jobs(value: str) -> int:
    """--jobs: a count of processes, 0 for one per core."""
    n = _count_arg(value)
    return n or os.cpu_count() or 1


def _count_arg(value: str) -> int:
    """A whole number from 0 up, or argparse's usage error."""
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 up, got {value!r}")
    return n


class VersionAction(argparse.Action):
    """--version: the installed version, read only when asked (importlib.metadata costs start-up time)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from importlib import metadata

        try:
            version = metadata.version("copydesk")
        except metadata.PackageNotFoundError:
            version = "unknown (not installed)"
        print(f"copydesk {version}")
        parser.exit()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _quote(sentence: str) -> str:
    flat = " ".join(sentence.split())
    if len(flat) > MAX_QUOTED_CHARS:
        flat = flat[: MAX_QUOTED_CHARS - 1].rstrip() + "…"
    return f'"{flat}"'


# The exit status of a command whose reader went away (`copydesk analyze *.txt | head -1`):
# 128 + SIGPIPE, as a shell reports a Unix tool ended by that signal.
BROKEN_PIPE_STATUS = 141


def run() -> None:
    """The console script's entry point: run, flush the output, and leave without tearing the interpreter down."""
    try:
        status = main()
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        # the reader has what it wanted: stop quietly, with no traceback and no flush at exit
        os._exit(BROKEN_PIPE_STATUS)
    # Freeing every module's objects at exit (the word tables above all) took ~9 ms more than
    # a bare interpreter's exit here, about 6% of a one-file run. Nothing of this command needs
    # the teardown (no atexit handlers, every file is closed), so the output is flushed and the
    # process ends. A failed flush (a closed pipe) exits the usual way, which reports it as before.
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None when the descriptor was closed (`copydesk ... >&-`)
                stream.flush()
    except (OSError, ValueError):
        sys.exit(status)
    os._exit(status)


if __name__ == "__main__":
    run()
