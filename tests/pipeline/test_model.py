"""The shipped pipeline ``models/vnie_ie`` (built by ``scripts/build_model.py``; never trained here)."""

import pytest
import spacy

from pipeline.extensions import SPAN_GROUP
from pipeline.language import SHIPPED_MODEL, load_pipeline

SENTENCE = (
    "Phó Chủ tịch UBND tỉnh Thanh Hóa Mai Xuân Liêm cho biết, chỉ số sản xuất công nghiệp (IIP) "
    "ước đạt 19,25% so với cùng kỳ. Ông Liêm đề nghị Sở Công Thương tỉnh Thanh Hóa tiếp tục hỗ trợ."
)


@pytest.fixture(scope="module")
def shipped():
    return spacy.load(SHIPPED_MODEL)


def test_the_model_ships_small_enough_for_git():
    size = sum(p.stat().st_size for p in SHIPPED_MODEL.rglob("*") if p.is_file())
    assert (SHIPPED_MODEL / "config.cfg").is_file()
    assert size < 25_000_000


def test_the_shipped_model_is_the_default_pipeline():
    nlp = load_pipeline()
    names = nlp.pipe_names
    assert {"tok2vec", "ner", "vnie_entities", "vnie_span_resolver"} <= set(names)
    assert names.index("ner") < names.index("vnie_entities") < names.index("vnie_span_resolver")


def test_the_default_pipeline_runs_on_numpy_ops_with_the_same_results(shipped):
    nlp = load_pipeline()
    assert nlp.get_pipe("tok2vec").model.ops.use_blis is False
    spans = lambda doc: [(s.start_char, s.end_char, s.label_) for s in doc.spans[SPAN_GROUP]]
    assert spans(nlp(SENTENCE)) == spans(shipped(SENTENCE))


def test_the_shipped_model_tags_a_sentence(shipped):
    doc = shipped(SENTENCE)
    found = {(s.text, s.label_) for s in doc.spans[SPAN_GROUP]}
    assert {("Phó Chủ tịch", "TITLE"), ("Mai Xuân Liêm", "OFFICIAL"), ("Liêm", "OFFICIAL"),
            ("UBND tỉnh Thanh Hóa", "ORG"), ("Sở Công Thương tỉnh Thanh Hóa", "ORG")} <= found
    assert any(label == "INDICATOR" and "chỉ số sản xuất công nghiệp" in text for text, label in found)


def test_the_final_group_never_overlaps(shipped):
    spans = sorted(shipped(SENTENCE).spans[SPAN_GROUP], key=lambda s: s.start_char)
    assert all(a.end_char <= b.start_char for a, b in zip(spans, spans[1:]))


def test_the_shipped_model_round_trips_through_disk(shipped, tmp_path):
    shipped.to_disk(tmp_path / "copy")
    loaded = spacy.load(tmp_path / "copy")
    assert loaded.pipe_names == shipped.pipe_names
    assert loaded.get_pipe("vnie_entities").lexicon == shipped.get_pipe("vnie_entities").lexicon
    spans = lambda nlp: [(s.start_char, s.end_char, s.label_) for s in nlp(SENTENCE).spans[SPAN_GROUP]]  # noqa: E731
    assert spans(loaded) == spans(shipped)


def test_the_shipped_model_is_assembled_from_the_current_default_cfg(shipped):
    from thinc.api import Config

    from pipeline.language import DEFAULT_CONFIG

    expected = [name for name in Config().from_disk(DEFAULT_CONFIG)["nlp"]["pipeline"]]
    assert [n for n in shipped.pipe_names if n not in ("tok2vec", "ner")] == expected, (
        "pipeline/default.cfg changed since models/vnie_ie was assembled: "
        "run `.venv/bin/python scripts/build_model.py --assemble`"
    )
