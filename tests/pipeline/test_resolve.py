"""``vnie_span_resolver``: the final group has no overlaps; priority, then length, decides."""

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.errors import VnieError
from pipeline.extensions import RELATIONS_ATTR, SPAN_GROUP, register
from pipeline.resolve import DEFAULT_PRIORITY, SpanResolver, resolve

WORDS = ["Tổng", "mức", "bán", "lẻ", "đạt", "5", "tỷ", "đồng"]


def doc_with(spans: list[tuple[int, int, str]]) -> Doc:
    register()
    doc = Doc(Vocab(), words=WORDS)
    doc.spans[SPAN_GROUP] = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


@pytest.mark.parametrize(
    "spans,expected",
    [
        ([(0, 4, "INDICATOR"), (5, 8, "QUANTITY")], [(0, 4, "INDICATOR"), (5, 8, "QUANTITY")]),
        ([(0, 6, "INDICATOR"), (5, 8, "QUANTITY")], [(5, 8, "QUANTITY")]),  # priority wins
        ([(0, 2, "ORG"), (0, 4, "ORG")], [(0, 4, "ORG")]),  # then the longer
        ([(0, 2, "ORG"), (1, 3, "ORG")], [(0, 2, "ORG")]),  # then the earlier
        ([(0, 2, "TITLE"), (1, 4, "ORG")], [(0, 2, "TITLE")]),
        ([], []),
    ],
)
def test_resolve(spans, expected):
    doc = doc_with(spans)
    kept = resolve(list(doc.spans[SPAN_GROUP]))
    assert [(s.start, s.end, s.label_) for s in kept] == expected


def test_relations_of_dropped_spans_are_dropped():
    doc = doc_with([(0, 6, "INDICATOR"), (5, 8, "QUANTITY"), (0, 2, "ORG")])
    group = list(doc.spans[SPAN_GROUP])
    doc._.set(RELATIONS_ATTR, [(group[1], "indicator", group[0])])
    SpanResolver()(doc)
    assert doc._.get(RELATIONS_ATTR) == []
    assert [(s.start, s.end, s.label_) for s in doc.spans[SPAN_GROUP]] == [(0, 2, "ORG"), (5, 8, "QUANTITY")]


def test_unknown_label_in_priority_is_refused():
    with pytest.raises(VnieError, match="PERSON"):
        SpanResolver(priority=["QUANTITY", "PERSON"])


def test_resolver_round_trips_through_disk(tmp_path):
    nlp = spacy.blank("xx")
    nlp.add_pipe("vnie_span_resolver", config={"priority": ["ORG", "QUANTITY"]})
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.get_pipe("vnie_span_resolver").priority == ("ORG", "QUANTITY")
    assert DEFAULT_PRIORITY[0] == "QUANTITY"


def test_spans_inside_words_are_dropped():
    register()
    doc = Doc(Vocab(), words=["nghị", "quyết", "1907", "A", "và", "5", "tỷ"], spaces=[True, True, False, True, True, True, False])
    doc.spans[SPAN_GROUP] = [Span(doc, 2, 3, label="TIME"), Span(doc, 3, 4, label="ORG"), Span(doc, 5, 7, label="QUANTITY")]
    SpanResolver()(doc)
    assert [s.text for s in doc.spans[SPAN_GROUP]] == ["5 tỷ"]  # "1907" and "A" stand inside "1907A"
