"""gunicorn's logger writing JSON lines like the app's (api/logs.py): api/gunicorn_conf.py's logger_class.

A module of its own so that creating the app (tests, the library) never imports gunicorn.
"""

from __future__ import annotations

import logging
from typing import Any

from gunicorn.glogging import Logger as GunicornLogger

from .logs import JsonFormatter, StderrHandler


class JsonLogger(GunicornLogger):
    """gunicorn's logger writing JSON lines (api/gunicorn_conf.py's logger_class): its error log, and its access log when on.

    An access line (gunicorn's access_log_format, whose fields are not JSON-escaped) becomes
    the `message` of a JSON line, so a request line with quotes in it cannot break the format.
    The rest of the process follows: Python's warnings, and a record of a library's logger
    that no handler takes (logging's last resort, plain text otherwise), are JSON lines too.
    """

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if getattr(handler, "_gunicorn", False):
                    handler.setFormatter(JsonFormatter())
        last_resort = StderrHandler()
        last_resort.setLevel(logging.WARNING)
        last_resort.setFormatter(JsonFormatter())
        logging.lastResort = last_resort
        # warnings become records of "py.warnings" (which logging would give a NullHandler)
        warnings_log = logging.getLogger("py.warnings")
        if not warnings_log.handlers:
            warnings_log.addHandler(last_resort)
        logging.captureWarnings(True)
