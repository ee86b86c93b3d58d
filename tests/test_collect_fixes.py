"""What a new user found in hyte collect: the return date, the form's words, the party's name.

On the small fictional plan of ``collect_support`` (a "fictional fixture"). The new words go
through the gettext catalogue; these tests check what holds before and after it is compiled
(the plan's and the assessment vocabulary's words, and the English msgids' placeholders).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
from typer.testing import CliRunner, Result

from collect_support import AREA, FILES, snapshot
from hytecli.cli import app
from hytecli.collect import layout
from hytecli.collect.layout import ActionColumn, MetaKey, Sheet
from hytecli.collect.parties import collection_round
from hytecli.collect.workbook import build_workbook
from hytecli.i18n import Localizer
from hytecli.repository import load_repository
from hytecli.usable import require_valid_plan

Build = Callable[..., Path]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_a_past_due_date_is_refused(build_plan: Build, tmp_path: Path) -> None:
    root = build_plan(FILES)
    out = tmp_path / "out"
    args = ("collect", "--repo", str(root), "--year", "2024", "--output-dir", str(out))
    result = run(*args, "--due", "2020-01-01")
    assert result.exit_code == 2, result.output
    assert "--due 2020-01-01 is in the past" in result.output and "Traceback" not in result.output
    assert snapshot(out) == {}


def test_collect_help_says_what_lang_is_for() -> None:
    result = run("collect", "--help")
    text = " ".join(result.output.replace("│", " ").split())
    assert "Language of the forms (instructions, drop-downs, column names)" in text


def test_a_swedish_form_shows_the_swedish_party_name(build_plan: Build) -> None:
    area = AREA.replace(
        'responsible: ["Kunta: Sivistys/Opetus"]',
        'responsible: [{fi: "Kunta: Sivistys/Opetus", sv: "Kommun: Bildning"}]',
    )
    root = build_plan({**FILES, "plan/alue-a.yaml": area})
    round_ = collection_round(require_valid_plan(load_repository(root)), 2024, date(2025, 3, 1))
    party = next(p for p in round_.parties if p.name == "Kunta: Sivistys/Opetus")
    book = build_workbook(round_, party, "sv", generated=date(2025, 3, 1))
    instructions = book[layout.SHEET_NAMES["sv"][Sheet.INSTRUCTIONS]]
    texts = [str(cell.value) for row in instructions.iter_rows() for cell in row if cell.value]
    assert any("Kommun: Bildning" in text for text in texts), texts
    assert not any("Kunta: Sivistys/Opetus" in text for text in texts)
    actions = book[layout.SHEET_NAMES["sv"][Sheet.ACTIONS]]
    assert "Kommun: Bildning" in actions.oddFooter.left.text
    meta = {str(r[0]): r[1] for r in book[layout.META_SHEET].iter_rows(values_only=True)}
    assert meta[MetaKey.RESPONSIBLE] == "Kunta: Sivistys/Opetus"  # import matches the plan's


def test_the_form_says_that_completed_marks_the_item_done(build_plan: Build) -> None:
    root = build_plan(FILES)
    round_ = collection_round(require_valid_plan(load_repository(root)), 2024, date(2025, 3, 1))
    book = build_workbook(round_, round_.parties[0], "fi", generated=date(2025, 3, 1))
    instructions = book[layout.SHEET_NAMES["fi"][Sheet.INSTRUCTIONS]]
    texts = [str(cell.value) for row in instructions.iter_rows() for cell in row if cell.value]
    quoted = Localizer("fi").quote("toteutunut")  # the statuses' list does not quote them
    assert any(quoted in text for text in texts), texts
    actions = book[layout.SHEET_NAMES["fi"][Sheet.ACTIONS]]
    status = layout.column_letter(ActionColumn.STATUS)
    (validation,) = [
        v for v in actions.data_validations.dataValidation if f"{status}2" in str(v.sqref)
    ]
    assert validation.showInputMessage and "toteutunut" in (validation.prompt or "")
    assert len(validation.prompt or "") <= 255  # Excel's limit for an input message


def test_saved_workbook_keeps_the_input_message(build_plan: Build, tmp_path: Path) -> None:
    root = build_plan(FILES)
    round_ = collection_round(require_valid_plan(load_repository(root)), 2024, date(2025, 3, 1))
    path = tmp_path / "form.xlsx"
    build_workbook(round_, round_.parties[0], "sv", generated=date(2025, 3, 1)).save(path)
    actions = openpyxl.load_workbook(path)[layout.SHEET_NAMES["sv"][Sheet.ACTIONS]]
    prompts = [v.prompt for v in actions.data_validations.dataValidation if v.prompt]
    assert prompts and "genomförd" in prompts[0]
