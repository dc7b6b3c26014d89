"""copydesk.api.wsgi's app, with the analysis failing on articles holding $FAILING_WSGI_MARKER: an uncaught exception for tests/e2e/test_json_logs.py.

Test-only, served in its own gunicorn (gunicorn -c api/gunicorn_conf.py tests.e2e.failing_wsgi:app);
never imported by the test process, whose copydesk.scoring.analyze it would replace. Nothing of it ships.
"""

from __future__ import annotations

import logging
import os
import warnings

from copydesk import scoring
from copydesk.api.wsgi import app  # noqa: F401 (gunicorn serves it)

MARKER = os.environ["FAILING_WSGI_MARKER"]
_analyze = scoring.analyze


def _failing_analyze(text, **kwargs):
    if MARKER in text:
        raise RuntimeError("a failure the log test provoked")
    return _analyze(text, **kwargs)


scoring.analyze = _failing_analyze

# what a library may write at start-up: a warning, and a record of a logger no handler takes
warnings.warn("a warning the log test provoked", UserWarning, stacklevel=1)
logging.getLogger("tests.stray").warning("a stray library record the log test provoked")
