"""Rendering hyte status: plain text, Rich tables, Markdown and JSON.

:mod:`hytecli.status_render` and :mod:`hytecli.status_rich` return text for a
:class:`~hytecli.status_render.StatusView` (a language, and whether every item is shown); the
command line prints it. The plans here are fictional fixtures; the command-line behaviour (pipes,
NO_COLOR, encodings, exit codes) is tested through a subprocess in test_cli_status.py.
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
from hytecli.i18n import QUOTES
from hytecli.judgement import STATES, IndicatorStatus, Outcome, State, ValueInfo
from hytecli.models import Text
from hytecli.repository import load_repository
from hytecli.status import StatusQuery, StatusReport, compute_status
from hytecli.status_json import JSON_VERSION, render_json, status_to_json
from hytecli.status_render import (
    StatusView,
    md_escape,
    render_markdown,
    render_plain,
)
from hytecli.status_rich import render_rich, use_rich
from hytecli.wording import Wording

Build = Callable[..., Path]
ANSI = re.compile(r"\x1b\[")
ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")

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


def every(report: StatusReport, language: str = "en") -> StatusView:
    """``--all``: every item with its details."""
    return StatusView.of(report, language, show_all=True)


def attention(report: StatusReport, language: str = "en") -> StatusView:
    """The default, coordinator's view: what needs attention."""
    return StatusView.of(report, language)


@pytest.fixture
def report(build_plan: Build) -> StatusReport:
    repository = load_repository(build_plan({"plan/alue-a.yaml": AREA}))
    assert repository.findings == []
    return compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))


def test_plain_text_shows_every_text_in_full(report: StatusReport) -> None:
    for view in (every(report), attention(report)):
        text = render_plain(report, view)
        assert not ANSI.search(text)
        assert "…" not in text
        assert LONG_TITLE in text
        assert "[kesken] Tavoite [bold]ei muotoilua[/bold] :smile:" in text
    text = render_plain(report, every(report))
    assert "[LUVN] Testitaho | putki" in text
    # a text with line breaks keeps them, continuation lines indented under the first
    assert re.search(r"title: +Ensimmäinen rivi \| putki\n +toinen \*rivi\* ja <b>tagi</b>", text)
    # in the one-line view too: the second line is indented, never taken for a line of its own
    one_line = render_plain(report, attention(report))
    assert "- Ensimmäinen rivi | putki\n    toinen *rivi* ja <b>tagi</b> - done" in one_line


def test_plain_text_layout(report: StatusReport) -> None:
    text = render_plain(report, every(report))
    assert text.startswith(
        "Status of Testisuunnitelma 2024–2026 (fictional fixture) (testisuunnitelma)\n"
    )
    assert (
        "As of 1 Mar 2025 in Europe/Helsinki, for the year 2025; due soon = due within 60 days."
        in text
    )
    summary = text.split("\n\n")[1].splitlines()
    assert summary[0] == "Summary"
    assert summary[1].split() == [
        "area",
        "done",
        "done",
        "late",
        "not",
        "achieved",
        "overdue",
        "due",
        "soon",
        "open",
        "no",
        "deadline",
        "monitored",
        "total",
    ]
    # done, done late, not achieved, overdue, due soon, open, no deadline, monitored, total
    assert summary[2].split() == [
        "alue-a",
        "1",
        "0",
        "0",
        "3",
        "0",
        "0",
        "0",
        "0",
        "4",
        "Alue",
        "A",
    ]
    assert summary[-1].split() == ["total", "1", "0", "0", "3", "0", "0", "0", "0", "4"]
    assert "OVERDUE: goal kesken - overdue by 60 days\n" in text
    # due 28.2.2025, within the year judged: missed in 2025
    assert "OVERDUE: action pitka - overdue by 1 day; missed in 2025\n" in text
    assert (
        "DONE: action monirivinen - done 1 Mar 2025, on time; 2025: recorded; missing for 2024"
        in (text)
    )
    assert "OVERDUE: indicator mittari-1 - overdue by 60 days" in text
    assert re.search(r"\n    latest value: not recorded\n", text)
    assert re.search(r"\n    this year: +2025: recorded; missing for 2024\n", text)
    assert re.search(r"\n    deadline: +31 Dec 2024 \(“vuoden 2024 loppuun mennessä”\)\n", text)


# --- the coordinator's view: only what needs attention, one line each ----------------------------

VIEW_AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: myohassa
    title: Myöhässä oleva tavoite
    deadline: 2024
    responsible: [Testitaho]
    indicators: [mittari-1]
    actions:
      - id: valmis
        title: Ajoissa tehty
        deadline: 2024-06
        completed: [{date: 2024-05-02}]
      - id: jatkuva
        title: Jatkuva toiminta
      - id: pian
        title: Pian erääntyvä
        deadline: 2025-04
      - id: myohemmin
        title: Myöhemmin erääntyvä
        deadline: 2026
"""


@pytest.fixture
def mixed(build_plan: Build) -> StatusReport:
    repository = load_repository(build_plan({"plan/alue-a.yaml": VIEW_AREA}))
    assert repository.findings == []
    return compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))


def test_the_default_view_shows_the_summary_and_what_needs_attention(mixed: StatusReport) -> None:
    states = {item.id: item.state for item in mixed.items}
    assert states == {
        "myohassa": State.OVERDUE,
        "mittari-1": State.OVERDUE,
        "valmis": State.DONE,
        "jatkuva": State.NO_DEADLINE,
        "pian": State.DUE_SOON,  # 30.4.2025: in 60 days
        "myohemmin": State.OPEN,
    }
    text = render_plain(mixed, attention(mixed))
    summary = text.split("\n\n")[1].splitlines()
    assert summary[-1].split() == ["total", "1", "0", "0", "2", "1", "1", "1", "0", "6"]
    items = text.split("Needs attention\n")[1]
    listed, unassessed = items.split("\nNot assessed for 2024\n")
    # one line per item, in plan order, with its title and whom to ask; nothing else
    assert [line for line in listed.splitlines() if line.startswith("  ")] == [
        "  OVERDUE: goal myohassa - Myöhässä oleva tavoite - overdue by 60 days"
        " (responsible: Testitaho)",
        "  OVERDUE: indicator mittari-1 - Mittari yksi - overdue by 60 days"
        " (responsible: Testitaho)",
        "  DUE SOON: action pian - Pian erääntyvä - due in 60 days (responsible: Testitaho)",
    ]
    for hidden in ("valmis", "jatkuva", "myohemmin", "latest value"):
        assert hidden not in listed
    # 1.3.2025: the round for 2024 opened on 1.2.2025; no goal or action is assessed for 2024,
    # so each needs attention (the indicator does not: it is not assessed)
    assert (
        "The annual assessment round for 2024 is due (from 1 Feb 2025): 5 goals and actions "
        "are not assessed yet."
    ) in text.split("\n\n")[0].splitlines()
    assert unassessed == (
        "  alue-a: myohassa, valmis, jatkuva, pian, myohemmin\n\n"
        "6 of 6 items need attention; 'hyte status --all' shows every item.\n"
    )
    # --all shows all six, with their details, and no footer
    full = render_plain(mixed, every(mixed))
    for item_id in states:
        assert re.search(rf"\n  [A-Z ]+: (goal|action|indicator) {item_id}\b", full), item_id
    assert "Needs attention" not in full and "hyte status --all" not in full
    # Markdown: the same items; JSON keeps every item whatever the view
    markdown = render_markdown(mixed, attention(mixed))
    assert re.findall(r"\| `([\w-]+)` \|", markdown) == ["myohassa", "mittari-1", "pian"]
    assert re.findall(r"\| `([\w-]+)` \|", render_markdown(mixed, every(mixed))) == list(states)
    assert render_json(mixed, attention(mixed)) == render_json(mixed, every(mixed))


def test_nothing_needs_attention(mixed: StatusReport, build_plan: Build) -> None:
    repository = load_repository(build_plan({"plan/alue-a.yaml": VIEW_AREA}))
    early = compute_status(repository, StatusQuery(as_of=date(2024, 3, 1)))
    assert early.attention == ()
    text = render_plain(early, attention(early))
    assert "Needs attention" not in text
    assert text.endswith("Nothing needs attention. 'hyte status --all' shows all 6 items.\n")
    assert "Nothing needs attention." in render_rich(early, attention(early), color=False)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("fi", ["Vaatii huomiota", "MYÖHÄSSÄ: tavoite myohassa", "ERÄÄNTYY PIAN: toimenpide pian"]),
        ("sv", ["Kräver uppmärksamhet", "FÖRSENAT: mål myohassa", "FÖRFALLER SNART: åtgärd pian"]),
        ("en", ["Needs attention", "OVERDUE: goal myohassa", "DUE SOON: action pian"]),
    ],
)
def test_the_view_speaks_the_language_asked_for(
    mixed: StatusReport, language: str, said: list[str]
) -> None:
    text = render_plain(mixed, attention(mixed, language))
    for words in said:
        assert words in text, (language, words)
    # the plan's language is the default: this fixture's plan is in Finnish
    assert render_plain(mixed, StatusView.of(mixed)) == render_plain(mixed, attention(mixed, "fi"))
    data = json.loads(render_json(mixed, attention(mixed, language)))
    assert data["language"] == language
    items = {item["id"]: item for item in data["items"]}
    assert items["myohassa"]["state"] == "overdue"  # the key never changes
    assert items["myohassa"]["state_text"] == Wording.for_language(language).localizer.ngettext(
        "overdue by %(num)s day", "overdue by %(num)s days", 60
    )
    with pytest.raises(ValueError):
        StatusView.of(mixed, "de")


# --- Rich ----------------------------------------------------------------------------------------


def test_rich_table_on_a_terminal(report: StatusReport) -> None:
    for view in (every(report), attention(report)):
        text = render_rich(report, view, width=120, color=True)
        assert ANSI.search(text)  # colours on a terminal
        plain = ANSI_CODES.sub("", text)
        # plan text is never read as Rich markup or emoji codes
        assert "[kesken] Tavoite" in plain
        assert "[bold]" in plain and ":smile:" in plain
        # each state has a symbol and a word, not colour alone
        assert "✗ overdue" in plain and "✓ done" in plain
        assert "…" not in plain
    # without colour: the same layout, no escape codes
    assert not ANSI.search(render_rich(report, every(report), width=120, color=False))


@pytest.mark.parametrize("width", [60, 100, 200])
@pytest.mark.parametrize("show_all", [True, False])
def test_rich_never_crops(report: StatusReport, width: int, show_all: bool) -> None:
    view = StatusView.of(report, "en", show_all)
    text = render_rich(report, view, width=width, color=False)
    assert "…" not in text
    assert all(len(line) <= width for line in text.splitlines())
    # wrapped or folded, never cut: every word of the long title is there, its end too
    words = re.findall(r"[A-Za-zäöÄÖ]+", text)
    for word in set(re.findall(r"[A-Za-zäöÄÖ]+", LONG_TITLE)) - {"otLOPPU"}:
        assert words.count(word) >= LONG_TITLE.count(word + " "), word
    assert "LOPPU" in text


def test_rich_on_a_terminal_that_is_not_utf8(report: StatusReport) -> None:
    text = render_rich(report, every(report), width=120, color=True, ascii_only=True)
    plain = ANSI_CODES.sub("", text)
    assert "x overdue" in plain and "+ done" in plain  # ASCII symbols
    assert "━" not in plain and "Tavoite" in plain
    assert "─" not in plain and "✗" not in plain and "✓" not in plain


def test_use_rich_only_on_a_colour_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_rich(Tty(), {})
    assert not use_rich(Tty(), {"NO_COLOR": "1"})
    assert use_rich(Tty(), {"NO_COLOR": ""})  # no-color.org: set and not empty
    assert not use_rich(Tty(), {"TERM": "dumb"})
    assert not use_rich(io.StringIO(), {})


# --- Markdown ------------------------------------------------------------------------------------


def test_markdown(report: StatusReport) -> None:
    text = render_markdown(report, every(report))
    assert "| State | Kind | Id | Title | Responsible | Deadline | Days |" in text
    assert r"\[kesken\] Tavoite \[bold\]ei muotoilua\[/bold\] :smile:" in text
    assert r"\[LUVN\] Testitaho \| putki" in text
    assert r"Ensimmäinen rivi \| putki<br>toinen \*rivi\* ja \<b\>tagi\</b\>" in text
    assert "| **overdue** | goal | `kesken` |" in text
    assert md_escape(LONG_TITLE) in text
    # every table row has the same number of unescaped cell separators
    for line in text.splitlines():
        if line.startswith("| ") and "`" in line and "|---" not in line:
            if line.startswith("| Alue A"):  # the summary: area, 8 states, total
                assert len(re.findall(r"(?<!\\)\|", line)) == 11, line
            else:
                assert len(re.findall(r"(?<!\\)\|", line)) == 8, line


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
    report = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))
    for view in (every(report), attention(report), attention(report, "fi")):
        text = render_markdown(report, view)
        assert "Alue @<!-- -->alue-tiimi" in text
        assert "Korjaa \\#<!-- -->123 ja GH-<!-- -->7 @<!-- -->luvn" in text
        assert not re.search(r"@[a-z]|#[0-9]|GH-[0-9]", text)
    assert "@<!-- -->luvn-team, org/repo\\#<!-- -->5" in render_markdown(report, every(report))


# --- JSON ----------------------------------------------------------------------------------------


def test_json_shape(report: StatusReport) -> None:
    data = json.loads(render_json(report, every(report)))
    items_titles = {item["id"]: item["title"] for item in data["items"]}
    assert list(data) == [
        "version",
        "as_of",
        "year",
        "time_zone",
        "language",
        "plan",
        "due_within_days",
        "filters",
        "summary",
        "totals",
        "assessment_round",
        "items",
    ]
    assert data["version"] == JSON_VERSION == 3
    assert (data["as_of"], data["year"], data["language"]) == ("2025-03-01", 2025, "en")
    assert data["time_zone"] == "Europe/Helsinki"
    assert data["plan"] == {
        "id": "testisuunnitelma",
        "title": "Testisuunnitelma 2024–2026 (fictional fixture)",
    }
    assert data["due_within_days"] == 60
    assert data["filters"] == {"areas": [], "responsible": None}
    counts = {
        "done": 1,
        "done_late": 0,
        "not_achieved": 0,
        "overdue": 3,
        "due_soon": 0,
        "open": 0,
        "no_deadline": 0,
        "monitored": 0,
        "cancelled": 0,
        "merged": 0,
    }
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
        "missed": 1,  # pitka, due 28.2.2025
        "needs_attention": 4,
        "unassessed": 3,  # kesken, pitka and monirivinen: none is assessed for 2024
    }
    assert data["assessment_round"] == {
        "year": 2024,
        "opens": "2025-02-01",
        "open": True,
        "due": True,
        "notice": "The annual assessment round for 2024 is due (from 1 Feb 2025): 3 goals and "
        "actions are not assessed yet.",
        "unassessed": [
            {"kind": kind, "id": ident, "area": "alue-a", "title": title}
            for kind, ident, title in (
                ("goal", "kesken", "[kesken] Tavoite [bold]ei muotoilua[/bold] :smile:"),
                ("action", "pitka", items_titles["pitka"]),
                ("action", "monirivinen", items_titles["monirivinen"]),
            )
        ],
    }
    items = {item["id"]: item for item in data["items"]}
    assert list(items) == ["kesken", "mittari-1", "pitka", "monirivinen"]
    assert items["kesken"] == {
        "kind": "goal",
        "id": "kesken",
        "area": "alue-a",
        "areas": ["alue-a"],
        "goal": "kesken",
        "title": "[kesken] Tavoite [bold]ei muotoilua[/bold] :smile:",
        "responsible": ["[LUVN] Testitaho | putki"],
        "state": "overdue",
        "state_text": "overdue by 60 days",
        "days": 60,
        "missed": False,  # due in 2024, judged for 2025
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
    assert (items["pitka"]["missed"], items["pitka"]["days"]) == (True, 1)
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
        "values": [],
        "latest": None,
        "reference_value": None,
        "outcome": "not_recorded",
        "progress_status": "not_enough_data",  # a yes/no indicator with no answer yet
        "progress": None,  # the compound-growth assessment is for numeric indicators only
        "used_by": [{"kind": "goal", "id": "kesken"}],
    }
    assert items["pitka"]["title"] == LONG_TITLE
    assert all(item["state"] in {str(s) for s in STATES} for item in data["items"])


def test_json_ascii_only_round_trips(report: StatusReport) -> None:
    text = render_json(report, every(report), ascii_only=True)
    assert text.isascii()
    assert json.loads(text) == json.loads(render_json(report, every(report)))


def test_json_is_strict_json_b1(monkeypatch: pytest.MonkeyPatch) -> None:
    # The strict reader keeps infinities out of the plan; a regression must fail loudly rather
    # than print "Infinity", which JSON parsers refuse.
    import hytecli.status_json as status_json

    monkeypatch.setattr(status_json, "_status_data", lambda report, w: {"value": float("nan")})
    view = StatusView(Wording.for_language("en"))
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        status_json.render_json(None, view)  # type: ignore[arg-type]


# --- wording -------------------------------------------------------------------------------------


def test_the_wording_of_days_and_deadlines(report: StatusReport) -> None:
    items = {item.id: item for item in report.items}
    en, fi, sv = (Wording.for_language(lang) for lang in ("en", "fi", "sv"))
    assert en.detail(items["pitka"]) == "overdue by 1 day"
    assert fi.detail(items["pitka"]) == "myöhässä 1 päivän"
    assert en.missed(items["pitka"], 2025) == "missed in 2025"
    assert en.missed(items["kesken"], 2025) == ""
    assert en.deadline(items["kesken"].deadline) == ("31 Dec 2024 (“vuoden 2024 loppuun mennessä”)")
    assert fi.deadline(items["kesken"].deadline) == "31.12.2024 (”vuoden 2024 loppuun mennessä”)"
    assert sv.due(items["pitka"].deadline) == "28.2.2025"
    assert en.deadline(items["monirivinen"].deadline) == "31 Dec 2025 (every year) (“vuosittain”)"
    assert en.deadline(None) == "none"
    assert en.detail(items["monirivinen"]) == "done 1 Mar 2025, on time"


def _indicator_status(
    kind: str, unit: Text | None, value: bool | int | float | str
) -> IndicatorStatus:
    latest = ValueInfo("2025", value, None)
    per = None
    if kind == "rate per 1000":  # a rate per 1 000 inhabitants, with a reference value
        kind, per = "rate", 1000
    return IndicatorStatus(
        indicator_kind=kind,
        unit=unit,
        target=None,
        values=(latest,),
        latest=latest,
        reference_value=ValueInfo("2025", 14.0, None) if kind == "percentage" or per else None,
        outcome=Outcome.RECORDED,
        used_by=(),
        per=per,
    )


@pytest.mark.parametrize(
    ("kind", "unit", "value", "en", "fi"),
    [
        (
            "percentage",
            None,
            12.5,
            "12.5% (2025); reference 14%",
            "12,5\xa0% (2025); vertailu 14\xa0%",
        ),
        # a percentage is shown as one in the language's style, whatever its unit says (as the
        # report shows it: Wording.amount)
        ("percentage", Text({"fi": "%"}), 12.5, "12.5% (2025); reference 14%", None),
        (
            "rate per 1000",
            None,
            7.6,
            "7.6 per 1,000 inhabitants (2025); reference 14 per 1,000 inhabitants",
            "7,6 / 1\xa0000 asukasta (2025); vertailu 14 / 1\xa0000 asukasta",
        ),
        (
            "count",
            Text({"fi": "kpl", "en": "pcs"}),
            1234,
            "1,234 pcs (2025)",
            "1\xa0234 kpl (2025)",
        ),
        ("rate", None, 3.25, "3.25 (2025)", "3,25 (2025)"),
        ("yes_no", None, True, "yes (2025)", "kyllä (2025)"),
        ("text", Text({"fi": "kpl"}), "valmis", "valmis (2025)", "valmis (2025)"),
    ],
)
def test_the_latest_value_is_worded_as_the_target_is(
    kind: str, unit: Text | None, value: bool | int | float | str, en: str, fi: str | None
) -> None:
    info = _indicator_status(kind, unit, value)
    english = Wording.for_language("en")
    assert english.latest(info) == en
    # the value is written the same way as the target's value would be
    assert en.startswith(english.value(info, value))
    if fi is not None:
        assert Wording.for_language("fi").latest(info) == fi


# --- filters that leave nothing ------------------------------------------------------------------


def test_no_items_match(build_plan: Build) -> None:
    repository = load_repository(build_plan({"plan/alue-a.yaml": AREA}))
    report = compute_status(
        repository, StatusQuery(as_of=date(2025, 3, 1), responsible="ei ketään")
    )
    said = "No items match: no item's responsible party contains 'ei ketään'."
    plain = render_plain(report, attention(report))
    markdown = render_markdown(report, attention(report))
    assert said in plain and md_escape(said) in markdown
    # said once, instead of a summary whose every count is 0
    assert "Summary" not in plain and "Summary" not in markdown
    assert 'Only items whose responsible party contains "ei ketään".' in plain
    rich = render_rich(report, attention(report), color=True)
    assert said in ANSI_CODES.sub("", rich).replace("\n", " ")
    assert "Summary" not in rich
    data = json.loads(render_json(report, attention(report)))
    assert data["items"] == [] and data["totals"]["total"] == 0  # JSON keeps its shape
    finnish = render_plain(report, attention(report, "fi"))
    assert "Yksikään kohta ei täsmää: minkään vastuutahossa ei ole tekstiä 'ei ketään'." in finnish


def test_no_items_in_the_areas_asked_for(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.replace(
        "    title: Alue A\n",
        "    title: Alue A\n  - id: alue-b\n    title: Alue B\n  - id: alue-c\n    title: Alue C\n",
    )
    repository = load_repository(build_plan({"plan/plan.yaml": plan}))
    report = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1), areas=("alue-b",)))
    text = render_plain(report, attention(report))
    # one area: "area", not "areas"; the empty message names the area filter
    assert "Only area alue-b." in text
    assert "Only areas" not in text
    said = "No items match: no item is in area alue-b."
    assert said in text
    assert md_escape(said) in render_markdown(report, attention(report))
    rich = render_rich(report, attention(report), color=True)
    assert said in ANSI_CODES.sub("", rich).replace("\n", " ")
    assert "alue-b" in text.split("Summary")[1]  # the area's row stays: it has no section
    finnish = render_plain(report, attention(report, "fi"))
    assert "Vain painopiste alue-b." in finnish
    assert "Yksikään kohta ei täsmää: painopisteessä alue-b ei ole yhtään kohtaa." in finnish
    swedish = render_plain(report, attention(report, "sv"))
    assert "Endast fokusområdet alue-b." in swedish
    assert "Inga punkter matchar: det finns inga punkter i fokusområdet alue-b." in swedish
    empty = compute_status(
        repository, StatusQuery(as_of=date(2025, 3, 1), areas=("alue-b", "alue-c"))
    )
    text = render_plain(empty, attention(empty))
    assert "Only areas alue-b, alue-c." in text
    assert "No items match: no item is in areas alue-b, alue-c." in text
    finnish = render_plain(empty, attention(empty, "fi"))
    assert "Vain painopisteet alue-b, alue-c." in finnish
    assert (
        "Yksikään kohta ei täsmää: painopisteissä alue-b, alue-c ei ole yhtään kohtaa." in finnish
    )
    both = compute_status(
        repository, StatusQuery(as_of=date(2025, 3, 1), areas=("alue-a", "alue-b"))
    )
    assert "Only areas alue-a, alue-b." in render_plain(both, attention(both))
    assert "Only areas alue-a, alue-b." in render_markdown(both, attention(both))
    nobody = compute_status(
        repository,
        StatusQuery(as_of=date(2025, 3, 1), areas=("alue-a",), responsible="zzz"),
    )
    text = render_plain(nobody, attention(nobody))
    assert 'Only area alue-a; items whose responsible party contains "zzz".' in text
    # both filters are named
    assert (
        "No items match: no item in area alue-a has a responsible party containing 'zzz'." in text
    )
    swedish = render_plain(nobody, attention(nobody, "sv"))
    assert (
        "Inga punkter matchar: ingen punkt i fokusområdet alue-a har en ansvarig part som "
        "innehåller 'zzz'." in swedish
    )
    nobody_in_two = compute_status(
        repository,
        StatusQuery(as_of=date(2025, 3, 1), areas=("alue-a", "alue-b"), responsible="zzz"),
    )
    text = render_plain(nobody_in_two, attention(nobody_in_two, "fi"))
    assert (
        "Yksikään kohta ei täsmää: painopisteissä alue-a, alue-b ei ole kohtaa, jonka "
        "vastuutahossa on tekstiä 'zzz'." in text
    )


def test_a_plan_without_items_says_so_plainly(build_plan: Build) -> None:
    # a plan just made by hyte init: not "no items match", since nothing was filtered
    files: dict[str, str | None] = {"plan/alue-a.yaml": None, "indicators/mittari-1.yaml": None}
    repository = load_repository(build_plan(files))
    report = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))
    assert report.items == ()
    text = render_plain(report, attention(report))
    assert "The plan has no goals, actions or indicators yet: write them" in text
    assert "match" not in text and "Only " not in text
    finnish = render_plain(report, StatusView.of(report, "fi"))
    assert "Suunnitelmassa ei ole vielä tavoitteita" in finnish


def test_the_coordinators_view_says_whom_to_ask(build_plan: Build) -> None:
    repository = load_repository(build_plan())
    report = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))
    needing = [item for item in report.items if item.needs_attention and item.responsible]
    assert needing, "the minimal plan has an item that needs attention and has a responsible party"
    text = render_plain(report, attention(report))
    names = ", ".join(str(party) for party in needing[0].responsible)
    line = next(line for line in text.splitlines() if f" {needing[0].id} - " in line)
    assert line.endswith(f" (responsible: {names})")


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
HEADER_WORDS = [
    "done",
    "late",
    "not",
    "achieved",
    "overdue",
    "due",
    "soon",
    "open",
    "no",
    "deadline",
    "monitored",
    "total",
]
TOKEN = re.compile(r"[\w-]+")
NARROW_FILES = {
    "plan/plan.yaml": NARROW_PLAN,
    "plan/alue-a.yaml": None,
    "plan/vakivaltatyon-kehittaminen.yaml": NARROW_AREA,
    "indicators/mittari-1.yaml": None,
    "indicators/seurantamalli-kaytossa.yaml": NARROW_INDICATOR,
}


@pytest.fixture
def narrow_report(build_plan: Build) -> StatusReport:
    repository = load_repository(build_plan(NARROW_FILES))
    assert repository.findings == []
    return compute_status(repository, StatusQuery(as_of=date(2025, 12, 1)))


def rich_text(
    report: StatusReport, width: int, encoding: str = "utf-8", show_all: bool = True
) -> str:
    """What ``report`` shows on a colour terminal ``width`` columns wide in ``encoding``."""
    text = render_rich(
        report,
        StatusView.of(report, "en", show_all),
        width=width,
        color=True,
        ascii_only=encoding != "utf-8",
    )
    return ANSI_CODES.sub("", text.encode(encoding, errors="replace").decode(encoding))


def test_the_narrow_fixture_is_judged_as_expected(narrow_report: StatusReport) -> None:
    states = {item.id: (item.state, item.missed) for item in narrow_report.items}
    assert states == {
        "vakivaltatyon-verkostot": (State.DUE_SOON, False),  # 31.12.2025, in 30 days
        "terveystarkastusten-seurantamalli": (State.OVERDUE, True),  # 30.6.2025
        # its 2024 answer is "no" and its deadline (its action's, 30.6.2025) has passed:
        # not achieved, not overdue
        "seurantamalli-kaytossa": (State.NOT_ACHIEVED, True),
        "tietoiskut-vuosittain": (State.DONE, False),  # 2025's entry; 2024's is missing
    }


@pytest.mark.parametrize("width", [40, 60, 75, 80, 100, 160, 240])
@pytest.mark.parametrize("show_all", [True, False])
def test_rich_keeps_ids_and_header_words_whole_at_any_width(
    narrow_report: StatusReport, width: int, show_all: bool
) -> None:
    text = rich_text(narrow_report, width, show_all=show_all)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    assert "…" not in text
    # the summary: every header word and every area id whole (cut or split, a word is missing)
    summary = text[text.index("Summary") : text.rindex("1. Väkivaltatyön kehittäminen")]
    words = [word.casefold() for word in TOKEN.findall(summary)]
    for word in HEADER_WORDS:
        assert word in words, (word, summary)
    for area in ("vakivaltatyon-kehittaminen", "digitaaliset-hyte-palvelut"):
        assert f"({area})" in summary
    # each item id is shown whole as often as on a terminal wide enough for everything
    wide = TOKEN.findall(rich_text(narrow_report, 1000, show_all=show_all))
    tokens = TOKEN.findall(text)
    for item_id in IDS:
        assert tokens.count(item_id) == wide.count(item_id) >= 1, item_id
    # every count of the summary is there, the totals row's last
    flat = " ".join(summary.split()).removesuffix(" Needs attention")
    assert flat.endswith(
        (
            "Total 1 0 1 1 1 0 0 0 4",
            "Total ✓ done 1, ✓ done late 0, ✗ not achieved 1, ✗ overdue 1, ! due soon 1, "
            "○ open 0, – no deadline 0, · monitored 0; total 4",
        )
    ), flat


def test_rich_uses_tables_when_they_fit_and_blocks_when_they_do_not(
    narrow_report: StatusReport,
) -> None:
    summary_header = re.compile(r"^Area +done +done late +not achieved +overdue", re.MULTILINE)
    items_header = re.compile(r"State +Kind +Id +Title +Responsible +Deadline +Days")
    wide = rich_text(narrow_report, 240)
    assert summary_header.search(wide) and items_header.search(wide)  # both tables
    assert "responsible: " not in wide
    for width in (40, 60):
        narrow = rich_text(narrow_report, width)
        assert not summary_header.search(narrow) and not items_header.search(narrow)
        # the summary as lines, each area's heading, then its counts; the items as blocks
        assert (
            "✓ done 1, ✓ done late 0, ✗ not achieved 1, ✗ overdue 1, ! due soon 1, ○ open 0, "
            "– no deadline 0, · monitored 0; total 4"
        ) in " ".join(narrow.split())
        assert "responsible: Sosiaalipalvelut," in narrow
    # the summary's eight state columns fit whole in 130 columns (in 100, they are lines)
    medium = rich_text(narrow_report, 130)
    assert summary_header.search(medium)
    assert not items_header.search(medium) and "responsible: " in medium  # the items do not
    assert not summary_header.search(rich_text(narrow_report, 100))


def test_the_coordinators_view_is_one_line_per_item_where_the_terminal_allows(
    narrow_report: StatusReport,
) -> None:
    header = re.compile(r"State +Kind +Id +Title +Days")
    wide = rich_text(narrow_report, 240, show_all=False)
    assert header.search(wide)
    listed, unassessed = wide.split("Not assessed for 2024")
    rows = [line for line in listed.splitlines() if any(item_id in line for item_id in IDS)]
    assert len(rows) == 4  # each item on one line: nothing wraps
    # the goals and actions not assessed for 2024, by area
    assert unassessed.strip().split("\n\n")[0].rstrip() == (
        "vakivaltatyon-kehittaminen: vakivaltatyon-verkostot, "
        "terveystarkastusten-seurantamalli, tietoiskut-vuosittain"
    )
    assert any(
        "seurantamalli-kaytossa" in row and "not achieved" in row and "missed in 2025" in row
        for row in rows
    )
    # too narrow for a row on one line: the item's line, then its title, and no details
    narrow = rich_text(narrow_report, 100, show_all=False)
    assert not header.search(narrow)
    assert (
        "✗ overdue  action terveystarkastusten-seurantamalli  overdue by 154 days; missed in "
        in (narrow)
    )
    assert "\n    Laaditaan terveystarkastusten seurantamalli ja otetaan se käyttöön" in narrow
    assert "responsible: " not in narrow and "latest value" not in narrow


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
    for word in HEADER_WORDS:
        assert word in words
    # boxes and symbols in ASCII: anything else that is not ASCII is the plan's own text, or
    # the quotation marks around its words (CLI output escapes what the terminal cannot show)
    plan_text = NARROW_PLAN + NARROW_AREA + NARROW_INDICATOR + "".join(QUOTES["en"])
    raw = ANSI_CODES.sub(
        "", render_rich(narrow_report, every(narrow_report), width=width, ascii_only=True)
    )
    assert {c for c in raw if not c.isascii()} <= set(plan_text)


def test_not_achieved_only_once_the_deadline_has_passed(build_plan: Build) -> None:
    repository = load_repository(build_plan(NARROW_FILES))
    # due 2025-06-30 (inherited from its action); its 2024 value is "no"
    before = compute_status(repository, StatusQuery(as_of=date(2025, 3, 1)))
    after = compute_status(repository, StatusQuery(as_of=date(2025, 7, 1)))
    item_before = {i.id: i for i in before.items}["seurantamalli-kaytossa"]
    item_after = {i.id: i for i in after.items}["seurantamalli-kaytossa"]
    # before its deadline an answer of "no" leaves it open; after, it is not achieved, which is
    # not "overdue": the answer was reported, the target was not met
    assert (item_before.state, item_before.days) == (State.OPEN, 121)
    assert (item_after.state, item_after.days, item_after.missed) == (
        State.NOT_ACHIEVED,
        None,
        True,
    )
    text = render_plain(after, every(after))
    assert "NOT ACHIEVED: indicator seurantamalli-kaytossa - not achieved; missed in 2025" in text
    assert re.search(r"\n    outcome: +not achieved\n", text)
    # before the deadline, the "no" is not the last word yet
    for render in (render_plain, render_markdown):
        assert re.search(r"outcome:_? +not achieved yet", render(before, every(before)))
    assert "outcome: not achieved yet" in rich_text(before, 120)
    assert "✗ not achieved" in rich_text(after, 240)
    finnish = render_plain(after, attention(after, "fi"))
    assert "EI SAAVUTETTU: mittari seurantamalli-kaytossa" in finnish
    # JSON: the outcome as it is; the state tells whether the deadline has passed
    for report, state in ((before, "open"), (after, "not_achieved")):
        data = status_to_json(report, Wording.for_language("en"))
        [item] = [i for i in data["items"] if i["id"] == "seurantamalli-kaytossa"]
        assert (item["state"], item["indicator"]["outcome"]) == (state, "not_achieved")
        assert item["indicator"]["progress_status"] == "not_achieved"
        assert item["indicator"]["values"] == [{"period": "2024", "value": False, "date": None}]
