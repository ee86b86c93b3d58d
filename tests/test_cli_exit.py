"""The ``hyte`` console command (hytecli.cli.run): main(), then os._exit with main's exit code.

run() skips freeing the plan's objects at the end (benchmarks/); it must still hand over all of
the output and the exit code, whatever the command did.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

import hytecli.cli as cli
from hytecli.cli import common
from report_support import ROOT, copy_fixture


class _Exited(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> None:
    """os._exit raises instead; the kept list and the collector are restored after."""
    monkeypatch.setattr(cli.os, "_exit", lambda code: (_ for _ in ()).throw(_Exited(code)))
    monkeypatch.setattr(common, "_KEPT", None)
    was = gc.isenabled()
    yield
    if was:
        gc.enable()


@pytest.mark.parametrize(
    ("raised", "code", "printed"),
    [
        (SystemExit(0), 0, ""),
        (SystemExit(2), 2, ""),
        (SystemExit(None), 0, ""),
        (SystemExit("x"), 1, "x\n"),
    ],
)
def test_run_exits_with_mains_code(
    exits: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    raised: SystemExit,
    code: int,
    printed: str,
) -> None:
    def main() -> None:
        print("out")
        raise raised

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(_Exited) as exited:
        cli.run()
    assert exited.value.code == code
    captured = capsys.readouterr()
    assert captured.out == "out\n"
    assert captured.err == printed
    assert common._KEPT == []  # plans loaded from now on are kept to the end
    assert not gc.isenabled()  # a collection at the end would walk the whole plan


def test_main_alone_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "_KEPT", None)
    root = copy_fixture(tmp_path / "plan")
    common.load_plan(root)
    common.keep(object())
    assert common._KEPT is None


def test_the_command_hands_over_all_its_output_and_exit_code(tmp_path: Path) -> None:
    # A long output through a pipe, and a failure's exit code and message, from a real process.
    root = copy_fixture(tmp_path / "plan")
    shown = subprocess.run(
        [sys.executable, "-m", "hytecli", "status", "--repo", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert len(data["items"]) > 10
    (root / "plan" / "plan.yaml").write_text("id: [\n", encoding="utf-8")
    broken = subprocess.run(
        [sys.executable, "-m", "hytecli", "validate", "--repo", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert broken.returncode == 1
    assert "plan/plan.yaml:" in broken.stdout + broken.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "hytecli", "status", "--no-such-option"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert usage.returncode == 2
    assert "No such option" in usage.stderr


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    # `hyte status --format json | head -1`: the reader goes away; hyte stops without an error.
    # This plan's status is larger than a pipe's buffer (64 kB), so the write does fail.
    assert ROOT.joinpath("plan", "plan.yaml").is_file()
    with subprocess.Popen(
        [sys.executable, "-m", "hytecli", "status", "--repo", str(ROOT), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(1) == b"{"
        process.stdout.close()
        errors = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert b"Traceback" not in errors
