"""Map segmenter words back to exact character offsets of the text they came from.

underthesea NFC-normalizes, fixes tone placement and joins syllables with single spaces, so its
words cannot be found by plain string search. Syllables are compared on a *skeleton* of the text:
each letter lower-cased and stripped of its diacritics, which keeps lengths equal character by
character. A syllable that cannot be found nearby is skipped; whatever text no word covers is
split on whitespace by :func:`cover`, so the tokens always cover every non-space character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LOOKAHEAD = 32
_NON_SPACE = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _skeleton_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1 and base != char:
            table[code] = base
    return table


def skeleton(text: str) -> str:
    """``text`` with letters lower-cased and diacritics removed; same length as ``text``."""
    return text.translate(_skeleton_table())


def align_words(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character ranges of ``words`` in ``text``, in order; words not found are left out.

    A word whose syllables are found apart (other text between them) gives one range a group.
    """
    return [group for groups, _ in _placements(text, words) for group in groups]


def place_words(text: str, words: list[str]) -> list[tuple[int, int] | None]:
    """The range of each word of ``words`` in ``text``, or None where it is not found whole."""
    return [groups[0] if whole and len(groups) == 1 else None for groups, whole in _placements(text, words)]


def _placements(text: str, words: list[str]) -> list[tuple[list[tuple[int, int]], bool]]:
    """Per word: the groups of its syllables found in order, and whether every syllable was found."""
    skel: str | None = None  # made when a word does not stand as written
    placements: list[tuple[list[tuple[int, int]], bool]] = []
    cursor = 0
    length = len(text)
    for word in words:
        while cursor < length and text[cursor].isspace():
            cursor += 1
        if word and text.startswith(word, cursor):  # the common case: the word stands as written
            placements.append(([(cursor, cursor + len(word))], True))
            cursor += len(word)
            continue
        if skel is None:
            skel = skeleton(text)
        syllables: list[tuple[int, int]] = []
        for syllable in word.split():
            start = _find(skel, skeleton(syllable), cursor)
            if start is None:
                continue
            syllables.append((start, start + len(syllable)))
            cursor = start + len(syllable)
        placements.append((_group(text, syllables), bool(syllables) and len(syllables) == len(word.split())))
    return placements


def _find(skel: str, syllable: str, cursor: int) -> int | None:
    while cursor < len(skel) and skel[cursor].isspace():
        cursor += 1
    if skel.startswith(syllable, cursor):
        return cursor
    found = skel.find(syllable, cursor, cursor + len(syllable) + _LOOKAHEAD)
    return None if found < 0 else found


def _group(text: str, syllables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the syllables of one word where only spaces stand between them."""
    groups: list[tuple[int, int]] = []
    for start, end in syllables:
        if groups and text[groups[-1][1] : start].strip(" ") == "":
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    return groups


def merge_protected(spans: list[tuple[int, int]], protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge word ranges so that no protected range (a number, a date, a URL) is split.

    Word ranges never overlap each other, nor do protected ranges, so every overlap joins a word
    with a protected range: overlapping ranges are merged into their union.
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + protected):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def cover(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` plus a range for every run of non-space text that no span covers, sorted."""
    result: list[tuple[int, int]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:  # overlapping ranges cannot become tokens; keep the earlier one
            continue
        if start > position and not text[position:start].isspace():  # mostly nothing or one space
            result.extend(_runs(text, position, start))
        result.append((start, end))
        position = end
    result.extend(_runs(text, position, len(text)))
    return result


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NON_SPACE.finditer(text, start, end)]
