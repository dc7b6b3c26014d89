"""The demo's layout in headless Chromium: findings beside the article on a desktop, after it on a phone; screenshots kept.

The screenshots land in test-output/ (git-ignored), as the other browser tests' do:
demo-wide.png (1280 px) and demo-narrow.png (390 px), each of the whole page with the seed analyzed.
"""

from __future__ import annotations

import struct

import pytest

from tests.browser.test_demo import NARROW, OUTPUT, WIDE, analyze, base_url, browser, demo_page  # noqa: F401

pytestmark = pytest.mark.browser
# Room for rounding: boxes are fractional CSS pixels.
EPSILON = 1.0


def _box(page, selector: str) -> dict:
    """`selector`'s box in page coordinates (Playwright's bounding_box is relative to the viewport)."""
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect();"
        " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }",
    )


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - EPSILON and b["x"] < a["x"] + a["width"] - EPSILON
        and a["y"] < b["y"] + b["height"] - EPSILON and b["y"] < a["y"] + a["height"] - EPSILON
    )


def _png_size(path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_on_a_desktop_the_findings_sit_beside_the_article_and_scroll_on_their_own(browser, base_url):  # noqa: F811
    errors: list[str] = []
    with demo_page(browser, base_url, errors, WIDE) as page:
        analyze(page)
        article, panel = _box(page, "#article-pane"), _box(page, "#findings-panel")
        # beside: the panel to the right of the article, level with it, not over it
        assert panel["x"] >= article["x"] + article["width"] - EPSILON
        assert abs(panel["y"] - article["y"]) < 50
        assert not _overlap(article, panel)
        assert article["width"] > panel["width"] >= 300
        _no_sideways_scroll(page)
        # the panel is no taller than the window and scrolls by itself: the seed has more findings than fit
        sizes = page.eval_on_selector("#findings-panel", "e => [e.clientHeight, e.scrollHeight]")
        assert sizes[0] <= WIDE["height"] < sizes[1]
        # it stays in view while the article scrolls past
        page.evaluate("window.scrollTo(0, document.getElementById('article-view').getBoundingClientRect().bottom + scrollY - innerHeight)")
        top = page.eval_on_selector("#findings-panel", "e => e.getBoundingClientRect().top")
        assert page.evaluate("scrollY") > 0 and 0 <= top <= 20
        # a finding far down the list, clicked, selects its words with the panel still beside them
        last = page.locator("#findings-list .finding-button").last
        last.click()
        assert page.evaluate("window.getSelection().toString()")
        assert 0 <= page.eval_on_selector("#findings-panel", "e => e.getBoundingClientRect().top") <= 20

        # the screenshot: the list from its top, the worst finding chosen and its words selected
        page.locator("#findings-list .finding-button").first.click()
        page.evaluate("document.getElementById('findings-panel').scrollTop = 0; window.scrollTo(0, 0)")
        OUTPUT.mkdir(exist_ok=True)
        shot = OUTPUT / "demo-wide.png"
        page.screenshot(path=str(shot), full_page=True)
        width, height = _png_size(shot)
        assert width == WIDE["width"] and height >= _box(page, "#article-pane")["y"] + article["height"]
    assert errors == []


def test_on_a_phone_the_findings_follow_the_article(browser, base_url):  # noqa: F811
    errors: list[str] = []
    with demo_page(browser, base_url, errors, NARROW) as page:
        analyze(page)
        article, panel = _box(page, "#article-pane"), _box(page, "#findings-panel")
        # stacked: the panel below the article, each the width of the column
        assert panel["y"] >= article["y"] + article["height"] - EPSILON
        assert not _overlap(article, panel)
        assert abs(panel["x"] - article["x"]) < EPSILON and abs(panel["width"] - article["width"]) < EPSILON
        _no_sideways_scroll(page)
        # the whole list is in the page: no box of its own to scroll on a phone
        sizes = page.eval_on_selector("#findings-panel", "e => [e.clientHeight, e.scrollHeight]")
        assert sizes[1] - sizes[0] <= EPSILON
        # every finding's message is inside the screen's width, readable without zooming out
        right = page.eval_on_selector_all("#findings-list .finding-message", "els => Math.max(...els.map(e => e.getBoundingClientRect().right))")
        assert right <= NARROW["width"]

        OUTPUT.mkdir(exist_ok=True)
        shot = OUTPUT / "demo-narrow.png"
        page.screenshot(path=str(shot), full_page=True)
        width, height = _png_size(shot)
        assert width == NARROW["width"] and height >= panel["y"] + panel["height"]
    assert errors == []
