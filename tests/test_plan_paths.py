"""Files that are not what they seem: links out of the repository, entries that are no file,
--output onto something that is not a regular file, and leftovers of interrupted writes.

All plans here are fictional fixtures (tests/conftest.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import MINIMAL_INDICATOR
from hytecli.cli import app
from hytecli.fileio import TEMP_MARKER, write_text_atomic
from hytecli.findings import Severity
from hytecli.repository import load_repository
from hytecli.validation import validate_repository

Build = Callable[..., Path]
posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links, FIFOs, devices")


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def codes(root: Path) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.path, f.line, f.column, str(f.severity), f.code)
        for f in validate_repository(load_repository(root))
        if f.code.startswith("Y01")
    ]


# --- plan and indicator files ----------------------------------------------------------------


@posix_only
@pytest.mark.parametrize(
    ("name", "make", "code", "says"),
    [
        ("indicators/katkennut.yaml", lambda p: p.symlink_to("ei-ole.yaml"), "Y012", "dangling"),
        ("indicators/kansio.yaml", lambda p: p.mkdir(), "Y012", "this is a folder"),
        ("plan/putki.yaml", lambda p: os.mkfifo(p), "Y012", "a FIFO"),
        ("plan/silmukka.yaml", lambda p: p.symlink_to(p.name), "Y012", "cannot be followed"),
    ],
)
def test_an_entry_named_like_a_plan_file_that_is_no_file_is_an_error(
    build_plan: Build, name: str, make: Callable[[Path], object], code: str, says: str
) -> None:
    root = build_plan()
    make(root / name)
    findings = [f for f in validate_repository(load_repository(root)) if f.path == name]
    assert [(f.line, f.column, f.severity, f.code) for f in findings] == [
        (0, 0, Severity.ERROR, code)
    ]
    assert says in findings[0].message
    result = run("validate", "--repo", str(root))
    assert result.exit_code == 1
    assert f"{name}: error {code} " in result.stdout
    status = run("status", "--repo", str(root))  # its goals do not silently vanish
    assert status.exit_code == 1 and f"{name}: error {code}" in status.stderr


@posix_only
@pytest.mark.parametrize("path", ["indicators/mittari-1.yaml", "plan/plan.yaml"])
def test_a_plan_file_linked_out_of_the_repository_is_an_error(
    build_plan: Build, tmp_path: Path, path: str
) -> None:
    root = build_plan()
    outside = tmp_path / "muualla" / Path(path).name
    outside.parent.mkdir()
    (root / path).rename(outside)
    (root / path).symlink_to(outside)
    result = run("validate", "--repo", str(root))
    assert result.exit_code == 1
    assert (
        f"{path}: error Y013 this is a symbolic link to {outside}, outside the plan "
        "repository" in result.stdout
    )


@posix_only
def test_a_link_to_another_place_inside_the_repository_is_fine(build_plan: Build) -> None:
    root = build_plan()
    shared = root / "jaettu" / "mittari-1.yaml"
    shared.parent.mkdir()
    (root / "indicators/mittari-1.yaml").rename(shared)
    (root / "indicators/mittari-1.yaml").symlink_to("../jaettu/mittari-1.yaml")
    assert codes(root) == []
    assert load_repository(root).indicator("mittari-1") is not None


# --- report templates --------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("linked", ["report.md.j2", "macros.md.j2", "folder"])
def test_a_report_template_linked_out_of_the_repository_is_refused(
    build_plan: Build, tmp_path: Path, linked: str
) -> None:
    root = build_plan()
    secret = tmp_path / "ci-secrets"
    secret.mkdir()
    (secret / "token.txt").write_text("SALAINEN-TOKEN\n", "utf-8")
    if linked == "folder":
        (root / "templates").symlink_to(secret, target_is_directory=True)
        (secret / "report.md.j2").write_text("{% include 'token.txt' %}\n", "utf-8")
    else:
        (root / "templates").mkdir()
        (root / "templates" / linked).symlink_to(secret / "token.txt")
    result = run("report", "--repo", str(root), "--year", "2024")
    assert result.exit_code == 1, result.output
    assert "SALAINEN-TOKEN" not in result.output
    assert "is a symbolic link to" in result.stderr
    assert "outside the plan repository" in result.stderr
    # validate finds it too, so CI stops the pull request that adds it (a new-user trial)
    checked = run("validate", "--repo", str(root))
    assert checked.exit_code == 1, checked.output
    shown = "templates" if linked == "folder" else f"templates/{linked}"
    assert f"{shown}: error Y013 this is a symbolic link to " in checked.stdout
    assert "SALAINEN-TOKEN" not in checked.output


@posix_only
def test_a_report_template_linked_inside_the_repository_is_used(build_plan: Build) -> None:
    root = build_plan()
    (root / "shared").mkdir()
    (root / "shared" / "report.md.j2").write_text("# Oma raportti {{ report.year }}\n", "utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "report.md.j2").symlink_to("../shared/report.md.j2")
    result = run("report", "--repo", str(root), "--year", "2024")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Oma raportti 2024")
    assert run("validate", "--repo", str(root)).exit_code == 0


# --- --output ------------------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("command", [["export"], ["report", "--year", "2024"], ["schema", "plan"]])
@pytest.mark.parametrize("target", ["fifo", "/dev/null", "folder"])
def test_output_onto_something_that_is_not_a_regular_file_is_refused(
    build_plan: Build, tmp_path: Path, command: list[str], target: str
) -> None:
    root = build_plan()
    if target == "fifo":
        path = tmp_path / "putki"
        os.mkfifo(path)
    elif target == "folder":
        path = tmp_path / "kansio"
        path.mkdir()
    else:
        path = Path(target)
    repo = [] if command[0] == "schema" else ["--repo", str(root)]
    result = run(*command, *repo, "--output", str(path))
    assert result.exit_code == 2, result.output
    assert f"--output {path} is " in result.stderr
    if target == "fifo":
        assert path.is_fifo()
    elif target == "/dev/null":
        assert path.is_char_device()
    assert not any(TEMP_MARKER in p.name for p in path.parent.iterdir() if target != "/dev/null")


@posix_only
def test_output_through_a_link_to_a_regular_file_writes_that_file(
    build_plan: Build, tmp_path: Path
) -> None:
    root = build_plan()
    real = tmp_path / "oikea.json"
    real.write_text("{}", "utf-8")
    link = tmp_path / "linkki.json"
    link.symlink_to(real)
    result = run("export", "--repo", str(root), "--output", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and '"mittari-1"' in real.read_text("utf-8")


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["report", "--year", "2025"], "plan/plan.yaml"),
        (["report", "--year", "2025"], "plan/uusi.md"),
        (["export"], "indicators/mittari-1.yaml"),
        (["report", "--year", "2025", "--format", "html"], "templates/report.html.j2"),
        (["export"], "reports/2025.yaml"),
    ],
)
def test_output_never_writes_into_the_plans_own_folders(
    build_plan: Build, command: list[str], target: str
) -> None:
    # a mistyped path would replace a plan file with a report (found by a new-user trial)
    root = build_plan()
    (root / "templates").mkdir(exist_ok=True)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run(*command, "--repo", str(root), "--output", str(root / target))
    assert result.exit_code == 2, result.output
    assert "whose files are the plan itself" in result.stderr
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_output_next_to_the_plan_is_written(build_plan: Build) -> None:
    root = build_plan()
    result = run("export", "--repo", str(root), "--output", str(root / "vienti.json"))
    assert result.exit_code == 0, result.output
    assert '"mittari-1"' in (root / "vienti.json").read_text("utf-8")


@pytest.mark.parametrize("written", ["puuttuva/", "olemassa/"])
def test_output_written_as_a_folder_is_refused(
    build_plan: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    root = build_plan()
    (tmp_path / "olemassa").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run("export", "--repo", str(root), "--output", written)
    assert result.exit_code == 2, result.output
    assert "give a file name" in result.stderr
    assert not (tmp_path / "puuttuva").exists()


# --- temporary files ---------------------------------------------------------------------------


def test_temporary_files_are_named_so_that_hyte_recognises_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.yaml"
    seen: list[str] = []

    def replace(src: str, dst: object) -> None:
        seen.append(Path(src).name)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        write_text_atomic(target, "id: x\n")
    assert len(seen) == 1 and seen[0].startswith(f".x.yaml{TEMP_MARKER}")


@pytest.mark.parametrize("count", [1, 3])
def test_the_next_write_removes_leftovers_of_the_same_file_only(tmp_path: Path, count: int) -> None:
    target = tmp_path / "x.yaml"
    leftovers = [tmp_path / f".x.yaml{TEMP_MARKER}{i}abc" for i in range(count)]
    other = tmp_path / f".y.yaml{TEMP_MARKER}abc"
    for file in [*leftovers, other]:
        file.write_text("half", "utf-8")
    write_text_atomic(target, "id: x\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["x.yaml", other.name])


@pytest.mark.parametrize(
    "leftover", [f"plan/.plan.yaml{TEMP_MARKER}k1", f"indicators/.mittari-1.yaml{TEMP_MARKER}9"]
)
def test_validate_reports_a_leftover_temporary_file(build_plan: Build, leftover: str) -> None:
    root = build_plan()
    (root / leftover).write_text("puoliksi", "utf-8")
    assert codes(root) == [(leftover, 0, 0, "warning", "Y014")]
    result = run("validate", "--repo", str(root))
    assert result.exit_code == 0
    assert f"{leftover}: warning Y014 {leftover} is a temporary file left" in result.stdout
    # recording into that indicator removes its leftover
    if leftover.startswith("indicators/"):
        ind = MINIMAL_INDICATOR  # a yes_no indicator, as in conftest
        assert "kind: yes_no" in ind
        assert (
            run("record", "mittari-1", "kyllä", "--period", "2024", "--repo", str(root)).exit_code
            == 0
        )
        assert codes(root) == []


def test_this_repository_ignores_hyte_temporary_files() -> None:
    gitignore = (Path(__file__).resolve().parents[1] / ".gitignore").read_text("utf-8")
    assert ".*.hyte-tmp-*" in gitignore.splitlines()
