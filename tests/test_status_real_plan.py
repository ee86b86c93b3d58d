"""hyte status on the LUVN 2024–2026 plan, on days across 2024–2027.

Most tests read the frozen copy of the plan (tests/data/luvn-frozen, the repository's plan as it
was before anything was recorded: no completions, no indicator values), so what they expect
stays true while the live plan fills up. The tests at the end read the repository's live
``plan/`` and ``indicators/`` and assert only what recording values and completions cannot
change: the items, their areas, their deadlines' effect on the states a day can give, a valid plan.

The expected ids were read from plan/*.yaml and indicators/*.yaml by hand, not taken from
hyte's output.

Deadlines in the plan files (normalised):

* 2024-12-31: "vuonna 2024", "vuoden 2024 loppuun mennessä", the 2024 summer recruitment, and
  one action written "vuoden 2025 alkuun mennessä" (liikuntaneuvonnan-kumppanuussopimus).
* 2025-05-31: "05/2025" and the end of the council term 2022-2025.
* 2025-12-31, 2026-12-31: "vuoteen 2025/2026 mennessä", "vuoden 2025 aikana", "vuonna 2026".
* every year: the population communication action (väestöviestintä) and its two indicators.

Indicators without a target deadline inherit the deadline of the one goal or action that lists
them and has one: hyte-maaritelma-toteutui (goal hyte-maaritelma), vaikutusten-ennakkoarviointi-
toteutui (goal, council term), talousneuvolan-asiakasmaarat and toimintakorttien-kayttoonotto-
toteutui (their actions), vaestoviestinnan-* (the recurring action).
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hytecli.judgement import ATTENTION_STATES, STATES, State
from hytecli.repository import PlanRepository, load_repository
from hytecli.status import StatusQuery, StatusReport, UnknownArea, compute_status, fails
from hytecli.status_render import StatusView
from hytecli.status_rich import render_rich

#: The repository's live plan: values and completions are recorded in it as the plan goes on.
LIVE = Path(__file__).resolve().parents[1]
#: The plan as it was before anything was recorded (see its README): never edited.
FROZEN = LIVE / "tests" / "data" / "luvn-frozen"

DUE_2024 = {
    # goals
    "hyte-maaritelma",
    "vakivaltatyon-verkostot",
    # actions
    "liikuntaneuvonnan-verkosto",
    "liikuntaneuvonnan-kumppanuussopimus",  # "vuoden 2025 alkuun mennessä"
    "monimuotoisuuslupaus-kesarekrytoinnissa",
    "vammaisten-hyte-tiedon-kokoaminen",
    # indicators
    "liikuntaneuvonnan-verkosto-perustettu",
    "monimuotoisuuslupaus-nakyy-kesarekrytoinnissa",
    "vakivaltatyon-verkostojen-selvitys-valmis",
    "hyte-maaritelma-toteutui",  # inherited from goal hyte-maaritelma
}
DUE_2025_05 = {
    "kulttuurihyvinvointisuunnitelma",  # goal, 2025-05
    "vaikutusten-ennakkoarviointi",  # goal, end of council term 2022-2025
    "ennakkoarvioinnin-malli",  # action, end of council term 2022-2025
    "kulttuurihyvinvointisuunnitelma-laadittu",  # indicator, 2025-05
    "vaikutusten-ennakkoarviointi-toteutui",  # indicator, inherited from its goal
}
DUE_2025 = {
    "talousneuvolan-laajentaminen",
    "vammaisten-hyte-koulutusmateriaali",
    "lahella-fi-kaytossa",
    "liikuntaneuvonnan-kumppanuussopimukset",
    "talousneuvolan-asiakasmaarat",  # inherited from action talousneuvolan-laajentaminen
}
DUE_2026 = {
    "pitkaaikaistyottomien-terveystarkastukset",
    "kotoutujien-osallisuus",
    "lahisuhdevakivallan-toimintamalli",
    "vapaaehtoistoiminnan-selvitys",
    "toimintakorttien-kayttoonotto",
    "vapaaehtoistoiminnan-selvitys-valmis",
    "pitkaaikaistyottomien-terveystarkastusten-osuus",
    "lahisuhdevakivallan-toimintamalli-kaytossa",
    "toimintakorttien-kayttoonotto-toteutui",  # inherited from its action
}
RECURRING = {
    "tietoiskut-ja-vaestoviestinta",
    "vaestoviestinnan-osallistujamaarat",
    "vaestoviestinnan-palautekyselyt",
}
ONE_OFF = DUE_2024 | DUE_2025_05 | DUE_2025 | DUE_2026
DATED = ONE_OFF | RECURRING


@pytest.fixture(scope="module")
def repository() -> PlanRepository:
    """The frozen copy: nothing recorded."""
    repo = load_repository(FROZEN)
    assert repo.findings == []
    return repo


@pytest.fixture(scope="module")
def all_ids(repository: PlanRepository) -> set[str]:
    ids = {item.id for item in repository.items()}
    ids |= {record.indicator.id for record in repository.indicators}
    return ids


def status(repository: PlanRepository, as_of: date, **query: object) -> StatusReport:
    return compute_status(repository, StatusQuery(as_of=as_of, **query))  # type: ignore[arg-type]


def ids_in(report: StatusReport, state: State) -> set[str]:
    return {item.id for item in report.items if item.state is state}


def days_of(report: StatusReport, ids: set[str]) -> set[int | None]:
    return {item.days for item in report.items if item.id in ids}


def test_the_plan_size(repository: PlanRepository, all_ids: set[str]) -> None:
    assert len(all_ids) == 89  # 19 goals, 37 actions, 33 indicators
    assert all_ids >= DATED
    assert len(DATED) == 32


def test_every_item_is_reported_once(repository: PlanRepository, all_ids: set[str]) -> None:
    report = status(repository, date(2025, 1, 1))
    ids = [item.id for item in report.items]
    assert len(ids) == len(set(ids)) == len(all_ids)
    assert set(ids) == all_ids
    assert ids_in(report, State.NO_DEADLINE) == all_ids - DATED
    assert ids_in(report, State.DONE) == set()


def test_2024_01_01_nothing_overdue_nothing_due(repository: PlanRepository) -> None:
    report = status(repository, date(2024, 1, 1))
    assert ids_in(report, State.OVERDUE) == set()
    assert ids_in(report, State.DUE_SOON) == set()
    assert ids_in(report, State.OPEN) == DATED
    assert days_of(report, DUE_2024 | RECURRING) == {365}
    assert not fails(report, "due")


def test_2024_12_31_the_2024_items_are_due_today(repository: PlanRepository) -> None:
    report = status(repository, date(2024, 12, 31))
    assert ids_in(report, State.OVERDUE) == set()
    assert ids_in(report, State.DUE_SOON) == DUE_2024 | RECURRING
    assert days_of(report, DUE_2024 | RECURRING) == {0}
    assert ids_in(report, State.OPEN) == DUE_2025_05 | DUE_2025 | DUE_2026
    assert not fails(report, "overdue") and fails(report, "due")


def test_2025_01_01_the_2024_items_are_overdue_by_one_day(repository: PlanRepository) -> None:
    report = status(repository, date(2025, 1, 1))
    assert ids_in(report, State.OVERDUE) == DUE_2024
    assert days_of(report, DUE_2024) == {1}
    assert ids_in(report, State.DUE_SOON) == set()
    # the recurring items start their 2025 round; 2024 has no entry
    assert ids_in(report, State.OPEN) == DUE_2025_05 | DUE_2025 | DUE_2026 | RECURRING
    for item in report.items:
        if item.id in RECURRING:
            assert item.recurring is not None
            assert (item.recurring.year, item.recurring.missing_years) == (2025, (2024,))
    assert fails(report, "overdue")


def test_summary_on_2025_01_01(repository: PlanRepository) -> None:
    report = status(repository, date(2025, 1, 1))
    counts = {
        summary.id: [summary.counts[s] for s in report.states_shown] + [summary.total]
        for summary in report.areas
    }
    # [done, done late, not achieved, overdue, due soon, open, no deadline, monitored, total],
    # in the plan's order; nothing is recorded, so nothing is done, not achieved or monitored
    assert list(counts.items()) == [
        ("mielen-hyvinvointi", [0, 0, 0, 0, 0, 5, 8, 0, 13]),
        ("terveet-elintavat", [0, 0, 0, 3, 0, 4, 2, 0, 9]),
        ("terveyserot", [0, 0, 0, 2, 0, 5, 21, 0, 28]),
        ("digitaaliset-hyte-palvelut", [0, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("tiedolla-johtaminen", [0, 0, 0, 3, 0, 4, 11, 0, 18]),
        ("turvallisuus", [0, 0, 0, 2, 0, 4, 3, 0, 9]),
        ("esteettomyys", [0, 0, 0, 0, 0, 0, 12, 0, 12]),
    ]
    digital = report.areas[3]
    assert (digital.has_section, digital.note) == (False, "no section in the plan")
    assert sum(report.totals.values()) == 89
    assert report.year == 2025
    # what needs attention: the overdue 2024 items, and the recurring items with no 2024 entry
    assert {item.id for item in report.attention} == DUE_2024 | RECURRING


@pytest.mark.parametrize(
    ("as_of", "state", "days"),
    [
        (date(2025, 3, 31), State.OPEN, 61),
        (date(2025, 4, 1), State.DUE_SOON, 60),  # exactly 60 days before 2025-05-31
        (date(2025, 5, 31), State.DUE_SOON, 0),  # the council term's last day
        (date(2025, 6, 1), State.OVERDUE, 1),
    ],
)
def test_the_term_end_items(
    repository: PlanRepository, as_of: date, state: State, days: int
) -> None:
    report = status(repository, as_of)
    assert {i.id for i in report.items if i.state is state} >= DUE_2025_05
    assert days_of(report, DUE_2025_05) == {days}
    assert ids_in(report, State.OVERDUE) == DUE_2024 | (
        DUE_2025_05 if state is State.OVERDUE else set()
    )


def test_2025_05_31_and_06_01(repository: PlanRepository) -> None:
    last_day = status(repository, date(2025, 5, 31))
    assert ids_in(last_day, State.OVERDUE) == DUE_2024
    assert days_of(last_day, DUE_2024) == {151}
    assert ids_in(last_day, State.DUE_SOON) == DUE_2025_05
    after = status(repository, date(2025, 6, 1))
    assert ids_in(after, State.OVERDUE) == DUE_2024 | DUE_2025_05
    assert ids_in(after, State.DUE_SOON) == set()
    assert ids_in(after, State.OPEN) == DUE_2025 | DUE_2026 | RECURRING


def test_2025_11_01_the_2025_round(repository: PlanRepository) -> None:
    report = status(repository, date(2025, 11, 1))
    assert ids_in(report, State.DUE_SOON) == DUE_2025 | RECURRING
    assert days_of(report, DUE_2025 | RECURRING) == {60}


def test_2026_12_31(repository: PlanRepository) -> None:
    report = status(repository, date(2026, 12, 31))
    assert ids_in(report, State.OVERDUE) == DUE_2024 | DUE_2025_05 | DUE_2025
    assert days_of(report, DUE_2024) == {730}
    assert days_of(report, DUE_2025_05) == {579}
    assert days_of(report, DUE_2025) == {365}
    assert ids_in(report, State.DUE_SOON) == DUE_2026 | RECURRING
    assert days_of(report, DUE_2026 | RECURRING) == {0}
    assert ids_in(report, State.OPEN) == set()


def test_2027_01_01_everything_with_a_deadline_is_overdue(repository: PlanRepository) -> None:
    report = status(repository, date(2027, 1, 1))
    # the plan period is over: the recurring items are judged for its last year, 2026
    assert ids_in(report, State.OVERDUE) == ONE_OFF | RECURRING
    assert days_of(report, DUE_2026 | RECURRING) == {1}
    assert days_of(report, DUE_2024) == {731}
    for item in report.items:
        if item.id in RECURRING:
            assert item.recurring is not None
            assert (item.recurring.year, item.recurring.missing_years) == (2026, (2024, 2025))
    assert ids_in(report, State.OPEN) == ids_in(report, State.DUE_SOON) == set()


def test_the_year_2024_judged_in_march_2025(repository: PlanRepository) -> None:
    # what the 2024 report made on 1.3.2025 judges: every item due by 31.12.2024 is overdue and
    # missed; nothing is due soon in a year that has ended; later items are judged as they stood
    # at the end of 2024 (open, never overdue)
    report = status(repository, date(2025, 3, 1), year=2024)
    assert report.year == 2024
    missed = {item.id for item in report.items if item.missed}
    assert ids_in(report, State.OVERDUE) == missed == DUE_2024 | RECURRING
    assert days_of(report, DUE_2024 | RECURRING) == {60}
    assert ids_in(report, State.DUE_SOON) == set()
    assert ids_in(report, State.OPEN) == DUE_2025_05 | DUE_2025 | DUE_2026
    # judged on 1.3.2025 for its own year, the 2024 items are overdue but were missed in 2024
    this_year = status(repository, date(2025, 3, 1))
    assert this_year.year == 2025
    assert {item.id for item in this_year.items if item.missed} == set()
    assert ids_in(this_year, State.OVERDUE) == DUE_2024


def test_missed_in_2025(repository: PlanRepository) -> None:
    report = status(repository, date(2025, 6, 1))
    assert {item.id for item in report.items if item.missed} == DUE_2025_05
    by_state = {item.id for item in report.items if item.state_needs_attention}
    assert by_state == DUE_2024 | DUE_2025_05 | RECURRING
    # the round for 2024 opened on 1.2.2025 and the frozen plan assesses nothing: every goal
    # and action (19 + 37) is due its assessment, and needs attention for it
    assert report.assessment_round is not None and report.assessment_round.year == 2024
    assert report.round_due and len(report.unassessed) == 56
    assert {item.id for item in report.attention} == by_state | {
        item.id for item in report.unassessed
    }


def test_deadline_details(repository: PlanRepository) -> None:
    items = {item.id: item for item in status(repository, date(2025, 1, 1)).items}
    early = items["liikuntaneuvonnan-kumppanuussopimus"].deadline
    assert early is not None and early.due == date(2024, 12, 31)
    assert str(early.wording) == "vuoden 2025 alkuun mennessä"
    term = items["vaikutusten-ennakkoarviointi"].deadline
    assert term is not None and (term.form, term.written, term.due) == (
        "term_end",
        "2022-2025",
        date(2025, 5, 31),
    )
    inherited = {
        "hyte-maaritelma-toteutui": ("goal", "hyte-maaritelma"),
        "vaikutusten-ennakkoarviointi-toteutui": ("goal", "vaikutusten-ennakkoarviointi"),
        "talousneuvolan-asiakasmaarat": ("action", "talousneuvolan-laajentaminen"),
        "toimintakorttien-kayttoonotto-toteutui": ("action", "toimintakorttien-kayttoonotto"),
        "vaestoviestinnan-osallistujamaarat": ("action", "tietoiskut-ja-vaestoviestinta"),
        "vaestoviestinnan-palautekyselyt": ("action", "tietoiskut-ja-vaestoviestinta"),
    }
    for indicator_id, (kind, user) in inherited.items():
        deadline = items[indicator_id].deadline
        assert deadline is not None and deadline.inherited_from is not None, indicator_id
        assert (deadline.inherited_from.kind, deadline.inherited_from.id) == (kind, user)
    for item in items.values():
        if item.kind == "indicator" and item.id not in inherited and item.deadline:
            assert item.deadline.inherited_from is None, item.id
    # the action that lists it has no deadline; its goal's (2026) is not passed on
    assert items["kotoutumisen-yhteistyorakenteet-toteutui"].deadline is None
    # no values are recorded in the plan yet
    for item in items.values():
        if item.indicator is not None:
            assert item.indicator.latest is None
            assert item.indicator.outcome == "not_recorded"


def test_responsible_filter(repository: PlanRepository) -> None:
    report = status(repository, date(2025, 1, 1), responsible="aikuisten SOSIAALIPALVELUT")
    assert {item.area for item in report.items} == {"terveyserot"}
    ids = {item.id for item in report.items}
    assert len(ids) == 21  # 5 goals, 8 actions, 8 indicators
    assert "monimuotoisuuslupaus" not in ids  # LUVN: HR
    assert {"asunnottomuus", "talousneuvolan-laajentaminen", "asunnottomien-maara"} <= ids
    assert [s.total for s in report.areas if s.id != "terveyserot"] == [0] * 6


def test_area_filter(repository: PlanRepository) -> None:
    report = status(repository, date(2025, 1, 1), areas=("turvallisuus",))
    assert ids_in(report, State.OVERDUE) == {
        "vakivaltatyon-verkostot",
        "vakivaltatyon-verkostojen-selvitys-valmis",
    }
    assert [s.id for s in report.areas] == ["turvallisuus"]
    # an unknown area is a usage error (exit 2) that lists the valid ids
    with pytest.raises(UnknownArea, match="digitaaliset-hyte-palvelut") as raised:
        status(repository, date(2025, 1, 1), areas=("digitaaliset",))
    assert raised.value.exit_code == 2


def test_command_line_on_the_real_plan() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "hytecli", "status", "--repo", str(FROZEN), *args]
        return subprocess.run(command, capture_output=True, timeout=60, check=False)

    late = run("--as-of", "2025-01-01", "--fail-on", "overdue", "--format", "json")
    assert late.returncode == 1, late.stderr
    data = json.loads(late.stdout)
    overdue = {item["id"] for item in data["items"] if item["state"] == "overdue"}
    assert overdue == DUE_2024
    assert run("--as-of", "2024-06-01", "--fail-on", "due").returncode == 0


# --- the coordinator's view: a screen or two ------------------------------------------------------

ITEM_LINE = re.compile(r"^  [A-ZÅÄÖ ]+: (?:tavoite|toimenpide|mittari) ([\w-]+)", re.MULTILINE)


def hyte_status(repo: Path, *args: str) -> str:
    """``hyte status`` through a pipe (plain text) on a 100-column terminal; its output."""
    command = [sys.executable, "-m", "hytecli", "status", "--repo", str(repo), *args]
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(command, capture_output=True, timeout=60, check=False, env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout.decode("utf-8")


def screen_rows(text: str, width: int = 100) -> int:
    """Rows ``text`` takes on a terminal ``width`` columns wide (long lines wrap)."""
    return sum(max(1, math.ceil(len(line) / width)) for line in text.splitlines())


@pytest.mark.parametrize(
    "as_of",
    ["2024-06-01", "2025-01-01", "2025-06-01", "2025-11-01", "2026-12-31", "2027-01-01"],
)
def test_the_default_view_fits_a_screen_or_two(repository: PlanRepository, as_of: str) -> None:
    # The frozen plan at its worst (from 31.12.2026 on, all 32 dated items overdue or due):
    # 64 lines, 118 rows at 100 columns. The old default listed every item: 622 lines.
    text = hyte_status(FROZEN, "--as-of", as_of)
    report = status(repository, date.fromisoformat(as_of))
    shown = ITEM_LINE.findall(text)
    # one line each, in plan order; those that need only their assessment are in its list
    assert shown == [item.id for item in report.items if item.state_needs_attention]
    # the goals and actions not assessed for the last year ended, their ids by area, add a
    # heading, a line per area and, from 1 February, the notice: at worst (the frozen plan
    # assesses nothing: all 56 ids) 8 lines, 23 rows at 100 columns
    assert len(text.splitlines()) <= 80
    # each item's line names whom to ask (responsible), which wraps some lines at 100 columns
    assert screen_rows(text) <= 160
    assert text.startswith("Tilanne: Alueellinen hyvinvointisuunnitelma")  # the plan's language
    if report.attention:
        assert text.endswith(
            f"{len(report.attention)}/89 kohtaa vaatii huomiota; 'hyte status --all' näyttää "
            "kaikki.\n"
        )
    else:
        assert text.endswith(
            "Mikään ei vaadi huomiota. 'hyte status --all' näyttää kaikki 89 kohtaa.\n"
        )
    # on a colour terminal 100 columns wide: at most 132 rows (Finnish, 1.1.2027)
    rich = render_rich(report, StatusView.of(report), width=100, color=False)
    assert len(rich.splitlines()) <= 160


def test_all_lists_every_item_of_the_plan(all_ids: set[str]) -> None:
    text = hyte_status(FROZEN, "--as-of", "2025-01-01", "--all")
    shown = ITEM_LINE.findall(text)
    assert len(shown) == len(set(shown)) == 89
    assert set(shown) == all_ids
    assert "hyte status --all" not in text  # no footer: nothing is left out


# --- the live plan: only what stays true as values and completions are recorded -------------------

#: States an item can be in whatever has been recorded, by whether it has a deadline. An item with
#: a deadline is never "no deadline"; one without is never counted down.
WITHOUT_DEADLINE = {State.NO_DEADLINE, State.DONE, State.NOT_ACHIEVED, State.MONITORED}
COUNTDOWN = {State.OVERDUE, State.DUE_SOON, State.OPEN}


@pytest.fixture(scope="module")
def live() -> PlanRepository:
    """The repository's own plan, as it is today."""
    return load_repository(LIVE)


def test_the_live_plan_is_valid_and_has_the_frozen_plans_items(
    live: PlanRepository, repository: PlanRepository, all_ids: set[str]
) -> None:
    from hytecli.findings import Severity
    from hytecli.validation import validate_repository

    assert [f for f in validate_repository(live) if f.severity is Severity.ERROR] == []
    live_items = [(item.kind, item.id, item.area.area.id) for item in live.items()]
    frozen_items = [(item.kind, item.id, item.area.area.id) for item in repository.items()]
    assert live_items == frozen_items  # 19 goals and 37 actions, in plan order
    assert sorted(r.indicator.id for r in live.indicators) == sorted(
        r.indicator.id for r in repository.indicators
    )
    assert len(live.indicators) == 33
    assert len(all_ids) == 89


@pytest.mark.parametrize(
    "as_of", [date(2024, 1, 1), date(2025, 1, 1), date(2025, 6, 1), date(2026, 12, 31), None]
)
def test_the_live_plan_judged_on_any_day(
    live: PlanRepository, repository: PlanRepository, as_of: date | None
) -> None:
    report = compute_status(live, StatusQuery(as_of=as_of))  # None: today
    frozen = {item.id: item for item in status(repository, report.as_of).items}
    assert [item.id for item in report.items] == list(frozen)  # every item once, in plan order
    assert [s.total for s in report.areas] == [13, 9, 28, 0, 18, 9, 12]
    for item in report.items:
        assert item.state in STATES
        before = frozen[item.id]
        if before.state is State.NO_DEADLINE:
            assert item.state in WITHOUT_DEADLINE, item.id
        else:
            assert item.state is not State.NO_DEADLINE, item.id
        if item.state in COUNTDOWN:
            # nothing recorded that counts yet: the same countdown as before anything was
            assert (item.state, item.days) == (before.state, before.days), item.id
        if item.missed:
            assert item.deadline is not None and item.deadline.due is not None
            assert item.deadline.due.year == report.year and item.deadline.due < report.as_of
        assert item.state_needs_attention is (
            item.state in ATTENTION_STATES or item.missed or item.missing_entries
        )
        assert item.needs_attention is (item.state_needs_attention or item.assessment_due)
    assert sum(report.totals.values()) == 89
