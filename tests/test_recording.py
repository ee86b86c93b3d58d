"""`hyte record` and `hyte complete` as library calls: what is written, what is refused (and that
nothing is written then), byte-exact edits, CRLF/BOM, crash safety, concurrency, case c06.

Every plan, indicator and value here is fictional (marked "fictional fixture").
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_AREA, MINIMAL_INDICATOR, MINIMAL_PLAN, REPO_ROOT, write_tree
from hytecli.models import IndicatorFile
from hytecli.recording import Refused, complete_item, lock_path, record_value
from hytecli.repository import load_repository
from hytecli.yaml_strict import control_character
from hytecli.yamlfile import parse_yaml

Build = Callable[..., Path]
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

MAARA = """\
# fictional fixture: a count with comments, custom key order and ä/ö/å
name: Kävijämäärä   # nimi kuten suunnitelmassa
id: maara
kind: count
direction: increase
# Arvot kirjataan vuosittain. Älä poista tätä kommenttia.
values:
  - period: 2024
    value: 120   # lähde: oma kirjaus
    note: "Ensimmäinen: 'arvio'"
  - period: 2024
    municipality: "049"
    value: 40
notes: Loppuhuomautus
"""

OSUUS = """\
# fictional fixture
id: osuus
name: Osuus
kind: percentage
target:
  reference: national_average
  comparison: at_least
  deadline: 2026
values: []
"""

SUHDE = "# fictional fixture\nid: suhde\nname: Suhde\nkind: rate\nper: 1000\nvalues: []\n"
TEKSTI = "# fictional fixture\nid: teksti\nname: Teksti\nkind: text\nvalues: []\n"
PUOLI = (
    "# fictional fixture\nid: puoli\nname: Puolivuosi\nkind: count\nreporting_period: half_year\n"
    "values:\n  - period: 2024-H1\n    value: 3\n  - period: 2025-H1\n    value: 5\n"
)
KUUKAUSI = (
    "# fictional fixture\nid: kuukausi\nname: Kuukausi\nkind: count\nreporting_period: month\n"
)

AREA = (
    MINIMAL_AREA
    + """\
  - id: tavoite-2
    title: Tavoite kaksi
    actions:
      - id: vuosittain
        title: Vuosittainen toimenpide
        deadline: {recurring: annual, wording: vuosittain}
"""
)

FILES = {
    "plan/alue-a.yaml": AREA,
    "indicators/maara.yaml": MAARA,
    "indicators/osuus.yaml": OSUUS,
    "indicators/suhde.yaml": SUHDE,
    "indicators/teksti.yaml": TEKSTI,
    "indicators/puoli.yaml": PUOLI,
    "indicators/kuukausi.yaml": KUUKAUSI,
}


@pytest.fixture
def repo(build_plan: Build) -> Path:
    root = build_plan(FILES)
    assert [str(f) for f in load_repository(root).findings] == []
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def record(root: Path, indicator: str, value: str, period: str = "2025", **kw: object):  # noqa: ANN201
    return record_value(root, indicator, value, period=period, now=NOW, **kw)  # type: ignore[arg-type]


def only_added(old: bytes, new: bytes) -> list[bytes]:
    """Return the inserted lines, asserting nothing else changed."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added: list[bytes] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, a[i1:i2], b[j1:j2])
        if tag == "insert":
            added.extend(b[j1:j2])
    return added


# --- recording ------------------------------------------------------------------------------------


def test_record_appends_only_the_new_entry(repo: Path) -> None:
    file = repo / "indicators/maara.yaml"
    old = file.read_bytes()
    result = record(repo, "maara", "1 234", "2025", note="Arvio: 'THL' # 2025", source="Oma")
    assert result.written and result.replaced is None
    assert result.describe() == "recorded maara 2025: 1234 (indicators/maara.yaml)"
    new = file.read_bytes()
    assert only_added(old, new) == [
        b"  - period: 2025\n",
        b"    value: 1234\n",
        b"    note: 'Arvio: ''THL'' # 2025'\n",
        b"    source: Oma\n",
    ]
    data = parse_yaml(new.decode(), "x").data
    assert data["values"][-1] == {
        "period": 2025,
        "value": 1234,
        "note": "Arvio: 'THL' # 2025",
        "source": "Oma",
    }
    assert load_repository(repo).findings == []


def test_record_keeps_period_order(repo: Path) -> None:
    record(repo, "puoli", "4", "2024-H2")
    record(repo, "puoli", "6", "2025-H2")
    record(repo, "puoli", "9", "2026-H1", on_date=date(2026, 5, 31))
    data = parse_yaml((repo / "indicators/puoli.yaml").read_text(), "x").data
    assert [v["period"] for v in data["values"]] == [
        "2024-H1",
        "2024-H2",
        "2025-H1",
        "2025-H2",
        "2026-H1",
    ]
    assert data["values"][-1]["date"] == "2026-05-31"


def test_record_per_municipality_and_series(repo: Path) -> None:
    result = record(repo, "maara", "41", "2025", municipality="Espoo")  # a name is read as its code
    assert result.municipality == "049"
    record(repo, "osuus", "12,5 %", "2024", series="national_average")
    record(repo, "osuus", "11", "2024")
    text = (repo / "indicators/osuus.yaml").read_text()
    assert "values:\n  - period: 2024\n    value: 12.5\n    series: national_average\n" in text
    assert '    municipality: "049"\n' in (repo / "indicators/maara.yaml").read_text()


def test_record_empty_flow_list_becomes_block(repo: Path) -> None:
    record(repo, "suhde", "3,25", "2024")
    assert (
        (repo / "indicators/suhde.yaml")
        .read_text()
        .endswith("values:\n  - period: 2024\n    value: 3.25\n")
    )


def test_record_missing_values_key_is_added(repo: Path) -> None:
    record(repo, "kuukausi", "2", "2024-03")
    assert (repo / "indicators/kuukausi.yaml").read_text() == KUUKAUSI + (
        "values:\n  - period: 2024-03\n    value: 2\n"
    )


def test_record_yes_no_and_text(repo: Path) -> None:
    record(repo, "mittari-1", "Kyllä", "2024")
    record(repo, "mittari-1", " nej ", "2025")
    record(repo, "teksti", '  Palaute: "hyvä" # 1  ', "2024")
    values = parse_yaml((repo / "indicators/mittari-1.yaml").read_text(), "x").data["values"]
    assert [v["value"] for v in values] == [True, False]
    text_values = parse_yaml((repo / "indicators/teksti.yaml").read_text(), "x").data["values"]
    assert text_values == [{"period": 2024, "value": 'Palaute: "hyvä" # 1'}]


def test_replace_changes_the_value_in_place(repo: Path) -> None:
    file = repo / "indicators/maara.yaml"
    old = file.read_bytes()
    result = record(repo, "maara", "130", "2024", replace=True)
    assert result.replaced == 120 and result.value == 130
    assert result.kept == ("note",)
    assert result.describe() == (
        "replaced maara 2024: 120 → 130 (indicators/maara.yaml); kept its note"
    )
    assert file.read_bytes() == old.replace(b"value: 120   #", b"value: 130   #")
    record(repo, "maara", "131", "2024", replace=True, note="Korjattu")
    assert b"    note: Korjattu\n" in file.read_bytes()


def test_dry_run_writes_nothing(repo: Path) -> None:
    before = snapshot(repo)
    result = record(repo, "maara", "5", "2026", dry_run=True)
    assert not result.written
    assert result.describe().startswith("would record maara 2026: 5")
    assert "+  - period: 2026\n+    value: 5\n" in result.diff
    assert snapshot(repo) == before


# --- refusals: message, and not a byte written --------------------------------------------------

REFUSALS = [
    (("maaraa", "5"), {}, "no indicator 'maaraa' in indicators/; did you mean 'maara'?"),
    (("maara", "kyllä"), {}, "'kyllä' is a yes/no word, but this indicator takes a number"),
    (("mittari-1", "1"), {}, "'1' is a number, but this is a yes/no indicator"),
    (("mittari-1", "ehkä"), {}, "'ehkä' is not a yes/no word"),
    (("osuus", "101 %"), {}, "101 is not a percentage: a percentage lies between 0 and 100"),
    (("maara", "-3"), {}, "-3 is negative: a count cannot be below 0"),
    (("suhde", "-0,5"), {}, "-0.5 is negative: a rate cannot be below 0"),
    (("maara", "12,5"), {}, "12.5 is not a whole number"),
    (("maara", "12 %"), {}, "has a % sign, but this indicator is not a percentage"),
    (
        ("maara", "1,234"),
        {},
        "'1,234' is ambiguous: ',' may separate thousands or decimals. A count is a whole number: "
        "write 1234 (or 1 234)",
    ),
    (
        ("maara", "1.234"),
        {},
        "'1.234' is ambiguous: '.' may separate thousands or decimals. A count is a whole number: "
        "write 1234 (or 1 234)",
    ),
    (("suhde", "1,234"), {}, "Write 1234 (or 1 234) for the whole number, or for the decimal"),
    (("maara", "1.234,5"), {}, "has both a comma and a point"),
    (("maara", ""), {}, "the value is empty"),
    (("teksti", "  "), {}, "the value is empty"),
    (
        ("maara", "5", "2024-H1"),
        {},
        "period 2024-H1 is a half-year, but 'maara' is reported per year",
    ),
    (("puoli", "5", "2025"), {}, "period 2025 is a year, but 'puoli' is reported per half-year"),
    (("maara", "5", "2027"), {}, "period 2027 is outside the plan period 2024-01-01 – 2026-12-31"),
    (("maara", "5", "2023"), {}, "is outside the plan period"),
    (("maara", "5", "vuosi"), {}, "'vuosi' is not a period"),
    (("maara", "5"), {"municipality": "999"}, "unknown municipality '999': give one of"),
    (("maara", "5"), {"series": "national_average"}, "'maara' has no reference series"),
    (
        ("osuus", "5"),
        {"series": "national_avarage"},
        "unknown series 'national_avarage' for 'osuus': did you mean 'national_average'? That is "
        "its only series (its target's reference)",
    ),
    (
        ("osuus", "5"),
        {"series": "uusimaa"},
        "unknown series 'uusimaa' for 'osuus': its only series is its target's reference, "
        "'national_average'",
    ),
    (("maara", "130", "2024"), {}, "'maara' already has a value for 2024: 120"),
    (
        ("maara", "41", "2024"),
        {"municipality": "049"},
        "already has a value for 2024 municipality 049",
    ),
    (("maara", "5"), {"note": "  "}, "--note is empty"),
    (("maara", "5"), {"on_date": date(2026, 6, 2)}, "--date 2026-06-02 is in the future"),
    # B1: numbers and years out of range are refusals, not crashes
    (("maara", "9" * 5000), {}, "'999999999999… (5000 characters)' is too large"),
    (("suhde", "9" * 400 + ",5"), {}, "'999999999999… (402 characters)' is too large"),
    (("suhde", "0,12345678901234567"), {}, "has more than 15 significant digits"),
    (("maara", "5", "0000"), {}, "0000 has the year 0, outside the years hyte accepts"),
    (("puoli", "5", "0000-H1"), {}, "0000-H1 has the year 0, outside the years hyte accepts"),
    # B8: a period that has not begun yet (NOW is 2026-06-01, also in Helsinki)
    (
        ("kuukausi", "5", "2026-07"),
        {},
        "period 2026-07 has not begun yet: it begins on 2026-07-01, and today is 2026-06-01 in "
        "the plan's time zone; record its value once the period has begun",
    ),
    (("puoli", "5", "2026-H2"), {}, "period 2026-H2 has not begun yet"),
    # B6: control characters, which hyte validate would refuse in the file (Y001)
    (("teksti", "Valmis \x1b[2J"), {}, "the text has the control character \\x1b"),
    (("maara", "5"), {"note": "Valmis \x1b[31m"}, "--note has the control character \\x1b"),
    (("maara", "5"), {"source": "THL\x07"}, "--source has the control character \\x07"),
    (("maara", "5"), {"note": "a\rb"}, "--note has the control character \\x0d"),
]


@pytest.mark.parametrize(("args", "options", "message"), REFUSALS)
def test_refusals_write_nothing(
    repo: Path, args: tuple[str, ...], options: dict[str, object], message: str
) -> None:
    before = snapshot(repo)
    with pytest.raises(Refused) as info:
        record(repo, *args, **options)
    assert message in str(info.value)
    assert snapshot(repo) == before


def test_replace_refusal_names_the_line(repo: Path) -> None:
    with pytest.raises(Refused, match=r"\(indicators/maara.yaml line 8\); give --replace"):
        record(repo, "maara", "1", "2024")


def test_refuses_when_the_plan_has_load_errors(build_plan: Build) -> None:
    root = build_plan(
        {**FILES, "indicators/rikki.yaml": "id: rikki\nname: x\nkind: count\nvalue: no\n"}
    )
    before = snapshot(root)
    with pytest.raises(Refused) as info:
        record(root, "maara", "5")
    message = str(info.value)
    assert message.startswith("the plan files have errors, so nothing was written")
    assert "indicators/rikki.yaml:4:8: error Y004" in message
    assert snapshot(root) == before


def test_refuses_a_layout_it_cannot_edit(build_plan: Build) -> None:
    flow = MINIMAL_INDICATOR.replace("values: []", "values: [{period: 2024, value: true}]")
    root = build_plan({"indicators/mittari-1.yaml": flow})
    before = snapshot(root)
    with pytest.raises(Refused, match="written as a flow list"):
        record(root, "mittari-1", "kyllä", "2025")
    assert snapshot(root) == before


def test_a_new_validation_error_is_refused(repo: Path) -> None:
    from hytecli.recording.common import cross_check
    from hytecli.repository import validate_model

    repository = load_repository(repo)
    path = "indicators/maara.yaml"
    text = MAARA.replace("notes:", "  - period: 2024\n    value: 1\nnotes:")  # 2024 twice
    document = parse_yaml(text, path)
    model, problems = validate_model(document, IndicatorFile)
    assert model is not None and problems == []
    with pytest.raises(
        Refused, match="hyte validate would report:\n.*I003 the value for period 2024"
    ):
        cross_check(repository, path, document, model)


def test_errors_already_in_the_file_do_not_block(build_plan: Build) -> None:
    wrong_series = MAARA.replace('municipality: "049"', "series: maakunta")  # I006 already
    root = build_plan({**FILES, "indicators/maara.yaml": wrong_series})
    record(root, "maara", "5", "2025")
    assert "  - period: 2025\n    value: 5\n" in (root / "indicators/maara.yaml").read_text()


# --- CRLF, BOM, exact diff ------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_crlf_and_bom_are_kept(repo: Path, bom: bytes, newline: bytes) -> None:
    file = repo / "indicators/maara.yaml"
    old = bom + MAARA.encode().replace(b"\n", newline)
    file.write_bytes(old)
    record(repo, "maara", "7", "2025", note="Uusi")
    new = file.read_bytes()
    assert new.startswith(bom) and new.count(b"\xef\xbb\xbf") == (1 if bom else 0)
    assert only_added(old, new) == [
        b"  - period: 2025" + newline,
        b"    value: 7" + newline,
        b"    note: Uusi" + newline,
    ]
    record(repo, "maara", "8", "2025", replace=True)
    assert file.read_bytes() == new.replace(b"value: 7", b"value: 8")


NOTES = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30).filter(
        lambda s: bool(s.strip()) and control_character(s) is None  # else refused (above)
    ),
    st.sampled_from(
        [
            "yes",
            "no",
            "y",
            "012",
            "1e3",
            "a: b",
            "#x",
            "'q'",
            '"dq"',
            "*x",
            "- x",
            "Hyvä: ”lainaus” ja 'toinen'",
            "1,234",
            "true",
            "null",
        ]
    ),
)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    period=st.sampled_from(["2024-H2", "2025-H2", "2026-H1", "2024-H1"]),  # 2026-H2: not begun
    municipality=st.sampled_from([None, "078"]),
    value=st.integers(min_value=0, max_value=10**7),
    note=NOTES,
    source=NOTES,
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_exact_diff_property(
    period: str,
    municipality: str | None,
    value: int,
    note: str | None,
    source: str | None,
    newline: str,
    bom: bool,
) -> None:
    """The new file minus the inserted lines is the old file, byte for byte, and it reads back
    as the old data plus the new entry, in period order."""
    indicator = (
        "# fictional fixture: comments, ä/ö/å, custom order\n"
        "name: Puolivuosittain   # nimi\n"
        "kind: count\n"
        "id: puoli\n"
        "reporting_period: half_year\n"
        "values:\n"
        "  - period: 2024-H1   # ensimmäinen\n"
        "    value: 3\n"
        "  # vuoden 2025 arvo\n"
        "  - period: 2025-H1\n"
        "    value: 5\n"
        "    note: 'Ääkköset: åäö'\n"
        'notes: "loppu"\n'
    )
    with tempfile.TemporaryDirectory() as folder:
        root = write_tree(Path(folder), {"plan/plan.yaml": MINIMAL_PLAN})
        file = root / "indicators" / "puoli.yaml"
        file.parent.mkdir()
        old = (b"\xef\xbb\xbf" if bom else b"") + indicator.replace("\n", newline).encode()
        file.write_bytes(old)
        old_data = parse_yaml(indicator, "x").data
        if period == "2024-H1" and municipality is None:
            with pytest.raises(Refused, match="already has a value"):
                record(root, "puoli", str(value), period, municipality=municipality)
            assert file.read_bytes() == old
            return
        result = record(
            root, "puoli", str(value), period, municipality=municipality, note=note, source=source
        )
        new = file.read_bytes()
        added = only_added(old, new)
        assert all(line.endswith(newline.encode()) for line in added)
        assert new.startswith(b"\xef\xbb\xbf") == bom
        entry: dict[str, object] = {"period": period, "value": value}
        if municipality is not None:
            entry["municipality"] = municipality
        if result.dated_today:  # the period had not ended on NOW: dated that day
            entry["date"] = NOW.date().isoformat()
        if note is not None:
            entry["note"] = note.strip()
        if source is not None:
            entry["source"] = source.strip()
        expected = [*old_data["values"], entry]
        expected.sort(key=lambda e: (str(e["period"]), e is entry))  # new goes after equals
        new_data = parse_yaml(new.decode("utf-8-sig"), "x").data
        assert new_data == {**old_data, "values": expected}
        # (a hidden character in a generated note is a Y015 warning, not an error)
        assert [f for f in load_repository(root).findings if f.code != "Y015"] == []


# --- case c06 and git -----------------------------------------------------------------------------


def c06_indicator() -> str:
    # A byte-identical copy of the users' case (tests/cases/SOURCE.md), so it runs in CI too.
    text = (Path(__file__).parent / "cases" / "c06-commented-indicator.yaml").read_text(
        encoding="utf-8"
    )
    first, rest = text.split("\n", 1)
    return f"{first}\nid: talousneuvolan-asiakasmaarat\n{rest}"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_c06_git_diff_shows_only_the_new_entry(build_plan: Build) -> None:
    root = build_plan({"indicators/talousneuvolan-asiakasmaarat.yaml": c06_indicator()})

    def git(*args: str) -> str:
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        done = subprocess.run(
            [
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.invalid",
                "-c",
                "core.autocrlf=false",
                *args,
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "fixture")
    record(root, "talousneuvolan-asiakasmaarat", "1 234", "2025", note="Tarkistettu ä/ö/å")
    assert git("status", "--porcelain") == " M indicators/talousneuvolan-asiakasmaarat.yaml\n"
    assert lock_path(root) == root / ".git" / "hyte.lock"  # no lock file in the work tree
    diff = git("diff", "-U0", "--no-color")
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "+  - period: 2025",
        "+    value: 1234",
        "+    note: Tarkistettu ä/ö/å",
    ]
    assert git("diff", "--numstat") == "3\t0\tindicators/talousneuvolan-asiakasmaarat.yaml\n"


# --- crash safety and concurrency -----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_record_into_a_symlinked_file_writes_the_file_it_points_to_b7(repo: Path) -> None:
    shared = repo / "shared" / "maara.yaml"  # elsewhere in the repository: fine
    shared.parent.mkdir()
    link = repo / "indicators/maara.yaml"
    shared.write_bytes(link.read_bytes())
    shared.chmod(0o640)
    link.unlink()
    link.symlink_to(Path("..") / "shared" / "maara.yaml")
    record(repo, "maara", "80", "2026")
    assert link.is_symlink() and link.resolve() == shared.resolve()
    assert b"  - period: 2026\n    value: 80\n" in shared.read_bytes()
    assert shared.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in shared.parent.iterdir()] == ["maara.yaml"]  # no temporary file left
    assert load_repository(repo).indicator("maara") is not None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
@pytest.mark.parametrize("linked", ["file", "folder"])
def test_record_refuses_a_plan_file_linked_from_outside_the_repository(
    repo: Path, tmp_path: Path, linked: str
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    link = repo / "indicators/maara.yaml"
    (outside / "maara.yaml").write_bytes(link.read_bytes())
    before = (outside / "maara.yaml").read_bytes()
    if linked == "file":
        link.unlink()
        link.symlink_to(outside / "maara.yaml")
    else:  # the whole indicators/ folder is a link out of the repository
        for file in (repo / "indicators").iterdir():
            file.rename(outside / file.name)
        (repo / "indicators").rmdir()
        (repo / "indicators").symlink_to(outside, target_is_directory=True)
    with pytest.raises(Refused, match=r"error Y013 this is a symbolic link to .*outside"):
        record(repo, "maara", "80", "2026")
    assert (outside / "maara.yaml").read_bytes() == before  # nothing written through the link


def test_crash_between_temp_write_and_replace_leaves_the_old_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(repo)

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(Refused, match="cannot write .*maara.yaml: No space left on device"):
        record(repo, "maara", "5")
    assert snapshot(repo) == before  # old bytes intact, and no temporary file left behind

    def killed(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        record(repo, "maara", "5")
    assert snapshot(repo) == before


WORKER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from hytecli.recording import record_value

    root, year = Path(sys.argv[1]), sys.argv[2]
    for month in range(1, 11):
        record_value(root, "kuukausi", str(month), period=f"{year}-{month:02d}",
                     now=datetime(2026, 12, 1, tzinfo=UTC))
    """
)


def test_two_processes_recording_at_once_both_land(repo: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(repo), year],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for year in ("2024", "2025")
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
    repository = load_repository(repo)
    assert repository.findings == []
    record_ = repository.indicator("kuukausi")
    assert record_ is not None
    periods = [str(v.period) for v in record_.indicator.values]
    assert periods == [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 11)]


def test_lock_outside_git_is_in_the_temporary_folder(repo: Path) -> None:
    path = lock_path(repo)
    assert not path.is_relative_to(repo)
    assert path.parent.is_dir()
    record(repo, "maara", "5")
    assert sorted(snapshot(repo)) == sorted(
        FILES.keys() | {"plan/plan.yaml", "indicators/mittari-1.yaml"}
    )


# --- completing goals and actions -----------------------------------------------------------------


def complete(root: Path, item: str, **kw: object):  # noqa: ANN201
    return complete_item(root, item, now=NOW, **kw)  # type: ignore[arg-type]


def test_complete_a_goal_goes_before_its_actions(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    old = file.read_bytes()
    result = complete(repo, "tavoite-1", on_date=date(2024, 11, 28), note="Verkosto: perustettu")
    assert result.describe() == "marked goal tavoite-1 completed on 2024-11-28 (plan/alue-a.yaml)"
    new = file.read_bytes()
    assert only_added(old, new) == [
        b"    completed:\n",
        b"      - date: 2024-11-28\n",
        b"        note: 'Verkosto: perustettu'\n",
    ]
    text = new.decode()
    assert text.index("completed:") < text.index("    actions:")
    assert load_repository(repo).findings == []


def test_complete_an_action_defaults_to_today_in_the_plans_zone(repo: Path) -> None:
    late = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # already 1 January 2026 in Helsinki
    result = complete_item(repo, "toimenpide-1", now=late)
    assert result.day == date(2026, 1, 1)
    assert (
        "        completed:\n          - date: 2026-01-01\n"
        in (repo / "plan/alue-a.yaml").read_text()
    )


def test_complete_recurring_needs_a_period(repo: Path) -> None:
    before = snapshot(repo)
    with pytest.raises(Refused, match="recurs every year: give --period YEAR"):
        complete(repo, "vuosittain", on_date=date(2024, 12, 1))
    with pytest.raises(Refused, match="--period 2023 is outside the plan period"):
        complete(repo, "vuosittain", period=2023)
    assert snapshot(repo) == before
    complete(repo, "vuosittain", period=2025, on_date=date(2025, 12, 1))
    complete(repo, "vuosittain", period=2024, on_date=date(2024, 12, 1))
    entries = parse_yaml((repo / "plan/alue-a.yaml").read_text(), "x").data["goals"][1]["actions"][
        0
    ]["completed"]
    assert entries == [
        {"date": "2024-12-01", "period": 2024},
        {"date": "2025-12-01", "period": 2025},
    ]
    with pytest.raises(Refused, match="already marked completed for 2024 on 2024-12-01"):
        complete(repo, "vuosittain", period=2024)
    result = complete(repo, "vuosittain", period=2024, on_date=date(2024, 12, 2), replace=True)
    assert result.replaced == date(2024, 12, 1)
    assert "changed the completion of action vuosittain for 2024: 2024-12-01 → 2024-12-02" in (
        result.describe()
    )


def test_complete_one_off_refusals(repo: Path) -> None:
    complete(repo, "tavoite-1", on_date=date(2024, 12, 1))
    before = snapshot(repo)
    cases = [
        ({"period": 2024}, "has a one-off deadline (or none), so a completion has no period"),
        ({}, "goal 'tavoite-1' is already marked completed on 2024-12-01 (plan/alue-a.yaml line"),
        ({"on_date": date(2026, 6, 2), "replace": True}, "--date 2026-06-02 is in the future"),
        ({"note": " ", "replace": True}, "--note is empty"),
    ]
    for options, message in cases:
        with pytest.raises(Refused) as info:
            complete(repo, "tavoite-1", **options)
        assert message in str(info.value)
    for item, message in [
        ("tavoite-3", "no goal or action 'tavoite-3' in plan/; did you mean"),
        ("mittari-1", "'mittari-1' is an indicator; record its value with hyte record"),
    ]:
        with pytest.raises(Refused, match=message):
            complete(repo, item)
    assert snapshot(repo) == before
    result = complete(repo, "tavoite-1", on_date=date(2024, 12, 3), replace=True)
    assert result.replaced == date(2024, 12, 1)
    assert snapshot(repo)["plan/alue-a.yaml"] == before["plan/alue-a.yaml"].replace(
        b"date: 2024-12-01", b"date: 2024-12-03"
    )


def test_complete_replace_with_only_a_note_keeps_the_date_b5(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    complete(repo, "tavoite-1", on_date=date(2024, 11, 28), note="Valmis")
    old = file.read_bytes()
    later = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)  # long after: today must not replace it
    result = complete_item(repo, "tavoite-1", now=later, note="Valmis, raportoitu", replace=True)
    assert file.read_bytes() == old.replace(b"note: Valmis\n", b"note: Valmis, raportoitu\n")
    assert b"date: 2024-11-28\n" in file.read_bytes()  # byte for byte
    assert (result.day, result.replaced, result.kept, result.dated_today) == (
        date(2024, 11, 28),
        date(2024, 11, 28),
        ("date",),
        False,
    )
    assert result.describe() == (
        "changed the completion of goal tavoite-1 (plan/alue-a.yaml); kept its date 2024-11-28"
    )


def test_complete_replace_with_only_a_date_keeps_the_note(repo: Path) -> None:
    file = repo / "plan/alue-a.yaml"
    complete(repo, "tavoite-1", on_date=date(2024, 11, 28), note="Valmis")
    old = file.read_bytes()
    result = complete(repo, "tavoite-1", on_date=date(2024, 11, 29), replace=True, dry_run=True)
    assert result.kept == ("note",)
    assert result.describe() == (
        "would change the completion of goal tavoite-1: 2024-11-28 → 2024-11-29 "
        "(plan/alue-a.yaml); kept its note"
    )
    assert file.read_bytes() == old


def test_complete_replace_with_nothing_to_change_is_refused(repo: Path) -> None:
    complete(repo, "vuosittain", period=2024, on_date=date(2024, 12, 1))
    before = snapshot(repo)
    with pytest.raises(Refused) as info:
        complete(repo, "vuosittain", period=2024, replace=True)
    assert str(info.value) == (
        "nothing to change: with --replace, give the new --date, --note or both (fields not "
        "given are kept); the completion of action 'vuosittain' on 2024-12-01 was left as it is"
    )
    assert snapshot(repo) == before


def test_complete_replace_keeps_a_hand_written_date_it_would_refuse(build_plan: Build) -> None:
    # A date written by hand that hyte complete refuses (D005, a warning) survives a note change.
    area = MINIMAL_AREA.replace(
        "    indicators: [mittari-1]\n",
        "    indicators: [mittari-1]\n    completed:\n      - date: 2023-12-01\n",
    )
    root = build_plan({"plan/alue-a.yaml": area})
    result = complete(root, "tavoite-1", note="Tehty ennen suunnitelmakautta", replace=True)
    assert result.kept == ("date",) and result.day == date(2023, 12, 1)
    assert (
        b"      - date: 2023-12-01\n        note: Tehty" in (root / "plan/alue-a.yaml").read_bytes()
    )


def test_complete_dry_run(repo: Path) -> None:
    before = snapshot(repo)
    result = complete(repo, "tavoite-1", on_date=date(2024, 12, 1), dry_run=True)
    assert not result.written
    assert "+    completed:\n+      - date: 2024-12-01\n" in result.diff
    assert snapshot(repo) == before


# --- implausible dates (docs/record.md#dates) ----------------------------------------------------


def test_record_refuses_a_date_before_the_period_it_measures(repo: Path) -> None:
    before = snapshot(repo)
    for day, message in [
        (date(1, 1, 1), "--date 0001-01-01 is before its period 2025 began (2025-01-01)"),
        (date(2024, 12, 31), "--date 2024-12-31 is before its period 2025 began (2025-01-01)"),
    ]:
        with pytest.raises(Refused) as info:
            record(repo, "maara", "5", on_date=day)
        assert message in str(info.value)
    with pytest.raises(Refused, match="is before its period 2025-H1 began"):
        record(repo, "puoli", "4", period="2025-H1", on_date=date(2024, 12, 1))
    assert snapshot(repo) == before
    # the first day of the period, and any later day up to today, are fine
    record(repo, "maara", "5", on_date=date(2025, 1, 1))
    record(repo, "puoli", "4", period="2024-H2", on_date=date(2026, 5, 31))
    assert load_repository(repo).findings == []


def test_record_refuses_a_date_before_the_plan_period(build_plan: Build) -> None:
    # a plan that starts mid-year: a value for its first year may not be dated before it
    plan = MINIMAL_PLAN.replace("start: 2024-01-01", "start: 2024-06-01")
    root = build_plan({"plan/plan.yaml": plan, "indicators/maara.yaml": MAARA})
    with pytest.raises(Refused, match=r"--date 2024-05-31 is before the plan period began \(2024-"):
        record(root, "maara", "5", period="2024", replace=True, on_date=date(2024, 5, 31))
    record(root, "maara", "5", period="2024", replace=True, on_date=date(2024, 6, 1))


def test_complete_refuses_a_date_outside_the_plan_period(repo: Path) -> None:
    before = snapshot(repo)
    with pytest.raises(Refused) as info:
        complete(repo, "tavoite-1", on_date=date(1999, 1, 1))
    assert str(info.value).startswith(
        "--date 1999-01-01 is before the plan period began (2024-01-01): give the day it was done"
    )
    later = datetime(2028, 3, 1, tzinfo=UTC)  # the plan (2024-2026) ended over a year ago
    with pytest.raises(Refused, match="--date 2028-01-02 is more than a year after the plan"):
        complete_item(repo, "tavoite-1", now=later, on_date=date(2028, 1, 2))
    with pytest.raises(Refused, match="today's date 2028-03-01 is more than a year after the pl"):
        complete_item(repo, "tavoite-1", now=later)
    assert snapshot(repo) == before
    # the plan period's first day, and a year's grace after its last one, are fine
    complete(repo, "tavoite-1", on_date=date(2024, 1, 1))
    complete_item(repo, "toimenpide-1", now=later, on_date=date(2027, 12, 31))
    assert load_repository(repo).findings == []


def test_complete_refuses_a_recurring_entry_dated_before_its_year(repo: Path) -> None:
    with pytest.raises(
        Refused, match="--date 2024-12-01 is before 2025, the year it covers, began"
    ):
        complete(repo, "vuosittain", period=2025, on_date=date(2024, 12, 1))
    # after its year, with the date given: a report of 2024 made in 2025
    result = complete(repo, "vuosittain", period=2024, on_date=date(2025, 2, 1))
    assert result.describe() == (
        "marked action vuosittain completed on 2025-02-01 for 2024 (plan/alue-a.yaml)"
    )


def test_complete_without_a_date_for_a_year_that_has_ended_asks_for_one(repo: Path) -> None:
    before = snapshot(repo)
    with pytest.raises(Refused) as info:
        complete(repo, "vuosittain", period=2025)  # today is 2026-06-01
    assert str(info.value) == (
        "--period 2025 ended on 2025-12-31, and without --date the completion would be dated "
        "today, 2026-06-01: give --date with the day the 2025 entry was done (--date 2026-06-01 "
        "if that really was today)"
    )
    assert snapshot(repo) == before
    # the current year, without a date: dated today, and the output says so
    result = complete(repo, "vuosittain", period=2026)
    assert result.day == date(2026, 6, 1) and result.dated_today
    assert result.describe() == (
        "marked action vuosittain completed on 2026-06-01 for 2026 (plan/alue-a.yaml); dated "
        "today, as no --date was given (to change it: --replace --date YYYY-MM-DD)"
    )
    dry = complete(repo, "tavoite-1", dry_run=True)
    assert dry.describe().endswith("(plan/alue-a.yaml); dated today, as no --date was given")
    given = complete(repo, "tavoite-1", on_date=date(2026, 6, 1))
    assert not given.dated_today and "dated today" not in given.describe()


def test_a_value_recorded_during_its_period_is_dated_today(build_plan: Build) -> None:
    # An undated value counts only from its period's last day; recorded mid-period, it is dated
    # today so that status and reports count it at once. After the period, no date is added.
    root = build_plan(FILES)
    during = record_value(
        root, "maara", "5", period="2025", now=datetime(2025, 3, 1, 10, tzinfo=UTC)
    )
    assert during.dated_today
    assert "dated today, as 2025 has not ended" in during.describe()
    text = (root / "indicators" / "maara.yaml").read_text(encoding="utf-8")
    assert "date: 2025-03-01" in text
    after = record_value(
        root, "maara", "7", period="2024", municipality="078", now=datetime(2025, 3, 1, tzinfo=UTC)
    )
    assert not after.dated_today
    entry = next(v for v in load_repository(root).indicator("maara").indicator.values
                 if v.municipality == "078")  # fmt: skip
    assert entry.date is None
