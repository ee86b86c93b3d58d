"""Reading a plan's files in parallel gives what reading them one by one gives.

The plan is a copy of this repository's plan with entries that are not what they seem added
(links inside and out of it, a dangling link, a folder, a file that is not YAML); all its
contents are this repository's fictional plan or written here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hytecli import plan_files
from hytecli.plan_files import _read_slice, read_plan_files, yaml_files
from hytecli.repository import load_repository

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links")


@pytest.fixture
def odd_plan(tmp_path: Path) -> Path:
    root = tmp_path / "plan-repo"
    for folder in ("plan", "indicators"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "indicators" / "rikki.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (root / "indicators" / "kansio.yaml").mkdir()
    if os.name == "posix":
        outside = tmp_path / "outside.yaml"
        outside.write_text("id: x\n", encoding="utf-8")
        (root / "indicators" / "ulos.yaml").symlink_to(outside)
        (root / "indicators" / "katkennut.yaml").symlink_to("ei-ole.yaml")
        first = sorted((root / "indicators").glob("*.yaml"))[0]
        (root / "indicators" / "sisalla.yaml").symlink_to(first.name)
        (root / "linked").mkdir()
        (root / "linked" / "x.yaml").write_text("id: y\n", encoding="utf-8")
        (root / "indicators" / "linkitetty").symlink_to(root / "linked")
    return root


def _paths(root: Path) -> list[str]:
    return [*yaml_files(root, "plan"), *yaml_files(root, "indicators")]


@posix_only
def test_listing_finds_what_rglob_finds_in_the_same_order(odd_plan: Path) -> None:
    # Sub-folders whose names sort differently as text and as parts ("a" < "a-b" as parts,
    # "a-b/" < "a/" as text), a folder named like a plan file, and a linked folder.
    for name in ("a", "a-b", "a.b"):
        (odd_plan / "indicators" / name).mkdir()
        (odd_plan / "indicators" / name / "x.yaml").write_text("id: x\n", encoding="utf-8")
    (odd_plan / "indicators" / ".yaml").write_text("id: x\n", encoding="utf-8")
    for folder in ("plan", "indicators"):
        expected = [
            p.relative_to(odd_plan).as_posix()
            for p in sorted((odd_plan / folder).rglob("*"))
            if p.suffix in (".yaml", ".yml")
        ]
        assert yaml_files(odd_plan, folder) == expected
    listed = yaml_files(odd_plan, "indicators")
    assert listed.index("indicators/a/x.yaml") < listed.index("indicators/a-b/x.yaml")
    assert "indicators/linkitetty/x.yaml" not in listed  # not through a linked folder
    assert "indicators/kansio.yaml" in listed  # a folder named like a file: refused when read
    assert yaml_files(odd_plan, "no-such-folder") == []


@posix_only
def test_parallel_reading_gives_the_same_documents_in_the_same_order(
    odd_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _paths(odd_plan)
    one_by_one = _read_slice(odd_plan, paths)
    monkeypatch.setattr(plan_files, "PARALLEL_FILES", 4)
    monkeypatch.setattr(plan_files, "_processes", lambda count: 3)
    parallel = read_plan_files(odd_plan, paths)
    assert [d.path for d in parallel] == paths
    assert parallel == one_by_one
    codes = {d.path: [f.code for f in d.findings] for d in parallel if d.findings}
    assert codes["indicators/ulos.yaml"] == ["Y013"]
    assert codes["indicators/katkennut.yaml"] == ["Y012"]
    assert codes["indicators/kansio.yaml"] == ["Y012"]
    assert "indicators/sisalla.yaml" not in codes  # a link inside the repository is fine


@posix_only
def test_a_folder_linked_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "plan", root / "plan")
    (root / "indicators").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    (root / "indicators" / "ulos").symlink_to(tmp_path / "elsewhere")
    documents = _read_slice(root, ["indicators/ulos/x.yaml"])
    assert [f.code for f in documents[0].findings] == ["Y013"]


def test_the_repository_loads_the_same_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    one_by_one = load_repository(ROOT)
    monkeypatch.setattr(plan_files, "PARALLEL_FILES", 4)
    parallel = load_repository(ROOT)
    assert parallel.findings == one_by_one.findings
    assert [r.indicator for r in parallel.indicators] == [
        r.indicator for r in one_by_one.indicators
    ]
    assert [r.area for r in parallel.areas] == [r.area for r in one_by_one.areas]


def test_documents_by_path_follow_the_lists_of_records() -> None:
    repository = load_repository(ROOT)
    first = repository.indicators[0]
    assert repository.document(first.path) is first.document
    assert repository.document(repository.plan_document.path) is repository.plan_document
    repository.indicators.pop(0)  # the index is built again when a list changes
    assert repository.document(first.path) is None
    assert repository.document(repository.areas[-1].path) is repository.areas[-1].document
