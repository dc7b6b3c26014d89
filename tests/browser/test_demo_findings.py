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


# A headline and a body that disagree on a figure, with a passive clause: a conflict and passive voice to show.
CONFLICT_ARTICLE = (
    "20 States Sue Over Tariffs\n\n"
    "Officials said 21 states filed suit on Monday against the new tariffs. The suit was filed in federal court."
)
ACTIVE = "document.activeElement.closest('#findings-list .finding')?.dataset.finding ?? null"


def _visible_ids(page) -> list[str]:
    return [f["id"] for f in _panel(page) if not f["hidden"]]


def _luminance(css_color: str) -> float:
    """Relative luminance (WCAG 2) of an opaque `rgb(r, g, b)`."""
    r, g, b = (int(v) / 255 for v in css_color[css_color.index("(") + 1:css_color.index(")")].split(",")[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_the_panel_is_a_labelled_region_of_buttons(page):
    analyze(page)
    report = api_report(SEED_PATH.read_text(encoding="utf-8"))
    panel = page.get_by_role("region", name="Findings", exact=True)
    assert panel.count() == 1
    # every finding is a button of the region, named by what it says
    buttons = panel.get_by_role("button")
    assert buttons.count() == len(report["findings"])
    first = next(f for f in report["findings"] if f["id"] == _visible_ids(page)[0])
    assert first["message"] in buttons.first.inner_text()
    assert page.get_by_role("region", name="The article, with its findings", exact=True).count() == 1


def test_the_keyboard_reaches_moves_through_and_selects_findings(page):
    seed = SEED_PATH.read_text(encoding="utf-8")
    analyze(page)
    report = api_report(seed)
    by_id = {f["id"]: f for f in report["findings"]}
    ids = _visible_ids(page)
    # one Tab from the last filter lands on the first finding, with a focus ring to see
    page.focus("#filter-severity")
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE) == ids[0]
    ring = page.evaluate(
        "(() => { const e = document.activeElement, s = getComputedStyle(e);"
        " return [e.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert ring[0] and ring[1] != "none" and ring[2] >= 2
    # the arrows walk the list, Home and End jump to its ends, and nothing wraps
    for key, expected in [("ArrowDown", ids[1]), ("End", ids[-1]), ("ArrowDown", ids[-1]), ("Home", ids[0]),
                          ("ArrowUp", ids[0]), ("ArrowDown", ids[1]), ("ArrowDown", ids[2])]:
        page.keyboard.press(key)
        assert page.evaluate(ACTIVE) == expected, key
    # Enter selects the finding's words and marks it as the current one
    page.keyboard.press("Enter")
    target = by_id[ids[2]]
    assert page.evaluate("window.getSelection().toString()") == seed[target["start"]:target["end"]]
    item = f'#findings-list [data-finding="{ids[2]}"]'
    assert page.get_attribute(item + " button", "aria-current") == "true"
    assert page.eval_on_selector_all("#findings-list [aria-current]", "els => els.length") == 1
    assert page.eval_on_selector(item, "e => getComputedStyle(e).backgroundColor") != page.eval_on_selector(
        f'#findings-list [data-finding="{ids[3]}"]', "e => getComputedStyle(e).backgroundColor"
    )
    assert page.eval_on_selector(f'#article-view [data-unit="{target["unit"]}"]', "e => e.classList.contains('current')")
    # the list is one Tab stop: Tab leaves it, Shift+Tab comes back to the finding last chosen
    assert page.eval_on_selector_all("#findings-list button[tabindex='0']", "els => els.length") == 1
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE) is None
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(ACTIVE) == ids[2]


def test_the_tab_stop_follows_the_filters(page):
    analyze(page)
    page.select_option("#filter-severity", "error")
    page.focus("#filter-severity")
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE)
    assert focused == _visible_ids(page)[0]
    assert page.get_attribute(f'#findings-list [data-finding="{focused}"]', "data-severity") == "error"
    page.keyboard.press("End")
    assert page.evaluate(ACTIVE) == _visible_ids(page)[-1]


def test_conflicts_passive_voice_and_the_grade_are_shown(page):
    analyze(page, CONFLICT_ARTICLE)
    report = api_report(CONFLICT_ARTICLE)
    conflicts = report["repetition"]["conflicts"]
    passive = [f for f in report["findings"] if f["rule"] == "readability.passive-voice"]
    assert conflicts and passive  # the article has both, so the checks below see them
    assert page.text_content("#count-conflicts") == str(len(conflicts))
    assert page.text_content("#count-passive") == str(len(passive))
    assert page.text_content("#grade") == f'{report["readability"]["grade"]:.1f}'
    # in the article: each conflicting mention marked, with the conflict's message on it; passive clauses marked
    marks = page.eval_on_selector_all("#article-view mark.conflict", "els => els.map(e => [e.textContent, e.title])")
    assert sorted(m[0] for m in marks) == sorted(m["text"] for c in conflicts for m in c["mentions"])
    assert all(conflicts[0]["message"] in title for _, title in marks)
    assert page.eval_on_selector_all("#article-view .passive", "els => els.map(e => e.textContent)") == [
        CONFLICT_ARTICLE[f["start"]:f["end"]] for f in passive
    ]
    assert page.text_content("#article-view") == report["text"]
    # in the panel: the conflict first among the figures, as an error
    figures = [f for f in _panel(page) if f["category"] == "figures"]
    assert figures[0]["severity"] == "error"
    assert {f["id"] for f in figures if f["severity"] == "error"} == {
        f["id"] for f in report["findings"] if f["rule"] == "figures.conflict"
    }


def test_attributed_claims_are_quiet_and_problems_loud(page):
    analyze(page)
    report = api_report(SEED_PATH.read_text(encoding="utf-8"))

    def fill(selector: str) -> float:
        return _luminance(page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor"))

    unsourced, vague, attributed = (fill(f"#article-view .claim-{s}") for s in ("unsourced", "vague", "attributed"))
    # the attributed fill is near white; each problem's is darker, the unsourced one darkest
    assert attributed > 0.9 and unsourced < vague < attributed and attributed - unsourced > 0.3
    # no finding for an attributed claim: the panel lists only what needs work
    attributed_units = {c["unit"] for c in report["claims"]["items"] if c["status"] == "attributed"}
    claim_findings = {f["unit"] for f in report["findings"] if f["category"] == "claims"}
    assert attributed_units - claim_findings
    # an error's bar is wider than an info's, and the error's message is bolder
    width = "e => parseFloat(getComputedStyle(e).borderLeftWidth)"
    assert page.eval_on_selector(".finding.severity-error", width) > page.eval_on_selector(".finding.severity-info", width)
    weight = "e => parseInt(getComputedStyle(e.querySelector('.finding-message')).fontWeight)"
    assert page.eval_on_selector(".finding.severity-error", weight) > page.eval_on_selector(".finding.severity-info", weight)
    # very hard sentences, the ones to rework first, are marked apart from the merely hard
    very_hard = {f["unit"] for f in report["findings"] if f["rule"] == "readability.very-hard-sentence"}
    assert very_hard and page.text_content("#count-very-hard") == str(len(very_hard))
    marked = page.eval_on_selector_all("#article-view span.very-hard", "els => els.map(e => Number(e.dataset.unit))")
    assert set(marked) == very_hard


def test_an_answer_that_is_not_json_clears_the_report(page, console_errors):
    analyze(page)
    page.route("**/v1/analyze", lambda route: route.fulfill(status=502, content_type="text/html", body="<h1>Bad gateway</h1>"))
    page.click("#analyze")
    page.wait_for_selector("#status.error", timeout=WAIT_MS)
    assert page.text_content("#status") == "The service sent an answer the page cannot read (HTTP 502)."
    assert page.is_hidden("#report")
    assert page.eval_on_selector_all("#findings-list .finding, #article-view span", "els => els.length") == 0
    assert page.text_content("#count-unsourced") == ""
    console_errors[:] = [e for e in console_errors if "502" not in e]  # the browser logs the failed fetch
