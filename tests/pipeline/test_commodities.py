"""Commodity groups found as measures (``pipeline/commodities.py``), as written in customs lists."""

import pytest

from pipeline.commodities import commodity_names, find_commodities


@pytest.mark.parametrize(
    "text, expected",
    [
        # written with or without commas and ``và``, with or without ``các loại``
        ("máy vi tính, sản phẩm điện tử và linh kiện tăng 3,43 tỷ USD", ["máy vi tính, sản phẩm điện tử và linh kiện"]),
        ("máy vi tính sản phẩm điện tử và linh kiện tăng 3,43 tỷ USD", ["máy vi tính sản phẩm điện tử và linh kiện"]),
        ("giày dép các loại tăng 1,56 tỷ USD, sắt thép tăng 1,4 tỷ USD", ["giày dép các loại", "sắt thép"]),
        ("Gỗ và sản phẩm gỗ đạt 8,91 tỷ USD", ["Gỗ và sản phẩm gỗ"]),
        ("là hàng dệt may tăng 4,37 tỷ USD; điện thoại các loại và linh kiện tăng 3,81 tỷ USD",
         ["hàng dệt may", "điện thoại các loại và linh kiện"]),
        # after a measure word the group belongs to that measure's noun phrase
        ("Kim ngạch xuất khẩu hàng dệt may đạt 30,49 tỷ USD", []),
        ("nhóm hàng sắt thép các loại giảm 5%", []),
        # the longest name wins; a name never starts or ends inside a word
        ("sản phẩm hóa chất tăng 5%", ["sản phẩm hóa chất"]), ("xăng dầu các loại tăng 3,5%", ["xăng dầu các loại"]),
        ("cà phêin", []),
        # members and exclusions measure nothing of their own; a one-word name keeps its tail
        ("Nhóm hàng nông sản (*gồm hàng rau quả, hạt điều, cà phê) đạt 17,8 tỷ USD", []),
        ("khu vực FDI (kể cả dầu thô) đạt 131 tỷ USD; dầu thô đạt 2 tỷ USD", ["dầu thô"]),
        ("47 dự án được cấp giấy chứng nhận; giấy các loại tăng 5%", ["giấy các loại"]),
        # ``&`` for ``và``; a list after ``gồm:`` is a list of groups with values, not of members
        ("Điện thoại các loại & linh kiện giảm 0,8%", ["Điện thoại các loại & linh kiện"]),
        ("5 nhóm hàng gồm: giày dép đạt 12,13 tỷ USD; dệt may đạt 22,16 tỷ USD", ["giày dép", "dệt may"]),
        # old tone placement, commas between the words of a part
        ("hoá chất tăng 1%; sắt, thép tăng 39%", ["hoá chất", "sắt, thép"]),
    ],
)
def test_find_commodities(text, expected):
    assert [text[s:e] for s, e in find_commodities(text)] == expected


def test_commodity_file_has_names_and_no_comments():
    names = commodity_names()
    assert len(names) > 50 and not any(n.startswith("#") for n in names)
    assert "máy vi tính, sản phẩm điện tử và linh kiện" in names
