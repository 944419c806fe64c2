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
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

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
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _boundary().finditer(text):
        if match.lastgroup == "stop" and _is_abbreviation(text, match.start()):
            continue
        end = match.start() if match.lastgroup == "newline" else match.end()
        _append(text, start, end, spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """A dot after an abbreviation (``TP.``) or an initial (``Nguyễn V. An``; not ``I``, ``V``, ``X``,
    which end sentences as Roman numerals: ``quý I.``)."""
    if text[dot] != "." or text.startswith("...", dot):
        return False
    word = re.search(r"[\w.]*$", text[max(0, dot - 12) : dot])
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
    first = set(starts)
    flags = numpy.full(len(doc), -1, dtype="int64")
    flags[[token.i for token in doc if token.i == 0 or token.idx in first]] = 1
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
        return set_sentence_starts(doc, (start for start, _ in sentence_spans(doc.text)))

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> "Sentencizer":
        return self

    def to_disk(self, path, *, exclude: tuple[str, ...] = ()) -> None:
        return None

    def from_disk(self, path, *, exclude: tuple[str, ...] = ()) -> "Sentencizer":
        return self
