"""A spaCy tokenizer for Vietnamese: word segmentation with exact character offsets.

The text is normalized (:mod:`pipeline.normalize`), each line is segmented by underthesea or pyvi
(:mod:`pipeline.segmenters`), the words are aligned back to the normalized line
(:mod:`pipeline.alignment`) and mapped to the original text through the normalization's offset
map. Tokens are then cut from the original text itself, so ``doc.text == text`` for any input:
multi-syllable words are single tokens (``Chỉ số``), numbers and dates stay whole (``6,293``,
``197.671``, ``9/1/2025``), and whitespace other than one trailing space becomes its own token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer
from spacy.vocab import Vocab

from .alignment import align_words, cover, merge_protected
from .extensions import remember_text
from .normalize import normalize
from .segmenters import check_segmenter, get_segmenter
from .serialization import ConfigSerializable

#: ranges no word boundary may cut: numbers with separators, dates, URLs, e-mail addresses
PROTECTED = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d+(?:[.,:/-]\d+)+"
)
#: :data:`PROTECTED` for a text without ``@``, where no e-mail address can match: trying that
#: alternative at every word character is most of the pattern's cost
_PROTECTED_WITHOUT_EMAIL = re.compile(r"https?://\S+|www\.\S+|\d+(?:[.,:/-]\d+)+")


def create_tokenizer(segmenter: str = "underthesea") -> Callable[[Language], "VietnameseTokenizer"]:
    """Registered as ``vnie.Tokenizer.v1`` (entry point ``spacy_tokenizers``)."""
    check_segmenter(segmenter)

    def make(nlp: Language) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab, segmenter=segmenter)

    return make


class VietnameseTokenizer(ConfigSerializable, DummyTokenizer):
    def __init__(self, vocab: Vocab, *, segmenter: str = "underthesea") -> None:
        self.vocab = vocab
        self.segmenter = check_segmenter(segmenter)

    def __reduce__(self):
        return _rebuild, (self.vocab, self.segmenter)

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(text, token_ranges(text, self.segmenter))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        remember_text(doc, text)  # the tokens cover ``text`` exactly, so it is ``doc.text``
        return doc

    def _get_config(self) -> dict[str, Any]:
        return {"segmenter": self.segmenter}

    def _set_config(self, config: dict[str, Any]) -> None:
        self.segmenter = check_segmenter(config.get("segmenter", "underthesea"))



def _rebuild(vocab: Vocab, segmenter: str) -> VietnameseTokenizer:
    return VietnameseTokenizer(vocab, segmenter=segmenter)


def token_ranges(text: str, segmenter: str = "underthesea") -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``[start, end)`` ranges of the tokens of ``text``.

    Every non-space character of ``text`` lies in exactly one range.
    """
    normalized = normalize(text)
    segment = get_segmenter(segmenter)
    ranges: list[tuple[int, int]] = []
    for line_start, line in _lines(normalized.text):
        for start, end in _split_estimate_cue(line, align_words(line, segment(line))):
            ranges.append((line_start + start, line_start + end))
    ranges = merge_protected(ranges, _protected_ranges(normalized.text))
    starts, ends = normalized.starts, normalized.ends  # NormalizedText.to_source, inlined
    return cover(text, [(starts[start], ends[end - 1]) for start, end in ranges])


#: words that end in the syllable ``ước`` by themselves (treaty, wish, convention ...)
_UOC_COMPOUNDS = frozenset({"công ước", "hiệp ước", "mong ước", "quy ước", "điều ước", "giao ước", "ao ước",
                            "khế ước", "thề ước", "cựu ước", "tân ước", "ước ao", "ước mơ", "ước muốn", "ước lượng",
                            "ước tính", "ước đạt", "ước thực hiện", "ước chừng", "ước nguyện", "ước vọng"})


def _split_estimate_cue(line: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words the segmenter glued to the estimate cue ``ước`` (``dầu thô ước``, ``ước lỗ``, ``2020
    ước``), cut at the cue: the cue is a word of its own unless it makes one (:data:`_UOC_COMPOUNDS`)."""
    if "ước" not in line.lower():
        return words  # most lines: nothing to cut
    split: list[tuple[int, int]] = []
    for start, end in words:
        word = line[start:end].lower()
        if " " not in word or "ước" not in word.split() or word in _UOC_COMPOUNDS:
            split.append((start, end))
        else:
            split.extend(_cut_at_cue(line, start, end))
    return split


def _cut_at_cue(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """``line[start:end]`` as words: each ``ước`` syllable alone, the syllables between them together."""
    parts: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for syllable in re.finditer(r"\S+", line[start:end]):
        a, b = start + syllable.start(), start + syllable.end()
        if syllable.group().lower() == "ước":
            parts += [current, (a, b)] if current else [(a, b)]
            current = None
        else:
            current = (current[0], b) if current else (a, b)
    return parts + [current] if current else parts


def _protected_ranges(text: str) -> list[tuple[int, int]]:
    pattern = PROTECTED if "@" in text else _PROTECTED_WITHOUT_EMAIL
    return [match.span() for match in pattern.finditer(text)]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """The start and end character offsets of the tokens of ``doc``, read in one go: iterating a
    ``Doc`` makes a ``Token`` object for every token, which costs more than the rules that use it."""
    bounds = doc.to_array([IDX, LENGTH])
    starts = bounds[:, 0]
    return starts.tolist(), (starts + bounds[:, 1]).tolist()


def words_and_spaces(text: str, ranges: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy's ``words`` and ``spaces`` for token ``ranges`` that cover every non-space character.

    One space after a token is its trailing space; any other whitespace becomes a token of its own.
    """
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in ranges:
        if start > position:
            _add_gap(text[position:start], words, spaces)
        words.append(text[start:end])
        spaces.append(False)
        position = end
    _add_gap(text[position:], words, spaces)
    return words, spaces


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    if not gap:
        return
    if gap[0] == " " and words and not spaces[-1] and not words[-1].isspace():
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
