import csv
import json

import pytest

from pipeline.errors import VnieError
from pipeline.facts import COLUMNS, write_facts

TEXT = ("Ông Mai Xuân Liêm, Phó Chủ tịch UBND tỉnh Thanh Hóa cho biết xuất khẩu năm 2024 ước đạt 6,293 tỷ USD, "
        "bằng 104,9% kế hoạch. Nhập khẩu tăng 5%.")


def _span(span_id, label, piece, attrs=None):
    start = TEXT.index(piece)
    return {"id": span_id, "start": start, "end": start + len(piece), "label": label, "text": piece, "attrs": attrs or {}}


def _quantity(span_id, piece, **attrs):
    base = {"value": None, "value_max": None, "unit": "%", "kind": "level", "bound": None, "period": "2024",
            "basis": None, "status": "actual"}
    return _span(span_id, "QUANTITY", piece, base | attrs)


@pytest.fixture
def source(tmp_path):
    record = {
        "id": "news/a", "text": TEXT, "meta": {},
        "spans": [
            _span("P1", "OFFICIAL", "Mai Xuân Liêm"), _span("R1", "TITLE", "Phó Chủ tịch"),
            _span("O1", "ORG", "UBND tỉnh Thanh Hóa"), _span("I1", "INDICATOR", "xuất khẩu"),
            _span("T1", "TIME", "năm 2024", {"period": "2024"}),
            _quantity("Q1", "6,293 tỷ USD", value=6293e6, unit="USD", status="estimate"),
            _quantity("Q2", "104,9%", value=104.9, kind="ratio", basis="plan", status="estimate"),
            _span("B1", "BASIS", "kế hoạch", {"basis": "plan"}),
            _quantity("Q3", "5%", value=5.0, kind="change"),
        ],
        "relations": [
            {"head": "P1", "tail": "R1", "label": "title"}, {"head": "P1", "tail": "O1", "label": "org"},
            {"head": "Q1", "tail": "I1", "label": "indicator"}, {"head": "Q1", "tail": "T1", "label": "time"},
            {"head": "Q2", "tail": "I1", "label": "indicator"}, {"head": "Q2", "tail": "B1", "label": "basis"},
        ],
    }
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_csv_fact_rows(source, tmp_path):
    output = tmp_path / "facts.csv"
    assert write_facts(source, output) == 3
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert list(rows[0]) == list(COLUMNS)
    first, second, third = rows
    assert (first["quantity"], first["value"], first["unit"], first["status"]) == ("6,293 tỷ USD", "6293000000.0", "USD", "estimate")
    assert (first["indicator"], first["time"], first["basis_text"]) == ("xuất khẩu", "năm 2024", "")
    assert first["officials"] == "Mai Xuân Liêm (Phó Chủ tịch, UBND tỉnh Thanh Hóa)"
    assert first["organizations"] == "UBND tỉnh Thanh Hóa"
    assert TEXT[int(first["start"]) : int(first["end"])] == "6,293 tỷ USD"
    assert (second["kind"], second["basis"], second["basis_text"]) == ("ratio", "plan", "kế hoạch")
    # the third value stands in the next sentence: no indicator, no official
    assert (third["sentence"], third["indicator"], third["officials"]) == ("Nhập khẩu tăng 5%.", "", "")


def test_parquet_fact_rows(source, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    output = tmp_path / "facts.parquet"
    write_facts(source, output)
    table = pq.read_table(output)
    assert table.num_rows == 3 and table.schema.names == list(COLUMNS)
    assert table.column("value").to_pylist() == [6293e6, 104.9, 5.0]


def test_unknown_format_is_refused(source, tmp_path):
    with pytest.raises(VnieError, match="unsupported fact table format"):
        write_facts(source, tmp_path / "facts.xlsx")
