"""The demo page end to end in headless Chromium (Playwright's Python package driving Debian's chromium).

Recipe from ../shared/notes/containers.md: `apt-get install -y chromium` (`.ci/run` does),
launch it by path with the flags below, never `playwright install`. The page is served by
a real HTTP server on 127.0.0.1 with the app's security headers, so the strict CSP holds.
"""

from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from copydesk.api import create_app
from tests.conftest import ROOT, SEED_PATH

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
OUTPUT = ROOT / "test-output"
# A guard against a hang, not a timing: the seed is analyzed in well under a second.
WAIT_MS = 60_000
HARD_RULES = {"hard_sentence", "long_sentence"}
STATUS_ORDER = ("unsourced", "vague", "attributed")
# Markup and script inside a plain-text article: the page must show them as text.
HOSTILE_ARTICLE = (
    "<script>window.__pwned = 1</script> Officials said <b>3,000</b> homes flooded.\n\n"
    '<img src="x" onerror="window.__pwned = 2"> Experts say the river will rise again. '
    "The repairs will cost $4.2 million."
)

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed (pip install -e '.[test]')")


@contextmanager
def served(app):
    """`app` on a free port of 127.0.0.1, served by werkzeug in a thread: yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(scope="module")
def base_url():
    """The app on a free port of 127.0.0.1."""
    with served(create_app({"TESTING": True})) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("no chromium at /usr/bin/chromium: apt-get install -y chromium (.ci/run does)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Console errors and uncaught exceptions of the page (a CSP refusal is one); a test that expects one removes it."""
    return []


@pytest.fixture
def page(browser, base_url, console_errors):
    """A fresh page on the demo; the test fails on any console error it did not expect."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = console_errors
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "/")
    yield page
    context.close()
    assert errors == []


def analyze(page, text: str | None = None) -> None:
    if text is None:
        page.click("#load-seed")
        page.wait_for_function("document.getElementById('article').value.length > 0", timeout=WAIT_MS)
    else:
        page.fill("#article", text)
    page.click("#analyze")
    page.wait_for_selector("#report:not([hidden])", timeout=WAIT_MS)


def api_report(text: str) -> dict:
    response = create_app({"TESTING": True}).test_client().post(
        "/v1/analyze", json={"text": text, "options": {"offsets": "utf16"}}
    )
    assert response.status_code == 200
    return response.get_json()


def expected_highlights(report: dict) -> dict[str, set[int]]:
    """Unit indexes each highlight class should mark, computed from the API's report."""
    claims: dict[int, list[str]] = {}
    for claim in report["claims"]["items"]:
        claims.setdefault(claim["unit"], []).append(claim["status"])
    worst = {unit: next(s for s in STATUS_ORDER if s in statuses) for unit, statuses in claims.items()}
    out = {f"claim-{status}": {u for u, s in worst.items() if s == status} for status in STATUS_ORDER}
    out["restated"] = {r["unit"] for r in report["repetition"]["restatements"]}
    out["hard"] = {f["unit"] for f in report["readability"]["findings"] if f["rule"] in HARD_RULES}
    return out


def highlighted_units(page, css_class: str) -> set[int]:
    return {int(u) for u in page.eval_on_selector_all(f"#article-view span.{css_class}", "els => els.map(e => e.dataset.unit)")}


def test_the_seed_is_analyzed_and_its_findings_highlighted(page):
    seed = SEED_PATH.read_text(encoding="utf-8")
    analyze(page)
    assert page.input_value("#article") == seed
    report = api_report(seed)
    claims = report["claims"]

    # the counts on the page are the report's
    assert page.text_content("#count-unsourced") == str(claims["unsourced"])
    assert page.text_content("#count-vague") == str(claims["vague"])
    assert page.text_content("#count-attributed") == str(claims["attributed"])
    assert page.text_content("#count-restated") == str(len(report["repetition"]["restatements"]))
    assert page.text_content("#count-figures") == str(len(report["repetition"]["figures"]))
    assert page.text_content("#read-time").startswith(report["read_time"]["label"])
    # the seed has findings of every kind, so each check below sees real highlights
    assert claims["unsourced"] and claims["vague"] and claims["attributed"]
    assert report["repetition"]["restatements"] and report["repetition"]["figures"]

    # each highlight class marks exactly the sentences the report names
    for css_class, units in expected_highlights(report).items():
        assert highlighted_units(page, css_class) == units, css_class
    assert page.text_content("#count-hard") == str(len(expected_highlights(report)["hard"]))
    mentions = sorted(m["text"] for f in report["repetition"]["figures"] for m in f["mentions"])
    assert sorted(page.eval_on_selector_all("#article-view mark.figure", "els => els.map(e => e.textContent)")) == mentions

    # scores with their bands, one row per formula
    rows = page.eval_on_selector_all("#scores tbody tr", "rows => rows.map(r => [r.dataset.score, r.cells[2].textContent])")
    assert rows == [[s["id"], s["band"]] for s in report["readability"]["scores"]]

    # the highlighted article is the analyzed text, every character of it
    assert page.text_content("#article-view") == report["text"]

    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "demo.png"), full_page=True)


def test_markup_and_script_in_an_article_stay_text(page):
    analyze(page, HOSTILE_ARTICLE)
    assert page.evaluate("window.__pwned") is None
    assert page.eval_on_selector_all("#article-view script, #article-view img, #article-view b", "els => els.length") == 0
    assert page.text_content("#article-view") == HOSTILE_ARTICLE
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "demo-markup.png"), full_page=True)


def test_an_article_in_a_language_without_claims_rules_or_formulas_shows_why(page):
    text = "A polícia disse que três pessoas morreram no incêndio de terça-feira no centro da cidade."
    analyze(page, text)
    report = api_report(text)
    assert report["claims"]["analyzed"] is False and report["readability"]["available"] is False
    # no "null" on the page: a dash for each count, and the reasons
    for count in ("#count-unsourced", "#count-vague", "#count-attributed"):
        assert page.text_content(count) == "\u2013"
    assert page.text_content("#claims-note") == report["claims"]["reason"]
    assert page.text_content("#scores tbody") == report["readability"]["reason"]
    assert page.text_content("#article-view") == report["text"]


def test_a_problem_is_shown_as_text(page, console_errors):
    page.fill("#article", "   ")
    page.click("#analyze")
    page.wait_for_selector("#status.error", timeout=WAIT_MS)
    assert page.text_content("#status") == "the article has no words to analyze"
    assert page.is_hidden("#report")
    # Chromium reports every answer of 400 or more on the console; this one is the point
    assert console_errors == ["Failed to load resource: the server responded with a status of 422 (UNPROCESSABLE ENTITY)"]
    console_errors.clear()


def test_the_docs_page_renders_the_contract_from_the_service_alone(browser, base_url, console_errors):
    context = browser.new_context()
    page = context.new_page()
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=WAIT_MS)
    paths = page.eval_on_selector_all(".opblock-summary-path", "els => els.map(e => e.textContent.trim())")
    assert "/v1/analyze" in paths and "/v1/analyze/batch" in paths
    assert hosts == {base_url.split("/")[2]}  # nothing from a CDN or anywhere else
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "docs.png"))
    context.close()
    assert console_errors == []
