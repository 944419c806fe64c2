"""The excerpts that show an error in its sentence."""

from __future__ import annotations

import pytest

from evaluation.excerpts import Excerpt, Mark, SentenceIndex


TEXT = "Sở Công Thương họp. Xuất khẩu năm 2024 tăng 5%. Nhập khẩu giảm."


def test_excerpts_a_span_shows_its_sentence():
    start = TEXT.index("năm 2024")
    excerpt = SentenceIndex(TEXT).excerpt([(start, start + 8, "gold")])
    assert excerpt.text == "Xuất khẩu năm 2024 tăng 5%."
    assert excerpt.marks == (Mark(10, 18, "gold"),)
    assert not excerpt.clipped_start and not excerpt.clipped_end


def test_excerpts_marks_in_two_sentences_show_both():
    first, last = TEXT.index("Công"), TEXT.index("Nhập")
    excerpt = SentenceIndex(TEXT).excerpt([(first, first + 4, "pred"), (last, last + 4, "pred")])
    assert excerpt.text == TEXT


def test_excerpts_long_sentences_are_clipped_at_words():
    text = " ".join(["từ"] * 200) + " năm 2024 " + " ".join(["khác"] * 200) + "."
    start = text.index("năm 2024")
    excerpt = SentenceIndex(text).excerpt([(start, start + 8, "gold")], limit=60)
    assert excerpt.clipped_start and excerpt.clipped_end
    assert len(excerpt.text) <= 60
    assert excerpt.text.split() == excerpt.text.split(" ")  # starts and ends on whole words
    assert excerpt.text[excerpt.marks[0].start : excerpt.marks[0].end] == "năm 2024"


@pytest.mark.parametrize(
    "marks, pieces",
    [
        ((Mark(0, 8, "gold"), Mark(4, 8, "pred")), [("năm ", {"gold"}), ("2024", {"gold", "pred"}), (" tăng", set())]),
        ((Mark(4, 13, "pred"),), [("năm ", set()), ("2024 tăng", {"pred"})]),
        ((), [("năm 2024 tăng", set())]),
    ],
)
def test_excerpts_segments(marks, pieces):
    segments = Excerpt("năm 2024 tăng", marks).segments()
    assert [(text, set(roles)) for text, roles in segments] == pieces
