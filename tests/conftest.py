"""Shared fixtures: paths to the project's data, and guards for optional resources.

Tests that need ``../shared`` or Chromium skip when the resource is absent on a developer's
machine and fail when ``CI=true``, so that CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
SHARED_ANNOTATION = SHARED / "annotation"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _require(available: bool, what: str) -> None:
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required when CI=true")
    pytest.skip(f"{what} is not available here")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    _require(SHARED_CORPUS.is_dir(), f"the shared corpus ({SHARED_CORPUS})")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def shared_annotation() -> Path:
    _require(SHARED_ANNOTATION.is_dir(), f"the shared annotation folder ({SHARED_ANNOTATION})")
    return SHARED_ANNOTATION


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    _require(path is not None, "Chromium (Debian package `chromium`)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (underthesea segmenter), loaded once."""
    from pipeline.language import create_pipeline

    return create_pipeline()


@pytest.fixture(scope="session")
def nlp_pyvi():
    from pipeline.language import create_pipeline

    return create_pipeline(segmenter="pyvi")


@pytest.fixture(scope="session")
def rules_nlp():
    """The default pipeline's tokenizer with its rule components for TIME, BASIS and QUANTITY only
    (sentencizer, time ruler, quantity ruler): later stages are tested on their own."""
    import spacy
    from thinc.api import Config

    from pipeline.language import DEFAULT_CONFIG

    config = Config().from_disk(DEFAULT_CONFIG)
    names = ["vnie_sentencizer", "vnie_time_ruler", "vnie_quantity_ruler"]
    config["nlp"]["pipeline"] = names
    config["components"] = {name: config["components"][name] for name in names}
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


@pytest.fixture(scope="session")
def doc_with_spans():
    """``make(text, [(piece, label, attrs), ...])``: a Doc of ``text`` (pyvi tokens) whose span group
    holds those spans, each piece found after the previous one."""
    import spacy

    from pipeline.extensions import SPAN_GROUP, register
    from pipeline.timex import add_spans
    from pipeline.tokenizer import VietnameseTokenizer

    register()
    tokenizer = VietnameseTokenizer(spacy.blank("vi").vocab, segmenter="pyvi")

    def make(text, spans):
        items, cursor = [], 0
        for piece, label, attrs in spans:
            start = text.index(piece, cursor)
            cursor = start + len(piece)
            items.append((start, cursor, label, attrs))
        return add_spans(tokenizer(text), SPAN_GROUP, items)

    return make
