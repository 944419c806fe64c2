"""Building and loading the spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config, use_ops

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")
#: the trained pipeline shipped with the project (scripts/build_model.py builds it)
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "models" / "vnie_ie"


def create_pipeline(*, segmenter: str | None = None) -> Language:
    """The default pipeline of ``default.cfg``, optionally with another segmenter."""
    config = Config().from_disk(DEFAULT_CONFIG)
    if segmenter is not None:
        config["nlp"]["tokenizer"]["segmenter"] = segmenter
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def load_pipeline(model: str | Path | None = None, *, segmenter: str | None = None) -> Language:
    """A saved pipeline (``spacy.load``) or, without ``model``, the shipped one (:data:`SHIPPED_MODEL`),
    or where that is missing the rule-based pipeline of ``default.cfg``.

    The statistical components are built on thinc's numpy operations without blis: on the CPUs
    this project runs on, blis falls back to its generic kernel and the NER's matrix products run
    about twice as slowly as numpy's; the results are the same (``bench/tokenize_throughput.py``)."""
    if model is None and not (SHIPPED_MODEL / "config.cfg").is_file():
        return create_pipeline(segmenter=segmenter)
    model = SHIPPED_MODEL if model is None else model
    overrides = {} if segmenter is None else {"nlp.tokenizer.segmenter": segmenter}
    with use_ops("numpy", use_blis=False):
        return spacy.load(model, config=overrides)
