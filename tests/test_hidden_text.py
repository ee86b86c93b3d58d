"""Text that hides itself (Y015 warnings) and faithful output to a non-UTF-8 stream.

All plans here are fictional fixtures (tests/conftest.py).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL_AREA, MINIMAL_INDICATOR
from hytecli import output
from hytecli.findings import Severity
from hytecli.repository import load_repository
from hytecli.validation import validate_repository

Build = Callable[..., Path]
AREA = "plan/alue-a.yaml"


def hidden(root: Path) -> list[tuple[str, int, int, Severity, str]]:
    return [
        (f.path, f.line, f.column, f.severity, f.message.split(":")[0])
        for f in validate_repository(load_repository(root))
        if f.code == "Y015"
    ]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u200f", "U+200F RIGHT-TO-LEFT MARK"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_a_hidden_character_in_a_title_is_a_warning_at_its_position(
    build_plan: Build, char: str, name: str
) -> None:
    area = MINIMAL_AREA.replace("title: Tavoite yksi", f"title: Tavoite{char} yksi")
    root = build_plan({AREA: area})
    line = area.splitlines().index(f"    title: Tavoite{char} yksi") + 1
    column = len("    title: Tavoite") + 1
    assert hidden(root) == [(AREA, line, column, Severity.WARNING, f"invisible character {name}")]


def test_each_hidden_character_is_reported_in_comments_and_keys_too(build_plan: Build) -> None:
    indicator = (
        MINIMAL_INDICATOR.replace("# fictional fixture", "# fictional\u202e fixture\u2069")
        + 'notes: "escaped\\u200b"\n'
    )
    root = build_plan({"indicators/mittari-1.yaml": indicator})
    found = hidden(root)
    assert [(f[1], f[2]) for f in found] == [(1, 12), (1, 21), (indicator.count("\n"), 8)]
    messages = [f.message for f in validate_repository(load_repository(root)) if f.code == "Y015"]
    assert "written as an escape in double quotes" in messages[-1]


def test_a_clean_plan_has_no_hidden_character_warnings(build_plan: Build) -> None:
    assert hidden(build_plan()) == []


def test_a_byte_order_mark_at_the_start_is_accepted(build_plan: Build) -> None:
    root = build_plan()
    path = root / AREA
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert hidden(root) == []


# --- output.faithful_text ------------------------------------------------------------------------


class Pipe(io.StringIO):
    def __init__(self, encoding: str, terminal: bool = False) -> None:
        super().__init__()
        self._encoding = encoding
        self._terminal = terminal

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return self._terminal


@pytest.fixture(autouse=True)
def fresh_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "_state", {"encoding": None, "how": None, "noted": False})


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("ascii", "menness\u00e4 2024\u20132026", "menness\\xe4 2024\\u20132026"),
        ("latin-1", "v\u00e4ri \u2192 \u010d", "v\u00e4ri \\u2192 \\u010d"),
        ("ascii", "\U0001f600", "\\U0001f600"),
    ],
)
def test_to_a_pipe_characters_are_escaped_and_the_note_says_so_once(
    encoding: str, text: str, expected: str
) -> None:
    assert output.faithful_text(text, Pipe(encoding)) == expected
    note = output.escape_note()
    assert note is not None and f"({encoding})" in note and "escapes" in note
    assert output.escape_note() is None  # once


@pytest.mark.parametrize(
    ("text", "expected"),
    [("menness\u00e4", "mennessa"), ("2024\u20132026 \u2192 x", "2024-2026 > x")],
)
def test_on_a_terminal_characters_are_approximated_one_for_one(text: str, expected: str) -> None:
    assert output.faithful_text(text, Pipe("ascii", terminal=True)) == expected
    note = output.escape_note()
    assert note is not None and "approximately" in note


def test_text_the_stream_can_hold_is_unchanged_and_needs_no_note() -> None:
    assert output.faithful_text("väri", Pipe("utf-8")) == "väri"
    assert output.faithful_text("väri", Pipe("latin-1")) == "väri"
    assert output.escape_note() is None


@pytest.mark.parametrize("command", [["validate"], ["status", "--as-of", "2024-06-01"]])
def test_the_cli_escapes_for_a_non_utf8_pipe_and_notes_it(
    build_plan: Build, command: list[str]
) -> None:
    area = MINIMAL_AREA.replace("title: Tavoite yksi", "title: Tavoite yksi \u2013 v\u00e4h\u00e4n")
    files = {AREA: area}
    if command[0] == "validate":  # a file name that validate prints (R008: not its id)
        files["indicators/v\u00e4ri\u20131.yaml"] = MINIMAL_INDICATOR.replace(
            "id: mittari-1", "id: vari-1"
        )
    root = build_plan(files)
    result = subprocess.run(
        [sys.executable, "-m", "hytecli", *command, "--repo", str(root)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        check=False,
    )
    out = result.stdout.decode("latin-1")
    err = result.stderr.decode("latin-1")
    assert "?" not in out
    assert "\\u2013" in out and "\u00e4" in out  # escaped where latin-1 has no such letter
    assert err.count("hyte: note: the output's encoding (latin-1)") == 1


@pytest.mark.parametrize("form", ["markdown", "html", "json"])
def test_the_report_shows_a_hidden_character_instead_of_obeying_it(
    build_plan: Build, form: str
) -> None:
    # a right-to-left override in a title reversed the rest of its table cell in the HTML report
    from datetime import UTC, date, datetime

    from hytecli.report import ReportOptions, render_report

    spoofed = MINIMAL_AREA.replace("title: Alue A", "title: Alue \u202eA ylösalaisin", 1)
    spoofed = spoofed.replace("title: Tavoite yksi", "title: Tavoite \u202eyksi", 1)
    assert spoofed != MINIMAL_AREA
    root = build_plan({AREA: spoofed})
    text = render_report(
        load_repository(root),
        ReportOptions(year=2025, language="fi", as_of=date(2025, 6, 1)),
        form,
        now=datetime(2025, 6, 1, tzinfo=UTC),
    )
    assert "\u202e" not in text
    shown = {"markdown": "Alue \\[U+202E\\]A ylösalaisin", "html": "Alue [U+202E]A ylösalaisin"}
    if form in shown:
        assert shown[form] in text
    else:
        titles = [item["title"] for item in json.loads(text)["items"]]
        assert "Tavoite [U+202E]yksi" in titles


def test_export_keeps_the_data_but_writes_hidden_characters_as_escapes(build_plan: Build) -> None:
    from hytecli.export import export_json

    spoofed = MINIMAL_AREA.replace("title: Alue A", "title: Alue \u202eA", 1)
    text = export_json(load_repository(build_plan({AREA: spoofed})))
    assert "\u202e" not in text and "Alue \\u202eA" in text
    assert "Alue \u202eA" in json.dumps(json.loads(text), ensure_ascii=False)


def test_status_shows_a_hidden_character_instead_of_obeying_it(build_plan: Build) -> None:
    from datetime import UTC, date, datetime

    from hytecli.status import StatusQuery, compute_status
    from hytecli.status_render import StatusView, render_plain

    spoofed = MINIMAL_AREA.replace("title: Alue A", "title: Alue \u2067A\u2069 \u200bB", 1)
    root = build_plan({AREA: spoofed})
    report = compute_status(
        load_repository(root),
        StatusQuery(as_of=date(2025, 6, 1)),
        now=datetime(2025, 6, 1, tzinfo=UTC),
    )
    text = render_plain(report, StatusView.of(report, "fi", show_all=True))
    assert "Alue [U+2067]A[U+2069] [U+200B]B" in text
    assert not any(ch in text for ch in "\u2067\u2069\u200b")
