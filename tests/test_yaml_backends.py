"""libyaml (fast) and pure-Python PyYAML must give hyte the same data and the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hytecli import yaml_strict, yamlfile

INPUTS = [
    "a: 1\nb: [x, 'y', \"z\"]\nc: {d: 2024-05-31, e: null, f: true, g: 1.5}\n",
    "title: no\nunit: on\n",
    "code: 049\nn: 1:30\n",
    "goals:\n\t- id: g1\n",
    "a: &x 1\nb: *x\n",
    "a: 1\na: 2\n",
    "a: !!python/object:os.system x\n",
    "a: b\n  c: d\n",
    "# only a comment\n",
    "nimi: Länsi-Uudenmaan hyvinvointialue   # ä ö å\nkey: 'väärä: [x]'\n",
    "a: [" * 70 + "]" * 70 + "\n",
    "- 1\n- 2\n",
]


@pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml"
)
@pytest.mark.parametrize("text", INPUTS)
def test_fast_and_pure_loaders_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = yamlfile.parse_yaml(text, "x.yaml")
    monkeypatch.setattr(yamlfile, "_StrictLoader", yaml_strict.PureStrictLoader)
    monkeypatch.setattr(yamlfile, "_compose_fast", None)
    pure = yamlfile.parse_yaml(text, "x.yaml")
    assert fast.data == pure.data
    assert fast.value_marks == pure.value_marks
    # Both point at the same place with the same rule; libyaml words syntax errors differently.
    assert [(f.line, f.code) for f in fast.findings] == [(f.line, f.code) for f in pure.findings]
    assert [f.message for f in fast.findings if f.code != "Y001"] == [
        f.message for f in pure.findings if f.code != "Y001"
    ]


@pytest.mark.parametrize("pure", [False, True])
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('id: x\nname: "Talousneuvolan\nkind: count\nvalues: []\n\n\n', 2, 7),  # unclosed quote
        ("a: 1\nb: [x, y\nc: 3\n", 2, 4),  # unclosed bracket
    ],
)
def test_unclosed_quotes_and_brackets_point_where_they_open(
    text: str, line: int, column: int, pure: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if pure:
        monkeypatch.setattr(yamlfile, "_StrictLoader", yaml_strict.PureStrictLoader)
        monkeypatch.setattr(yamlfile, "_compose_fast", None)
    [finding] = yamlfile.parse_yaml(text, "x.yaml").findings
    assert (finding.line, finding.column, finding.code) == (line, column, "Y001")
    assert "that starts here (noticed at line" in finding.message
    assert "close the quote or bracket" in finding.message


def test_loading_from_memory_equals_loading_from_disk() -> None:
    from pathlib import Path

    from hytecli.export import export_json
    from hytecli.repository import load_repository, load_repository_files

    root = Path(__file__).resolve().parents[1]
    files = {
        path.relative_to(root).as_posix(): path.read_bytes()
        for folder in ("plan", "indicators")
        for path in (root / folder).rglob("*.yaml")
    }
    files["README.md"] = b"ignored"
    from_disk = load_repository(root)
    from_memory = load_repository_files(root, files)
    assert [r.path for r in from_memory.areas] == [r.path for r in from_disk.areas]
    assert [r.path for r in from_memory.indicators] == [r.path for r in from_disk.indicators]
    assert export_json(from_memory) == export_json(from_disk)


LIBYAML = pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml"
)
ROOT = Path(__file__).resolve().parents[1]
PLAN_FILES = sorted(
    path for folder in ("plan", "indicators") for path in (ROOT / folder).glob("*.yaml")
)


@LIBYAML
@pytest.mark.parametrize("file", PLAN_FILES, ids=lambda path: path.name)
def test_libyaml_composer_reads_the_plan_as_the_strict_loader_does(
    file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = file.read_text(encoding="utf-8")
    composed, _ = yaml_strict.compose_fast(text)
    fast = yamlfile.parse_yaml(text, "x.yaml", marks=True)
    monkeypatch.setattr(yamlfile, "_compose_fast", None)
    strict = yamlfile.parse_yaml(text, "x.yaml", marks=True)
    assert (fast.data, fast.findings) == (strict.data, strict.findings)
    assert (fast.value_marks, fast.key_marks) == (strict.value_marks, strict.key_marks)
    # the real plan's files have no anchor, alias or tag: the C composer reads every one,
    # except those whose texts hold a footnote marker such as "*)" (read by the strict loader)
    assert composed or "*" in text


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: 2\n",
        "a: *x\n",
        "a: !!python/object:os.system x\n",
        "a: [&x 1, *x]\n",
        "- !custom {a: 1}\n",
    ],
)
def test_libyaml_composer_leaves_anchors_aliases_and_tags_to_the_strict_loader(text: str) -> None:
    assert yaml_strict.compose_fast(text) == (False, None)
    [finding] = yamlfile.parse_yaml(text, "x.yaml").findings
    assert finding.code in {"Y005", "Y006", "Y001"}


@pytest.mark.parametrize("text", ["a: A & B, Hei! 5*3\n", "a: 'x: *y'\n"])
def test_ampersands_stars_and_exclamations_in_plain_text_are_no_anchors(text: str) -> None:
    composed, _ = yaml_strict.compose_fast(text)
    assert composed is bool(getattr(yaml, "__with_libyaml__", False)) or "*y" in text
    assert yamlfile.parse_yaml(text, "x.yaml").findings == []


@LIBYAML
def test_deep_block_nesting_read_by_the_composer_is_refused_where_the_strict_loader_would() -> None:
    depth = yaml_strict.MAX_DEPTH + 5
    text = "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + "  " * depth + "x\n"
    composed, _ = yaml_strict.compose_fast(text)
    assert composed
    [finding] = yamlfile.parse_yaml(text, "x.yaml").findings
    assert (finding.code, finding.line) == ("Y009", yaml_strict.MAX_DEPTH)


def test_positions_are_read_when_first_asked_for_and_agree_with_reading_them_at_once() -> None:
    text = "id: x\ngoals:\n  - id: g\n    title: T\n"
    lazy = yamlfile.parse_yaml(text, "x.yaml")
    eager = yamlfile.parse_yaml(text, "x.yaml", marks=True)
    assert lazy.locate(("goals", 0, "title")) == (4, 12)
    assert lazy.locate(("goals", 0, "title"), prefer_key=True) == (4, 5)
    assert lazy.value_marks == eager.value_marks and lazy.key_marks == eager.key_marks
    assert lazy.locate(("goals", 0, "missing")) == (3, 5)


@pytest.mark.parametrize("file", PLAN_FILES[:5], ids=lambda path: path.name)
def test_has_agrees_with_the_positions(file: Path) -> None:
    from hytecli.yaml_document import iter_paths

    document = yamlfile.parse_yaml(file.read_text(encoding="utf-8"), "x.yaml")
    for path in iter_paths(document.data):
        assert document.has(path) is (path in document.value_marks)
        assert not document.has((*path, "missing")) and not document.has((*path, 99))
