"""api/articles.py's fast path for option-less bodies reads them exactly as the marshmallow schemas do."""

from __future__ import annotations

import json

import pytest
from marshmallow import ValidationError

from copydesk.api.articles import ArticleRequest, options_from, read_article
from copydesk.api.schemas import ArticleSchema, OptionsSchema

TEXT = "The council said repairs would cost $4.2 million. \u201cWe will pay,\u201d the mayor said."


def _schema_read(data) -> ArticleRequest:
    """What ArticleSchema makes of a JSON body: the path every body with options takes."""
    loaded = ArticleSchema().load(data)
    return ArticleRequest(loaded["text"], loaded["format"], options_from(loaded["options"]), loaded["options"]["offsets"])


@pytest.mark.parametrize("data", [{"text": TEXT}, {"text": TEXT, "format": "html"}, {"format": "markdown", "text": "# Hi\n\nThere."}, {"text": ""}])
def test_a_body_without_options_reads_as_the_schema_reads_it(app, data):
    with app.test_request_context("/v1/analyze", method="POST", data=json.dumps(data), content_type="application/json") as ctx:
        assert read_article(ctx.request) == _schema_read(data)


@pytest.mark.parametrize("content_type", ["text/plain", "text/html", "text/markdown"])
def test_a_raw_body_without_a_query_gets_the_schemas_default_options(app, content_type):
    with app.test_request_context("/v1/analyze", method="POST", data=TEXT.encode(), content_type=content_type) as ctx:
        article = read_article(ctx.request)
    defaults = OptionsSchema().load({})
    assert (article.options, article.offsets) == (options_from(defaults), defaults["offsets"])


@pytest.mark.parametrize("data", [{"text": TEXT, "format": "pdf"}, {"text": None}, {"text": TEXT, "extra": 1}, {"text": 3}, {"text": TEXT, "format": None}])
def test_a_body_the_fast_path_declines_still_meets_the_schema(app, data):
    with app.test_request_context("/v1/analyze", method="POST", data=json.dumps(data), content_type="application/json") as ctx:
        with pytest.raises(ValidationError):
            read_article(ctx.request)
