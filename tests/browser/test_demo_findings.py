"""The demo page's findings panel in headless Chromium: grouped, ordered, filterable, and a click selects the span."""

from __future__ import annotations

import pytest

from tests.browser.test_demo import OUTPUT, WAIT_MS, analyze, api_report, base_url, browser, console_errors, page  # noqa: F401
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.browser
RANK = {"error": 2, "warning": 1, "info": 0}


def _panel(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#findings-list .finding",
        """els => els.map(e => ({id: e.dataset.finding, severity: e.dataset.severity, hidden: e.hidden,
                                 category: e.closest('.finding-group').dataset.category,
                                 message: e.querySelector('.finding-message').textContent,
                                 suggestion: (e.querySelector('.suggestion') || {}).textContent}))""",
    )


def test_the_panel_lists_every_finding_grouped_by_category_worst_first(page):
    seed = SEED_PATH.read_text(encoding="utf-8")
    analyze(page)
    report = api_report(seed)
    shown = _panel(page)
    by_id = {f["id"]: f for f in report["findings"]}
    assert sorted(f["id"] for f in shown) == sorted(by_id)
    categories = [f["category"] for f in shown]
    assert categories == sorted(categories, key=["claims", "figures", "repetition", "readability"].index)
    for category in set(categories):
        ranks = [RANK[f["severity"]] for f in shown if f["category"] == category]
        assert ranks == sorted(ranks, reverse=True)
    for f in shown:  # message and suggestion in plain view, no hovering
        assert f["message"] == by_id[f["id"]]["message"] and f["suggestion"]
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "demo-findings.png"), full_page=True)


def test_clicking_or_pressing_enter_selects_the_finding_s_span(page):
    seed = SEED_PATH.read_text(encoding="utf-8")
    analyze(page)
    report = api_report(seed)
    target = next(f for f in report["findings"] if f["rule"] == "vague.generic-source")
    page.click(f'#findings-list [data-finding="{target["id"]}"] button')
    assert page.evaluate("window.getSelection().toString()") == seed[target["start"]:target["end"]]
    other = next(f for f in report["findings"] if f["rule"] == "readability.passive-voice")
    page.focus(f'#findings-list [data-finding="{other["id"]}"] button')
    page.keyboard.press("Enter")
    assert page.evaluate("window.getSelection().toString()") == seed[other["start"]:other["end"]]
    assert page.get_attribute(f'#findings-list [data-finding="{other["id"]}"]', "class").endswith("active")


def test_filters_by_category_and_severity(page):
    analyze(page)
    page.select_option("#filter-severity", "error")
    visible = [f for f in _panel(page) if not f["hidden"]]
    assert visible and {f["severity"] for f in visible} == {"error"}
    page.select_option("#filter-severity", "info")
    page.select_option("#filter-category", "figures")
    visible = [f for f in _panel(page) if not f["hidden"]]
    assert visible and {f["category"] for f in visible} == {"figures"}
    assert page.text_content("#findings-count") == f"{len(visible)} of {len(_panel(page))} shown"


def test_an_error_clears_the_previous_report(page, console_errors):
    analyze(page)
    page.fill("#article", "")
    page.click("#analyze")
    page.wait_for_selector("#status.error", timeout=WAIT_MS)
    assert page.is_hidden("#report")
    assert page.eval_on_selector_all("#findings-list .finding", "els => els.length") == 0
    console_errors[:] = [e for e in console_errors if "422" not in e]  # the browser logs the failed fetch
