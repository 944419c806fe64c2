"""The Markdown summary: its sections, well-formed tables, escaped document text."""

from __future__ import annotations

import pytest
from evaluation_helpers import report_evaluation as evil_evaluation

from evaluation.excerpts import Excerpt, Mark
from evaluation.report_markdown import cell, escape, marked_excerpt, render_markdown


@pytest.mark.parametrize(
    "needle",
    [
        "# Evaluation of pipeline",
        "### Facts (headline)",
        "### pipeline against underthesea",
        "| ORG strict F1 |",
        "### Spans per label (strict): pipeline",
        "### Relations: pipeline",
        "### Quantity attributes: pipeline",
        "### Span label confusion: pipeline",
        "**wrong attribute** (1)",
        "95% intervals from 100 bootstrap resamples of documents (seed 0).",
    ],
)
def test_report_markdown_sections(needle):
    assert needle in render_markdown(evil_evaluation())


def test_report_markdown_leaves_the_baseline_details_to_the_html():
    text = render_markdown(evil_evaluation())
    assert "| underthesea |" in text  # in the facts table
    assert "Relations: underthesea" not in text


def test_report_markdown_tables_are_well_formed():
    lines = render_markdown(evil_evaluation()).splitlines()
    index = 0
    while index < len(lines):
        if lines[index].startswith("|"):
            block = []
            while index < len(lines) and lines[index].startswith("|"):
                block.append(lines[index])
                index += 1
            widths = {line.replace("\\|", "").count("|") for line in block}
            assert len(widths) == 1, block
        index += 1


def test_report_markdown_escapes_document_text():
    text = render_markdown(evil_evaluation())
    assert "<script>" not in text and "\\<script\\>" in text
    assert "«A&B» gold ORG / predicted OFFICIAL" in text


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a | b", "a \\| b"),
        ("*bold* _x_", "\\*bold\\* \\_x\\_"),
        ("![]() [x]", "\\!\\[\\]() \\[x\\]"),
        ("<b>", "\\<b\\>"),
        ("line\nbreak", "line break"),
    ],
)
def test_report_markdown_escape(raw, escaped):
    assert escape(raw) == escaped


def test_report_markdown_cell_keeps_names_readable():
    assert cell("spans ent_type F1 [0.1, 0.2] | x") == "spans ent_type F1 [0.1, 0.2] \\| x"


def test_report_markdown_marked_excerpt():
    excerpt = Excerpt("trong năm 2024 tăng", (Mark(6, 14, "gold"), Mark(10, 14, "pred")), clipped_end=True)
    assert marked_excerpt(excerpt) == "trong [[năm ]][[{{2024}}]] tăng …"
