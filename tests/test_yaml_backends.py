"""libyaml (fast) and pure-Python PyYAML must give hyte the same data and the same findings."""

from __future__ import annotations

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
