"""The app's JSON provider (its own module so that importing `api` does not import Flask)."""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON with two changes: keys keep the schema's order, and NaN or infinity is an error."""

    sort_keys = False

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        # a non-finite number is a bug in an analysis; "NaN" is not JSON, and clients would choke
        kwargs.setdefault("allow_nan", False)
        return super().dumps(obj, **kwargs)
