"""`hyte record` and `hyte complete` from the command line: output, exit codes, no traceback.

The fixtures are fictional (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner, Result

from conftest import MINIMAL_INDICATOR
from hytecli.cli import app

Build = Callable[..., Path]

COUNT = (
    "# fictional fixture\nid: maara\nname: Määrä\nkind: count\nvalues:\n"
    "  - period: 2024\n    value: 120   # oma kirjaus\n"
)


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_record_prints_what_it_did(build_plan: Build) -> None:
    root = build_plan({"indicators/maara.yaml": COUNT})
    result = run("record", "maara", "1\u00a0234", "--period", "2025", "--repo", str(root))
    assert result.exit_code == 0
    assert result.stdout == "recorded maara 2025: 1234 (indicators/maara.yaml)\n"
    assert (
        (root / "indicators/maara.yaml").read_text().endswith("  - period: 2025\n    value: 1234\n")
    )


def test_record_replace_says_old_and_new(build_plan: Build) -> None:
    root = build_plan({"indicators/maara.yaml": COUNT})
    refused = run("record", "maara", "130", "--period", "2024", "--repo", str(root))
    assert refused.exit_code == 1
    assert refused.stderr == (
        "hyte: error: 'maara' already has a value for 2024: 120 (indicators/maara.yaml line 6); "
        "give --replace to replace it\n"
    )
    result = run("record", "maara", "130", "--period", "2024", "--replace", "--repo", str(root))
    assert result.exit_code == 0
    assert result.stdout == "replaced maara 2024: 120 → 130 (indicators/maara.yaml)\n"
    assert "    value: 130   # oma kirjaus\n" in (root / "indicators/maara.yaml").read_text()


def test_record_dry_run_prints_the_diff(build_plan: Build) -> None:
    root = build_plan({"indicators/maara.yaml": COUNT})
    before = (root / "indicators/maara.yaml").read_bytes()
    result = run(
        "record",
        "maara",
        "5",
        "--period",
        "2025",
        "--note",
        "Arvio",
        "--dry-run",
        "--repo",
        str(root),
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/indicators/maara.yaml\n"
        "+++ b/indicators/maara.yaml\n"
        "@@ -5,3 +5,6 @@\n"
        " values:\n"
        "   - period: 2024\n"
        "     value: 120   # oma kirjaus\n"
        "+  - period: 2025\n"
        "+    value: 5\n"
        "+    note: Arvio\n"
        "would record maara 2025: 5 (indicators/maara.yaml)\n"
    )
    assert (root / "indicators/maara.yaml").read_bytes() == before


def test_record_refusal_exits_1_with_a_message(build_plan: Build) -> None:
    root = build_plan()
    result = run("record", "mittari-1", "1", "--period", "2024", "--repo", str(root))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "hyte: error: cannot record '1' for 'mittari-1' (kind: yes_no): '1' is a number"
    )
    assert (root / "indicators/mittari-1.yaml").read_text() == MINIMAL_INDICATOR
    unknown = run("record", "mittari-2", "kyllä", "--period", "2024", "--repo", str(root))
    assert unknown.exit_code == 1
    assert "did you mean 'mittari-1'?" in unknown.stderr


def test_record_usage_errors_exit_2(build_plan: Build, tmp_path: Path) -> None:
    root = build_plan()
    bad_date = run(
        "record",
        "mittari-1",
        "kyllä",
        "--period",
        "2024",
        "--date",
        "2024-02-30",
        "--repo",
        str(root),
    )
    assert bad_date.exit_code == 2
    assert "February 2024 has 29" in " ".join(bad_date.stderr.replace("│", " ").split())
    no_period = run("record", "mittari-1", "kyllä", "--repo", str(root))
    assert no_period.exit_code == 2
    no_repo = run("record", "mittari-1", "kyllä", "--period", "2024", "--repo", str(tmp_path))
    assert no_repo.exit_code == 2
    assert "is not a plan repository" in no_repo.stderr


def test_complete_from_the_command_line(build_plan: Build) -> None:
    root = build_plan()
    result = run("complete", "toimenpide-1", "--date", "2024-06-10", "--repo", str(root))
    assert result.exit_code == 0
    assert result.stdout == (
        "marked action toimenpide-1 completed on 2024-06-10 (plan/alue-a.yaml)\n"
    )
    again = run("complete", "toimenpide-1", "--date", "2024-06-11", "--repo", str(root))
    assert again.exit_code == 1
    assert "already marked completed on 2024-06-10" in again.stderr
    period = run("complete", "toimenpide-1", "--period", "2024", "--replace", "--repo", str(root))
    assert period.exit_code == 1
    assert "has a one-off deadline (or none), so a completion has no period" in period.stderr
    dry = run("complete", "tavoite-1", "--date", "2024-12-01", "--dry-run", "--repo", str(root))
    assert dry.exit_code == 0
    assert dry.stdout.endswith(
        "would mark goal tavoite-1 completed on 2024-12-01 (plan/alue-a.yaml)\n"
    )
    assert "+    completed:\n+      - date: 2024-12-01\n" in dry.stdout


def test_help_documents_the_commands() -> None:
    for command in ("record", "complete"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "--dry-run" in result.stdout and "--replace" in result.stdout


def test_impossible_dates_are_refused_and_nothing_is_written(build_plan: Build) -> None:
    root = build_plan({"indicators/maara.yaml": COUNT})
    before = {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}
    value = run(
        "record", "maara", "5", "--period", "2025", "--date", "2024-06-01", "--repo", str(root)
    )
    assert value.exit_code == 1
    assert value.stderr.startswith(
        "hyte: error: --date 2024-06-01 is before its period 2025 began (2025-01-01)"
    )
    year_zero = run(
        "record", "maara", "5", "--period", "2025", "--date", "0001-01-01", "--repo", str(root)
    )
    assert year_zero.exit_code == 2  # not a date hyte accepts: a usage error
    assert "(1900–2200): check the year (a typo?)" in year_zero.stderr
    period_zero = run("record", "maara", "5", "--period", "0000", "--repo", str(root))
    assert period_zero.exit_code == 1
    assert period_zero.stderr == (
        "hyte: error: 0000 has the year 0, outside the years hyte accepts (1900–2200): check the "
        "year (a typo?)\n"
    )
    done = run("complete", "tavoite-1", "--date", "1999-01-01", "--repo", str(root))
    assert done.exit_code == 1
    assert done.stderr.startswith(
        "hyte: error: --date 1999-01-01 is before the plan period began (2024-01-01)"
    )
    assert {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))} == before


def test_complete_replace_without_date_keeps_the_date_b5(build_plan: Build) -> None:
    root = build_plan()
    first = run(
        "complete", "tavoite-1", "--date", "2024-11-28", "--note", "Valmis", "--repo", str(root)
    )
    assert first.exit_code == 0
    before = (root / "plan/alue-a.yaml").read_text()
    result = run(
        "complete", "tavoite-1", "--replace", "--note", "Valmis, raportoitu", "--repo", str(root)
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "changed the completion of goal tavoite-1 (plan/alue-a.yaml); kept its date 2024-11-28\n"
    )
    after = (root / "plan/alue-a.yaml").read_text()
    assert after == before.replace("note: Valmis\n", "note: Valmis, raportoitu\n")
