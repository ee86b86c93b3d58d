"""`hyte status` end to end: `python -m hytecli status` in a subprocess, as a user runs it.

Covers every output format through a pipe, NO_COLOR, a real pseudo-terminal, terminals that are
not UTF-8, plan text with square brackets, the coordinator's view and --all, --lang, --fail-on
exit codes, usage errors and plans that do not validate. The plan is a fictional fixture, written
in Finnish: the default output is in Finnish, and --lang en gives English.
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN

Build = Callable[..., Path]
ANSI = re.compile(r"\x1b\[")
LONG_TITLE = ("Toimenpide jonka otsikko on pitkä ja jatkuu edelleen, " * 6)[:294] + " LOPPU"
assert len(LONG_TITLE) == 300

AREA = f"""\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: kesken
    title: "[kesken] Tavoite"
    deadline: {{due: 2024, wording: "vuoden 2024 loppuun mennessä"}}
    responsible: [Sosiaalipalvelut]
    indicators: [mittari-1]
    actions:
      - id: pitka
        title: "{LONG_TITLE}"
        deadline: 2025-02
        responsible: [Kunnat ja järjestöt]
      - id: putki
        title: "Putki | ja [red]ei väriä[/red]"
"""


@pytest.fixture
def repo(build_plan: Build) -> Path:
    return build_plan({"plan/alue-a.yaml": AREA})


def hyte(
    *args: str | Path, env: dict[str, str] | None = None, stdin_tty: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m hytecli`` with a clean environment; never a traceback on stderr."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.pop("PYTHONIOENCODING", None)
    environ.update({"COLUMNS": "120", **(env or {})})
    result = subprocess.run(
        [sys.executable, "-m", "hytecli", *map(str, args)],
        capture_output=True,
        env=environ,
        timeout=60,
        check=False,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stdout
    return result


def status(
    repo: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return hyte("status", "--repo", repo, *args, env=env)


def test_table_through_a_pipe_is_plain_and_complete(repo: Path) -> None:
    result = status(repo, "--as-of", "2025-01-01", "--all", "--lang", "en")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert not ANSI.search(out)
    assert "…" not in out
    assert LONG_TITLE in out  # the 300-character title, in full
    assert "[kesken] Tavoite" in out
    assert "Putki | ja [red]ei väriä[/red]" in out
    assert "OVERDUE: goal kesken - overdue by 1 day" in out
    assert "DUE SOON: action pitka - due in 58 days" in out
    assert "NO DEADLINE: action putki - no deadline" in out
    assert result.stderr == b""


def test_the_default_view_is_what_needs_attention_in_the_plans_language(repo: Path) -> None:
    result = status(repo, "--as-of", "2025-01-01")
    assert result.returncode == 0 and result.stderr == b""
    out = result.stdout.decode("utf-8")
    assert out.startswith("Tilanne: Testisuunnitelma 2024–2026 (fictional fixture)")
    assert "\nVaatii huomiota\n" in out
    # one line per item that needs attention, its title in full; nothing else
    assert (
        "  MYÖHÄSSÄ: tavoite kesken - [kesken] Tavoite - myöhässä 1 päivän "
        "(vastuutaho: Sosiaalipalvelut)\n" in out
    )
    assert (
        "  MYÖHÄSSÄ: mittari mittari-1 - Mittari yksi - myöhässä 1 päivän "
        "(vastuutaho: Sosiaalipalvelut)\n" in out
    )
    assert (
        f"  ERÄÄNTYY PIAN: toimenpide pitka - {LONG_TITLE} - määräaikaan 58 päivää "
        "(vastuutaho: Kunnat ja järjestöt)\n" in out
    )
    attention, unassessed = out.split("Vaatii huomiota")[1].split("Vuoden 2024 arviointi puuttuu")
    assert "putki" not in attention  # no deadline: nothing to do yet
    assert "määräaika:" not in out  # the details are for --all
    # before 1.2.2025 the goals and actions not assessed for 2024 are listed, without a notice,
    # and they do not count as needing attention
    assert "arviointikierros" not in out
    assert unassessed.startswith("\n  alue-a: kesken, pitka, putki\n\n")
    assert out.endswith("3/4 kohtaa vaatii huomiota; 'hyte status --all' näyttää kaikki.\n")
    # --all: every item with its details, and no footer
    full = status(repo, "--as-of", "2025-01-01", "--all").stdout.decode("utf-8")
    for line in ("MYÖHÄSSÄ: tavoite kesken", "EI MÄÄRÄAIKAA: toimenpide putki - ei määräaikaa"):
        assert line in full
    assert "vastuutaho:" in full and "hyte status --all" not in full


@pytest.mark.parametrize(
    ("language", "words", "line"),
    [
        (
            "fi",
            ["Yhteenveto", "valmis myöhässä", "ei saavutettu", "erääntyy pian", "seurannassa"],
            "MYÖHÄSSÄ: tavoite kesken",
        ),
        (
            "sv",
            ["Sammanfattning", "klart försenat", "inte uppnått", "förfaller snart", "följs upp"],
            "FÖRSENAT: mål kesken",
        ),
        (
            "en",
            ["Summary", "done late", "not achieved", "due soon", "monitored"],
            "OVERDUE: goal kesken",
        ),
    ],
)
def test_lang_gives_the_state_words_of_the_language(
    repo: Path, language: str, words: list[str], line: str
) -> None:
    for view in ((), ("--all",)):
        result = status(repo, "--as-of", "2025-01-01", "--lang", language, *view)
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")
        for word in (*words, line):
            assert word in out, (language, view, word)
    data = json.loads(
        status(repo, "--as-of", "2025-01-01", "--lang", language, "--format", "json").stdout
    )
    assert data["language"] == language
    kesken = {item["id"]: item for item in data["items"]}["kesken"]
    assert kesken["state"] == "overdue"  # the key is the same in every language
    markdown = status(repo, "--as-of", "2025-01-01", "--lang", language, "--format", "markdown")
    assert words[0] in markdown.stdout.decode("utf-8")


def test_lang_refuses_a_language_without_a_catalogue(repo: Path) -> None:
    result = status(repo, "--lang", "de")
    assert result.returncode == 2
    assert "--lang" in result.stderr.decode("utf-8")


def test_no_color_gives_plain_text(repo: Path) -> None:
    result = status(repo, "--as-of", "2025-01-01", env={"NO_COLOR": "1"})
    assert result.returncode == 0
    assert not ANSI.search(result.stdout.decode("utf-8"))
    assert LONG_TITLE in result.stdout.decode("utf-8")


def on_a_terminal(
    repo: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[int | None, str, bytes]:
    """Run ``hyte status`` with its output on a pseudo-terminal; return (code, output, stderr)."""
    leader, follower = os.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.pop("PYTHONIOENCODING", None)
    environ.update({"COLUMNS": "150", "LINES": "50", "TERM": "xterm-256color", **(env or {})})
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "hytecli", "status", "--repo", str(repo), *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=environ,
        )
        os.close(follower)
        chunks = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1.0)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed (Linux raises EIO)
                break
            if not chunk:
                break
            chunks.append(chunk)
        _, stderr = process.communicate(timeout=60)
    finally:
        os.close(leader)
    assert b"Traceback" not in stderr
    return process.returncode, b"".join(chunks).decode("utf-8"), stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("env", "coloured"), [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)]
)
def test_on_a_terminal(repo: Path, env: dict[str, str], coloured: bool) -> None:
    code, out, stderr = on_a_terminal(repo, "--as-of", "2025-01-01", "--lang", "en", env=env)
    assert code == 0, stderr
    assert bool(ANSI.search(out)) is coloured
    assert "[kesken] Tavoite" in out
    assert "…" not in out
    if coloured:
        assert "✗ overdue" in out  # a symbol and a word, not colour alone
    else:
        assert "OVERDUE: goal kesken" in out
    # the plan's language by default, on a terminal too
    _code, finnish, _err = on_a_terminal(repo, "--as-of", "2025-01-01", env=env)
    assert ("✗ myöhässä" if coloured else "MYÖHÄSSÄ: tavoite kesken") in finnish


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("columns", "encoding"), [("60", "utf-8"), ("75", "utf-8"), ("80", "ascii")]
)
@pytest.mark.parametrize("show_all", [True, False])
def test_on_a_narrow_terminal_nothing_is_cut(
    repo: Path, columns: str, encoding: str, show_all: bool
) -> None:
    args = ["--as-of", "2025-01-01", "--lang", "en", *(["--all"] if show_all else [])]
    code, out, stderr = on_a_terminal(
        repo, *args, env={"COLUMNS": columns, "PYTHONIOENCODING": encoding}
    )
    assert code == 0, stderr
    plain = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", out).replace("\r\n", "\n")
    summary = plain[plain.index("Summary") : plain.rindex("1. Alue A")]
    words = re.findall(r"[\w-]+", summary.casefold())
    for word in [
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
    ]:
        assert word in words, (word, summary)
    assert "(alue-a)" in summary
    for line in plain.splitlines():
        assert len(line) <= int(columns), line
        stripped = line.strip()
        if re.match(r"\||\+-", stripped):  # a box line drawn whole, its right edge too
            assert stripped[-1] in "|+", line
    shown = ("kesken", "pitka", "putki", "mittari-1") if show_all else ("kesken", "pitka")
    for item_id in shown:
        assert re.search(rf"(?<![\w-]){item_id}(?![\w-])", plain), item_id
    # the long title, wrapped but whole: each of its words, and its end
    assert "LOPPU" in plain
    assert plain.split().count("Toimenpide") >= LONG_TITLE.split().count("Toimenpide")


def test_json(repo: Path) -> None:
    result = status(repo, "--as-of", "2025-01-01", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["version"] == 3 and data["as_of"] == "2025-01-01" and data["year"] == 2025
    assert data["time_zone"] == "Europe/Helsinki"
    assert data["language"] == "fi"  # the plan's; the keys below never change with it
    items = {item["id"]: item for item in data["items"]}
    assert items["kesken"]["title"] == "[kesken] Tavoite"
    assert items["kesken"]["state"] == "overdue" and items["kesken"]["days"] == 1
    assert items["pitka"]["title"] == LONG_TITLE
    assert items["pitka"]["state"] == "due_soon" and items["pitka"]["days"] == 58
    assert items["mittari-1"]["indicator"]["outcome"] == "not_recorded"
    assert items["mittari-1"]["indicator"]["values"] == []
    assert items["kesken"]["state_text"] == "myöhässä 1 päivän"
    # every item, whatever the view: JSON is for scripts
    assert len(data["items"]) == 4
    assert data["totals"]["counts"] == {
        "done": 0,
        "done_late": 0,
        "not_achieved": 0,
        "overdue": 2,
        "due_soon": 1,
        "open": 0,
        "no_deadline": 1,
        "monitored": 0,
        "cancelled": 0,
        "merged": 0,
    }
    assert data["totals"]["needs_attention"] == 3
    all_items = status(repo, "--as-of", "2025-01-01", "--format", "json", "--all")
    assert json.loads(all_items.stdout) == data


def test_markdown(repo: Path) -> None:
    result = status(repo, "--as-of", "2025-01-01", "--format", "markdown", "--all", "--lang", "en")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert "| State | Kind | Id | Title | Responsible | Deadline | Days |" in out
    assert r"\[kesken\] Tavoite" in out
    assert r"Putki \| ja \[red\]ei väriä\[/red\]" in out
    assert not ANSI.search(out)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("output_format", ["table", "json", "markdown"])
def test_terminal_that_is_not_utf8(repo: Path, encoding: str, output_format: str) -> None:
    result = status(
        repo,
        "--as-of",
        "2025-01-01",
        "--format",
        output_format,
        "--all",
        env={"PYTHONIOENCODING": encoding},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode(encoding)  # the bytes are valid in the terminal's encoding
    if output_format == "json":
        data = json.loads(out)  # non-ASCII is escaped, not lost
        assert data["plan"]["title"] == "Testisuunnitelma 2024–2026 (fictional fixture)"
        assert {i["id"]: i for i in data["items"]}["putki"]["title"] == (
            "Putki | ja [red]ei väriä[/red]"
        )
    else:
        assert "[kesken] Tavoite" in out or r"\[kesken\] Tavoite" in out
    if encoding == "latin-1" and output_format == "table":
        assert "Putki | ja [red]ei väriä[/red]" in out  # ä is kept where the terminal has it


@pytest.mark.parametrize(
    ("as_of", "fail_on", "code"),
    [
        ("2024-06-01", "overdue", 0),  # all open
        ("2024-06-01", "due", 0),
        ("2024-12-01", "overdue", 0),  # due soon, nothing overdue
        ("2024-12-01", "due", 1),
        ("2024-12-31", "overdue", 0),  # the last day is still on time
        ("2025-01-01", "overdue", 1),
        ("2025-01-01", "due", 1),
    ],
)
def test_fail_on(repo: Path, as_of: str, fail_on: str, code: int) -> None:
    result = status(repo, "--as-of", as_of, "--fail-on", fail_on, "--format", "json")
    assert result.returncode == code
    assert json.loads(result.stdout)["as_of"] == as_of  # the report is printed either way
    # a failure says why on standard error; a pass says nothing there
    assert bool(result.stderr) is bool(code)


@pytest.mark.parametrize(
    ("as_of", "fail_on", "said"),
    [
        # goal kesken and indicator mittari-1 due 2024-12-31, action pitka 2025-02-28, action
        # vuosittain every 31 December
        ("2024-12-01", "due", "hyte: 3 items due soon (--fail-on due)\n"),
        (
            "2025-01-01",
            "overdue",
            "hyte: 2 items overdue and 1 recurring entry missing (--fail-on overdue)\n",
        ),
        (
            "2025-01-01",
            "due",
            "hyte: 2 items overdue, 1 item due soon and 1 recurring entry missing (--fail-on "
            "due)\n",
        ),
        (
            "2026-03-01",
            "overdue",
            "hyte: 3 items overdue and 2 recurring entries missing (--fail-on overdue)\n",
        ),
    ],
)
def test_fail_on_says_why(build_plan: Build, as_of: str, fail_on: str, said: str) -> None:
    area = AREA + (
        "      - id: vuosittain\n"
        "        title: Vuosittainen raportti\n"
        "        deadline: {recurring: annual}\n"
    )
    result = status(build_plan({"plan/alue-a.yaml": area}), "--as-of", as_of, "--fail-on", fail_on)
    assert result.returncode == 1
    assert result.stderr.decode("utf-8") == said


def test_fail_on_reason_is_counted_by_the_library(build_plan: Build) -> None:
    from datetime import date

    from hytecli.repository import load_repository
    from hytecli.status import StatusQuery, compute_status, fail_reason, fails

    report = compute_status(
        load_repository(build_plan({"plan/alue-a.yaml": AREA})),
        StatusQuery(as_of=date(2025, 3, 1)),
    )
    assert fail_reason(report, "overdue") == "3 items overdue"  # goal, action and indicator
    assert fails(report, "overdue") and fail_reason(report, "due") == "3 items overdue"
    early = compute_status(load_repository(build_plan()), StatusQuery(as_of=date(2024, 1, 1)))
    assert fail_reason(early, "overdue") is None and not fails(early, "due")
    with pytest.raises(ValueError, match="fail_on"):
        fail_reason(report, "open")


def test_without_fail_on_exit_is_zero_even_when_overdue(repo: Path) -> None:
    assert status(repo, "--as-of", "2027-01-01").returncode == 0


@pytest.mark.parametrize("area", ["ei-ole", "nope"])
@pytest.mark.parametrize("output_format", ["table", "json"])
def test_unknown_area_is_a_usage_error(repo: Path, area: str, output_format: str) -> None:
    result = status(repo, "--area", area, "--format", output_format)
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert f"unknown priority area '{area}'" in err and "valid ids are alue-a" in err


@pytest.mark.parametrize("year", ["2023", "2027"])
def test_a_year_outside_the_plan_is_a_usage_error(repo: Path, year: str) -> None:
    result = status(repo, "--year", year)
    assert result.returncode == 2
    assert result.stdout == b""
    assert f"{year} is not a year of the plan period 2024–2026" in result.stderr.decode("utf-8")


def test_year_judges_that_year(repo: Path) -> None:
    # on 1.3.2025 the 2024 items were missed in 2024; pitka, due 28.2.2025, in 2025
    def judged(*args: str) -> dict[str, tuple[str, bool]]:
        result = status(repo, "--as-of", "2025-03-01", "--format", "json", *args)
        assert result.returncode == 0, result.stderr
        return {i["id"]: (i["state"], i["missed"]) for i in json.loads(result.stdout)["items"]}

    assert judged("--year", "2024") == {
        "kesken": ("overdue", True),
        "mittari-1": ("overdue", True),
        "pitka": ("open", False),  # judged as it stood at the end of 2024
        "putki": ("no_deadline", False),
    }
    assert (
        judged()
        == judged("--year", "2025")
        == {
            "kesken": ("overdue", False),
            "mittari-1": ("overdue", False),
            "pitka": ("overdue", True),
            "putki": ("no_deadline", False),
        }
    )


@pytest.mark.parametrize("output_format", ["table", "json", "markdown"])
def test_a_plan_that_does_not_validate_is_refused(build_plan: Build, output_format: str) -> None:
    # an action lists an indicator that no file defines: a council's status from broken data
    # would name an indicator that does not exist
    area = AREA.replace(
        "        responsible: [Kunnat ja järjestöt]\n",
        "        responsible: [Kunnat ja järjestöt]\n        indicators: [ei-ole-mittari]\n",
    )
    root = build_plan({"plan/alue-a.yaml": area})
    for args in ((), ("--all",), ("--lang", "en")):
        result = status(root, "--as-of", "2025-01-01", "--format", output_format, *args)
        assert result.returncode == 1
        assert result.stdout == b""  # nothing judged, nothing printed
        err = result.stderr.decode("utf-8")
        # located: path:line:col, then the finding
        line = next(n for n, text in enumerate(area.splitlines(), 1) if "ei-ole-mittari" in text)
        assert re.search(rf"plan/alue-a\.yaml:{line}:\d+: error \w+ .*'ei-ole-mittari'", err), err
    # the same finding hyte validate reports
    validate = hyte("validate", "--repo", root)
    assert validate.returncode == 1
    assert f"plan/alue-a.yaml:{line}:" in validate.stdout.decode("utf-8")


def test_warnings_do_not_stop_status(build_plan: Build) -> None:
    # an area listed in plan.yaml without a section of its own: a warning (P001), not an error
    plan = MINIMAL_PLAN.replace(
        "    title: Alue A\n", "    title: Alue A\n  - id: alue-b\n    title: Alue B\n"
    )
    root = build_plan({"plan/plan.yaml": plan})
    assert "warning P001" in hyte("validate", "--repo", root).stdout.decode("utf-8")
    result = status(root, "--as-of", "2025-01-01", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "alue-b" in result.stdout.decode("utf-8")


def test_filters(repo: Path) -> None:
    result = status(
        repo,
        "--as-of",
        "2025-01-01",
        "--format",
        "json",
        "--area",
        "alue-a",
        "--responsible",
        "KUNNAT",
    )
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [item["id"] for item in data["items"]] == ["pitka"]
    assert data["filters"] == {"areas": ["alue-a"], "responsible": "KUNNAT"}
    assert data["summary"][0]["counts"]["due_soon"] == 1 and data["summary"][0]["total"] == 1


def test_due_within(repo: Path) -> None:
    narrow = json.loads(
        status(repo, "--as-of", "2025-01-01", "--format", "json", "--due-within", "57").stdout
    )
    exact = json.loads(
        status(repo, "--as-of", "2025-01-01", "--format", "json", "--due-within", "58").stdout
    )
    assert {i["id"]: i["state"] for i in narrow["items"]}["pitka"] == "open"
    assert {i["id"]: i["state"] for i in exact["items"]}["pitka"] == "due_soon"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2025-02-29"], "February 2025 has 28 days"),
        (["--as-of", "31.12.2024"], "YYYY-MM-DD"),
        (["--due-within", "-1"], "--due-within"),
        (["--format", "html"], "--format"),
        (["--fail-on", "open"], "--fail-on"),
    ],
)
def test_usage_errors(repo: Path, args: list[str], message: str) -> None:
    result = status(repo, *args)
    assert result.returncode == 2
    assert message in result.stderr.decode("utf-8")


def test_not_a_plan_repository(tmp_path: Path) -> None:
    result = hyte("status", "--repo", tmp_path)
    assert result.returncode == 2
    assert "plan/plan.yaml" in result.stderr.decode("utf-8")


def test_broken_plan_is_refused_without_a_traceback(build_plan: Build) -> None:
    root = build_plan({"plan/alue-a.yaml": "# fictional fixture\nid: alue-a\ntitle: [rikki\n"})
    result = hyte("status", "--repo", root)
    assert result.returncode == 1
    assert "plan/alue-a.yaml" in result.stderr.decode("utf-8")
