"""With API keys on, the demo page and /docs still load in a browser; the demo sends the key typed in its field (issue 22)."""

from __future__ import annotations

import hashlib

import pytest

from copydesk.api import create_app
from tests.browser.test_demo import WAIT_MS, browser, served, sync_api  # noqa: F401 (the browser fixture)

pytestmark = pytest.mark.browser

KEY = "demo-key-for-tests"


@pytest.fixture(scope="module")
def keyed_url():
    """The app with one API key, on a free port of 127.0.0.1."""
    with served(create_app({"TESTING": True, "API_KEYS": hashlib.sha256(KEY.encode()).hexdigest()})) as url:
        yield url


def test_the_demo_asks_for_the_key_then_uses_it(browser, keyed_url):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(keyed_url + "/")
    page.fill("#article", "Officials said 3,000 homes flooded on Monday.")
    page.click("#analyze")
    page.wait_for_selector("#status.error", timeout=WAIT_MS)
    assert page.text_content("#status") == "This server needs an API key: enter it in the API key field."
    page.fill("#api-key", KEY)
    page.click("#analyze")
    page.wait_for_selector("#report:not([hidden])", timeout=WAIT_MS)
    assert page.text_content("#read-time").startswith("1 min read")
    context.close()


def test_the_docs_page_loads_with_keys_on(browser, keyed_url):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(keyed_url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=WAIT_MS)
    # the contract's security scheme gives Swagger UI its "Authorize" button for the key
    assert page.is_visible(".btn.authorize")
    context.close()
