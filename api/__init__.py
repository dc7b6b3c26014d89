"""copydesk's HTTP layer: a Flask app that translates requests into `scoring.analyze` calls.

Settings (each can be set in the environment with the `COPYDESK_` prefix, e.g.
`COPYDESK_MAX_CONTENT_LENGTH=1048576`; values are parsed as JSON where they parse):

- MAX_CONTENT_LENGTH: the largest request body in bytes; bigger bodies get 413.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

# Flask is imported by create_app, not here: `copydesk analyze` imports this package
# (api.cli) and must start without Flask's few hundred milliseconds of imports.
if TYPE_CHECKING:
    from flask import Flask

# 2 MiB: a 50,000-word feature is about 330 KB of UTF-8 text, so it fits several times over
# even JSON-escaped inside markup. The limit bounds the memory and worker time one request
# can take (hostile bodies cost more than prose: a 1 MB run of periods took about 5 s here).
DEFAULT_MAX_CONTENT_LENGTH = 2 * 1024 * 1024

DEFAULTS: Mapping[str, Any] = MappingProxyType({
    "MAX_CONTENT_LENGTH": DEFAULT_MAX_CONTENT_LENGTH,
})


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create and configure the copydesk app: defaults, then the environment or `test_config`."""
    from flask import Flask

    from .json_provider import StrictJSONProvider

    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        # read COPYDESK_* variables from the environment when not testing
        app.config.from_prefixed_env("COPYDESK")
    else:
        app.config.update(test_config)
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
    import scoring.html_reader  # noqa: F401
    import scoring.report  # noqa: F401

    return app
