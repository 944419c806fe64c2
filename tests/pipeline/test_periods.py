import pytest

from pipeline.periods import is_basis, is_period


@pytest.mark.parametrize(
    "period,ok",
    [
        ("2024", True), ("2024-H1", True), ("2024-H2", True), ("2024-Q3", True), ("2024-08", True),
        ("2024-01-09", True), ("2024-01/2024-08", True), ("2021/2025", True), ("XXXX-H1", True),
        ("XXXX-Q1", True), ("2024-02-29", True), ("XXXX-02-29", True),
        ("2023-02-29", False), ("2024-13", False), ("2024-H3", False), ("2024-Q5", False),
        ("24", False), ("2024-1", False), ("2024/2021", False), ("2024/2024-08", False),
        ("2024-01/2024-08/2024-09", False), ("", False), (2024, False), (None, False),
    ],
)
def test_is_period(period, ok):
    assert is_period(period) is ok


@pytest.mark.parametrize(
    "basis,ok",
    [
        ("same_period_last_year", True), ("previous_period", True), ("plan", True),
        ("period:2023", True), ("period:2020-09", True), ("period:", False), ("period:20", False),
        ("last_year", False), ("", False), (None, False),
    ],
)
def test_is_basis(basis, ok):
    assert is_basis(basis) is ok


@pytest.mark.parametrize(
    "period,form",
    [
        ("2024", "year"), ("2024-H1", "half"), ("2024-Q3", "quarter"), ("2024-08", "month"),
        ("2024-01-09", "day"), ("2024-01/2024-08", "span of months"), ("2021/2025", "span of years"),
        ("XXXX-H1", "half, unknown year"), (None, "none"), ("2024-13", "invalid"),
    ],
)
def test_period_form(period, form):
    from pipeline.periods import period_form

    assert period_form(period) == form
