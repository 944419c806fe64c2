"""The HTML report: escaped, self-contained, and clean in headless Chromium."""

from __future__ import annotations

import re

import pytest
from evaluation_helpers import report_evaluation as evil_evaluation

from evaluation.evaluate import write_report
from evaluation.excerpts import Excerpt, Mark
from evaluation.report_html import bar_chart, excerpt_html, render_html


def test_report_html_escapes_document_text():
    html = render_html(evil_evaluation())
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;A&amp;B&gt;" in html
    assert "&lt;doc &amp; co&gt;" in html and "<doc & co>" not in html
    assert "&#x27;&lt;%&gt;&#x27;" in html  # the wrong unit in the attribute detail


def test_report_html_is_self_contained():
    html = render_html(evil_evaluation())
    for attribute, value in re.findall(r'\b(src|href)\s*=\s*"([^"]*)"', html):
        assert value.startswith("data:"), (attribute, value)
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"] * html.count("<svg")
    assert "<style>" in html and "@import" not in html and "url(" not in html


@pytest.mark.parametrize(
    "needle",
    [
        "Fact F1",
        "Span label confusion: pipeline",
        "pipeline against underthesea",
        "Errors: underthesea",
        "Span labels both predict: ORG.",
    ],
)
def test_report_html_sections(needle):
    assert needle in render_html(evil_evaluation())


def test_report_html_error_groups():
    # pipeline: spans missed Hòa Phát and 4.000 triệu USD, spurious "alert", wrong label A&B,
    # wrong boundary 2024, wrong unit of 5%; relations: both gold ones missed (the time link goes
    # to the cut TIME), that link spurious. underthesea: 5 spans and 2 relations missed.
    html = render_html(evil_evaluation())
    assert re.findall(r'<details(?: open="open")?><summary>([^<]*)</summary>', html) == [
        "missed: 4",
        "spurious: 2",
        "wrong label: 1",
        "wrong boundary: 1",
        "wrong attribute: 1",
        "missed: 7",
        "spurious: 0",
        "wrong label: 0",
        "wrong boundary: 0",
        "wrong attribute: 0",
    ]


@pytest.mark.parametrize("with_baseline, charts", [(True, 3), (False, 1)])
def test_report_html_charts(with_baseline, charts):
    # P/R/F1 per label and relation for each system, and F1 side by side with a baseline
    assert render_html(evil_evaluation(with_baseline)).count("<svg") == charts


def test_report_html_bar_chart_draws_one_bar_per_defined_value():
    svg = bar_chart("t", ["ORG", "TIME"], [("P", [0.5, None], "#000"), ("R", [1.0, 0.25], "#111")])
    assert svg.count("<rect") == 3 + 2  # three bars and two legend squares
    assert 'height="200.0"' in svg and 'height="100.0"' in svg and 'height="50.0"' in svg


def test_report_html_excerpt_highlights():
    excerpt = Excerpt("năm <2024>", (Mark(0, 10, "gold"), Mark(4, 10, "pred")))
    assert excerpt_html(excerpt) == '<span class="hl gold">năm </span><span class="hl gold pred">&lt;2024&gt;</span>'


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.browser
def test_report_html_opens_in_chromium_without_errors(chromium, tmp_path):
    from playwright.sync_api import sync_playwright

    report = write_report(evil_evaluation(), tmp_path / "report")[1]
    problems: list[str] = []
    screenshot = tmp_path / "report.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
            page.goto(report.as_uri(), wait_until="load")
            assert page.title() == "Evaluation of pipeline"
            assert page.locator("svg").count() == 3
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    assert problems == []
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
