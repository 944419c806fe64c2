"""The fast paths of the pipeline give exactly what the plain ways of computing the same thing give:
break positions by bisection, grouped regex alternations, token offsets read as arrays, the cached
text of a doc, the cached sentences of a text."""

import random
import re

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.attributes import clause_start, sentence_start
from pipeline.entities import _alternation, _starting_with
from pipeline.extensions import doc_text
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.tokenizer import PROTECTED, _protected_ranges, token_offsets

_CLAUSE_BREAK = re.compile(r";|[.!?…](?=\s)|\n|\|")
_SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)|\n|\|")


def _windowed_break(text, position, pattern, window_size):
    """The plain way: the last match of ``pattern`` in the window before ``position``, searched as a
    string of its own."""
    window = text[max(0, position - window_size) : position]
    last = None
    for last in pattern.finditer(window):
        pass
    return position - len(window) + last.end() if last else max(0, position - window_size)


def _random_texts(alphabet, count, longest, seed=0):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


@pytest.mark.parametrize("text", _random_texts(list("ab .!?…;|\n\t\u00a0x,"), 300, 1500) + ["Tăng 5%. Giảm; quý I.\nHết | x"])
def test_clause_and_sentence_starts_match_the_windowed_search(text):
    for position in range(0, len(text) + 3, 7):
        assert clause_start(text, position) == _windowed_break(text, position, _CLAUSE_BREAK, 400)
        assert sentence_start(text, position) == _windowed_break(text, position, _SENTENCE_BREAK, 600)


_WORDS = ["Chủ tịch", "chủ tịch", "Chủ", "Chủ tịch nước", "Phó", "phó chủ tịch", "a", "ab", "abc", "b", "Đ&", "đ-x", "(A)"]
_TEXT = "Chủ tịch nước, CHỦ TỊCH, phó chủ tịch abc ab a b Chủ tịchx Chủ, đ-x Đ& (A) ĐỒNG chủ"


@pytest.mark.parametrize("ignore_case", [False, True])
@pytest.mark.parametrize("after", ["", r"(?![\w])", r" \w+"])
def test_grouped_alternation_matches_like_the_plain_one(ignore_case, after):
    plain = "|".join(re.escape(w) for w in sorted(set(_WORDS), key=len, reverse=True))
    flags = re.IGNORECASE if ignore_case else 0
    expected = re.compile(rf"(?<![\w])(?:{plain}){after}", flags)
    grouped = re.compile(rf"{_starting_with(_WORDS)}(?<![\w])(?:{_alternation(_WORDS, ignore_case=ignore_case)}){after}", flags)
    for text in [_TEXT, *_random_texts(list(" ,") + _WORDS + ["x", "CHỦ", "TỊCH"], 200, 12)]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_alternation_with_the_empty_word_matches_anywhere():
    assert _starting_with(["a", ""]) == ""
    assert re.fullmatch(rf"(?:{_alternation(['a', ''])})", "") is not None


@pytest.mark.parametrize("text", ["", "Chỉ số tăng 19,25%.", "  văn  bản\n\nquý I ", "x" * 50])
def test_token_offsets_are_the_tokens_offsets(nlp, text):
    doc = nlp.make_doc(text)
    starts, ends = token_offsets(doc)
    assert list(zip(starts, ends)) == [(t.idx, t.idx + len(t.text)) for t in doc]


@pytest.mark.parametrize("text", ["1.2.3 ,5 tỷ 6,293 19,25% 197.671 9/1/2025", "www.moit.gov.vn https://x.vn/a?b=1", "a.b@moit.gov.vn và 9/1"])
def test_protected_ranges_match_the_full_pattern(text):
    text = normalize(text).text
    assert _protected_ranges(text) == [m.span() for m in PROTECTED.finditer(text)]


def test_doc_text_is_the_text_of_the_doc_and_stays_after_retokenizing(nlp):
    doc = nlp.make_doc("Xuất khẩu đạt 6,293 tỷ USD.")
    assert doc_text(doc) == doc.text
    token = doc[0]
    pieces = re.findall(r"\s+|\S+", token.text)  # as the time ruler splits a token a span edge cuts
    assert len(pieces) == 3
    with doc.retokenize() as retokenizer:
        retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))
    assert len(doc) == 8 and doc_text(doc) == doc.text
    built = Doc(nlp.vocab, words=["a", "b"], spaces=[True, False])
    assert doc_text(built) == "a b"


def test_sentence_spans_are_a_new_list_each_time():
    text = "Một. Hai."
    first = sentence_spans(text)
    first.append((0, 0))
    assert sentence_spans(text) == [(0, 4), (5, 9)]
