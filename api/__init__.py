"""copydesk's HTTP layer: a Flask app that translates requests into `copydesk.scoring.analyze` calls.

Settings: the `COPYDESK_*` environment variables of api/settings.py (e.g.
`COPYDESK_MAX_CONTENT_LENGTH=1048576`, the largest request body in bytes), each parsed and
checked when the app is created: a value that cannot be used stops it with a SettingError
naming the variable and what it accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

# Flask is imported by create_app, not here: `copydesk analyze` imports this package
# (api.cli) and must start without Flask's few hundred milliseconds of imports.
if TYPE_CHECKING:
    from flask import Flask

from .settings import DEFAULT_MAX_CONTENT_LENGTH, SETTINGS, app_settings, check_config, default_time_budget  # noqa: F401 (DEFAULT_MAX_CONTENT_LENGTH: read here by tests and clients)

# The app's settings at their defaults (the time budget from the default worker timeout).
DEFAULTS: Mapping[str, Any] = MappingProxyType({
    **{name: s.default for name, s in SETTINGS.items() if s.scope == "app"},
    "TIME_BUDGET": default_time_budget(SETTINGS["TIMEOUT"].default),
})


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create and configure the copydesk app: defaults, then the environment or `test_config`."""
    from flask import Flask

    from .json_provider import StrictJSONProvider

    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        # Flask's own settings may still come as COPYDESK_<NAME> (parsed as JSON); copydesk's
        # own are then parsed strictly (api/settings.py), so "null" or "-5" never gets through
        app.config.from_prefixed_env("COPYDESK")
        app.config.update(app_settings())
    else:
        app.config.update(test_config)
    check_config(app.config)
    app.json = StrictJSONProvider(app)

    from . import errors, limits, routes, security

    limits.init_app(app)
    security.init_app(app)
    errors.register_error_handlers(app)
    app.register_blueprint(routes.bp)
    # newsroom tooling (issue 8): request ids, logs and /metrics; batch; API docs; demo page
    from . import batch, demo, docs, observability

    observability.init_app(app)
    app.register_blueprint(batch.bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(demo.bp)
    # Load the analyses and their word lists now, while the worker boots, so that its first
    # request does not pay them (about 0.3 s); `scoring` itself imports them lazily. The HTML
    # reader too (html.parser, ~4 ms), which the library imports on the first HTML article.
    import copydesk.scoring.html_reader  # noqa: F401
    import copydesk.scoring.report  # noqa: F401

    return app
