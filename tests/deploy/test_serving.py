"""Every documented way to run the server uses api/gunicorn_conf.py, whose gevent worker slow clients cannot starve (issue 22)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# What would replace the shipped worker class or config: a different -c, -k / --worker-class.
OVERRIDES = re.compile(r"(^|\s)(-k|--worker-class|-c|--config)(\s|=|$)")


def _env(entries) -> dict[str, str]:
    if isinstance(entries, dict):
        return {str(k): str(v) for k, v in entries.items()}
    return {e["name"]: str(e.get("value", "")) for e in entries or []}


def test_the_image_starts_gunicorn_with_the_shipped_config():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    cmd = next(line for line in dockerfile.splitlines() if line.startswith("CMD "))
    assert '"-c", "python:copydesk.api.gunicorn_conf"' in cmd
    assert "GUNICORN_CMD_ARGS" not in dockerfile


def test_compose_and_kubernetes_do_not_override_the_worker_class():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    service = compose["services"]["copydesk"]
    assert "command" not in service and "entrypoint" not in service
    assert not OVERRIDES.search(_env(service.get("environment")).get("GUNICORN_CMD_ARGS", ""))
    deployment = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "deployment.yaml").read_text(encoding="utf-8"))
    for container in deployment["spec"]["template"]["spec"]["containers"]:
        assert "command" not in container and "args" not in container
        assert not OVERRIDES.search(_env(container.get("env")).get("GUNICORN_CMD_ARGS", ""))


def test_copydesk_serve_and_the_readme_quick_start_use_the_shipped_config(monkeypatch):
    from copydesk.api import cli

    ran = []
    monkeypatch.setattr(cli.os, "execve", lambda path, argv, env: ran.append(argv))
    cli.serve("127.0.0.1:9", None)
    assert ran[0][-3:] == ["-c", cli.GUNICORN_CONF, "copydesk.api.wsgi:app"]
    assert Path(cli.GUNICORN_CONF) == ROOT / "api" / "gunicorn_conf.py"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/gunicorn -c api/gunicorn_conf.py copydesk.api.wsgi:app" in readme


def test_the_shipped_config_names_the_gevent_worker():
    conf = (ROOT / "api" / "gunicorn_conf.py").read_text(encoding="utf-8")
    assert re.search(r'^worker_class = "copydesk\.api\.worker\.Worker"$', conf, re.M)
