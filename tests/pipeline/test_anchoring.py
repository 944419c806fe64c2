import json

import pytest

from pipeline.anchoring import Draft, anchor_draft, read_draft
from pipeline.document import text_sha256
from pipeline.errors import VnieError

TEXT = "Xuất khẩu ước đạt 6,293 tỷ USD; nhập khẩu đạt 6 tỷ USD."
QUANTITY_ATTRS = {"value": 6293000000, "value_max": None, "unit": "USD", "kind": "level", "bound": None,
                  "period": None, "basis": None, "status": "estimate"}


def _draft(**overrides):
    draft = {
        "id": "news/a",
        "text": TEXT,
        "spans": [
            {"id": "I1", "label": "INDICATOR", "text": "Xuất khẩu"},
            {"id": "Q1", "label": "QUANTITY", "text": "6,293 tỷ USD", "ctx": "đạt 6,293 tỷ USD;", "attrs": QUANTITY_ATTRS},
            {"id": "Q2", "label": "QUANTITY", "text": "6 tỷ USD", "ctx": "đạt 6 tỷ USD.", "attrs": QUANTITY_ATTRS | {"value": 6e9, "status": "actual"}},
        ],
        "relations": [["Q1", "indicator", "I1"]],
    }
    draft.update(overrides)
    return Draft.model_validate(draft)


def test_anchor_full_record():
    document = anchor_draft(_draft(), None)
    spans = {span.id: span for span in document.spans}
    assert (spans["Q1"].start, spans["Q1"].end) == (18, 30)
    assert TEXT[spans["Q2"].start : spans["Q2"].end] == "6 tỷ USD"
    assert spans["Q1"].attrs["value"] == 6293000000.0 and isinstance(spans["Q1"].attrs["value"], float)
    assert document.relations[0].head == "Q1"


def test_anchor_standoff_record(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    document = anchor_draft(_draft(text=None, source="news/a.txt"), tmp_path)
    assert document.text is None and document.text_sha256 == text_sha256(TEXT)


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"spans": [{"id": "Q1", "label": "QUANTITY", "text": "tỷ USD"}]}, "ctx 'tỷ USD' occurs 2 times"),
        ({"spans": [{"id": "Q1", "label": "QUANTITY", "text": "7 tỷ", "ctx": "đạt 6 tỷ"}]}, "text '7 tỷ' is not inside its ctx"),
        ({"source": "news/a.txt"}, "give either `text` or `source`"),
    ],
)
def test_anchor_problems(overrides, message):
    with pytest.raises(VnieError, match=message):
        anchor_draft(_draft(**overrides), None)


def test_read_draft_refuses_unknown_fields(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"id": "x", "text": "y", "span": []}), encoding="utf-8")
    with pytest.raises(VnieError, match=r"not a valid annotation draft: \[span\]"):
        read_draft(path)
