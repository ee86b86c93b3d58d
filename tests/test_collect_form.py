"""hyte collect: the yearly workbooks (layout, contents, file names, refusals, LibreOffice).

The live plan is read for its 2024 workbooks without assuming what is recorded in it; what is
recorded is tested on the small fictional plan of ``collect_support`` (a "fictional fixture").
Header words and instructions go through the gettext catalogues, so no test here depends on
their translations: the sheet names, the metadata and the plan's own texts are checked.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner, Result

from collect_support import FILES, NOW, copy_live_plan, snapshot
from conftest import REPO_ROOT
from hytecli.cli import app
from hytecli.collect import forms, layout
from hytecli.collect.filenames import MAX_STEM, RESERVED, safe_stem, workbook_names
from hytecli.collect.layout import ActionColumn, IndicatorColumn, MetaKey, Sheet
from hytecli.collect.parties import CollectionRound, collection_round
from hytecli.recording import assess_item
from hytecli.recording.values import record_value
from hytecli.repository import load_repository
from hytecli.usable import require_valid_plan

Build = Callable[..., Path]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def meta(book: openpyxl.Workbook) -> dict[str, str]:
    sheet = book[layout.META_SHEET]
    return {
        str(row[0]): "" if row[1] is None else str(row[1])
        for row in sheet.iter_rows(values_only=True)
    }


def column(sheet: Worksheet, which: ActionColumn | IndicatorColumn) -> list[object]:
    number = layout.column_number(which)
    return [
        sheet.cell(row=row, column=number).value
        for row in range(layout.FIRST_DATA_ROW, sheet.max_row + 1)
    ]


def validations(sheet: Worksheet) -> list[tuple[str, str | None, str | None, set[object]]]:
    """Each data validation's type, operator, first formula and the cells it covers.

    A list's operator means nothing (LibreOffice writes ``between`` for it), so it is left out.
    """
    return sorted(
        (
            (
                dv.type,
                None if dv.type == "list" else dv.operator,
                dv.formula1,
                {c for r in dv.sqref.ranges for c in r.cells},
            )
            for dv in sheet.data_validations.dataValidation
        ),
        key=lambda found: (found[0], sorted(found[3])),
    )


def round_of(root: Path, year: int, day: date = date(2025, 3, 1)) -> CollectionRound:
    return collection_round(require_valid_plan(load_repository(root)), year, day)


@pytest.fixture
def repo(build_plan: Build) -> Path:
    return build_plan(FILES)


# --- the live plan's 2024 workbooks ---------------------------------------------------------------


@pytest.fixture(scope="module")
def live_books(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    out = tmp_path_factory.mktemp("live") / "out"
    result = run("collect", "--repo", str(REPO_ROOT), "--year", "2024", "--output-dir", str(out))
    return out, result


def test_one_workbook_per_party_of_the_live_plan(live_books: tuple[Path, Result]) -> None:
    out, result = live_books
    assert result.exit_code == 0, result.output
    expected = round_of(REPO_ROOT, 2024)
    files = sorted(out.iterdir())
    assert len(files) == len(expected.parties) == len(result.output.splitlines())
    names = {meta(openpyxl.load_workbook(f))[MetaKey.RESPONSIBLE] for f in files}
    assert names == {party.name for party in expected.parties}
    assert "LUVN: HR" in names  # a name with ':' still makes a file
    assert all(f.suffix == ".xlsx" and ":" not in f.name for f in files)


def test_a_live_workbook_follows_the_layout(live_books: tuple[Path, Result]) -> None:
    out, _ = live_books
    round_ = round_of(REPO_ROOT, 2024)
    for file in sorted(out.iterdir()):
        book = openpyxl.load_workbook(file)
        names = layout.SHEET_NAMES["fi"]
        assert book.sheetnames == [
            names[Sheet.INSTRUCTIONS],
            names[Sheet.ACTIONS],
            names[Sheet.INDICATORS],
            layout.META_SHEET,
        ]
        assert book[layout.META_SHEET].sheet_state == "veryHidden"
        data = meta(book)
        assert list(data) == [key.value for key in MetaKey]
        assert data[MetaKey.FORMAT] == layout.FORMAT
        assert data[MetaKey.FORMAT_VERSION] == "1"
        assert data[MetaKey.PLAN_ID] == round_.resolved.plan.id
        assert data[MetaKey.YEAR] == "2024"
        assert data[MetaKey.LANGUAGE] == "fi"
        date.fromisoformat(data[MetaKey.GENERATED])
        assert data[MetaKey.ACTIONS_SHEET] == names[Sheet.ACTIONS]
        assert data[MetaKey.INDICATORS_SHEET] == names[Sheet.INDICATORS]
        party = next(p for p in round_.parties if p.name == data[MetaKey.RESPONSIBLE])
        actions, indicators = book[names[Sheet.ACTIONS]], book[names[Sheet.INDICATORS]]
        ids = column(actions, ActionColumn.ID)
        assert ids == [row.item.id for row in party.items]
        assert layout.split_row_keys(data[MetaKey.ACTIONS_ROWS]) == ids
        keys = [
            layout.indicator_row_key(str(i), str(p))
            for i, p in zip(
                column(indicators, IndicatorColumn.ID),
                column(indicators, IndicatorColumn.PERIOD),
                strict=True,
            )
        ]
        assert layout.split_row_keys(data[MetaKey.INDICATORS_ROWS]) == keys
        assert len(keys) == len(party.indicators)
        for sheet in (actions, indicators):
            assert sheet.protection.sheet and not sheet.protection.password
            assert sheet.freeze_panes == "A2"
            assert sheet.page_setup.orientation == "landscape"
            assert sheet.print_title_rows == "$1:$1"


def test_input_cells_are_unlocked_and_the_rest_locked_and_grey(
    live_books: tuple[Path, Result],
) -> None:
    out, _ = live_books
    book = openpyxl.load_workbook(out / "LUVN-HR-2024.xlsx")
    sheet = book[layout.SHEET_NAMES["fi"][Sheet.ACTIONS]]
    for which in ActionColumn:
        cell = sheet.cell(row=layout.FIRST_DATA_ROW, column=layout.column_number(which))
        if which in layout.ACTION_INPUTS:
            assert cell.protection.locked is False, which
        else:
            assert cell.protection.locked is not False, which
            assert cell.fill.fgColor.rgb.endswith("D9D9D9"), which
    kinds = {dv.type: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    letter = layout.column_letter(ActionColumn.STATUS)
    assert kinds["list"].startswith(f"{letter}2")
    assert "decimal" in kinds


def test_status_drop_down_and_value_validations(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        run("collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out)).exit_code
        == 0
    )
    book = openpyxl.load_workbook(out / "Kunta-Sivistys-Opetus-2024.xlsx")
    actions = book["Tavoitteet ja toimenpiteet"]
    statuses = [dv for dv in actions.data_validations.dataValidation if dv.type == "list"]
    assert len(statuses) == 1
    words = statuses[0].formula1.strip('"').split(",")
    assert len(words) == len(layout.STATUS_CHOICES)  # every status but merged
    indicators = book["Mittarit"]
    by_type = {dv.type: dv for dv in indicators.data_validations.dataValidation}
    assert by_type["list"].formula1 == '"kyllä,ei"'  # mittari-1 is yes/no
    assert by_type["date"].operator == "greaterThanOrEqual"
    other = openpyxl.load_workbook(out / "Jarjesto-ry-2024.xlsx")["Mittarit"]
    whole = [dv for dv in other.data_validations.dataValidation if dv.type == "whole"]
    assert whole and whole[0].formula1 == "0"  # mittari-2 counts


def test_the_completion_date_column_is_a_date_input_like_the_indicators_date(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out / "Kunta-Sivistys-Opetus-2024.xlsx")
    actions = book["Tavoitteet ja toimenpiteet"]
    which = ActionColumn.COMPLETED_ON
    assert list(ActionColumn)[-1] is which and which in layout.ACTION_INPUTS
    number, letter = layout.column_number(which), layout.column_letter(which)
    assert actions.cell(layout.HEADER_ROW, number).value == layout.column_name(which, "fi")
    cell = actions.cell(layout.FIRST_DATA_ROW, number)
    assert cell.number_format == "yyyy-mm-dd" and cell.protection.locked is False
    dates = [v for v in validations(actions) if v[0] == "date"]
    assert len(dates) == 1 and dates[0][1] == "greaterThanOrEqual"
    assert dates[0][2] == str((date(2024, 1, 1) - date(1899, 12, 30)).days)  # the plan's start
    assert (layout.FIRST_DATA_ROW, number) in dates[0][3]
    assert actions.column_dimensions[letter].width >= 13
    instructions = "\n".join(
        str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value
    )
    assert layout.column_name(which, "fi") in instructions


# --- what a workbook asks about ------------------------------------------------------------------


def test_rows_per_party_and_periods_of_the_year(repo: Path) -> None:
    round_ = round_of(repo, 2024)
    parties = {p.name: p for p in round_.parties}
    assert list(parties) == ["Kunta: Sivistys/Opetus", "Järjestö ry"]
    school, club = parties["Kunta: Sivistys/Opetus"], parties["Järjestö ry"]
    assert [r.item.id for r in school.items] == ["tavoite-1", "toimenpide-1"]
    assert [(r.indicator.id, str(r.period)) for r in school.indicators] == [("mittari-1", "2024")]
    assert [r.item.id for r in club.items] == ["toimenpide-2", "toimenpide-3"]
    assert [str(r.period) for r in club.indicators] == ["2024-H1", "2024-H2"]
    assert [r.item.id for r in round_.unowned] == ["tavoite-2"]


def test_an_item_cancelled_in_an_earlier_year_is_not_asked_about(repo: Path) -> None:
    club = {p.name: p for p in round_of(repo, 2025, date(2026, 3, 1)).parties}["Järjestö ry"]
    assert [r.item.id for r in club.items] == ["toimenpide-3"]
    assert club.indicators == ()  # mittari-2 is used only by the cancelled action


def test_what_is_recorded_is_shown_in_its_column(repo: Path, tmp_path: Path) -> None:
    assess_item(
        repo, "toimenpide-1", year=2024, status="kesken", text="Aloitettu (fictional).", now=NOW
    )
    record_value(repo, "mittari-1", "kyllä", period="2024", now=NOW)
    out = tmp_path / "out"
    result = run("collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out / "Kunta-Sivistys-Opetus-2024.xlsx")
    actions = book["Tavoitteet ja toimenpiteet"]
    recorded = column(actions, ActionColumn.RECORDED)
    assert recorded[0] is None and "Aloitettu (fictional)." in str(recorded[1])
    assert column(actions, ActionColumn.STATUS) == [None, None]  # inputs are left empty
    assert column(book["Mittarit"], IndicatorColumn.RECORDED)[0]


def test_a_text_starting_with_equals_is_text_not_a_formula(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out))
    sheet = openpyxl.load_workbook(out / "Jarjesto-ry-2024.xlsx")["Tavoitteet ja toimenpiteet"]
    cell = sheet.cell(row=3, column=layout.column_number(ActionColumn.TITLE))
    assert cell.value == "=Toimenpide kolme" and cell.data_type == "s"


def test_a_swedish_form(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        "collect",
        "--repo",
        str(repo),
        "--year",
        "2024",
        "--output-dir",
        str(out),
        "--lang",
        "sv",
        "--responsible",
        "sivistys",
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out / "Kunta-Sivistys-Opetus-2024.xlsx")
    names = layout.SHEET_NAMES["sv"]
    assert book.sheetnames[:3] == [names[s] for s in Sheet]
    assert meta(book)[MetaKey.LANGUAGE] == "sv"
    assert meta(book)[MetaKey.RESPONSIBLE] == "Kunta: Sivistys/Opetus"  # the plan's language
    titles = column(book[names[Sheet.ACTIONS]], ActionColumn.TITLE)
    assert titles == ["Mål ett", "Åtgärd ett"]
    status = next(dv for dv in book[names[Sheet.INDICATORS]].data_validations.dataValidation)
    assert status.formula1 == '"ja,nej"'


# --- file names --------------------------------------------------------------------------------


@given(st.lists(st.text(max_size=120), min_size=1, max_size=8))
def test_file_names_are_safe_and_unique(names: list[str]) -> None:
    files = workbook_names(names, 2024)
    assert len({f.casefold() for f in files}) == len(files)
    allowed = set(string.ascii_letters + string.digits + "._-")
    for file in files:
        assert set(file) <= allowed and file.endswith("-2024.xlsx")
        assert len(file) <= MAX_STEM + len("-99-2024.xlsx")
    for name in names:
        stem = safe_stem(name)
        assert stem and set(stem) <= allowed and stem[0] not in "-._" and stem[-1] not in "-._"
        assert stem.split(".")[0].upper() not in RESERVED


def test_file_names_fold_finnish_and_swedish_letters() -> None:
    assert workbook_names(["Åbo: Hälsa/Vård", "ÅBO hälsa vård", "CON", "?*"], 2024) == [
        "Abo-Halsa-Vard-2024.xlsx",
        "ABO-halsa-vard-2-2024.xlsx",
        "CON-party-2024.xlsx",
        "party-2024.xlsx",
    ]


# --- --responsible, refusals and all or nothing --------------------------------------------------


def test_responsible_matches_a_name_or_a_unique_part(repo: Path, tmp_path: Path) -> None:
    for wanted in ("järjestö ry", "JÄRJESTÖ", "Kunta: Sivistys/Opetus"):
        out = tmp_path / wanted
        result = run(
            "collect",
            "--repo",
            str(repo),
            "--year",
            "2024",
            "--output-dir",
            str(out),
            "--responsible",
            wanted,
        )
        assert result.exit_code == 0, result.output
        assert len(list(out.iterdir())) == 1


def test_responsible_without_a_match_is_refused_with_the_parties(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run(
        "collect",
        "--repo",
        str(repo),
        "--year",
        "2024",
        "--output-dir",
        str(out),
        "--responsible",
        "Jarjesto",
    )
    assert result.exit_code == 2
    assert "did you mean 'Järjestö ry'" in result.output
    assert "Kunta: Sivistys/Opetus" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_an_ambiguous_responsible_is_refused(build_plan: Build, tmp_path: Path) -> None:
    area = FILES["plan/alue-a.yaml"].replace("[Järjestö ry]", "[Järjestö ry 2]", 1)  # type: ignore[union-attr]
    repo = build_plan({**FILES, "plan/alue-a.yaml": area})
    result = run(
        "collect",
        "--repo",
        str(repo),
        "--year",
        "2024",
        "--output-dir",
        str(tmp_path / "o"),
        "--responsible",
        "järjestö",
    )
    assert result.exit_code == 2
    assert "several" in result.output and "'Järjestö ry 2'" in result.output


@pytest.mark.parametrize("year", ["2023", "2027"])
def test_a_year_outside_the_plan_period_is_refused(repo: Path, tmp_path: Path, year: str) -> None:
    result = run(
        "collect", "--repo", str(repo), "--year", year, "--output-dir", str(tmp_path / "o")
    )
    assert result.exit_code == 2 and "outside the plan period 2024–2026" in result.output


def test_year_and_output_dir_are_needed(repo: Path) -> None:
    assert run("collect", "--repo", str(repo), "--output-dir", "x").exit_code == 2
    assert run("collect", "--repo", str(repo), "--year", "2024").exit_code == 2


@pytest.mark.parametrize("folder", ["plan", "indicators/sub", "templates", "reports"])
def test_an_output_dir_in_the_plans_folders_is_refused(repo: Path, folder: str) -> None:
    before = snapshot(repo)
    result = run(
        "collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(repo / folder)
    )
    assert (
        result.exit_code == 2
        and f"inside the plan's folder {folder.split('/')[0]}/" in result.output
    )
    assert snapshot(repo) == before


def test_an_output_dir_that_is_a_file_is_refused(repo: Path, tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    result = run("collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(file))
    assert result.exit_code == 2 and "not a folder" in result.output


def test_existing_workbooks_are_replaced_only_with_force(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    args = ["collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out)]
    assert run(*args).exit_code == 0  # the folder and its parents are created
    (out / "Jarjesto-ry-2024.xlsx").write_bytes(b"filled in")
    before = snapshot(out)
    result = run(*args)
    assert result.exit_code == 2 and "--force" in result.output
    assert snapshot(out) == before
    result = run(*args, "--force")
    assert result.exit_code == 0 and "replaced" in result.output
    assert (out / "Jarjesto-ry-2024.xlsx").read_bytes() != b"filled in"


def test_a_failed_write_leaves_nothing_changed(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "Kunta-Sivistys-Opetus-2024.xlsx").write_bytes(b"old")
    before = snapshot(out)
    real = forms.write_bytes_atomic
    calls: list[Path] = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(forms, "write_bytes_atomic", failing)
    result = run(
        "collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out), "--force"
    )
    assert result.exit_code == 2 and "nothing was written" in result.output
    monkeypatch.undo()
    assert snapshot(out) == before


def test_a_folder_named_like_a_workbook_is_refused_before_anything_is_written(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "Jarjesto-ry-2024.xlsx").mkdir(parents=True)
    result = run(
        "collect", "--repo", str(repo), "--year", "2024", "--output-dir", str(out), "--force"
    )
    assert result.exit_code == 2 and "not a regular file" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["Jarjesto-ry-2024.xlsx"]


def test_a_copy_of_the_live_plan_with_fictional_records(tmp_path: Path) -> None:
    root = copy_live_plan(tmp_path / "live")
    party = round_of(root, 2024).parties[0]
    item = party.items[0].item.id
    assess_item(root, item, year=2024, status="completed", text="Valmis (fictional).", now=NOW)
    out = tmp_path / "out"
    result = run(
        "collect",
        "--repo",
        str(root),
        "--year",
        "2024",
        "--output-dir",
        str(out),
        "--responsible",
        party.name,
    )
    assert result.exit_code == 0, result.output
    (file,) = out.iterdir()
    sheet = openpyxl.load_workbook(file)[layout.SHEET_NAMES["fi"][Sheet.ACTIONS]]
    assert "Valmis (fictional)." in str(column(sheet, ActionColumn.RECORDED)[0])


# --- through LibreOffice -----------------------------------------------------------------------


def test_metadata_validations_and_values_survive_a_libreoffice_save(
    repo: Path, tmp_path: Path
) -> None:
    """A person fills the workbook in and saves it in LibreOffice Calc: import still finds it."""
    from libreoffice import resave

    out = tmp_path / "out"
    due = (date.today() + timedelta(days=40)).isoformat()  # a due date is today or later
    run(
        "collect",
        "--repo",
        str(repo),
        "--year",
        "2024",
        "--output-dir",
        str(out),
        "--due",
        due,
    )
    original = out / "Jarjesto-ry-2024.xlsx"
    book = openpyxl.load_workbook(original)
    before = meta(book)
    names = layout.SHEET_NAMES["fi"]
    actions, indicators = book[names[Sheet.ACTIONS]], book[names[Sheet.INDICATORS]]
    status_cell = f"{layout.column_letter(ActionColumn.STATUS)}{layout.FIRST_DATA_ROW}"
    euros_cell = f"{layout.column_letter(ActionColumn.EUROS)}{layout.FIRST_DATA_ROW}"
    value_cell = f"{layout.column_letter(IndicatorColumn.VALUE)}{layout.FIRST_DATA_ROW}"
    date_cell = f"{layout.column_letter(IndicatorColumn.DATE)}{layout.FIRST_DATA_ROW}"
    actions[status_cell] = "kesken"
    actions[euros_cell] = 1200.5
    indicators[value_cell] = 12
    indicators[date_cell] = date(2025, 1, 31)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    saved = openpyxl.load_workbook(resave(filled, tmp_path))
    assert saved.sheetnames == book.sheetnames
    # LibreOffice has no "very hidden": it saves the metadata sheet as hidden
    assert saved[layout.META_SHEET].sheet_state in ("hidden", "veryHidden")
    after = meta(saved)
    assert after == before
    assert after[MetaKey.DUE] == due
    assert layout.split_row_keys(after[MetaKey.ACTIONS_ROWS]) == ["toimenpide-2", "toimenpide-3"]
    assert layout.split_row_keys(after[MetaKey.INDICATORS_ROWS]) == [
        "mittari-2|2024-H1",
        "mittari-2|2024-H2",
    ]
    for name, original_sheet in (
        (names[Sheet.ACTIONS], actions),
        (names[Sheet.INDICATORS], indicators),
    ):
        sheet = saved[name]
        assert sheet.protection.sheet
        assert validations(sheet) == validations(original_sheet)
    actions, indicators = saved[names[Sheet.ACTIONS]], saved[names[Sheet.INDICATORS]]
    assert actions[status_cell].value == "kesken"
    assert actions[euros_cell].value == 1200.5
    assert indicators[value_cell].value == 12
    assert indicators[date_cell].value.date() == date(2025, 1, 31)  # a datetime after the save
    assert actions[status_cell].protection.locked is False
    assert column(actions, ActionColumn.ID) == ["toimenpide-2", "toimenpide-3"]
