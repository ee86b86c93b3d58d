"""hyte collect: the workbooks read well on screen and print readably (row heights, print setup).

Row heights are estimated from the wrapped text (:mod:`hytecli.workbook_style`); the tests
check that they grow with the text, that every cell's text fits its row, and that the pages are
set up to print on A4 one page wide with a readable font. The plan here is the small fictional
plan of ``collect_support`` with one long fictional goal title; the live plan's 2024 workbooks
are only checked for properties that hold whatever is recorded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner, Result

from collect_support import FILES
from conftest import REPO_ROOT
from hytecli.cli import app
from hytecli.collect import layout
from hytecli.collect.instructions import TEXT_WIDTH
from hytecli.collect.layout import ActionColumn, IndicatorColumn, Sheet
from hytecli.workbook_style import (
    FONT_NAME,
    FONT_SIZE,
    print_setup,
    row_height,
    wrapped_lines,
)

Build = Callable[..., Path]

LONG_TITLE = (
    "Kuvitteellinen pitkä tavoite (fictional): alueen asukkaiden hyvinvointi ja terveys "
    "paranevat, kun palvelut, järjestöt ja kunnat tekevät yhteistyötä kaikissa ikäryhmissä "
    "ja kaikilla palvelualueilla koko suunnitelmakauden ajan."
)
# Printed one page wide, a sheet is shrunk to this width in points (A4 landscape, 842 points,
# less the margins); a column is about 5.55 points per character wide in LibreOffice (Arial
# 10), 5.25 plus 3.75 in Excel.
A4_LANDSCAPE_WIDTH = 842 - 2 * 0.25 * 72
A4_PORTRAIT_WIDTH = 595 - 2 * 0.25 * 72


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def books(build_plan: Build, tmp_path: Path) -> Path:
    files = dict(FILES)
    area = str(files["plan/alue-a.yaml"])
    files["plan/alue-a.yaml"] = area.replace("title: Tavoite kaksi", f"title: '{LONG_TITLE}'")
    out = tmp_path / "out"
    result = run(
        "collect", "--repo", str(build_plan(files)), "--year", "2024", "--output-dir", str(out)
    )
    assert result.exit_code == 0, result.output
    return out


def data_sheets(book: Workbook, language: str = "fi") -> list[Worksheet]:
    names = layout.SHEET_NAMES[language]
    return [book[names[Sheet.ACTIONS]], book[names[Sheet.INDICATORS]]]


def text_cells(sheet: Worksheet) -> Iterator[tuple[int, float, str, bool, float]]:
    """Each text cell's row, column width, text, boldness and font size."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value and cell.column_letter:
                width = sheet.column_dimensions[cell.column_letter].width
                yield cell.row, width, cell.value, bool(cell.font.b), float(cell.font.sz)


# --- wrapping ------------------------------------------------------------------------------------


def test_a_short_text_takes_one_line_and_a_long_one_more() -> None:
    assert wrapped_lines("Tavoite", 20) == 1
    assert wrapped_lines("", 20) == 1
    assert wrapped_lines(LONG_TITLE, 20) > wrapped_lines(LONG_TITLE, 40) > 1
    # a long text needs at least its width over the column's width in lines
    assert wrapped_lines(LONG_TITLE, 20) >= math.ceil(len(LONG_TITLE) * 4 / (20 * 7))


def test_line_breaks_hyphens_and_long_words() -> None:
    assert wrapped_lines("yksi\nkaksi\nkolme", 30) == 3
    # an id wraps after its hyphens, a word wider than the column between its letters
    assert wrapped_lines("positiivisen-erityiskohtelun-koulutus", 14) == 3
    assert wrapped_lines("kulttuurihyvinvointisuunnitelma", 10) >= 2
    assert wrapped_lines("WWWW", 5, bold=True) > wrapped_lines("iiii", 5, bold=True)


def test_row_height_grows_with_lines_and_stops_at_the_maximum() -> None:
    assert row_height(1) < row_height(2) < row_height(3)
    assert row_height(2, size=14) > row_height(2)
    assert row_height(1000) == 409


def test_a_footer_escapes_ampersands_and_keeps_page_codes() -> None:
    sheet = Workbook().active
    assert sheet is not None
    print_setup(sheet, landscape=True, footer=("A & B", "Raportti 2024", "sivu &P / &N"))
    footer = sheet.oddFooter
    assert footer is not None and footer.left.text == "A && B"
    assert footer.right.text == "sivu &P / &N"


# --- the workbooks -------------------------------------------------------------------------------


def test_a_long_title_makes_its_row_taller(books: Path) -> None:
    sheet = data_sheets(openpyxl.load_workbook(books / "Jarjesto-ry-2024.xlsx"))[0]
    goals = [
        sheet.cell(row=r, column=layout.column_number(ActionColumn.GOAL)).value for r in (2, 3)
    ]
    assert goals[1] == LONG_TITLE and goals[0] != LONG_TITLE
    short, long = sheet.row_dimensions[2].height, sheet.row_dimensions[3].height
    assert short is not None and long is not None
    assert long > short >= row_height(1)


def test_every_text_fits_its_row_in_the_arial_font(books: Path) -> None:
    for file in sorted(books.iterdir()):
        book = openpyxl.load_workbook(file)
        for sheet in data_sheets(book):
            for row, width, text, bold, size in text_cells(sheet):
                height = sheet.row_dimensions[row].height
                assert height is not None, (file.name, sheet.title, row)
                lines = wrapped_lines(text, width, size=size, bold=bold)
                assert height >= row_height(lines, size=size), (sheet.title, row, text)
                assert height >= (text.count("\n") + 1) * size, (sheet.title, row, text)
            for row in sheet.iter_rows(min_row=layout.HEADER_ROW):
                for cell in row:
                    assert cell.font.name == FONT_NAME and cell.alignment.wrap_text, cell
        # the default font too, so that LibreOffice counts column widths in Arial's digits
        assert book._named_styles["Normal"].font.name == FONT_NAME


def test_the_data_sheets_print_on_a4_one_page_wide_and_readable(books: Path) -> None:
    book = openpyxl.load_workbook(books / "Jarjesto-ry-2024.xlsx")
    for sheet in data_sheets(book):
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert str(setup.paperSize) == str(sheet.PAPERSIZE_A4)
        assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.print_options.gridLines
        footer = sheet.oddFooter
        assert "Järjestö ry" in footer.left.text
        assert "2024" in footer.center.text
        assert "&P" in footer.right.text and "&N" in footer.right.text
        # shrunk to the page width, the 10 pt text still prints at about 8 pt or larger
        widths = [
            sheet.column_dimensions[get_column_letter(column)].width
            for column in range(1, sheet.max_column + 1)
        ]
        scale = min(1.0, A4_LANDSCAPE_WIDTH / (sum(widths) * 5.55))
        assert FONT_SIZE * scale >= 7.8, (sheet.title, sum(widths))
    # the columns to write in are wide enough to write in
    actions, indicators = data_sheets(book)
    for sheet, column in (
        (actions, ActionColumn.STATUS),
        (actions, ActionColumn.TEXT),
        (indicators, IndicatorColumn.VALUE),
        (indicators, IndicatorColumn.NOTE),
    ):
        assert sheet.column_dimensions[layout.column_letter(column)].width >= 13, column


def test_the_instructions_wrap_in_one_wide_column_and_print_on_a4(books: Path) -> None:
    book = openpyxl.load_workbook(books / "Jarjesto-ry-2024.xlsx")
    sheet = book[layout.SHEET_NAMES["fi"][Sheet.INSTRUCTIONS]]
    assert book.active.title == sheet.title
    assert sheet["A1"].font.sz > FONT_SIZE and sheet["A1"].font.b  # a title
    numbers = [c.value for c in sheet["A"] if isinstance(c.value, str) and c.value[:1].isdigit()]
    assert numbers == ["1.", "2.", "3.", "4.", "5."]  # numbered steps
    texts = [(r, w, t, b, s) for r, w, t, b, s in text_cells(sheet) if w == TEXT_WIDTH]
    assert len(texts) >= 7
    assert max(wrapped_lines(t, w) for _, w, t, _, _ in texts) >= 2  # long steps do wrap
    for row, width, text, bold, size in texts:
        assert sheet.cell(row=row, column=2).alignment.wrap_text
        assert sheet.row_dimensions[row].height >= row_height(
            wrapped_lines(text, width, size=size, bold=bold), size=size
        )
    # the heading lines are merged over both columns and wrap in their width
    assert {str(cells) for cells in sheet.merged_cells.ranges} >= {"A1:B1", "A2:B2"}
    assert sheet.page_setup.orientation == "portrait"
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    total = sheet.column_dimensions["A"].width + sheet.column_dimensions["B"].width
    assert total * 5.55 <= A4_PORTRAIT_WIDTH  # printed at full size, nothing runs off the page


def test_the_live_workbooks_rows_fit_their_texts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        "collect", "--repo", str(REPO_ROOT), "--year", "2024", "--output-dir", str(out),
        "--lang", "sv", "--responsible", "LUVN: HR",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(next(out.iterdir()))
    for sheet in data_sheets(book, "sv"):
        for row, width, text, bold, size in text_cells(sheet):
            height = sheet.row_dimensions[row].height
            assert height is not None
            assert height >= row_height(wrapped_lines(text, width, size=size, bold=bold))


def test_counts_say_one_indicator_period(build_plan: Build, tmp_path: Path) -> None:
    repo = build_plan(FILES)
    result = run("collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    kunta = next(line for line in lines if line.startswith("Kunta"))
    assert kunta.endswith("(2 goals and actions, 1 indicator period)"), kunta
    jarjesto = next(line for line in lines if line.startswith("Järjestö"))
    assert jarjesto.endswith("2 indicator periods)"), jarjesto
    args = ("--year", "2024", "--as-of", "2025-03-01")
    status = run("collect", "status", "--repo", str(repo), *args, "--lang", "en")
    assert status.exit_code == 0, status.output
    assert "0/1 indicator period recorded" in status.output
    assert "/2 indicator periods recorded" in status.output
    finnish = run("collect", "status", "--repo", str(repo), *args)  # the plan's language
    assert "0/1 mittarijaksosta kirjattu" in finnish.output, finnish.output


def test_heights_and_print_setup_survive_a_libreoffice_save(books: Path, tmp_path: Path) -> None:
    """Calc keeps the heights (it would otherwise not grow a row a program wrote)."""
    from libreoffice import resave

    original = openpyxl.load_workbook(books / "Jarjesto-ry-2024.xlsx")
    saved = openpyxl.load_workbook(resave(books / "Jarjesto-ry-2024.xlsx", tmp_path))
    for before, after in zip(data_sheets(original), data_sheets(saved), strict=True):
        for row in range(1, before.max_row + 1):
            expected = before.row_dimensions[row].height
            assert after.row_dimensions[row].height == pytest.approx(expected, abs=1), row
        assert after.page_setup.orientation == "landscape"
        assert int(after.page_setup.fitToWidth) == 1 and int(after.page_setup.fitToHeight) == 0
