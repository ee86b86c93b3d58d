"""``hyte translate export`` and the plan's translatable texts; ``hyte validate``'s L001.

The live plan is read as it is (its counts are computed, never frozen); the other plans are
small fictional fixtures.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import BILINGUAL_PLAN, MINIMAL_AREA, MINIMAL_PLAN, hyte
from hytecli.repository import load_repository
from hytecli.translation.texts import fingerprint, format_key, missing, parse_key, plan_texts
from hytecli.validation import validate_repository

LIVE = Path(__file__).resolve().parent.parent


@pytest.fixture
def build_plan(build_plan: Callable[..., Path]) -> Callable[..., Path]:
    """conftest's ``build_plan``, its plan declaring ``languages: [fi, sv]`` (BILINGUAL_PLAN)."""

    def build(files: dict[str, str | None] | None = None) -> Path:
        return build_plan({"plan/plan.yaml": BILINGUAL_PLAN, **(files or {})})

    return build


def _at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def test_every_text_of_every_kind_of_file_is_found_with_a_stable_key() -> None:
    repository = load_repository(LIVE)
    entries = plan_texts(repository)
    paths = {entry.path for entry in entries}
    assert "plan/plan.yaml" in paths
    assert {record.path for record in repository.areas} <= paths
    assert {record.path for record in repository.indicators} <= paths
    keys = [entry.key for entry in entries]
    assert len(keys) == len(set(keys))
    for entry in entries:
        assert parse_key(entry.key) == (entry.path, entry.data_path)
        assert entry.fingerprint == hashlib.sha256(entry.source.encode()).hexdigest()[:12]
        written = _at(repository.document(entry.path).data, entry.data_path)  # type: ignore[union-attr]
        assert written == entry.source or (
            isinstance(written, dict) and written["fi"] == entry.source
        )
    # the same plan gives the same keys (they are places, not counters)
    assert [e.key for e in plan_texts(load_repository(LIVE))] == keys
    titles = {e.key: e for e in entries if e.path == "plan/mielen-hyvinvointi.yaml"}
    assert titles["plan/mielen-hyvinvointi.yaml#goals[0].title"].item_id == (
        "kulttuurihyvinvointisuunnitelma"
    )
    assert titles["plan/mielen-hyvinvointi.yaml#footnotes[0].text"].item_id == "*"


def test_keys_of_lists_and_nested_fields() -> None:
    key = format_key("plan/x.yaml", ("goals", 0, "actions", 2, "responsible", 1))
    assert key == "plan/x.yaml#goals[0].actions[2].responsible[1]"
    assert parse_key(key) == ("plan/x.yaml", ("goals", 0, "actions", 2, "responsible", 1))
    assert parse_key("no-hash") is None
    assert parse_key("plan/x.yaml#goals[x]") is None


def test_export_one_area_as_po(tmp_path: Path) -> None:
    out = tmp_path / "sv.po"
    said = hyte(
        "translate",
        "export",
        "--repo",
        str(LIVE),
        "--lang",
        "sv",
        "--output",
        str(out),
        "--area",
        "mielen-hyvinvointi",
    )
    expected = missing(plan_texts(load_repository(LIVE), "mielen-hyvinvointi"), "sv")
    assert f"wrote {len(expected)} texts" in said
    catalog = read_po(io.BytesIO(out.read_bytes()))
    assert str(catalog.locale) == "sv"
    messages = [m for m in catalog if m.id]
    assert [m.context for m in messages] == [e.key for e in expected]
    assert [m.id for m in messages] == [e.source for e in expected]
    assert all(m.string == "" for m in messages)
    first = messages[0]
    assert f"fingerprint: {fingerprint(first.id)}" in first.auto_comments
    assert "id: mielen-hyvinvointi" in first.auto_comments


def test_export_all_includes_translated_texts_with_their_translation(
    build_plan, tmp_path: Path
) -> None:  # noqa: ANN001
    root = build_plan()
    out = tmp_path / "all.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "--output", str(out), "--all")
    catalog = read_po(io.BytesIO(out.read_bytes()))
    strings = {m.id: m.string for m in catalog if m.id}
    assert strings["Testin hyvinvointialue"] == "Testets välfärdsområde"
    assert strings["Tavoite yksi"] == ""
    only_missing = tmp_path / "missing.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "--output", str(only_missing))
    assert "Testin hyvinvointialue" not in only_missing.read_text(encoding="utf-8")


def test_export_refusals(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()
    out = tmp_path / "sv.po"
    out.write_text("keep me", encoding="utf-8")
    said = hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(out), code=2)
    assert "exists" in said and "--force" in said
    assert out.read_text(encoding="utf-8") == "keep me"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(out), "--force")
    assert "msgctxt" in out.read_text(encoding="utf-8")
    inside = root / "plan" / "sv.po"
    said = hyte(
        "translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(inside), code=2
    )
    assert "plan/" in said and not inside.exists()
    said = hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "fi",
        "-o",
        str(tmp_path / "a.po"),
        "--all",
        code=2,
    )
    assert "the plan's own language" in said  # its texts lacking it: without --all
    said = hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "sv",
        "-o",
        str(tmp_path / "a.txt"),
        code=2,
    )
    assert ".po" in said and ".xlsx" in said
    said = hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "svenska",
        "-o",
        str(tmp_path / "a.po"),
        code=2,
    )
    assert "not a language code" in said
    said = hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "sv",
        "-o",
        str(tmp_path / "a.po"),
        "--area",
        "alue-b",
        code=2,
    )
    assert "alue-a" in said
    assert "Traceback" not in said


# --- L001 ---------------------------------------------------------------------------------------


def test_l001_one_warning_per_language_on_this_repository(tmp_path: Path) -> None:
    repository = load_repository(LIVE)
    lacking = len(missing(plan_texts(repository), "sv"))
    found = [f for f in validate_repository(repository) if f.code == "L001"]
    if lacking == 0:  # the plan has been translated in full
        assert found == []
        return
    assert len(found) == 1
    finding = found[0]
    assert (finding.path, finding.line) == ("plan/plan.yaml", 7)
    assert str(finding.severity) == "warning"
    assert finding.message.startswith(f"{lacking} texts lack Swedish (sv), a language the plan")
    assert "hyte translate export --lang sv --output sv.po" in finding.message


def test_l001_absent_when_every_text_is_translated(build_plan) -> None:  # noqa: ANN001
    root = build_plan(
        {
            "plan/plan.yaml": _minimal_plan_translated(),
            "plan/alue-a.yaml": """\
                # fictional fixture
                id: alue-a
                title: {fi: Alue A, sv: Område A}
                goals:
                  - id: tavoite-1
                    title: {fi: Tavoite yksi, sv: Mål ett}
                    indicators: [mittari-1]
                """,
            "indicators/mittari-1.yaml": """\
                # fictional fixture
                id: mittari-1
                name: {fi: Mittari yksi, sv: Mätare ett}
                kind: yes_no
                """,
        }
    )
    codes = [f.code for f in validate_repository(load_repository(root))]
    assert "L001" not in codes
    # one text without Swedish: one warning, counted in the singular
    area = root / "plan" / "alue-a.yaml"
    area.write_text(
        area.read_text(encoding="utf-8").replace("{fi: Tavoite yksi, sv: Mål ett}", "Tavoite yksi"),
        encoding="utf-8",
    )
    found = [f for f in validate_repository(load_repository(root)) if f.code == "L001"]
    assert [f.message.split(",")[0] for f in found] == ["1 text lacks Swedish (sv)"]


def test_l001_not_for_a_plan_declaring_only_its_own_language(build_plan) -> None:  # noqa: ANN001
    root = build_plan({"plan/plan.yaml": MINIMAL_PLAN})  # it declares no languages (only fi)
    assert "L001" not in [f.code for f in validate_repository(load_repository(root))]


def _minimal_plan_translated() -> str:
    text = MINIMAL_PLAN.replace(
        "title: Testisuunnitelma 2024–2026 (fictional fixture)",
        "title: {fi: Testisuunnitelma (fictional fixture), sv: Testplan}",
    )
    text = text.replace("    title: Alue A", "    title: {fi: Alue A, sv: Område A}")
    text = text.replace("time_zone:", "languages: [fi, sv]\ntime_zone:")
    assert "languages: [fi, sv]" in text and "sv: Testplan" in text
    return text


def test_copy_of_this_repository_exports_the_l001_count(tmp_path: Path) -> None:
    root = tmp_path / "copy"
    for folder in ("plan", "indicators"):
        shutil.copytree(LIVE / folder, root / folder)
    out = tmp_path / "sv.po"
    said = hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(out))
    count = int(re.search(r"wrote (\d+) texts", said).group(1))  # type: ignore[union-attr]
    validated = hyte("validate", "--repo", str(root))
    if count:
        assert f"L001 {count} texts lack Swedish (sv)" in validated


# --- languages the plan declares; L002 ----------------------------------------------------------


def test_export_only_into_a_declared_language(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()  # languages: [fi, sv]
    for slip in ("se", "xx", "en"):
        out = tmp_path / f"{slip}.po"
        said = hyte(
            "translate", "export", "--repo", str(root), "--lang", slip, "-o", str(out), code=2
        )
        assert f"--lang {slip}:" in said and "not a language the plan declares" in said
        assert "Swedish (sv)" in said and "add it to languages: in plan/plan.yaml first" in said
        assert not out.exists()
    assert "Northern Sami (se)" in hyte(
        "translate", "export", "--repo", str(root), "--lang", "se", "-o", str(tmp_path / "a.po"),
        code=2,
    )  # fmt: skip
    only_fi = build_plan({"plan/plan.yaml": MINIMAL_PLAN})
    said = hyte(
        "translate", "export", "--repo", str(only_fi), "--lang", "sv", "-o", str(tmp_path / "b.po"),
        code=2,
    )  # fmt: skip
    assert "it declares none but its own, fi" in said


def test_area_export_includes_the_indicators_its_goals_and_actions_use(
    build_plan, tmp_path: Path
) -> None:  # noqa: ANN001
    root = build_plan(
        {
            "plan/alue-a.yaml": """\
                # fictional fixture
                id: alue-a
                title: Alue A
                goals:
                  - id: tavoite-1
                    title: Tavoite yksi
                    actions:
                      - id: toimenpide-1
                        title: Toimenpide yksi
                        indicators: [mittari-1]
                """,
            "indicators/mittari-2.yaml": """\
                # fictional fixture
                id: mittari-2
                name: Mittari kaksi, jota alue ei käytä
                kind: yes_no
                """,
        }
    )
    out = tmp_path / "sv.po"
    hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "sv",
        "-o",
        str(out),
        "--area",
        "alue-a",
    )
    keys = [m.context for m in read_po(io.BytesIO(out.read_bytes())) if m.id]
    assert keys == [
        "plan/alue-a.yaml#title",
        "plan/alue-a.yaml#goals[0].title",
        "plan/alue-a.yaml#goals[0].actions[0].title",
        "indicators/mittari-1.yaml#name",
    ]


def test_po_header_has_no_placeholders(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()
    out = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(out))
    header = out.read_text(encoding="utf-8").split("\n\n")[0]
    for placeholder in ("EMAIL@ADDRESS", "YEAR-MO-DA", "FULL NAME", "LL@li.org"):
        assert placeholder not in header
    assert '"Language: sv\\n"' in header and "POT-Creation-Date: 20" in header


def test_output_in_a_missing_folder_says_to_create_it(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()
    out = tmp_path / "missing" / "sv.po"
    said = hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(out), code=2)
    assert "does not exist: create the folder first (mkdir -p" in said
    assert not out.parent.exists()


def _validate_codes(root: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (f.path, f.line, f.column, f.message)
        for f in validate_repository(load_repository(root))
        if f.code == code
    ]


def test_l002_text_in_a_language_the_plan_does_not_declare(build_plan) -> None:  # noqa: ANN001
    root = build_plan(
        {
            "plan/alue-a.yaml": """\
                # fictional fixture
                id: alue-a
                title: {fi: Alue A, sv: Område A}
                goals:
                  - id: tavoite-1
                    title:
                      fi: Tavoite yksi
                      se: FIKTIV Mål ett
                    indicators: [mittari-1]
                """,
        }
    )
    found = _validate_codes(root, "L002")
    assert len(found) == 1
    path, line, column, message = found[0]
    assert (path, line, column) == ("plan/alue-a.yaml", 8, 7)  # at the se key
    assert message.startswith(
        "text in 'se' (Northern Sami), a language plan.yaml does not declare in languages: (fi, sv)"
    )
    assert "add se to languages: in plan/plan.yaml" in message
    # the report languages (fi, sv, en) are not warned about: hyte report --lang en shows them
    area = root / "plan" / "alue-a.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace("se: FIKTIV", "en: FIKTIV"), "utf-8")
    assert _validate_codes(root, "L002") == []


def test_l003_text_without_the_plans_own_language(build_plan) -> None:  # noqa: ANN001
    # what a Swedish collect form writes into a Finnish plan: a text only in Swedish
    root = build_plan(
        {
            "plan/alue-a.yaml": """\
                # fictional fixture
                id: alue-a
                title: {fi: Alue A, sv: Område A}
                goals:
                  - id: tavoite-1
                    title: {sv: FIKTIV Mål ett}
                    indicators: [mittari-1]
                """,
        }
    )
    found = _validate_codes(root, "L003")
    assert len(found) == 1
    path, line, _column, message = found[0]
    assert (path, line) == ("plan/alue-a.yaml", 6)
    assert message.startswith("text only in sv, not in the plan's own language fi (Finnish)")
    assert "add the fi text ({fi: …, sv: …})" in message
    # with the Finnish beside it, nothing to say
    area = root / "plan" / "alue-a.yaml"
    text = area.read_text(encoding="utf-8").replace("{sv: FIKTIV", "{fi: Tavoite yksi, sv: FIKTIV")
    area.write_text(text, "utf-8")
    assert _validate_codes(root, "L003") == []


# --- the workbook's look ------------------------------------------------------------------------

LONG_SOURCE = (
    "Kuvitteellinen pitkä tavoite (fictional): alueen asukkaiden hyvinvointi ja terveys "
    "paranevat, kun palvelut, järjestöt ja kunnat tekevät yhteistyötä kaikissa ikäryhmissä "
    "ja kaikilla palvelualueilla koko suunnitelmakauden ajan."
)


def test_the_workbook_looks_and_prints_as_the_collect_forms(
    build_plan: Callable[..., Path], tmp_path: Path
) -> None:
    """Arial, grey locked and white open columns, rows as tall as their text, A4 one page wide."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from hytecli.workbook_style import (
        FONT_NAME,
        INPUT_HEADER_FILL,
        LOCKED_FILL,
        row_height,
        wrapped_lines,
    )

    area = MINIMAL_AREA.replace("title: Tavoite yksi", f"title: '{LONG_SOURCE}'")
    root = build_plan({"plan/alue-a.yaml": area})
    path = tmp_path / "sv.xlsx"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(path))
    book = load_workbook(path)
    assert book._named_styles["Normal"].font.name == FONT_NAME
    sheet = book["texts"]
    grey, yellow = LOCKED_FILL.fgColor.rgb, INPUT_HEADER_FILL.fgColor.rgb
    assert [sheet.cell(1, c).fill.fgColor.rgb for c in range(1, 7)] == [grey] * 5 + [yellow]
    heights = {}
    for row in range(1, sheet.max_row + 1):
        height = sheet.row_dimensions[row].height
        assert height is not None, row
        heights[sheet.cell(row, 5).value] = height
        for column in range(1, 7):
            cell = sheet.cell(row, column)
            assert cell.font.name == FONT_NAME and cell.alignment.wrap_text, cell
            if row > 1:
                assert cell.protection.locked == (column < 6), cell
                assert (cell.fill.fgColor.rgb == grey) == (column < 6), cell
            if isinstance(cell.value, str) and cell.value:
                width = sheet.column_dimensions[get_column_letter(column)].width
                lines = wrapped_lines(cell.value, width, bold=bool(cell.font.b))
                assert height >= row_height(lines), (row, column, cell.value)
    assert heights[LONG_SOURCE] > heights["Toimenpide yksi"] >= row_height(1)
    assert sheet.protection.sheet and sheet.freeze_panes == "A2"
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
    # shrunk to the width of A4 landscape, the 10 pt text still prints at about 8 pt
    widths = [sheet.column_dimensions[get_column_letter(c)].width for c in range(1, 7)]
    assert 10 * min(1.0, (842 - 36) / (sum(widths) * 5.55)) >= 7.8
    notes = book["instructions"]
    assert notes["A1"].font.b and notes["A1"].font.sz > 10
    assert "A1:B1" in {str(cells) for cells in notes.merged_cells.ranges}
    assert notes.page_setup.orientation == "portrait"
    assert (notes["B9"].value, notes["B10"].value) == ("fi", "sv")
