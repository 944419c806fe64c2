"""Pairing predictions with gold documents: by id, else by text hash; missing and unpaired ones."""

from __future__ import annotations

import pytest
from evaluation_helpers import document, loaded, span

from evaluation.pairing import pair_documents
from pipeline.errors import VnieError

TEXTS = {"A": "Văn bản A.", "B": "Văn bản B.", "C": "Văn bản C."}
GOLD = [loaded(document(doc_id=doc_id, text=text), line) for line, (doc_id, text) in enumerate(TEXTS.items(), start=1)]


def pred(doc_id: str, text: str):
    return loaded(document(doc_id=doc_id, text=text))


# name, predictions, {gold id: prediction id or None}, by_hash, unpaired
CASES = [
    ("by id", [pred("A", TEXTS["A"])], {"A": "A", "B": None, "C": None}, (), ()),
    (
        "by hash where the id differs",
        [pred("renamed", TEXTS["B"])],
        {"A": None, "B": "renamed", "C": None},
        (("B", "renamed"),),
        (),
    ),
    ("no gold document", [pred("Z", "Khác.")], {"A": None, "B": None, "C": None}, (), ("Z",)),
    # A is taken by id, so the copy of its text finds no free gold document
    (
        "hash of a gold document paired by id",
        [pred("copy", TEXTS["A"]), pred("A", TEXTS["A"])],
        {"A": "A", "B": None, "C": None},
        (),
        ("copy",),
    ),
    (
        "all three",
        [pred("C", TEXTS["C"]), pred("B", TEXTS["B"]), pred("A", TEXTS["A"])],
        {"A": "A", "B": "B", "C": "C"},
        (),
        (),
    ),
    ("no predictions", [], {"A": None, "B": None, "C": None}, (), ()),
]


@pytest.mark.parametrize("name, preds, expected, by_hash, unpaired", CASES, ids=[case[0] for case in CASES])
def test_pairing_cases(name, preds, expected, by_hash, unpaired):
    pairing = pair_documents(GOLD, preds)
    assert {pair.doc_id: pair.pred_id for pair in pairing.pairs} == expected
    assert [pair.doc_id for pair in pairing.pairs] == ["A", "B", "C"]  # gold order
    assert pairing.by_hash == by_hash
    assert pairing.unpaired == unpaired
    assert pairing.missing == tuple(doc_id for doc_id, pred_id in expected.items() if pred_id is None)


def test_pairing_gold_documents_with_the_same_text_take_one_prediction_each():
    gold = [loaded(document(doc_id=doc_id, text="Cùng một văn bản.")) for doc_id in ("D1", "D2")]
    pairing = pair_documents(gold, [pred("x", "Cùng một văn bản."), pred("y", "Cùng một văn bản.")])
    assert [(pair.doc_id, pair.pred_id) for pair in pairing.pairs] == [("D1", "x"), ("D2", "y")]


def test_pairing_missing_prediction_is_empty():
    gold = [loaded(document([span("O1", "Mai Xuân Liêm", "OFFICIAL")]))]
    pair = pair_documents(gold, []).pairs[0]
    assert not pair.predicted and pair.pred.spans == () and len(pair.gold.spans) == 1


def test_pairing_summary():
    pairing = pair_documents(GOLD, [pred("renamed", TEXTS["B"]), pred("Z", "Khác.")])
    assert pairing.summary() == {
        "gold": 3,
        "paired": 1,
        "paired_by_hash": 1,
        "missing": 2,
        "missing_ids": ["A", "C"],
        "unpaired": 1,
        "unpaired_ids": ["Z"],
    }


def test_pairing_same_id_other_text_is_an_error():
    with pytest.raises(VnieError) as error:
        pair_documents(GOLD, [pred("A", "Một văn bản khác.")], "pred.jsonl")
    message = str(error.value)
    assert message.startswith("pred.jsonl: line 1: prediction 'A'") and "another text" in message
