"""A text shown in another language than the report's is marked, whichever the two languages.

An assessment recorded from a Swedish form is written only in Swedish (``text: {sv: …}``); the
Finnish report shows it marked ``(sv)``, as the Swedish report marks Finnish text ``(fi)``, in
HTML and in Markdown (the table's brief and the appendix). The texts are FICTIONAL, written on a
copy of the fictional report fixture.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hytecli.cli import app
from report_support import copy_fixture

SWEDISH = "FIKTIV: Arbetet med mötesplatserna pågår."
FINNISH = "FIKTIIVINEN: Kohtaamispaikkojen työ jatkuu."


def hyte(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _assessed(tmp_path: Path, lang: str, text: str) -> Path:
    root = copy_fixture(tmp_path / "plan")
    hyte(
        "assess", "kohtaamispaikat", "--repo", str(root), "--year", "2025", "--status",
        "in progress", "--lang", lang, "--text", text, "--date", "2025-12-01",
    )  # fmt: skip
    assert text in (root / "plan" / "osallisuus.yaml").read_text(encoding="utf-8")
    return root


def _report(root: Path, lang: str, fmt: str) -> str:
    return hyte(
        "report", "--repo", str(root), "--year", "2025", "--lang", lang, "--format", fmt,
        "--as-of", "2025-12-31",
    )  # fmt: skip


def test_swedish_assessment_is_marked_in_the_finnish_report(tmp_path: Path) -> None:
    root = _assessed(tmp_path, "sv", SWEDISH)
    md = _report(root, "fi", "markdown")
    assert f"kesken: {SWEDISH} (sv) |" in md  # the table's brief
    assert f"  {SWEDISH} (sv)\n" in md  # the appendix
    html = _report(root, "fi", "html")
    assert f'<span lang="sv">{SWEDISH}</span> <span class="fallback">(sv)</span>' in html
    assert f'<p lang="sv">{SWEDISH} <span class="fallback" lang="fi">(sv)</span></p>' in html
    assert SWEDISH + " (sv)" not in _report(root, "sv", "markdown")  # its own language


def test_finnish_assessment_is_marked_in_the_swedish_report(tmp_path: Path) -> None:
    root = _assessed(tmp_path, "fi", FINNISH)
    md = _report(root, "sv", "markdown")
    assert f"{FINNISH} (fi) |" in md and f"  {FINNISH} (fi)\n" in md
    assert FINNISH + " (fi)" not in _report(root, "fi", "markdown")
