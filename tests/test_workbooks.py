"""hytecli.workbooks: opening returned .xlsx files safely and reading their cells as values.

Every workbook here is made in a tmp dir; its values are fictional.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from hytecli.workbooks import (
    Cell,
    WorkbookProblem,
    WorkbookProblems,
    cell_date,
    cell_number,
    cell_text,
    cell_value,
    open_workbook,
    read_cell,
)


def _book(tmp_path: Path, name: str = "lomake.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Mittarit"
    sheet["A1"] = "  12,5 "
    sheet["A2"] = "=1+1"
    sheet["A3"] = 0.125
    sheet["A3"].number_format = "0.0%"
    sheet["A4"] = datetime(2025, 3, 15)
    sheet["A5"] = "   "
    sheet["A6"] = 12.300000000000001
    path = tmp_path / name
    book.save(path)
    return path


def test_reads_values_with_their_place(tmp_path: Path) -> None:
    path = _book(tmp_path)
    sheet = open_workbook(path)["Mittarit"]
    first = read_cell(path, sheet, 1, 1)
    assert first == Cell(f'{path}, sheet "Mittarit", cell A1', "12,5")
    assert cell_number(first, "euros") == 12.5
    assert read_cell(path, sheet, 5, 1) is None  # blank: nothing returned
    assert read_cell(path, sheet, 9, 9) is None
    percent = read_cell(path, sheet, 3, 1)
    assert percent is not None and cell_value(percent, "percentage") == 12.5
    day = read_cell(path, sheet, 4, 1)
    assert day is not None and cell_date(day) == date(2025, 3, 15)
    noisy = read_cell(path, sheet, 6, 1)
    assert noisy is not None and cell_text(noisy) == "12.3"


def test_a_formula_is_refused_with_its_cell(tmp_path: Path) -> None:
    path = _book(tmp_path)
    sheet = open_workbook(path)["Mittarit"]
    with pytest.raises(
        WorkbookProblem,
        match=r'sheet "Mittarit", cell A2: holds the formula =1\+1; type the value itself',
    ):
        read_cell(path, sheet, 2, 1)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-03-15", date(2025, 3, 15)),
        ("15.3.2025", date(2025, 3, 15)),
        ("1.12.2024", date(2024, 12, 1)),
    ],
)
def test_dates_typed_as_text(typed: str, expected: date) -> None:
    assert cell_date(Cell("x", typed)) == expected


@pytest.mark.parametrize("typed", ["31.2.2025", "15/3/2025", "maaliskuu"])
def test_bad_dates_name_the_cell(typed: str) -> None:
    with pytest.raises(WorkbookProblem, match="^here: .*YYYY-MM-DD"):
        cell_date(Cell("here", typed))


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("yes_no", "Kyllä", True),
        ("yes_no", "ei toteutunut", False),
        ("yes_no", True, True),
        ("count", 12.0, 12),
        ("count", "1 234", 1234),
        ("rate", "3,25", 3.25),
        ("text", 12, "12"),
        ("text", "Hyvä (fictional)", "Hyvä (fictional)"),
    ],
)
def test_values_by_kind(kind: str, value: object, expected: object) -> None:
    got = cell_value(Cell("c", value), kind)  # type: ignore[arg-type]
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("yes_no", "kylä", "not a yes/no word"),
        ("count", "12,5x", "not a number"),
        ("count", 12.5, "not a whole number"),
        ("percentage", 130, "not a percentage"),
        ("count", True, "yes/no value"),
    ],
)
def test_bad_values_name_the_cell(kind: str, value: object, message: str) -> None:
    with pytest.raises(WorkbookProblem, match=f"^c: .*{message}"):
        cell_value(Cell("c", value), kind)  # type: ignore[arg-type]


def test_other_formats_are_refused_by_name_and_content(tmp_path: Path) -> None:
    for name, message in [
        ("a.xlsm", "macros"),
        ("a.xls", "old Excel"),
        ("a.ods", "OpenDocument"),
    ]:
        (tmp_path / name).write_bytes(b"PK\x03\x04")
        with pytest.raises(WorkbookProblem, match=message):
            open_workbook(tmp_path / name)
    random = tmp_path / "random.xlsx"
    random.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(WorkbookProblem, match=r"is not an Excel workbook \(\.xlsx\): open it"):
        open_workbook(random)
    good = _book(tmp_path)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(WorkbookProblem, match="damaged"):
        open_workbook(truncated)
    renamed_xls = tmp_path / "old.xlsx"
    renamed_xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(WorkbookProblem, match="old Excel"):
        open_workbook(renamed_xls)
    with pytest.raises(WorkbookProblem, match="cannot read"):
        open_workbook(tmp_path / "missing.xlsx")


def test_files_that_cannot_be_the_form_say_what_to_return_instead(tmp_path: Path) -> None:
    # Trial finding: "save it as .xlsx" led a CSV or an empty file nowhere ("not a workbook
    # written by hyte collect" next).
    csv = tmp_path / "arvot.csv"
    csv.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(WorkbookProblem) as refused:
        open_workbook(csv)
    assert "CSV file" in str(refused.value)
    assert "Type the values into the workbook (.xlsx) that was sent" in str(refused.value)
    assert "save it as" not in str(refused.value)
    empty = tmp_path / "tyhja.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(WorkbookProblem, match=r"is empty \(0 bytes\)"):
        open_workbook(empty)


def test_macros_inside_an_xlsx_are_refused(tmp_path: Path) -> None:
    good = _book(tmp_path)
    macro = tmp_path / "macro.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(macro, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
        target.writestr("xl/vbaProject.bin", b"fictional macro")
    with pytest.raises(WorkbookProblem, match="with macros"):
        open_workbook(macro)


def test_huge_files_and_zip_bombs_are_refused(tmp_path: Path) -> None:
    good = _book(tmp_path)
    with pytest.raises(WorkbookProblem, match="MB, more than"):
        open_workbook(good, max_bytes=1000)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry in source.infolist():
            zf.writestr(entry, source.read(entry))
        zf.writestr("xl/media/zeros.bin", bytes(5_000_000))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(WorkbookProblem, match="would unpack to more than"):
        open_workbook(bomb, max_unpacked=1_000_000)


def test_problems_are_listed_together() -> None:
    error = WorkbookProblems(["a.xlsx: one", "b.xlsx: two"])
    assert error.problems == ["a.xlsx: one", "b.xlsx: two"]
    assert str(error).splitlines()[1:] == ["  a.xlsx: one", "  b.xlsx: two"]
    assert "2 problems" in str(error)


def test_an_amount_typed_with_a_percent_sign_is_not_called_an_indicator() -> None:
    # Trial finding: "12 %" in the person-days column said "this indicator is not a percentage".
    from hytecli.workbooks import Cell, cell_number

    cell = Cell('lomake.xlsx, sheet "Tavoitteet", cell J4', "12 %")
    with pytest.raises(WorkbookProblem) as refused:
        cell_number(cell, "Henkilötyöpäivät")
    message = str(refused.value)
    assert message.startswith('lomake.xlsx, sheet "Tavoitteet", cell J4 (Henkilötyöpäivät): ')
    assert "an amount is not a percentage" in message
    assert "indicator" not in message
    assert cell_number(Cell("x", "12,5"), "Euroa") == 12.5
