"""The README's two commands: CI runs the test command verbatim, and the serve command uses the shipped config."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def readme_command(heading: str) -> str:
    """The shell block under a bold quick-start heading such as "**2. Run the tests**"."""
    match = re.search(re.escape(heading) + r"[^\n]*\n\n```sh\n([^`]+)\n```", README)
    assert match, f"README has no command under {heading}"
    return match.group(1).strip()


def test_ci_runs_exactly_the_readme_test_command():
    command = readme_command("**2. Run the tests**")
    ci_lines = [line.strip() for line in CI.splitlines()]
    assert command in ci_lines
    assert ci_lines[-1] == command  # the last thing CI does, so its status is CI's status


def test_the_serve_command_sets_up_and_runs_gunicorn_with_the_config_module():
    command = readme_command("**1. Set up and serve**")
    # serving needs the runtime install only (the test extras are ~6x its size)
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -e . && ")
    assert command.endswith(".venv/bin/gunicorn -c api/gunicorn_conf.py copydesk.api.wsgi:app")


def test_ci_stops_on_the_first_failure():
    assert "set -euo pipefail" in CI
