"""``hyte sotkanet import`` on a copy of the repository's own plan (issue 12's "done when").

The live ``plan/`` and ``indicators/`` are copied into a temporary git repository and the
indicator "Pitkäaikaistyöttömien terveystarkastusten %-osuus" is given a **fictional** Sotkanet
id (9001) there; the data files in tests/data/sotkanet/ are **fictional** numbers in the API's
shapes (see their README). Nothing is written into the repository's own plan.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import hyte
from hytecli.repository import load_repository

LIVE = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "sotkanet"
IND = "pitkaaikaistyottomien-terveystarkastusten-osuus"
IND_FILE = f"indicators/{IND}.yaml"
CODES = ["049", "078", "149", "224", "235", "257", "444", "710", "755", "927"]


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "plan-copy"
    for folder in ("plan", "indicators"):
        shutil.copytree(LIVE / folder, root / folder)
    file = root / IND_FILE
    text = file.read_text(encoding="utf-8")
    assert "values: []\n" in text  # the live plan has no values for it yet
    file.write_text(
        text.replace(
            "values: []\n",
            "data_source: {sotkanet_id: 9001}  # fictional id (test copy)\nvalues: []\n",
        ),
        encoding="utf-8",
    )
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    return root


def run_import(root: Path, data: Path, *extra: str, code: int = 0) -> str:
    return hyte(
        "sotkanet", "import", "--repo", str(root), "--regions", str(DATA / "regions.json"),
        str(data), "--retrieved", "2026-03-02", *extra, code=code,
    )  # fmt: skip


def values(root: Path) -> dict[tuple[str, str | None, str | None], float]:
    record = load_repository(root).indicator(IND)
    assert record is not None
    return {
        (str(v.period), v.municipality, v.series): float(v.value)  # type: ignore[arg-type]
        for v in record.indicator.values
    }


@pytest.mark.parametrize("data", ["data-9001.json", "data-9001.csv"])
def test_import_records_county_country_and_every_municipality(repo: Path, data: str) -> None:
    said = run_import(repo, DATA / data)
    assert f"{IND} (Sotkanet 9001): 23 added, 0 revised, 0 unchanged" in said
    assert "no value in the data: 2024 municipality 235" in said
    got = values(repo)
    # the county (region HYVINVOINTIALUE 03), the country (MAA), not the other county (02)
    assert got[("2024", None, None)] == 40.1
    assert got[("2025", None, None)] == 43.0
    assert got[("2024", None, "national_average")] == 42.3
    assert got[("2025", None, "national_average")] == 42.9
    # each of the ten municipalities, found by code though regions.json drops leading zeros
    assert {m for _p, m, _s in got if m} == set(CODES)
    assert got[("2025", "049", None)] == 32.0
    assert ("2024", "235", None) not in got  # suppressed in the data: not recorded
    assert ("2023", None, None) not in got  # before the plan period
    assert not any(m == "186" for _p, m, _s in got)  # another county's municipality
    text = (repo / IND_FILE).read_text(encoding="utf-8")
    assert "    source: Sotkanet 9001\n" in text and "    date: 2026-03-02\n" in text
    assert '    municipality: "049"\n' in text
    # nothing else changed: only the values list of this one file
    assert _git(repo, "status", "--short").split() == ["M", IND_FILE]
    validated = hyte("validate", "--repo", str(repo))
    assert "\n0 errors, " in validated and "error:" not in validated


def test_importing_again_changes_no_byte(repo: Path) -> None:
    run_import(repo, DATA / "data-9001.json")
    before = (repo / IND_FILE).read_bytes()
    said = run_import(repo, DATA / "data-9001.csv", "--retrieved", "2026-04-01")
    assert "0 added, 0 revised, 23 unchanged" in said
    assert (repo / IND_FILE).read_bytes() == before


def revised(tmp_path: Path, year: int, region: int, value: float) -> Path:
    rows = json.loads((DATA / "data-9001.json").read_text(encoding="utf-8"))
    for row in rows:
        if (row["year"], row["region"], row["gender"]) == (year, region, "total"):
            row["value"] = value
    out = tmp_path / "revised.json"
    out.write_text(json.dumps(rows), encoding="utf-8")
    return out


def test_a_revised_value_is_updated_with_a_note_and_shown_by_diff(
    repo: Path, tmp_path: Path
) -> None:
    run_import(repo, DATA / "data-9001.json")
    _git(repo, "commit", "-q", "-am", "imported")
    said = hyte(
        "sotkanet", "import", "--repo", str(repo), "--regions", str(DATA / "regions.json"),
        str(revised(tmp_path, 2025, 969, 43.4)), "--retrieved", "2026-04-01",
    )  # fmt: skip
    assert "0 added, 1 revised, 22 unchanged" in said
    assert "revised 2025: 43.0 → 43.4" in said
    diff = _git(repo, "diff", "-U0")
    assert "\n-    value: 43.0\n" in diff and "\n+    value: 43.4\n" in diff
    assert "\n-    date: 2026-03-02\n" in diff and "\n+    date: 2026-04-01\n" in diff
    assert "+    note: THL on korjannut arvoa; aiempi arvo 43.0 (haettu 2026-03-02)\n" in diff
    assert diff.count("\n-  ") == 2 and diff.count("\n+  ") == 3  # value, date; + note
    shown = hyte("diff", "HEAD", "--repo", str(repo))
    assert f"indicator {IND}: value 2025 replaced: 43 → 43.4" in shown


def test_a_value_entered_by_hand_is_kept_without_replace(repo: Path, tmp_path: Path) -> None:
    hyte("record", IND, "39,5", "--period", "2024", "--repo", str(repo), "--note", "fictional")
    before = (repo / IND_FILE).read_bytes()
    said = run_import(repo, DATA / "data-9001.json", code=1)
    assert "values entered by hand differ from Sotkanet's, so nothing was written" in said
    assert f"{IND} 2024 is 39.5 (entered by hand), Sotkanet gives 40.1" in said
    assert (repo / IND_FILE).read_bytes() == before
    said = run_import(repo, DATA / "data-9001.json", "--replace")
    assert "revised 2024: 39.5 → 40.1" in said
    text = (repo / IND_FILE).read_text(encoding="utf-8")
    assert "korvattu Sotkanetin arvolla; aiempi arvo 39.5" in text


def test_the_national_average_goal_is_judged_against_the_country(repo: Path) -> None:
    from hytecli.judge import judge_plan
    from hytecli.resolved import resolve_plan

    run_import(repo, DATA / "data-9001.json")
    plan = resolve_plan(load_repository(repo))
    judged = judge_plan(plan, day=datetime(2026, 3, 10, tzinfo=UTC).date(), year=2026)
    [item] = [j for j in judged if j.id == IND]
    assert item.indicator is not None
    progress = item.indicator.numeric_progress
    assert progress is not None
    # 2025: the county's 43.0 reaches the country's 42.9 (fictional numbers)
    assert progress.status == "target_achieved"
    assert progress.target_reference == "national_average"
    assert progress.target_value == 42.9
    assert item.indicator.outcome == "achieved"


def test_dry_run_writes_nothing_and_shows_the_diff(repo: Path) -> None:
    said = run_import(repo, DATA / "data-9001.json", "--dry-run")
    assert "+    series: national_average\n" in said
    assert "dry run, nothing written" in said
    assert _git(repo, "status", "--short") == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[{]", "data.json:1:3: not valid JSON"),
        ('{"a": 1}', "Sotkanet's /json data is a list of rows, found a mapping"),
        ('[{"indicator": 9001, "region": 969, "gender": "total", "value": 1}]',
         "data.json item 1: the row has no 'year'"),
        ('[{"indicator": 9001, "region": 969, "year": 2024, "gender": "total", "value": "1"}]',
         "data.json item 1: 'value' must be a number (or missing), found '1'"),
        ('[{"indicator": 4242, "region": 969, "year": 2024, "gender": "total", "value": 1}]',
         "data.json item 1), which no indicator of this plan names"),
        ('[{"indicator": 9001, "region": 969, "year": 2024, "gender": "total", "value": 140}]',
         "140 does not fit 'pitkaaikaistyottomien-terveystarkastusten-osuus'"),
        ("\ufeffindicator,region,year\n1,2,3\n", "data.json:1: no semicolon-separated header"),
        ("\ufeffindicator;region;year;gender;primary value\n9001;969;2024;total;abc\n",
         "data.json:2: value 'abc' is not a number"),
        ("[]", "the data has no rows: nothing to import"),
    ],
)  # fmt: skip
def test_bad_data_is_a_clear_error_and_nothing_is_written(
    repo: Path, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "data.json"
    bad.write_text(content, encoding="utf-8")
    said = run_import(repo, bad, code=1)
    assert message in said, said
    assert "Traceback" not in said
    assert _git(repo, "status", "--short") == ""


def test_an_unknown_region_code_is_a_clear_error(repo: Path, tmp_path: Path) -> None:
    regions = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    regions = [r for r in regions if r["title"]["fi"] != "Vihti"]
    file = tmp_path / "regions.json"
    file.write_text(json.dumps(regions), encoding="utf-8")
    said = hyte(
        "sotkanet", "import", "--repo", str(repo), "--regions", str(file),
        str(DATA / "data-9001.json"), code=1,
    )  # fmt: skip
    assert "unknown region code 927: the regions list has no KUNTA region" in said
    assert _git(repo, "status", "--short") == ""


def test_the_county_needs_its_code(repo: Path) -> None:
    plan = repo / "plan" / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace('  code: "03"\n', ""), encoding="utf-8"
    )
    said = run_import(repo, DATA / "data-9001.json", code=1)
    assert "organisation.code is none: give the wellbeing services county's official code" in said


def test_codes_are_compared_as_codes() -> None:
    from hytecli.sotkanet.regions import same_code

    assert same_code("3", "03") and same_code(3, "03") and same_code("49", "049")
    assert not same_code("49", "149") and not same_code("SSS", "SSS") and not same_code(True, 1)


def test_import_rows_refuses_a_retrieval_date_in_the_future(repo: Path) -> None:
    from hytecli.recording import Refused
    from hytecli.sotkanet.data import read_data
    from hytecli.sotkanet.importing import import_rows
    from hytecli.sotkanet.regions import read_regions

    rows = read_data((DATA / "data-9001.json").read_bytes(), "data")
    regions = read_regions((DATA / "regions.json").read_bytes(), "regions")
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    with pytest.raises(Refused, match="the retrieval date 2026-03-02 is in the future"):
        import_rows(repo, rows, regions, now=now, retrieved=now.date().replace(day=2))


def test_the_report_shows_the_county_against_the_country_and_each_municipality(
    repo: Path,
) -> None:
    # issue 12's "done when", on the copy of this plan: import, then the 2025 report
    run_import(repo, DATA / "data-9001.json")
    md = hyte("report", "--repo", str(repo), "--year", "2025", "--as-of", "2026-03-10")
    card = md.split("**Kunnittain: Pitkäaikaistyöttömien terveystarkastusten %-osuus**")[1]
    names = {"049": "Espoo", "078": "Hanko", "710": "Raasepori"}
    rows = [line for line in card.split("\n\n")[1].splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + len(CODES)  # header, rule, one row per municipality
    for name in names.values():
        assert any(row.startswith(f"| {name} | ") for row in rows), name
    trend = md.split("**Kehitys: Pitkäaikaistyöttömien terveystarkastusten %-osuus**")[1]
    # the whole country (the plan's "maan keskiarvo") beside the county, period by period
    assert "| maan keskiarvo | 42,3\u00a0% | 42,9\u00a0% |" in trend.split("**")[0]
    assert "THL, Sotkanet 9001" in md and "CC BY 4.0" in md


def test_a_swedish_report_shows_sotkanet_provenance_without_a_language_marker(repo: Path) -> None:
    # "Sotkanet 9001" is a name and a number: not marked "(fi)" nor lang="fi" in another language
    run_import(repo, DATA / "data-9001.json")
    args = ("--year", "2025", "--lang", "sv", "--as-of", "2026-03-10", "--format", "html")
    html = hyte("report", "--repo", str(repo), *args)
    cells = [line for line in html.splitlines() if "Sotkanet 9001</" in line]
    assert cells, "the appendix of values lists the imported values with their source"
    assert all("<td>Sotkanet 9001</td></tr>" in line for line in cells), cells[0][-120:]
