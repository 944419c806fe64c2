"""The excerpts that show an error in its sentence (sentences as :mod:`pipeline.sentences` finds them)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from pipeline.sentences import sentence_spans

#: longest excerpt shown, in characters, before it is clipped around the marks
EXCERPT_LIMIT = 320


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of an excerpt, relative to its start; ``role`` is ``gold`` or ``pred``."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class Excerpt:
    """The sentence(s) around an error, with the spans involved marked."""

    text: str
    marks: tuple[Mark, ...]
    clipped_start: bool = False
    clipped_end: bool = False

    def segments(self) -> list[tuple[str, frozenset[str]]]:
        """The text cut at every mark boundary, each piece with the roles that cover it."""
        cuts = sorted({0, len(self.text), *(m.start for m in self.marks), *(m.end for m in self.marks)})
        pieces = []
        for start, end in zip(cuts, cuts[1:]):
            roles = frozenset(m.role for m in self.marks if m.start <= start and end <= m.end)
            pieces.append((self.text[start:end], roles))
        return pieces


class SentenceIndex:
    """The sentences of one text, found on first use, and excerpts of them."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def bounds(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text)

    @cached_property
    def starts(self) -> list[int]:
        return [start for start, _ in self.bounds]

    def sentence_range(self, low: int, high: int) -> tuple[int, int]:
        """From the start of the sentence holding ``low`` to the end of the one holding ``high - 1``."""
        if not self.bounds:
            return low, high
        first = max(0, bisect_right(self.starts, low) - 1)
        last = max(0, bisect_right(self.starts, max(low, high - 1)) - 1)
        return min(self.bounds[first][0], low), max(self.bounds[last][1], high)

    def excerpt(self, marks: Sequence[tuple[int, int, str]], limit: int = EXCERPT_LIMIT) -> Excerpt:
        """The sentences that hold ``marks`` (document offsets), clipped to ``limit`` characters."""
        low = min(start for start, _, _ in marks)
        high = max(end for _, end, _ in marks)
        start, end = self.sentence_range(low, high)
        clipped_start = clipped_end = False
        if end - start > limit:
            margin = max(0, (limit - (high - low)) // 2)
            new_start = _word_start(self.text, max(start, low - margin), low)
            new_end = _word_end(self.text, min(end, high + margin), high)
            clipped_start, clipped_end = new_start > start, new_end < end
            start, end = new_start, new_end
        relative = tuple(Mark(max(s, start) - start, min(e, end) - start, role) for s, e, role in marks)
        return Excerpt(self.text[start:end], relative, clipped_start, clipped_end)


def _word_start(text: str, position: int, limit: int) -> int:
    """``position`` moved right to the start of a word, but not past ``limit``."""
    while position < limit and position > 0 and not text[position - 1].isspace():
        position += 1
    return position


def _word_end(text: str, position: int, limit: int) -> int:
    """``position`` moved left to the end of a word, but not before ``limit``."""
    while position > limit and position < len(text) and not text[position].isspace():
        position -= 1
    return position
