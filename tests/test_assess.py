"""`hyte assess`: yearly assessments written into area files in place (issue 9, item 2).

Byte-exact edits (comments, CRLF, a byte-order mark, flow lists, quoted strings), year order,
the status words in Finnish, Swedish and English, ``--replace`` keeping other languages' texts,
refusals that write nothing, two processes at once, and a run on a copy of this repository's
plan followed by its 2024 judgement and report.

Every plan, text and figure here is a fictional fixture (the live plan is only copied).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import REPO_ROOT
from hytecli.assessments import AssessmentStatus
from hytecli.cli import app
from hytecli.judge import judge_plan
from hytecli.recording import Refused, assess_item
from hytecli.repository import load_repository
from hytecli.resolved import resolve_plan

Build = Callable[..., Path]
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

AREA = """\
# fictional fixture: comments, flow lists, quoted strings, ä/ö/å
id: alue-a
number: 1
title: "Alue A"   # lainausmerkeissä
goals:
  - id: tavoite-1
    title: 'Tavoite: yksi'
    deadline: {due: 2024, wording: vuoden 2024 loppuun mennessä}
    responsible: [Testitaho, "Toinen taho"]
    indicators: [mittari-1]
    # toimenpiteet alla
    actions:
      - id: toimenpide-1
        title: Toimenpide yksi
        deadline: 2024-06
        completed: [{date: 2024-05-02}]
        # huomio koskee muistiinpanoa
        notes: Huomautus   # loppu
      - id: toimenpide-2
        title: Toimenpide kaksi
        assessments:
          - {year: 2024, status: on_track, text: {fi: Eteni., sv: Framskred.}}   # vanha
          - year: 2026
            status: completed
            text: "Valmis: 'kyllä'"
        notes: Loppu
"""


@pytest.fixture
def repo(build_plan: Build) -> Path:
    root = build_plan({"plan/alue-a.yaml": AREA})
    assert [str(f) for f in load_repository(root).findings] == []
    return root


def assess(root: Path, item: str, year: int = 2025, status: str = "kesken", **kw: object):  # noqa: ANN201
    return assess_item(root, item, year=year, status=status, now=NOW, **kw)  # type: ignore[arg-type]


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def only_added(old: bytes, new: bytes) -> list[bytes]:
    """The inserted lines, asserting nothing else changed."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added: list[bytes] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, a[i1:i2], b[j1:j2])
        if tag == "insert":
            added.extend(b[j1:j2])
    return added


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


# --- what is written ------------------------------------------------------------------------------


def test_a_new_list_goes_after_completed_and_only_its_lines_change(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    old = file.read_bytes()
    result = assess(
        repo,
        "toimenpide-1",
        2024,
        "toteutunut",
        text="Tehty: 'kaikki' # ei kommentti",
        euros="12 000",
        person_days="12,5",
        resources="Hankerahoitus",
        by="Koordinaattori",
        on_date=date(2025, 2, 10),
    )
    assert result.describe() == (
        "assessed action toimenpide-1 for 2024: completed, dated 2025-02-10 (plan/alue-a.yaml)"
    )
    assert only_added(old, file.read_bytes()) == [
        b"        assessments:\n",
        b"          - year: 2024\n",
        b"            status: completed\n",
        b"            text: 'Tehty: ''kaikki'' # ei kommentti'\n",
        b"            resources:\n",
        b"              euros: 12000\n",
        b"              person_days: 12.5\n",
        b"              text: Hankerahoitus\n",
        b"            by: Koordinaattori\n",
        b"            date: 2025-02-10\n",
    ]
    text = file.read_text(encoding="utf-8")
    # after completed:, above the comment that describes notes:
    assert text.index("completed:") < text.index("assessments:") < text.index("# huomio")
    action = load_repository(repo).areas[0].area.goals[0].actions[0]
    assessment = action.assessments[0]
    assert assessment.status is AssessmentStatus.COMPLETED
    assert assessment.resources is not None and assessment.resources.person_days == 12.5
    assert str(assessment.text) == "Tehty: 'kaikki' # ei kommentti"


def test_a_goals_list_goes_before_its_actions(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    old = file.read_bytes()
    assess(repo, "tavoite-1", 2024, "etenee suunnitellusti", on_date=date(2025, 1, 31))
    assert only_added(old, file.read_bytes()) == [
        b"    assessments:\n",
        b"      - year: 2024\n",
        b"        status: on_track\n",
        b"        date: 2025-01-31\n",
    ]
    text = file.read_text(encoding="utf-8")
    assert text.index("indicators: [mittari-1]") < text.index("assessments:")
    assert text.index("assessments:") < text.index("    # toimenpiteet alla")


def test_entries_go_in_year_order_with_the_lists_own_indentation(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    old = file.read_bytes()
    assess(repo, "toimenpide-2", 2025, "viivästynyt", text="Siirtyi.")
    added = only_added(old, file.read_bytes())
    assert added == [
        b"          - year: 2025\n",
        b"            status: delayed\n",
        b"            text: Siirtyi.\n",
        b"            date: 2026-06-01\n",
    ]
    years = [a.year for a in load_repository(repo).areas[0].area.goals[0].actions[1].assessments]
    assert years == [2024, 2025, 2026]


def test_paragraphs_are_a_block_text_and_another_language_a_mapping(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    old = file.read_bytes()
    assess(repo, "toimenpide-1", 2024, text="Ensimmäinen.\n\nToinen:\n- ei lista")
    assess(repo, "tavoite-1", 2024, "pågår", text="Pågår.", language="sv")
    added = only_added(old, file.read_bytes())
    assert b"            text: |\n" in added
    assert added[added.index(b"            text: |\n") + 1 :][:4] == [
        b"              Ensimm\xc3\xa4inen.\n",
        b"\n",
        b"              Toinen:\n",
        b"              - ei lista\n",
    ]
    assert b"        text:\n" in added and b"          sv: P\xc3\xa5g\xc3\xa5r.\n" in added
    goal = load_repository(repo).areas[0].area.goals[0]
    assert goal.assessments[0].text is not None and goal.assessments[0].text.values == {
        "sv": "Pågår."
    }
    assert str(goal.actions[0].assessments[0].text) == "Ensimmäinen.\n\nToinen:\n- ei lista\n"


def test_crlf_line_endings_and_a_byte_order_mark_stay(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    file.write_bytes(b"\xef\xbb\xbf" + AREA.replace("\n", "\r\n").encode("utf-8"))
    old = file.read_bytes()
    assess(repo, "toimenpide-1", 2024, "in progress", text="Yksi.\n\nKaksi.")
    new = file.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf")
    added = only_added(old, new)
    assert added[0] == b"        assessments:\r\n"
    assert all(line.endswith(b"\r\n") for line in added)
    assert b"\r\n\r\n" in b"".join(added)  # the blank line between the paragraphs
    assert b"\n" not in new.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("kesken", AssessmentStatus.IN_PROGRESS),
        ("Ei toteutunut", AssessmentStatus.NOT_ACHIEVED),
        ("luovuttu", AssessmentStatus.CANCELLED),
        ("inte påbörjad", AssessmentStatus.NOT_STARTED),
        ("uppskjuten", AssessmentStatus.POSTPONED),
        ("on track", AssessmentStatus.ON_TRACK),
        ("completed", AssessmentStatus.COMPLETED),
        ("not_achieved", AssessmentStatus.NOT_ACHIEVED),
    ],
)
def test_status_words_in_finnish_swedish_and_english(repo: Path, word: str, status: str) -> None:
    result = assess(repo, "toimenpide-1", 2024, word)
    assert result.status is status
    assert f"status: {status}\n" in (repo / "plan/alue-a.yaml").read_text(encoding="utf-8")


def test_merged_names_the_item_it_was_merged_into(repo: Path) -> None:
    assess(repo, "toimenpide-1", 2025, "yhdistetty", merged_into="toimenpide-2")
    text = (repo / "plan/alue-a.yaml").read_text(encoding="utf-8")
    assert "status: merged\n            merged_into: toimenpide-2\n" in text


# --- --replace ------------------------------------------------------------------------------------


def test_replace_keeps_the_other_languages_text_and_only_the_entrys_lines_change(
    repo: Path,
) -> None:
    file = repo / "plan/alue-a.yaml"
    old = file.read_text(encoding="utf-8")
    result = assess(
        repo, "toimenpide-2", 2024, "genomförd", text="Genomfört.", language="sv", replace=True
    )
    assert result.replaced is AssessmentStatus.ON_TRACK and result.kept == ("text fi",)
    assert result.describe().startswith(
        "replaced the 2024 assessment of action toimenpide-2: on_track → completed, dated"
    )
    new = file.read_text(encoding="utf-8")
    flow = (
        "          - {year: 2024, status: on_track, text: {fi: Eteni., sv: Framskred.}}   # vanha\n"
    )
    block = (
        "          - year: 2024\n"
        "            status: completed\n"
        "            text:\n"
        "              fi: Eteni.\n"
        "              sv: Genomfört.\n"
        "            date: 2026-06-01\n"
    )
    assert new == old.replace(flow, block)


def test_replace_in_the_plans_language_alone_writes_a_plain_text_and_says_what_went(
    repo: Path,
) -> None:
    assess(repo, "toimenpide-1", 2024, "kesken", text="Eka.", by="Koordinaattori", euros="5")
    result = assess(repo, "toimenpide-1", 2024, "toteutunut", text="Valmis.", replace=True)
    assert result.kept == () and result.dropped == ("resources", "by")
    assert "; dropped its resources, by (not given again)" in result.describe()
    action = load_repository(repo).areas[0].area.goals[0].actions[0]
    assert [(a.status, str(a.text), a.by) for a in action.assessments] == [
        (AssessmentStatus.COMPLETED, "Valmis.", None)
    ]
    assert "            text: Valmis.\n" in (repo / "plan/alue-a.yaml").read_text(encoding="utf-8")


# --- refusals: nothing written --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "kw", "message"),
    [
        ("toimenpide-x", {}, r"no goal or action 'toimenpide-x' in plan/; did you mean"),
        ("mittari-1", {}, "is an indicator; record its value with hyte record"),
        (
            "toimenpide-1",
            {"status": "valmis"},
            r"'valmis' is not an assessment status: use one "
            "of toteutunut, etenee suunnitellusti, kesken, ei aloitettu",
        ),
        (
            "toimenpide-1",
            {"status": "valmis", "language": "sv"},
            "use one of genomförd, framskrider enligt plan, pågår",
        ),
        ("toimenpide-1", {"status": "valmis", "language": "en"}, "use one of completed, on track"),
        ("toimenpide-1", {"year": 2023}, r"--year 2023 is outside the plan period \(2024–2026\)"),
        ("toimenpide-1", {"year": 2027}, "outside the plan period"),
        ("toimenpide-1", {"on_date": date(2026, 6, 2)}, "--date 2026-06-02 is in the future"),
        ("toimenpide-1", {"on_date": date(2024, 12, 31)}, "--date 2024-12-31 is before 2025 began"),
        (
            "toimenpide-2",
            {"year": 2024},
            r"already has an assessment for 2024 \(plan/alue-a.yaml "
            r"line 22\); give --replace",
        ),
        ("toimenpide-1", {"status": "merged"}, "status merged needs --merged-into ID"),
        (
            "toimenpide-1",
            {"status": "merged", "merged_into": "ei-ole"},
            "no goal or action 'ei-ole'",
        ),
        ("toimenpide-1", {"status": "merged", "merged_into": "toimenpide-1"}, "into itself"),
        (
            "toimenpide-1",
            {"merged_into": "toimenpide-2"},
            "--merged-into is only for status merged",
        ),
        ("toimenpide-1", {"text": "  "}, "--text is empty"),
        ("toimenpide-1", {"text": "a\x1b[2Jb"}, "control character"),
        ("toimenpide-1", {"euros": "1,234"}, "--euros '1,234'"),
        ("toimenpide-1", {"person_days": "-3"}, "--person-days"),
        ("toimenpide-1", {"replace": True, "year": 2024, "by": ""}, "--by is empty"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    repo: Path, item: str, kw: dict[str, object], message: str
) -> None:
    before = snapshot(repo)
    with pytest.raises(Refused, match=message):
        assess(repo, item, **kw)  # type: ignore[arg-type]
    assert snapshot(repo) == before


def test_the_cli_refuses_with_exit_codes_as_record_does(repo: Path, tmp_path: Path) -> None:
    before = snapshot(repo)
    latin1 = tmp_path / "teksti.txt"
    latin1.write_bytes("Ensimmäinen rivi.\nToinen rivi: väärä koodaus ä.\n".encode("latin-1"))
    common = ("assess", "toimenpide-1", "--repo", str(repo), "--year", "2024")
    refused = run(*common, "--status", "kesken", "--text-file", str(latin1), "--date", "2025-01-02")
    assert refused.exit_code == 1
    assert f"{latin1}:1:7: --text-file is not UTF-8 text (byte 0xe4)" in refused.output
    both = run(*common, "--status", "kesken", "--text", "x", "--text-file", str(latin1))
    assert both.exit_code == 2 and "give --text or --text-file, not both" in both.output
    unknown = run(*common, "--status", "valmis", "--lang", "en")
    assert unknown.exit_code == 1
    assert "hyte: error: 'valmis' is not an assessment status: use one of completed" in (
        unknown.output
    )
    assert run(*common, "--status", "kesken", "--date", "2025-02-30").exit_code == 2
    assert "Traceback" not in refused.output + both.output + unknown.output
    assert snapshot(repo) == before


def test_the_cli_reads_a_text_file_and_dry_run_writes_nothing(repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "arvio.txt"
    source.write_bytes("\ufeffKoulutus käynnistyi.\r\n\r\nToinen kappale.\r\n".encode())
    common = ("assess", "toimenpide-1", "--repo", str(repo), "--year", "2024", "--status")
    before = snapshot(repo)
    shown = run(*common, "kesken", "--text-file", str(source), "--date", "2025-02-10", "--dry-run")
    assert shown.exit_code == 0, shown.output
    assert snapshot(repo) == before
    assert "+            text: |\n+              Koulutus käynnistyi.\n+\n" in shown.output
    assert shown.output.endswith(
        "would assess action toimenpide-1 for 2024: in_progress, dated 2025-02-10 "
        "(plan/alue-a.yaml)\n"
    )
    done = run(*common, "kesken", "--text-file", str(source), "--date", "2025-02-10")
    assert done.output == (
        "assessed action toimenpide-1 for 2024: in_progress, dated 2025-02-10 (plan/alue-a.yaml)\n"
    )
    action = load_repository(repo).areas[0].area.goals[0].actions[0]
    assert str(action.assessments[0].text) == "Koulutus käynnistyi.\n\nToinen kappale.\n"


# --- two at once ----------------------------------------------------------------------------------

MONTHLY = (
    "# fictional fixture\nid: kuukausi\nname: Kuukausi\nkind: count\nreporting_period: month\n"
)

ASSESS_WORKER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from hytecli.recording import assess_item

    root = Path(sys.argv[1])
    for item in ("tavoite-1", "toimenpide-1"):
        for year in (2024, 2025, 2026):
            assess_item(root, item, year=year, status="kesken", text=f"{item} {year}",
                        now=datetime(2026, 12, 1, tzinfo=UTC))
    """
)
RECORD_WORKER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from hytecli.recording import record_value

    root = Path(sys.argv[1])
    for month in range(1, 11):
        record_value(root, "kuukausi", str(month), period=f"2025-{month:02d}",
                     now=datetime(2026, 12, 1, tzinfo=UTC))
    """
)


def test_assess_and_record_at_once_both_land(build_plan: Build) -> None:
    root = build_plan({"plan/alue-a.yaml": AREA, "indicators/kuukausi.yaml": MONTHLY})
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(root)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for code in (ASSESS_WORKER, RECORD_WORKER)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
    repository = load_repository(root)
    assert repository.findings == []
    goal = repository.areas[0].area.goals[0]
    for node in (goal, goal.actions[0]):
        assert [(a.year, str(a.text)) for a in node.assessments] == [
            (year, f"{node.id} {year}") for year in (2024, 2025, 2026)
        ]
    monthly = repository.indicator("kuukausi")
    assert monthly is not None and len(monthly.indicator.values) == 10


# --- on a copy of this repository's plan ----------------------------------------------------------

ACTION = "liikuntaneuvonnan-verkosto"  # due in 2024, in plan/terveet-elintavat.yaml


def test_on_a_copy_of_the_live_plan_the_judgement_and_report_of_2024_have_it(
    tmp_path: Path,
) -> None:
    """The report's JSON does not carry assessments yet (issue 9, item 6): the judgement does."""
    root = tmp_path / "live"
    for folder in ("plan", "indicators"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    day = date(2025, 3, 1)

    def judged() -> dict[str, object]:
        resolved = resolve_plan(load_repository(root))
        return {j.id: j for j in judge_plan(resolved, day=day, year=2024)}

    before = (root / "plan/terveet-elintavat.yaml").read_bytes()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    said = subprocess.run(
        [
            sys.executable,
            "-m",
            "hytecli",
            "assess",
            ACTION,
            "--year",
            "2024",
            "--status",
            "kesken",
            "--text",
            "fictional test text",
            "--date",
            "2025-02-10",
            "--replace",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert said.returncode == 0, said.stderr
    assert said.stdout.startswith(("assessed action", "replaced the 2024 assessment of action"))
    after = (root / "plan/terveet-elintavat.yaml").read_bytes()
    assert before != after  # a new entry, or (should the live plan have one) its 2024 one replaced
    judgement = judged()[ACTION]
    assert judgement.assessment is not None  # type: ignore[attr-defined]
    assert judgement.assessment.status is AssessmentStatus.IN_PROGRESS  # type: ignore[attr-defined]
    assert str(judgement.assessment.text) == "fictional test text"  # type: ignore[attr-defined]
    assert judgement.unassessed_year is None  # type: ignore[attr-defined]
    report = subprocess.run(
        [
            sys.executable,
            "-m",
            "hytecli",
            "report",
            "--year",
            "2024",
            "--as-of",
            "2025-03-01",
            "--format",
            "json",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert report.returncode == 0, report.stderr
    assert ACTION in {item["id"] for item in json.loads(report.stdout)["items"]}
    validated = subprocess.run(
        [sys.executable, "-m", "hytecli", "validate"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert validated.stdout.splitlines()[-1].startswith("0 errors"), validated.stdout


def test_replace_in_the_plans_language_keeps_the_languages_order(repo: Path) -> None:
    result = assess(repo, "toimenpide-2", 2024, "kesken", text="Kesken.", replace=True)
    assert result.kept == ("text sv",)
    text = (repo / "plan/alue-a.yaml").read_text(encoding="utf-8")
    assert "            text:\n              fi: Kesken.\n              sv: Framskred.\n" in text
