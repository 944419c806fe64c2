"""Sentence segmentation as GUIDELINES.md defines a sentence.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by whitespace or the end of the text
(closing quotes or brackets may stand between), at a line break, or at a caption's ``|``. A dot
inside a number (``8.000``) or after an abbreviation (``TP.``) ends nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import TEXT_CACHE_SIZE, doc_text

#: words that end in a dot without ending the sentence (compared case-sensitively)
ABBREVIATIONS: frozenset[str] = frozenset(
    {"TP", "Tp", "tp", "TT", "Q", "P", "TS", "ThS", "Ths", "PGS", "GS", "BS", "KS", "CN", "NXB",
     "Mr", "Mrs", "Ms", "Dr", "St", "v.v", "vv", "Th", "Co", "Ltd", "Corp", "Inc", "No"}
)


@lru_cache(maxsize=1)
def _boundary() -> re.Pattern[str]:
    # (1) terminal punctuation with optional closing quotes/brackets, then whitespace or end;
    # (2) a caption bar; (3) a line break.
    return re.compile(r"(?P<stop>(?:\.{3}|[.!?…])+[\"'”’)\]»]*)(?=\s|$)|(?P<bar>\|)|(?P<newline>\n)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every sentence of ``text``, without surrounding whitespace."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_spans`, computed once for the sentencizer and every component after it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _boundary().finditer(text):
        if match.lastgroup == "stop" and _is_abbreviation(text, match.start()):
            continue
        end = match.start() if match.lastgroup == "newline" else match.end()
        _append(text, start, end, spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return tuple(spans)


_WORD_BEFORE = re.compile(r"[\w.]*$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """A dot after an abbreviation (``TP.``) or an initial (``Nguyễn V. An``; not ``I``, ``V``, ``X``,
    which end sentences as Roman numerals: ``quý I.``)."""
    if text[dot] != "." or text.startswith("...", dot):
        return False
    word = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if word is None:
        return False
    return word.group() in ABBREVIATIONS or (len(word.group()) == 1 and word.group().isupper() and word.group() not in "IVX")


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    stretch = text[start:end]
    if stretch.strip():
        left = start + len(stretch) - len(stretch.lstrip())
        right = end - (len(stretch) - len(stretch.rstrip()))
        spans.append((left, right))


def set_sentence_starts(doc: Doc, starts: Iterable[int]) -> Doc:
    """Mark the token at each character offset in ``starts`` as a sentence start, all others not.

    An offset inside a token marks nothing. Written through ``Doc.from_array``: setting
    ``Token.is_sent_start`` one token at a time costs tens of microseconds a token.
    """
    if not len(doc):
        return doc
    offsets = doc.to_array(IDX).astype("int64")
    flags = numpy.where(numpy.isin(offsets, numpy.fromiter(set(starts), dtype="int64")), 1, -1)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


@Language.factory(
    "vnie_sentencizer",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentencizer(nlp: Language, name: str) -> "Sentencizer":
    return Sentencizer(name=name)


class Sentencizer:
    """Sets sentence boundaries by :func:`sentence_spans`; stateless, so it saves nothing."""

    def __init__(self, *, name: str = "vnie_sentencizer") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return set_sentence_starts(doc, (start for start, _ in sentence_spans(doc_text(doc))))

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> "Sentencizer":
        return self

    def to_disk(self, path, *, exclude: tuple[str, ...] = ()) -> None:
        return None

    def from_disk(self, path, *, exclude: tuple[str, ...] = ()) -> "Sentencizer":
        return self
