"""Text normalization for segmentation, with an offset map back to the document text.

The document text of FORMAT.md is the input in NFC, stripped, nothing else changed: every span is
reported against it. Word segmenters work better on a cleaner string, so :func:`normalize` builds
one and remembers, for every character it keeps, where it came from:

1. Unicode NFC (a no-op on document texts, which are NFC already; kept for raw strings),
2. web debris removed: markdown images and links such as ``![]()``, zero-width characters and soft
   hyphens,
3. old tone placement moved to the modern one that underthesea also uses (``hoà`` -> ``hòa``,
   ``thuỷ`` -> ``thủy``; ``quý`` is left alone),
4. whitespace: every run of spaces, tabs and other Unicode spaces becomes one space; ``\\r\\n`` and
   ``\\r`` become ``\\n``.

:meth:`NormalizedText.to_source` maps a ``[start, end)`` range of the normalized string back to the
document text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_COMBINING = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_DEBRIS = r"!\[[^\]\n]*\]\([^)\n]*\)|\[\]\([^)\n]*\)|[\u200b\u200c\u200d\u2060\ufeff\u00ad]"
_SPACE = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
#: the space runs that folding changes: a lone ASCII space is already folded, so it is left unmatched
_SPACES = rf"{_SPACE}{{2,}}|(?! ){_SPACE}"


@lru_cache(maxsize=1)
def _tone_table() -> dict[str, str]:
    """Old-style open syllable endings (``oà``, ``oé``, ``uỷ``) -> modern ones (``òa``, ``óe``, ``ủy``)."""
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for upper_first in (False, True):
            for upper_second in (False, True):
                v1 = first.upper() if upper_first else first
                v2 = second.upper() if upper_second else second
                for tone in _TONES:
                    old = v1 + unicodedata.normalize("NFC", v2 + tone)
                    new = unicodedata.normalize("NFC", v1 + tone) + v2
                    table[old] = new
    return table


@lru_cache(maxsize=1)
def _passes() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]:
    """The rewriting passes after NFC, in order: (pattern, replacement function)."""
    endings = _ending_alternatives()
    edits = re.compile(rf"(?P<debris>{_DEBRIS})|(?<!\w)(?P<onset>[^\W\d_]{{0,3}}?)(?P<tone>{endings})(?!\w)")
    spaces = re.compile(rf"(?P<space>{_SPACES})|(?P<newline>\r\n?)")
    return (edits, _edit), (spaces, _space)


def _ending_alternatives() -> str:
    """The old-style endings of :func:`_tone_table` as one alternative per first vowel
    (``o[àá...]|u[ỳý...]``): every ending is that vowel and one precomposed character, and one
    character class is much faster to try than each ending alone."""
    seconds: dict[str, set[str]] = {}
    for ending in _tone_table():
        first, second = ending
        seconds.setdefault(first, set()).add(second)
    return "|".join(f"{first}[{''.join(sorted(chars))}]" for first, chars in sorted(seconds.items()))


@lru_cache(maxsize=1)
def _cluster_pattern() -> re.Pattern[str]:
    return re.compile(rf".[{_COMBINING}]+", re.DOTALL)


@dataclass(frozen=True)
class NormalizedText:
    """A normalized string and, per character, its ``[start, end)`` in the source text."""

    text: str
    source: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source range of the normalized range ``[start, end)`` (``start < end``)."""
        return self.starts[start], self.ends[end - 1]


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for segmentation, keeping the offset map (see the module docstring)."""
    passes = list(_passes())
    if not unicodedata.is_normalized("NFC", text):
        passes.insert(0, (_cluster_pattern(), _compose))
    current = text
    starts: list[int] | None = None  # None while every character still maps to itself
    ends: list[int] | None = None
    for pattern, replace in passes:
        edits = _edits(current, pattern, replace)
        if not edits:
            continue
        current, pass_starts, pass_ends = _apply(current, edits)
        if starts is None or ends is None:
            starts, ends = pass_starts, pass_ends
        else:
            starts, ends = [starts[i] for i in pass_starts], [ends[i - 1] for i in pass_ends]
    if starts is None or ends is None:
        return NormalizedText(text, text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    return NormalizedText(current, text, tuple(starts), tuple(ends))


def _compose(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", match.group())


def _edit(match: re.Match[str]) -> str:
    if match.lastgroup == "debris":
        return ""
    onset, ending = match["onset"], match["tone"]
    if ending[0] in "uU" and onset[-1:] in ("q", "Q"):  # quý: the u belongs to the onset qu
        return match.group()
    return onset + _tone_table()[ending]


def _space(match: re.Match[str]) -> str:
    return " " if match.lastgroup == "space" else "\n"


Edit = tuple[int, int, str]


def _edits(text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> list[Edit]:
    """``(start, end, replacement)`` of every match that ``replace`` changes, in text order."""
    edits: list[Edit] = []
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement != match.group():
            edits.append((match.start(), match.end(), replacement))
    return edits


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[int], list[int]]:
    """Apply ``edits``; return the new text and per-character source ranges.

    ``starts[i]`` is the source start of output character ``i`` and ``ends[i]`` its source end.
    Characters of a replacement all map to the whole edited range.
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        starts.extend(range(position, start))
        ends.extend(range(position + 1, start + 1))
        pieces.append(replacement)
        starts.extend([start] * len(replacement))
        ends.extend([end] * len(replacement))
        position = end
    pieces.append(text[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return "".join(pieces), starts, ends
