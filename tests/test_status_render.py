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

from conftest import MINIMAL_PLAN
from hytecli.models import Text
from hytecli.repository import load_repository
from hytecli.status import (
    STATES,
    IndicatorStatus,
    Outcome,
    StatusQuery,
    StatusReport,
    ValueInfo,
    compute_status,
)
from hytecli.status_render import (
    describe_days,
    describe_deadline,
    describe_latest,
    md_escape,
    print_status,
    render_json,
    render_markdown,
    render_plain,
    status_to_json,
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


MENTIONS = """\
# fictional fixture
id: alue-a
number: 1
title: "Alue @alue-tiimi"
goals:
  - id: mainitsee
    title: "Korjaa #123 ja GH-7 @luvn"
    deadline: 2024
    responsible: ["@luvn-team", "org/repo#5"]
"""


def test_markdown_mentions_nobody_on_github(build_plan: Build) -> None:
    repository = load_repository(build_plan({"plan/alue-a.yaml": MENTIONS}))
    assert repository.findings == []
    text = render_markdown(compute_status(repository, StatusQuery(as_of=date(2025, 3, 1))))
    assert "Alue @<!-- -->alue-tiimi" in text
    assert "Korjaa \\#<!-- -->123 ja GH-<!-- -->7 @<!-- -->luvn" in text
    assert "@<!-- -->luvn-team, org/repo\\#<!-- -->5" in text
    assert not re.search(r"@[a-z]|#[0-9]|GH-[0-9]", text)


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


def test_print_status_escapes_what_the_stream_cannot_encode(report: StatusReport) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    print_status(report, "markdown", file=stream)
    text = raw.getvalue().decode("ascii")
    assert "Testisuunnitelma 2024\\u20132026" in text  # an escape, not "?" (hytecli.output)
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
    said = "No items match: no item's responsible party contains 'ei ketään'."
    plain, markdown = render_plain(report), render_markdown(report)
    assert said in plain and md_escape(said) in markdown
    # said once, instead of a summary whose every count is 0
    assert "Summary" not in plain and "Summary" not in markdown
    assert 'Only items whose responsible party contains "ei ketään".' in plain
    rich = io.StringIO()
    print_status(report, "table", file=rich, terminal=True)
    assert said in ANSI_CODES.sub("", rich.getvalue()).replace("\n", " ")
    assert "Summary" not in rich.getvalue()
    data = json.loads(render_json(report))
    assert data["items"] == [] and data["totals"]["total"] == 0  # JSON keeps its shape


def test_no_items_in_the_areas_asked_for(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.replace(
        "    title: Alue A\n", "    title: Alue A\n  - id: alue-b\n    title: Alue B\n"
    )
    repository = load_repository(build_plan({"plan/plan.yaml": plan}))
    report = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1), areas=("alue-b",)))
    text = render_plain(report)
    assert "Only area alue-b." in text  # one area: singular
    assert "No items match." in text
    assert "alue-b" in text.split("Summary")[1]  # the area's row stays: it has no section
    both = compute_status(
        repository, StatusQuery(as_of=date(2025, 3, 1), areas=("alue-a", "alue-b"))
    )
    assert "Only areas alue-a, alue-b." in render_plain(both)
    assert "Only areas alue-a, alue-b." in render_markdown(both)
    nobody = compute_status(
        repository,
        StatusQuery(as_of=date(2025, 3, 1), areas=("alue-a",), responsible="zzz"),
    )
    assert 'Only area alue-a; items whose responsible party contains "zzz".' in (
        render_plain(nobody)
    )
    assert (
        "No items match: no item's responsible party contains 'zzz' in area alue-a."
        in render_plain(nobody)
    )


# --- Rich at any width: nothing cut, no id or header word broken ----------------------------------

NARROW_PLAN = MINIMAL_PLAN.replace(
    "priority_areas:\n  - id: alue-a\n    title: Alue A\n",
    "priority_areas:\n"
    "  - id: vakivaltatyon-kehittaminen\n    title: Väkivaltatyön kehittäminen\n"
    "  - id: digitaaliset-hyte-palvelut\n    title: Digitaalisten hyte-palvelujen kehittäminen\n",
)
NARROW_AREA = """\
# fictional fixture
id: vakivaltatyon-kehittaminen
number: 1
title: Väkivaltatyön kehittäminen
goals:
  - id: vakivaltatyon-verkostot
    title: Väkivaltatyön verkostot toimivat koko hyvinvointialueella yhdessä kuntien kanssa
    deadline: {due: 2025, wording: vuoden 2025 loppuun mennessä}
    responsible: [Sosiaalipalvelut, Kunnat ja järjestöt]
    actions:
      - id: terveystarkastusten-seurantamalli
        title: Laaditaan terveystarkastusten seurantamalli ja otetaan se käyttöön
        deadline: 2025-06
        indicators: [seurantamalli-kaytossa]
      - id: tietoiskut-vuosittain
        title: Tietoiskuja vuosittain
        deadline: {recurring: annual, wording: vuosittain}
        completed: [{date: 2025-11-20, period: 2025}]
"""
NARROW_INDICATOR = """\
# fictional fixture
id: seurantamalli-kaytossa
name: Seurantamalli on käytössä
kind: yes_no
target: {value: true}
values:
  - {period: 2024, value: false}
"""
IDS = [
    "vakivaltatyon-verkostot",
    "terveystarkastusten-seurantamalli",
    "tietoiskut-vuosittain",
    "seurantamalli-kaytossa",
]
HEADER_WORDS = ["area", "done", "overdue", "due", "soon", "open", "no", "deadline", "total"]
ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")
TOKEN = re.compile(r"[\w-]+")


@pytest.fixture
def narrow_report(build_plan: Build) -> StatusReport:
    root = build_plan(
        {
            "plan/plan.yaml": NARROW_PLAN,
            "plan/alue-a.yaml": None,
            "plan/vakivaltatyon-kehittaminen.yaml": NARROW_AREA,
            "indicators/mittari-1.yaml": None,
            "indicators/seurantamalli-kaytossa.yaml": NARROW_INDICATOR,
        }
    )
    repository = load_repository(root)
    assert repository.findings == []
    return compute_status(repository, StatusQuery(as_of=date(2025, 12, 1)))


def rich_text(report: StatusReport, width: int, encoding: str = "utf-8") -> str:
    """Print ``report`` with Rich on a terminal ``width`` columns wide; return what it shows."""
    from rich.console import Console

    from hytecli.status_render import print_rich

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace")
    console = Console(
        file=stream, width=width, force_terminal=True, markup=False, emoji=False, highlight=False
    )
    print_rich(report, console)
    stream.flush()
    return ANSI_CODES.sub("", raw.getvalue().decode(encoding))


@pytest.mark.parametrize("width", [40, 60, 75, 80, 100, 160, 240])
def test_rich_keeps_ids_and_header_words_whole_at_any_width(
    narrow_report: StatusReport, width: int
) -> None:
    text = rich_text(narrow_report, width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    assert "…" not in text
    # the summary: every header word and every area id whole (cut or split, a word is missing)
    summary = text[text.index("Summary") : text.rindex("1. Väkivaltatyön kehittäminen")]
    words = [word.casefold() for word in TOKEN.findall(summary)]
    for word in HEADER_WORDS[1:]:
        assert word in words, (word, summary)
    for area in ("vakivaltatyon-kehittaminen", "digitaaliset-hyte-palvelut"):
        assert f"({area})" in summary
    # each item id is shown whole as often as on a terminal wide enough for everything
    wide = TOKEN.findall(rich_text(narrow_report, 1000))
    tokens = TOKEN.findall(text)
    for item_id in IDS:
        assert tokens.count(item_id) == wide.count(item_id) >= 1, item_id
    # every count of the summary is there, the totals row's last
    flat = " ".join(summary.split())
    assert flat.endswith(
        (
            "Total 1 2 1 0 0 4",
            "Total ✓ done 1, ✗ overdue 2, ! due soon 1, ○ open 0, – no deadline 0; total 4",
        )
    ), flat


def test_rich_uses_tables_when_they_fit_and_blocks_when_they_do_not(
    narrow_report: StatusReport,
) -> None:
    summary_header = re.compile(r"^Area +done +overdue +(due )?soon +open", re.MULTILINE)
    items_header = re.compile(r"State +Kind +Id +Title +Responsible +Deadline +Days")
    wide = rich_text(narrow_report, 240)
    assert summary_header.search(wide) and items_header.search(wide)  # both tables
    assert "responsible: " not in wide
    for width in (40, 60):
        narrow = rich_text(narrow_report, width)
        assert not summary_header.search(narrow) and not items_header.search(narrow)
        # the summary as lines, each area's heading, then its counts; the items as blocks
        assert "✓ done 1, ✗ overdue 2, ! due soon 1, ○ open 0, – no deadline 0; total 4" in (
            " ".join(narrow.split())
        )
        assert "responsible: Sosiaalipalvelut," in narrow
    eighty = rich_text(narrow_report, 80)
    assert summary_header.search(eighty)  # the summary table fits in 80 columns
    assert not items_header.search(eighty) and "responsible: " in eighty  # the items do not


@pytest.mark.parametrize("width", [60, 75, 80, 100])
def test_rich_on_an_ascii_terminal_draws_every_box_line_whole(
    narrow_report: StatusReport, width: int
) -> None:
    text = rich_text(narrow_report, width, encoding="ascii")
    for line in text.splitlines():
        stripped = line.strip()
        if re.match(r"\||\+-", stripped):  # a line that starts with the box's edge ends with one
            assert stripped[-1] in ("|", "+"), line
    words = [word.casefold() for word in TOKEN.findall(text)]
    for word in HEADER_WORDS[1:]:
        assert word in words


def test_not_achieved_yet_while_the_deadline_has_not_passed(build_plan: Build) -> None:
    root = build_plan(
        {
            "plan/plan.yaml": NARROW_PLAN,
            "plan/alue-a.yaml": None,
            "plan/vakivaltatyon-kehittaminen.yaml": NARROW_AREA,
            "indicators/mittari-1.yaml": None,
            "indicators/seurantamalli-kaytossa.yaml": NARROW_INDICATOR,
        }
    )
    repository = load_repository(root)
    # due 2025-06-30 (inherited from its action); its 2024 value is "no"
    before = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))
    after = compute_status(repository, StatusQuery(as_of=date(2025, 7, 1)))
    for render in (render_plain, render_markdown):
        assert re.search(r"outcome:_? +not achieved yet", render(before))
        text = render(after)
        assert re.search(r"outcome:_? +not achieved\b", text) and "not achieved yet" not in text
    assert "outcome: not achieved yet" in rich_text(before, 120)
    # JSON keeps the outcome as it is
    assert {
        i["id"]: i["indicator"]["outcome"]
        for i in status_to_json(before)["items"]
        if i["indicator"]
    }["seurantamalli-kaytossa"] == "not_achieved"


def test_json_is_strict_json_b1(monkeypatch: pytest.MonkeyPatch) -> None:
    # The strict reader keeps infinities out of the plan; a regression must fail loudly rather
    # than print "Infinity", which JSON parsers refuse.
    import hytecli.status_render as status_render

    monkeypatch.setattr(status_render, "status_to_json", lambda report: {"value": float("nan")})
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        status_render.render_json(None)  # type: ignore[arg-type]


def _indicator_status(
    kind: str, unit: Text | None, value: bool | int | float | str
) -> IndicatorStatus:
    return IndicatorStatus(
        indicator_kind=kind,
        unit=unit,
        target=None,
        latest=ValueInfo("2025", value, None),
        reference_value=ValueInfo("2025", 14.0, None) if kind == "percentage" else None,
        outcome=Outcome.RECORDED,
        used_by=(),
    )


@pytest.mark.parametrize(
    ("kind", "unit", "value", "expected"),
    [
        ("percentage", None, 12.5, "12.5 % (2025); reference 14 %"),
        ("percentage", Text({"fi": "%"}), 12.5, "12.5 % (2025); reference 14 %"),
        ("count", Text({"fi": "kpl", "en": "pcs"}), 12, "12 pcs (2025)"),
        ("rate", None, 3.25, "3.25 (2025)"),
        ("yes_no", None, True, "yes (2025)"),
        ("text", Text({"fi": "kpl"}), "valmis", "valmis (2025)"),
    ],
)
def test_describe_latest_shows_the_unit_as_the_target_does(
    kind: str, unit: Text | None, value: bool | int | float | str, expected: str
) -> None:
    assert describe_latest(_indicator_status(kind, unit, value), "en") == expected


def test_describe_latest_without_language_uses_the_first_written_unit() -> None:
    info = _indicator_status("count", Text({"fi": "kpl", "en": "pcs"}), 3)
    assert describe_latest(info) == "3 kpl (2025)"
