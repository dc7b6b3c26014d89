"""create_app: defaults, the environment (COPYDESK_*) and test configuration."""

from __future__ import annotations

from copydesk.api import DEFAULT_MAX_CONTENT_LENGTH, create_app


def test_defaults_apply_without_configuration(monkeypatch):
    monkeypatch.delenv("COPYDESK_MAX_CONTENT_LENGTH", raising=False)
    app = create_app()
    assert not app.testing
    assert app.config["MAX_CONTENT_LENGTH"] == DEFAULT_MAX_CONTENT_LENGTH


def test_the_environment_configures_the_app(monkeypatch):
    monkeypatch.setenv("COPYDESK_MAX_CONTENT_LENGTH", "4096")
    assert create_app().config["MAX_CONTENT_LENGTH"] == 4096


def test_test_config_wins_and_the_environment_is_not_read(monkeypatch):
    monkeypatch.setenv("COPYDESK_MAX_CONTENT_LENGTH", "4096")
    app = create_app({"TESTING": True})
    assert app.testing
    assert app.config["MAX_CONTENT_LENGTH"] == DEFAULT_MAX_CONTENT_LENGTH
