"""Building and loading the spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")


def create_pipeline(*, segmenter: str | None = None) -> Language:
    """The default pipeline of ``default.cfg``, optionally with another segmenter."""
    config = Config().from_disk(DEFAULT_CONFIG)
    if segmenter is not None:
        config["nlp"]["tokenizer"]["segmenter"] = segmenter
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def load_pipeline(model: str | Path | None = None, *, segmenter: str | None = None) -> Language:
    """A saved pipeline (``spacy.load``) or, without ``model``, the default one."""
    if model is None:
        return create_pipeline(segmenter=segmenter)
    overrides = {} if segmenter is None else {"nlp.tokenizer.segmenter": segmenter}
    return spacy.load(model, config=overrides)
