import pickle
import random
import unicodedata

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.language import create_pipeline
from pipeline.tokenizer import VietnameseTokenizer, words_and_spaces

NAUGHTY = [
    "",
    " ",
    "   ",
    "\n",
    "\n\n \t\n",
    "văn  bản",
    "văn   bản  quy   phạm",
    " leading and trailing ",
    "tab\there",
    "nbsp\u00a0giữa",
    "zero\u200bwidth",
    "soft\u00adhyphen",
    unicodedata.normalize("NFD", "Thanh Hóa tăng trưởng"),
    unicodedata.normalize("NFD", "hoà  thuỷ"),
    "hoà bình, thuỷ sản, khoẻ mạnh, quý III",
    "HOÀ BÌNH THUỶ",
    "Mixed scripts: 中国 Москва Ελλάδα العربية 한국어 日本",
    "emoji 📈 tăng 😀 mạnh 👍🏽",
    "![]() |\nẢnh minh họa |",
    "[](http://x.y) link debris",
    "\r\nWindows\r\nline\rends",
    "1.2.3 ,5 tỷ 6,293 19,25% 197.671 9/1/2025",
    "x" * 5000,
    ("Chỉ số sản xuất công nghiệp tăng 19,25%. " * 300).strip(),
    "\u0300\u0301 combining marks alone",
    "a\u0000b control\u0007chars",
    "\ufeffBOM in the middle\ufeff",
    "<script>alert('x')</script> & &amp;",
    "(((nested))) [[brackets]] {{braces}}",
    "...!!!???…",
    "–—-‒ dashes “quotes” ‘single’ «guillemets»",
]


@pytest.mark.parametrize("text", NAUGHTY)
@pytest.mark.parametrize("segmenter", ["underthesea", "pyvi"])
def test_tokenizer_keeps_text(text, segmenter, nlp, nlp_pyvi):
    pipeline = nlp if segmenter == "underthesea" else nlp_pyvi
    doc = pipeline(text)
    assert doc.text == text
    assert all(token.text for token in doc)


#: numbers, dates and abbreviations stay whole with either segmenter
WHOLE_WORDS = [
    ("ước đạt 19,25%;", ["19,25", "%"]),
    ("ước đạt 6,293 tỷ USD", ["6,293", "tỷ", "USD"]),
    ("đạt 197.671 tỷ đồng", ["197.671"]),
    ("Chiều nay, 9/1/2025, Sở Công Thương", ["9/1/2025", "Công Thương"]),
    ("ngày 23/12/2024 tại TP. Hồ Chí Minh", ["23/12/2024", "TP.", "Hồ Chí Minh"]),
    ("tăng 9-10% so với 18-12", ["9-10", "18-12"]),
]
#: multi-syllable words as underthesea's dictionary groups them (pyvi's groups some differently),
#: kept in their original spelling: old tone placement, double spaces
UNDERTHESEA_WORDS = [
    ("Chỉ số sản xuất công nghiệp tăng", ["Chỉ số", "sản xuất", "công nghiệp"]),
    ("nền hoà bình thế giới", ["hoà bình", "thế giới"]),
    ("văn  bản pháp luật", ["văn  bản"]),
]


#: the estimate cue ``ước`` glued by the segmenter to the word before or after it is cut off
#: (``dầu thô ước``, ``12/2020 ước``, ``ước lỗ``), unless it makes a word (``Công ước``, ``ước tính``)
ESTIMATE_CUE = [
    ("Kim ngạch xuất khẩu kể cả dầu thô ước đạt 5 tỷ USD.", ["thô", "ước", "đạt"], ["thô ước"]),
    ("Vốn thực hiện của dự án FDI ước đạt 1,51 tỷ USD.", ["FDI", "ước"], ["FDI ước"]),
    ("Tháng 12/2020 ước tăng 5%.", ["12/2020", "ước"], ["12/2020 ước"]),
    ("VietinBank ước lãi 8.250 tỷ đồng.", ["VietinBank", "ước", "lãi"], ["VietinBank ước"]),
    ("Công ước quốc tế được ký.", ["Công ước"], ["ước"]),
    ("IIP ước tính tăng 5%.", ["ước tính"], ["ước"]),
]


def _tokens(pipeline, text):
    return [token.text for token in pipeline(text)]


@pytest.mark.parametrize("text,words,not_words", ESTIMATE_CUE)
def test_tokenizer_cuts_the_estimate_cue_off(text, words, not_words, nlp):
    tokens = _tokens(nlp, text)
    assert all(word in tokens for word in words) and not any(word in tokens for word in not_words), tokens


@pytest.mark.parametrize("text,words", WHOLE_WORDS)
@pytest.mark.parametrize("segmenter", ["underthesea", "pyvi"])
def test_tokenizer_keeps_numbers_whole(text, words, segmenter, nlp, nlp_pyvi):
    tokens = _tokens(nlp if segmenter == "underthesea" else nlp_pyvi, text)
    assert all(word in tokens for word in words), tokens


@pytest.mark.parametrize("text,words", UNDERTHESEA_WORDS)
def test_tokenizer_words_of_several_syllables(text, words, nlp):
    tokens = _tokens(nlp, text)
    assert all(word in tokens for word in words), tokens


@pytest.mark.parametrize(
    "text,ranges,words,spaces",
    [
        ("a b", [(0, 1), (2, 3)], ["a", "b"], [True, False]),
        ("a  b", [(0, 1), (3, 4)], ["a", " ", "b"], [True, False, False]),
        ("a\nb", [(0, 1), (2, 3)], ["a", "\n", "b"], [False, False, False]),
        (" a", [(1, 2)], [" ", "a"], [False, False]),
        ("a \n b", [(0, 1), (4, 5)], ["a", "\n ", "b"], [True, False, False]),
        ("ab ", [(0, 2)], ["ab"], [True]),
        ("  ", [], ["  "], [False]),
    ],
)
def test_words_and_spaces(text, ranges, words, spaces):
    assert words_and_spaces(text, ranges) == (words, spaces)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_tokenizer_keeps_random_unicode(nlp, text):
    assert nlp(text).text == text


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="aăâeêioôơuưyàảãáạằẳẵắặầẩẫấậđĐ0123456789.,/%- \n\t", max_size=200))
def test_tokenizer_keeps_vietnamese_like_strings(nlp_pyvi, nlp, text):
    assert nlp(text).text == text
    assert nlp_pyvi(text).text == text


@pytest.mark.slow
@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_tokenizer_keeps_shuffled_corpus_sentences(nlp, corpus_sentences, rnd):
    sample = rnd.sample(corpus_sentences, k=min(8, len(corpus_sentences)))
    separator = rnd.choice([" ", "  ", "\n", "\n\n", " \t "])
    text = separator.join(sample)
    doc = nlp(text)
    assert doc.text == text


@pytest.fixture(scope="module")
def corpus_sentences(project_root):
    from pipeline.sentences import sentence_spans
    from pipeline.textio import read_text_file

    sentences = []
    for path in sorted((project_root / "corpus" / "seeds").glob("*.txt")):
        text = read_text_file(path)
        sentences.extend(text[s:e] for s, e in sentence_spans(text))
    random.Random(0).shuffle(sentences)
    return sentences


def test_tokenizer_pickle_round_trip(nlp_pyvi):
    restored = pickle.loads(pickle.dumps(nlp_pyvi.tokenizer))
    assert isinstance(restored, VietnameseTokenizer)
    assert restored.segmenter == "pyvi"
    assert [t.text for t in restored("Chỉ số 9/1/2025")] == [t.text for t in nlp_pyvi("Chỉ số 9/1/2025")]


def test_tokenizer_bytes_round_trip(nlp, nlp_pyvi):
    tokenizer = VietnameseTokenizer(nlp.vocab, segmenter="underthesea")
    tokenizer.from_bytes(nlp_pyvi.tokenizer.to_bytes())
    assert tokenizer.segmenter == "pyvi"


@pytest.mark.parametrize("segmenter", ["underthesea", "pyvi"])
def test_pipeline_disk_round_trip(tmp_path, segmenter):
    nlp = create_pipeline(segmenter=segmenter)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.tokenizer, VietnameseTokenizer)
    assert loaded.tokenizer.segmenter == segmenter
    assert loaded.pipe_names == nlp.pipe_names
    text = "Tổng kim ngạch đạt 6,293 tỷ USD. Năm 2024 tăng."
    assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]


def test_tokenizer_registered_by_entry_point():
    assert spacy.registry.tokenizers.get("vnie.Tokenizer.v1") is not None


def test_unknown_segmenter_is_refused():
    from pipeline.errors import VnieError

    with pytest.raises(VnieError, match="unknown segmenter 'jieba'"):
        create_pipeline(segmenter="jieba")
