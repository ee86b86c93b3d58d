"""Rendering hyte status: plain text, Rich tables, Markdown and JSON (hytecli.status_render).

The plans here are fictional fixtures; the command-line behaviour (pipes, NO_COLOR, encodings,
exit codes) is tested through a subprocess in test_cli_status.py.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from hytecli.repository import load_repository
from hytecli.status import STATES, StatusQuery, StatusReport, compute_status
from hytecli.status_render import (
    describe_days,
    describe_deadline,
    md_escape,
    print_status,
    render_json,
    render_markdown,
    render_plain,
    use_rich,
)

Build = Callable[..., Path]
ANSI = re.compile(r"\x1b\[")

# 300 characters, ending in a marker, so that any cut shows
LONG_TITLE = ("Hyvin pitkä tavoitteen otsikko, joka jatkuu ja jatkuu " * 6)[:295] + "LOPPU"
assert len(LONG_TITLE) == 300

AREA = f"""\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: kesken
    title: "[kesken] Tavoite [bold]ei muotoilua[/bold] :smile:"
    deadline: {{due: 2024, wording: "vuoden 2024 loppuun mennessä"}}
    responsible: ["[LUVN] Testitaho | putki"]
    indicators: [mittari-1]
    actions:
      - id: pitka
        title: "{LONG_TITLE}"
        deadline: 2025-02
      - id: monirivinen
        title: |
          Ensimmäinen rivi | putki
          toinen *rivi* ja <b>tagi</b>
        deadline: {{recurring: annual, wording: vuosittain}}
        completed: [{{date: 2025-03-01, period: 2025}}]
"""


@pytest.fixture
def report(build_plan: Build) -> StatusReport:
    repository = load_repository(build_plan({"plan/alue-a.yaml": AREA}))
    assert repository.findings == []
    return compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))


def test_plain_text_shows_every_text_in_full(report: StatusReport) -> None:
    text = render_plain(report)
    assert not ANSI.search(text)
    assert "…" not in text
    assert LONG_TITLE in text
    assert "[kesken] Tavoite [bold]ei muotoilua[/bold] :smile:" in text
    assert "[LUVN] Testitaho | putki" in text
    # a text with line breaks keeps them, continuation lines indented under the first
    assert re.search(r"title: +Ensimmäinen rivi \| putki\n +toinen \*rivi\* ja <b>tagi</b>", text)


def test_plain_text_layout(report: StatusReport) -> None:
    text = render_plain(report)
    assert text.startswith("Status of Testisuunnitelma 2024–2026 (fictional fixture)")
    assert "As of 2025-03-01 in Europe/Helsinki; due soon = due within 60 days." in text
    summary = text.split("\n\n")[1].splitlines()
    assert summary[0] == "Summary"
    assert summary[1].split() == [
        "area",
        "done",
        "overdue",
        "due",
        "soon",
        "open",
        "no",
        "deadline",
        "total",
    ]
    assert summary[2].split() == ["alue-a", "1", "3", "0", "0", "0", "4", "Alue", "A"]
    assert summary[-1].split() == ["total", "1", "3", "0", "0", "0", "4"]
    assert "OVERDUE: goal kesken - overdue by 60 days" in text
    assert "OVERDUE: action pitka - overdue by 1 day" in text
    assert "DONE: action monirivinen - done 2025-03-01, on time" in text
    assert "OPEN: indicator mittari-1" not in text
    assert "OVERDUE: indicator mittari-1 - overdue by 60 days" in text
    assert "latest value: not recorded" in text
    assert re.search(r"\n    this year: +2025 entry: recorded; missing for 2024\n", text)


def test_rich_table_on_a_terminal(report: StatusReport) -> None:
    out = io.StringIO()
    print_status(report, "table", file=out, terminal=True)
    text = out.getvalue()
    assert ANSI.search(text)  # colours on a terminal
    plain = ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", text))
    # plan text is never read as Rich markup or emoji codes
    assert "[kesken] Tavoite" in plain
    assert "[bold]" in plain and ":smile:" in plain
    # each state has a symbol and a word, not colour alone
    assert "✗ overdue" in plain and "✓ done" in plain
    assert "…" not in plain


@pytest.mark.parametrize("width", [60, 100, 200])
def test_rich_never_crops(report: StatusReport, width: int) -> None:
    from rich.console import Console

    from hytecli.status_render import print_rich

    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, markup=False, emoji=False)
    print_rich(report, console)
    text = out.getvalue()
    assert "…" not in text
    # wrapped or folded, never cut: every word of the long title is there, its end too
    words = re.findall(r"[A-Za-zäöÄÖ]+", text)
    for word in set(re.findall(r"[A-Za-zäöÄÖ]+", LONG_TITLE)) - {"otLOPPU"}:
        assert words.count(word) >= LONG_TITLE.count(word + " "), word
    assert "LOPPU" in text


def test_rich_on_a_terminal_that_is_not_utf8(report: StatusReport) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1", errors="replace")
    print_status(report, "table", file=stream, terminal=True)
    stream.flush()
    text = raw.getvalue().decode("latin-1")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "x overdue" in plain and "+ done" in plain  # ASCII symbols
    assert "━" not in plain and "Tavoite" in plain


def test_markdown(report: StatusReport) -> None:
    text = render_markdown(report)
    assert "| State | Kind | Id | Title | Responsible | Deadline | Days |" in text
    assert r"\[kesken\] Tavoite \[bold\]ei muotoilua\[/bold\] :smile:" in text
    assert r"\[LUVN\] Testitaho \| putki" in text
    assert r"Ensimmäinen rivi \| putki<br>toinen \*rivi\* ja \<b\>tagi\</b\>" in text
    assert "| **overdue** | goal | `kesken` |" in text
    assert md_escape(LONG_TITLE) in text
    # every table row has the same number of unescaped cell separators
    for line in text.splitlines():
        if line.startswith("| ") and "`" in line:
            assert len(re.findall(r"(?<!\\)\|", line)) == 8


def test_md_escape() -> None:
    assert md_escape("a|b") == r"a\|b"
    assert md_escape("rivi 1\nrivi 2\r\nrivi 3") == "rivi 1<br>rivi 2<br>rivi 3"
    assert md_escape("[x] *y* _z_ `k` <t> & \\") == r"\[x\] \*y\* \_z\_ \`k\` \<t\> \& \\"
    assert md_escape("Lähellä.fi – 70 %") == "Lähellä.fi – 70 %"


def test_json_shape(report: StatusReport) -> None:
    data = json.loads(render_json(report))
    assert list(data) == [
        "version",
        "as_of",
        "time_zone",
        "plan",
        "due_within_days",
        "filters",
        "summary",
        "totals",
        "items",
    ]
    assert data["version"] == 1
    assert data["as_of"] == "2025-03-01"
    assert data["time_zone"] == "Europe/Helsinki"
    assert data["plan"] == {
        "id": "testisuunnitelma",
        "title": "Testisuunnitelma 2024–2026 (fictional fixture)",
    }
    assert data["due_within_days"] == 60
    assert data["filters"] == {"areas": [], "responsible": None}
    counts = {"done": 1, "overdue": 3, "due_soon": 0, "open": 0, "no_deadline": 0}
    assert data["summary"] == [
        {
            "area": "alue-a",
            "title": "Alue A",
            "has_section": True,
            "note": None,
            "counts": counts,
            "total": 4,
            "missing_entries": 1,  # monirivinen has no entry for 2024
        }
    ]
    assert data["totals"] == {
        "counts": counts,
        "total": 4,
        "missing_entries": 1,
    }
    items = {item["id"]: item for item in data["items"]}
    assert list(items) == ["kesken", "mittari-1", "pitka", "monirivinen"]
    assert items["kesken"] == {
        "kind": "goal",
        "id": "kesken",
        "area": "alue-a",
        "goal": "kesken",
        "title": "[kesken] Tavoite [bold]ei muotoilua[/bold] :smile:",
        "responsible": ["[LUVN] Testitaho | putki"],
        "state": "overdue",
        "days": 60,
        "deadline": {
            "due": "2024-12-31",
            "form": "year",
            "written": "2024",
            "wording": "vuoden 2024 loppuun mennessä",
            "inherited_from": None,
        },
        "done": None,
        "recurring": None,
        "indicator": None,
        "file": "plan/alue-a.yaml",
    }
    assert items["monirivinen"]["done"] == {"date": "2025-03-01", "on_time": True, "days_late": 0}
    assert items["monirivinen"]["recurring"] == {
        "year": 2025,
        "due": "2025-12-31",
        "entry_exists": True,
        "missing_years": [2024],
    }
    assert items["mittari-1"]["indicator"] == {
        "kind": "yes_no",
        "unit": None,
        "target": {
            "value": True,
            "comparison": None,
            "reference": None,
            "label": None,
            "wording": None,
        },
        "latest": None,
        "reference_value": None,
        "outcome": "not_recorded",
        "progress": None,  # yes/no indicators have an outcome, not a progress status
        "used_by": [{"kind": "goal", "id": "kesken"}],
    }
    assert items["pitka"]["title"] == LONG_TITLE
    assert all(item["state"] in {str(s) for s in STATES} for item in data["items"])


def test_json_ascii_only_round_trips(report: StatusReport) -> None:
    text = render_json(report, ascii_only=True)
    assert text.isascii()
    assert json.loads(text) == json.loads(render_json(report))


def test_describe_helpers(report: StatusReport) -> None:
    items = {item.id: item for item in report.items}
    assert describe_days(items["pitka"]) == "overdue by 1 day"
    assert describe_deadline(items["kesken"].deadline, "fi") == (
        '2024-12-31 (2024; "vuoden 2024 loppuun mennessä")'
    )
    assert describe_deadline(items["pitka"].deadline, "fi") == "2025-02-28 (2025-02)"
    assert describe_deadline(items["monirivinen"].deadline, "fi") == (
        '2025-12-31 (every year; "vuosittain")'
    )
    assert describe_deadline(None, "fi") == "none"


def test_use_rich_only_on_a_colour_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_rich(Tty(), {})
    assert not use_rich(Tty(), {"NO_COLOR": "1"})
    assert use_rich(Tty(), {"NO_COLOR": ""})  # no-color.org: set and not empty
    assert not use_rich(Tty(), {"TERM": "dumb"})
    assert not use_rich(io.StringIO(), {})


def test_print_status_replaces_what_the_stream_cannot_encode(report: StatusReport) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    print_status(report, "markdown", file=stream)
    text = raw.getvalue().decode("ascii")
    assert "Testisuunnitelma 2024?2026" in text
    raw_json = io.BytesIO()
    json_stream = io.TextIOWrapper(raw_json, encoding="ascii", errors="strict")
    print_status(report, "json", file=json_stream)
    assert json.loads(raw_json.getvalue().decode("ascii"))["plan"]["title"].endswith("fixture)")


def test_unknown_format_is_refused(report: StatusReport) -> None:
    with pytest.raises(ValueError, match="unknown status format"):
        print_status(report, "html", file=io.StringIO())


def test_no_items_match(build_plan: Build) -> None:
    repository = load_repository(build_plan({"plan/alue-a.yaml": AREA}))
    report = compute_status(
        repository, StatusQuery(as_of=date(2025, 3, 1), responsible="ei ketään")
    )
    assert "No items match." in render_plain(report)
    assert "No items match." in render_markdown(report)
    assert json.loads(render_json(report))["items"] == []
