"""Vietnamese word segmenters behind one interface, loaded lazily and once.

A segmenter takes one line of normalized text and returns its words, each word's syllables
separated by single spaces (``["Chỉ số", "sản xuất", ...]``). The words need not match the text
character for character (underthesea re-normalizes); :mod:`pipeline.alignment` maps them back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .errors import Errors, VnieError

Segment = Callable[[str], list[str]]


def _underthesea() -> Segment:
    from underthesea import word_tokenize

    return word_tokenize


def _pyvi() -> Segment:
    from pyvi import ViTokenizer

    def segment(line: str) -> list[str]:
        return [word.replace("_", " ") for word in ViTokenizer.tokenize(line).split()]

    return segment


_LOADERS: dict[str, Callable[[], Segment]] = {"underthesea": _underthesea, "pyvi": _pyvi}
SEGMENTERS: tuple[str, ...] = tuple(_LOADERS)


def check_segmenter(name: str) -> str:
    if name not in _LOADERS:
        raise VnieError(Errors.E006.format(name=name, choices=list(SEGMENTERS)))
    return name


@lru_cache(maxsize=None)
def get_segmenter(name: str) -> Segment:
    """The segmentation function called ``name`` (imported on first use)."""
    return _LOADERS[check_segmenter(name)]()
