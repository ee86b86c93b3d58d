"""The strict YAML reader: every bad input gives a located finding, never a silent conversion.

Each test writes one small fictional fixture and asserts the finding's file, line, column and
message. The users' cases c01-c05 are read from byte-identical copies in tests/cases/ (see
tests/cases/SOURCE.md); c02 (a period recorded twice) is a whole-plan rule and is tested in
tests/test_validation.py, c11 (exit codes) in tests/test_cli_validate.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import CASES, MINIMAL_AREA, MINIMAL_PLAN
from hytecli import yaml_strict, yamlfile
from hytecli.cli import app
from hytecli.findings import Finding, Severity
from hytecli.repository import load_repository
from hytecli.validation import validate_repository
from hytecli.yaml_document import YamlDocument, iter_paths
from hytecli.yamlfile import parse_yaml, read_yaml_file

HERE = Path(__file__).resolve().parent
CASE_COPIES = HERE / "cases"
E = Severity.ERROR

QUOTE_BOOL = (
    "unquoted '{0}' is read as true/false by YAML 1.1 tools: write \"{0}\" in quotes if you mean "
    "text, or true/false for a yes/no value"
)
QUOTE_NUMBER = (
    "unquoted '{0}' is read as a number by YAML 1.1 tools (octal, base 60, hexadecimal or "
    'similar): write "{0}" in quotes if it is a code or text, or write the number in plain '
    "decimal"
)
TAB = "tab character where YAML expects indentation: use spaces, not tabs, to indent"
EMPTY = "the file is empty: write its contents (see docs/format.md) or delete the file"


BACKENDS = ["pure"] + (
    ["libyaml", "libyaml-composer"] if getattr(yaml, "__with_libyaml__", False) else []
)


@pytest.fixture(params=BACKENDS, autouse=True)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run every test with PyYAML's pure-Python parser and, when built in, with libyaml's.

    ``libyaml`` is libyaml's parser under the strict composer alone; ``libyaml-composer`` (what
    hyte uses) also libyaml's own composer for text without anchors, aliases and tags.
    """
    if request.param == "pure":
        monkeypatch.setattr(yamlfile, "_StrictLoader", yaml_strict.PureStrictLoader)
    if request.param != "libyaml-composer":
        monkeypatch.setattr(yamlfile, "_compose_fast", None)
    return str(request.param)


def read_bytes(tmp_path: Path, raw: bytes, name: str = "plan/alue.yaml") -> YamlDocument:
    """Write ``raw`` to ``name`` under ``tmp_path`` and read it, shown as ``name``."""
    file = tmp_path / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(raw)
    return read_yaml_file(file, name)


def one(doc: YamlDocument) -> Finding:
    assert len(doc.findings) == 1, doc.findings
    return doc.findings[0]


def contains_bool(data: Any) -> bool:
    if isinstance(data, bool):
        return True
    if isinstance(data, dict):
        return any(contains_bool(v) for v in data.values())
    if isinstance(data, list):
        return any(contains_bool(v) for v in data)
    return False


# --- the users' cases -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in CASE_COPIES.glob("c*.yaml")))
def test_case_copies_are_byte_identical_to_the_shared_cases(name: str) -> None:
    shared = CASES / name
    if not shared.is_file():
        pytest.skip("the shared cases folder is not present (e.g. in CI)")
    assert (CASE_COPIES / name).read_bytes() == shared.read_bytes()


def test_c01_yaml11_booleans_are_located_errors_and_stay_text() -> None:
    doc = read_yaml_file(CASE_COPIES / "c01-yaml11-booleans.yaml", "c01.yaml")
    assert doc.findings == [
        Finding("c01.yaml", 1, 14, E, "Y004", QUOTE_BOOL.format("no")),
        Finding("c01.yaml", 2, 7, E, "Y004", QUOTE_BOOL.format("on")),
        Finding("c01.yaml", 3, 8, E, "Y004", QUOTE_BOOL.format("yes")),
    ]
    assert doc.data == {"responsible": "no", "unit": "on", "title": "yes"}
    assert not contains_bool(doc.data)


def test_c01_in_plan_files_gives_located_errors(
    build_plan: Callable[..., Path],
) -> None:
    case = (CASE_COPIES / "c01-yaml11-booleans.yaml").read_text(encoding="utf-8").splitlines()
    responsible, unit, title = case  # "responsible: no", "unit: on", "title: yes"
    root = build_plan(
        {
            # fictional fixture: the goal's title and responsible party as in the case
            "plan/alue-a.yaml": (
                "id: alue-a\n"
                "title: Alue A\n"
                "goals:\n"
                "  - id: tavoite-1\n"
                f"    {title}\n"
                f"    {responsible}\n"
                "    indicators: [mittari-1]\n"
            ),
            # fictional fixture: the indicator's unit as in the case
            "indicators/mittari-1.yaml": (
                f"id: mittari-1\nname: Mittari yksi\nkind: count\n{unit}\n"
            ),
        }
    )
    repo = load_repository(root)
    assert sorted(repo.findings, key=Finding.sort_key) == [
        Finding("indicators/mittari-1.yaml", 4, 7, E, "Y004", QUOTE_BOOL.format("on")),
        Finding("plan/alue-a.yaml", 5, 12, E, "Y004", QUOTE_BOOL.format("yes")),
        Finding("plan/alue-a.yaml", 6, 18, E, "Y004", QUOTE_BOOL.format("no")),
    ]
    # Nothing was read as true/false, and the broken files did not load as if they were good.
    assert repo.areas == [] and repo.indicators == []
    for doc in (*repo.broken_areas, *repo.broken_indicators):
        assert not contains_bool(doc.data)


def test_c03_tab_is_located_and_asks_for_spaces() -> None:
    doc = read_yaml_file(CASE_COPIES / "c03-tab.yaml", "c03.yaml")
    assert one(doc) == Finding("c03.yaml", 2, 1, E, "Y002", TAB)
    assert doc.data is None


def test_c03_tab_in_an_area_file_fails_the_cli_with_exit_1(
    build_plan: Callable[..., Path],
) -> None:
    case = (CASE_COPIES / "c03-tab.yaml").read_text(encoding="utf-8")
    root = build_plan({"plan/alue-a.yaml": "id: alue-a\ntitle: Alue A\n" + case})
    result = CliRunner().invoke(app, ["validate", "--repo", str(root)])
    assert result.exit_code == 1
    assert f"plan/alue-a.yaml:4:1: error Y002 {TAB}" in result.stdout
    assert "use spaces" in result.stdout
    assert "Traceback" not in result.output


def test_c04_alias_bomb_is_refused_at_the_first_anchor() -> None:
    doc = read_yaml_file(CASE_COPIES / "c04-alias-bomb.yaml", "c04.yaml")
    assert one(doc) == Finding(
        "c04.yaml",
        1,
        4,
        E,
        "Y005",
        "anchor '&a' is not allowed in plan files: remove it and write values out in full",
    )


def test_c04_alias_bomb_builds_nothing() -> None:
    # The reader stops at the first anchor: no data and no node of the file is ever built, so
    # the 9**10 strings the aliases would expand to are never made.
    doc = read_yaml_file(CASE_COPIES / "c04-alias-bomb.yaml", "c04.yaml")
    assert doc.data is None
    assert doc.value_marks == {} and doc.key_marks == {}


def test_c04_alias_bomb_fails_the_cli_with_exit_1(build_plan: Callable[..., Path]) -> None:
    bomb = (CASE_COPIES / "c04-alias-bomb.yaml").read_text(encoding="utf-8")
    root = build_plan({"indicators/pommi.yaml": bomb})
    result = CliRunner().invoke(app, ["validate", "--repo", str(root)])
    assert result.exit_code == 1
    assert "indicators/pommi.yaml:1:4: error Y005 anchor '&a'" in result.stdout


def test_an_alias_without_anchor_is_refused_too() -> None:
    doc = parse_yaml("a: 1\nb: *a\n", "t.yaml")
    assert one(doc) == Finding(
        "t.yaml",
        2,
        4,
        E,
        "Y005",
        "alias '*a' is not allowed in plan files: write the value out in full (anchors and "
        "aliases are refused so that no file can expand without limit)",
    )


@pytest.mark.parametrize("where", ["plan/alue-b.yaml", "indicators/mittari-2.yaml"])
def test_c05_empty_area_or_indicator_file_is_an_error_not_an_empty_plan(
    build_plan: Callable[..., Path], where: str
) -> None:
    empty = (CASE_COPIES / "c05-empty.yaml").read_text(encoding="utf-8")
    assert empty == ""
    root = build_plan({where: empty})
    repo = load_repository(root)
    assert repo.findings == [Finding(where, 1, 1, E, "Y008", EMPTY)]
    findings = validate_repository(repo)
    assert [f for f in findings if f.severity is E] == [Finding(where, 1, 1, E, "Y008", EMPTY)]
    result = CliRunner().invoke(app, ["validate", "--repo", str(root)])
    assert result.exit_code == 1


def test_a_file_of_only_comments_is_empty(tmp_path: Path) -> None:
    doc = read_bytes(tmp_path, b"# fictional fixture\n# nothing else\n")
    assert one(doc) == Finding("plan/alue.yaml", 1, 1, E, "Y008", EMPTY)


# --- encodings ----------------------------------------------------------------------------------


def test_byte_order_mark_is_accepted_and_not_counted_as_a_column(tmp_path: Path) -> None:
    doc = read_bytes(tmp_path, "\ufeffid: alue-a\ntitle: Äänekoski\n".encode())
    assert doc.findings == []
    assert doc.data == {"id": "alue-a", "title": "Äänekoski"}
    assert doc.key_marks[("id",)] == (1, 1)
    assert doc.value_marks[("title",)] == (2, 8)


def test_invalid_utf8_is_located_by_line_and_character_column(tmp_path: Path) -> None:
    doc = read_bytes(tmp_path, b"id: alue-a\ntitle: \xc3\xa4\xe4iti\n")  # Latin-1 "ä" after "ä"
    assert one(doc) == Finding(
        "plan/alue.yaml", 2, 9, E, "Y007", "byte 0xe4 is not valid UTF-8: save the file as UTF-8"
    )
    assert doc.data is None


def test_control_character_is_located(tmp_path: Path) -> None:
    doc = read_bytes(tmp_path, b"id: alue-a\ntitle: Alue\x07A\n")
    assert one(doc) == Finding(
        "plan/alue.yaml",
        2,
        12,
        E,
        "Y001",
        "control character \\x07 is not allowed in plan files: delete it (it is invisible in "
        "most editors; it often comes from copying text from another program)",
    )


ESCAPED = (
    "plan files allow no control characters but tab and line break (shown on a terminal, they "
    "could change what it displays); delete it, or the escape that writes it in double quotes "
    "(such as \\e or \\x1b)"
)


def test_an_escaped_control_character_is_located_b6() -> None:
    # PyYAML checks the raw text, but a double-quoted escape makes any control character after it.
    text = '# fictional fixture\nid: x\nname: "Asunnottomat \\e[2J\\e]0;pwned\\a \\e[31mRED"\n'
    doc = parse_yaml(text, "t.yaml")
    assert one(doc) == Finding(
        "t.yaml", 3, 7, E, "Y001", f"control character \\x1b in this value: {ESCAPED}"
    )


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        ("\\0", "\\x00"),
        ("\\a", "\\x07"),
        ("\\b", "\\x08"),
        ("\\v", "\\x0b"),
        ("\\r", "\\x0d"),
        ("\\x1b", "\\x1b"),
        ("\\x7f", "\\x7f"),
        ("\\N", "\\x85"),
        ("\\u009b", "\\x9b"),
    ],
)
def test_every_escaped_control_character_is_refused(escape: str, shown: str) -> None:
    doc = parse_yaml(f'notes:\n  - "ok {escape} here"\n', "t.yaml")
    assert one(doc) == Finding(
        "t.yaml", 2, 5, E, "Y001", f"control character {shown} in this value: {ESCAPED}"
    )


def test_a_control_character_in_a_key_is_refused() -> None:
    doc = parse_yaml('id: x\n"ti\\x1btle": y\n', "t.yaml")
    assert one(doc) == Finding(
        "t.yaml", 2, 1, E, "Y001", f"control character \\x1b in this key: {ESCAPED}"
    )
    assert doc.data == {"id": "x"}


def test_tab_and_line_break_stay_allowed_in_values() -> None:
    doc = parse_yaml('a: "x\\ty\\nz"\nb: |\n  line\n  \tindented by a tab\n', "t.yaml")
    assert doc.findings == []
    assert doc.data == {"a": "x\ty\nz", "b": "line\n\tindented by a tab\n"}


def test_control_character_names_the_first_refused_one() -> None:
    assert yaml_strict.control_character("tab\tand\nnewline, ä, \u2028, 😀") is None
    assert yaml_strict.control_character("a\x1b[2Jb\x07") == "\\x1b"
    assert yaml_strict.control_character("\x9f") == "\\x9f"
    assert yaml_strict.control_character("\xa0") is None  # a no-break space is text


# --- keys ---------------------------------------------------------------------------------------


def test_duplicate_key_names_both_lines() -> None:
    doc = parse_yaml("# fictional fixture\nid: a\ntitle: x\nid: b\n", "t.yaml")
    assert one(doc) == Finding(
        "t.yaml",
        4,
        1,
        E,
        "Y003",
        "duplicate key 'id': first on line 2, again on line 4; keep one of them",
    )
    assert doc.data == {"id": "a", "title": "x"}


def test_duplicate_key_in_a_nested_mapping() -> None:
    doc = parse_yaml("target:\n  value: 1\n  comparison: at_least\n  value: 2\n", "t.yaml")
    assert one(doc) == Finding(
        "t.yaml",
        4,
        3,
        E,
        "Y003",
        "duplicate key 'value': first on line 2, again on line 4; keep one of them",
    )


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("1: a\n", 1, "key '1' is not text: keys must be text: put the key in quotes"),
        ("no: a\n", 1, "key 'no' is not text: " + QUOTE_BOOL.format("no")),
        ("? [a, b]\n: c\n", 3, "a list or mapping is used as a key: keys must be text"),
    ],
)
def test_key_that_is_not_text(text: str, column: int, message: str) -> None:
    doc = parse_yaml(text, "t.yaml")
    assert one(doc) == Finding("t.yaml", 1, column, E, "Y004", message)


# --- scalars --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("municipality: 049", "049"),  # leading zero: octal 49 is invalid, a YAML 1.1 string
        ("code: 010", "010"),  # octal 8 in YAML 1.1
        ("duration: 1:30", "1:30"),  # base 60: 90
        ("luku: 0o17", "0o17"),
        ("luku: 0x1F", "0x1F"),
        ("luku: 0b101", "0b101"),
        ("luku: 1_000", "1_000"),
        ("luku: .inf", ".inf"),
        ("luku: .NaN", ".NaN"),
    ],
)
def test_yaml11_numbers_are_refused_and_kept_as_written(line: str, value: str) -> None:
    doc = parse_yaml(f"# fictional fixture\n{line}\n", "t.yaml")
    column = line.index(value) + 1
    assert one(doc) == Finding("t.yaml", 2, column, E, "Y004", QUOTE_NUMBER.format(value))
    assert list(doc.data.values()) == [value]


TOO_LARGE = (
    "is too large (numbers in plan files must be smaller than 1 000 000 000 000 000, 10^15, in "
    "size): check the number; if it is a code or a text, put it in quotes"
)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1e999", "1e999"),  # float() gives infinity
        ("-1e999", "-1e999"),
        ("!!float 1e999", "1e999"),
        ("1e15", "1e15"),
        ("1000000000000000", "1000000000000000"),
        ("-1000000000000000", "-1000000000000000"),
        ("1" + "0" * 400, "100000000000… (401 characters)"),  # float() would overflow
        ("9" * 5000, "999999999999… (5000 characters)"),  # int() refuses over 4300 digits
    ],
)
def test_numbers_too_large_are_located_errors_b1(written: str, shown: str) -> None:
    doc = parse_yaml(f"# fictional fixture\nvalues:\n  - value: {written}\n", "t.yaml")
    assert one(doc) == Finding("t.yaml", 3, 12, E, "Y004", f"the number {shown} {TOO_LARGE}")
    assert doc.data == {"values": [{"value": written.removeprefix("!!float ")}]}


def test_numbers_just_below_the_limit_are_read() -> None:
    doc = parse_yaml("a: 999999999999999\nb: -999999999999999\nc: 9.99e14\nd: 1e-300\n", "t.yaml")
    assert doc.findings == []
    assert doc.data == {"a": 999999999999999, "b": -999999999999999, "c": 9.99e14, "d": 1e-300}


def test_a_huge_value_in_an_indicator_fails_validate_with_exit_1_not_3(
    build_plan: Callable[..., Path],
) -> None:
    for value in ("1e999", "1" + "0" * 400):
        indicator = (
            "# fictional fixture\nid: mittari-1\nname: M\nkind: rate\nvalues:\n"
            f"  - period: 2024\n    value: {value}\n"
        )
        root = build_plan({"indicators/mittari-1.yaml": indicator})
        for command in (["validate"], ["export"], ["status", "--as-of", "2025-01-01"]):
            result = CliRunner().invoke(app, [*command, "--repo", str(root)])
            assert result.exit_code == 1, (command, result.output)
            assert "Infinity" not in result.output and "Traceback" not in result.output
        validate = CliRunner().invoke(app, ["validate", "--repo", str(root)])
        assert "indicators/mittari-1.yaml:7:12: error Y004 the number" in validate.output


@pytest.mark.parametrize("word", ["y", "Y", "n", "yes", "No", "ON", "off", "Off"])
def test_yaml11_booleans_are_refused(word: str) -> None:
    doc = parse_yaml(f"title: {word}\n", "t.yaml")
    assert one(doc) == Finding("t.yaml", 1, 8, E, "Y004", QUOTE_BOOL.format(word))
    assert doc.data == {"title": word}


def test_core_scalars_are_read() -> None:
    doc = parse_yaml(
        'a: true\nb: False\nc: ~\nd: null\ne: 12\nf: -3\ng: 12.5\nh: 1e3\ni: "no"\nj: "049"\n',
        "t.yaml",
    )
    assert doc.findings == []
    assert doc.data == {
        "a": True,
        "b": False,
        "c": None,
        "d": None,
        "e": 12,
        "f": -3,
        "g": 12.5,
        "h": 1000.0,
        "i": "no",
        "j": "049",
    }


def test_unquoted_dates_stay_text() -> None:
    doc = parse_yaml("start: 2024-05-31\nmonth: 2024-05\nimpossible: 2025-02-29\n", "t.yaml")
    assert doc.findings == []
    assert doc.data == {"start": "2024-05-31", "month": "2024-05", "impossible": "2025-02-29"}


def test_impossible_date_is_located_in_a_date_field(build_plan: Callable[..., Path]) -> None:

    plan = MINIMAL_PLAN.replace(
        "period: {start: 2024-01-01, end: 2026-12-31}",
        "period:\n  start: 2025-02-29\n  end: 2026-12-31",
    )
    root = build_plan({"plan/plan.yaml": plan})
    repo = load_repository(root)
    line = plan.splitlines().index("  start: 2025-02-29") + 1
    assert repo.findings == [
        Finding(
            "plan/plan.yaml",
            line,
            10,
            E,
            "S003",
            "2025-02-29 is not a date: February 2025 has 28 days",
        )
    ]
    assert repo.plan is None


def test_impossible_date_in_a_completion(build_plan: Callable[..., Path]) -> None:

    area = MINIMAL_AREA + "        completed:\n          - date: 2023-02-29\n"
    root = build_plan({"plan/alue-a.yaml": area})
    repo = load_repository(root)
    assert repo.findings == [
        Finding(
            "plan/alue-a.yaml",
            len(area.splitlines()),
            19,
            E,
            "S003",
            "2023-02-29 is not a date: February 2023 has 28 days",
        )
    ]


# --- tags, nesting, documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system x\n", "tag:yaml.org,2002:python/object:os.system"),
        (
            "a: !!python/object/apply:os.system [echo]\n",
            "tag:yaml.org,2002:python/object/apply:os.system",
        ),
        ("a: !!python/name:os.system ''\n", "tag:yaml.org,2002:python/name:os.system"),
        ("a: !!binary aGVsbG8=\n", "tag:yaml.org,2002:binary"),
        ("a: !!timestamp 2024-01-01\n", "tag:yaml.org,2002:timestamp"),
        ("a: !custom x\n", "!custom"),
    ],
)
def test_non_standard_tags_are_refused(text: str, tag: str) -> None:
    doc = parse_yaml(text, "t.yaml")
    assert one(doc) == Finding(
        "t.yaml",
        1,
        4,
        E,
        "Y006",
        f"tag '{tag}' is not allowed in plan files: remove it (only YAML's standard tags such as "
        "!!str are accepted)",
    )
    assert doc.data is None  # nothing was constructed


@pytest.mark.parametrize("text", ['!!bool "yes"', "!!int 1_000", "!!int 0x1F", "!!float .nan"])
def test_standard_tag_with_a_value_in_another_form_is_refused(text: str) -> None:
    doc = parse_yaml(f"a: {text}\n", "t.yaml")
    finding = one(doc)
    assert (finding.line, finding.column, finding.code) == (1, 4, "Y006")
    assert finding.message.endswith(
        "remove the tag, or write the value in its plain form (true/false, a decimal number)"
    )
    assert not contains_bool(doc.data)


def test_standard_tags_in_plain_form_are_read() -> None:
    doc = parse_yaml('a: !!str 12\nb: !!int "12"\nc: !!bool "true"\n', "t.yaml")
    assert doc.findings == []
    assert doc.data == {"a": "12", "b": 12, "c": True}


DEEP = f"nesting deeper than {yaml_strict.MAX_DEPTH} levels: plan files are never this deep"


def test_flow_nesting_is_refused_past_the_limit() -> None:
    depth = 500
    doc = parse_yaml("[" * depth + "]" * depth, "t.yaml")
    assert one(doc) == Finding("t.yaml", 1, yaml_strict.MAX_DEPTH + 1, E, "Y009", DEEP)
    assert doc.data is None


def test_flow_nesting_bomb_is_refused(backend: str) -> None:
    # libyaml's scanner stops at 1000 open brackets, before hyte's own limit is reached.
    depth = 100_000
    doc = parse_yaml("[" * depth + "]" * depth, "t.yaml")
    column = 1001 if backend.startswith("libyaml") else yaml_strict.MAX_DEPTH + 1
    assert one(doc) == Finding("t.yaml", 1, column, E, "Y009", DEEP)
    assert doc.data is None


def test_block_nesting_bomb_is_refused() -> None:
    text = "".join(" " * i + "a:\n" for i in range(200)) + " " * 200 + "x\n"
    doc = parse_yaml(text, "t.yaml")
    finding = one(doc)
    assert (finding.line, finding.code) == (yaml_strict.MAX_DEPTH, "Y009")


@pytest.mark.parametrize(
    ("where", "raw"),
    [
        ("indicators/mittari-1.yaml", "- id: mittari-1\n- name: x\n"),
        ("indicators/mittari-1.yaml", "just a sentence\n"),
        ("plan/alue-a.yaml", "[alue-a]\n"),
        ("plan/alue-a.yaml", "null\n"),
    ],
)
def test_top_level_that_is_not_a_mapping(
    build_plan: Callable[..., Path], where: str, raw: str
) -> None:
    root = build_plan({where: "# fictional fixture\n" + raw})
    repo = load_repository(root)
    assert repo.findings == [
        Finding(
            where,
            2,
            1,
            E,
            "S003",
            "the file must hold a mapping of fields (key: value lines) at the top",
        )
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "pure_problem"),
    [
        ("a: 1\n---\nb: 2\n", 2, 1, "but found another document"),
        ("title: Alue: A\n", 1, 12, "mapping values are not allowed here"),
    ],
)
def test_invalid_yaml_is_located(
    backend: str, text: str, line: int, column: int, pure_problem: str
) -> None:
    # libyaml words syntax errors differently from PyYAML; both are located the same.
    finding = one(parse_yaml(text, "t.yaml"))
    assert (finding.path, finding.line, finding.column, finding.code) == (
        "t.yaml",
        line,
        column,
        "Y001",
    )
    assert finding.message.startswith("invalid YAML: ")
    assert finding.message.endswith("; check the indentation and quoting around this place")
    if backend == "pure":
        assert pure_problem in finding.message


def test_an_unclosed_bracket_points_where_it_opens(backend: str) -> None:
    # More cases, on both parsers: tests/test_yaml_backends.py.
    finding = one(parse_yaml("a: [1, 2\n", "t.yaml"))
    assert (finding.line, finding.column, finding.code) == (1, 4, "Y001")
    assert "(noticed at line 2, column 1)" in finding.message


def test_all_problems_in_one_file_are_reported() -> None:
    doc = parse_yaml("a: yes\nb: 049\na: 2\n", "t.yaml")
    assert [(f.line, f.code) for f in doc.findings] == [(1, "Y004"), (2, "Y004"), (3, "Y003")]


# --- files --------------------------------------------------------------------------------------


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 2**20)
    doc = read_bytes(tmp_path, b"id: a\n" + b"# " + b"x" * (3 * 2**19) + b"\n")
    finding = one(doc)
    assert (finding.code, finding.line, finding.column) == ("Y010", 1, 1)
    assert finding.message.startswith("the file is 1.5 MB; a plan file must be under 1 MB: split")


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    doc = read_bytes(tmp_path, "id: alue\ntitle: Äiti\n".encode("utf-16"))
    finding = one(doc)
    assert finding.code == "Y007" and "the file is UTF-16" in finding.message
    assert "save it as UTF-8" in finding.message


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    folder = tmp_path / "plan" / "kansio.yaml"
    folder.mkdir(parents=True)
    doc = read_yaml_file(folder, "plan/kansio.yaml")
    finding = one(doc)
    assert (finding.path, finding.line, finding.column, finding.code) == (
        "plan/kansio.yaml",
        0,
        0,
        "Y011",
    )
    assert finding.message.startswith("cannot read the file: ")


def test_marks_point_at_keys_and_values() -> None:
    doc = parse_yaml("goals:\n  - id: g1\n    title: T\n", "t.yaml")
    assert doc.key_marks[("goals", 0, "title")] == (3, 5)
    assert doc.value_marks[("goals", 0, "title")] == (3, 12)
    assert doc.locate(("goals", 0, "missing")) == doc.value_marks[("goals", 0)] == (2, 5)
    assert set(iter_paths(doc.data)) == set(doc.value_marks)


def test_compose_strict_gives_nodes_or_the_finding_parse_yaml_gives() -> None:
    root = yamlfile.compose_strict("a: 1\nb: [x]\n", "x.yaml")
    assert isinstance(root, yaml.MappingNode)
    assert root.value[1][1].start_mark.line == 1  # marks kept, for editing in place
    assert yamlfile.compose_strict("# only a comment\n", "x.yaml") is None
    for text in (
        "a: &x 1\nb: *x\n",
        "a: !!python/name:os.system x\n",
        "a: b\n  c: d\n",
        "a\x07: 1",
    ):
        [finding] = parse_yaml(text, "x.yaml").findings
        with pytest.raises(yamlfile.YamlProblem) as raised:
            yamlfile.compose_strict(text, "x.yaml")
        assert raised.value.finding == finding
        assert str(raised.value).startswith(f"line {finding.line}, column {finding.column}: ")
    # What needs the data (duplicate keys, YAML 1.1 forms) is parse_yaml's, after composing.
    assert yamlfile.compose_strict("a: 1\na: 2\ntitle: no\n", "x.yaml") is not None


def test_editing_composes_with_the_strict_loader_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    # The editing code (now hytecli.yaml_nodes) once imported the loader class by name, so it
    # missed a swapped loader.
    from hytecli import yaml_nodes

    used = []

    class Spy(yaml_strict.PureStrictLoader):
        def __init__(self, stream: str) -> None:
            used.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(yamlfile, "_StrictLoader", Spy)
    yaml_nodes.compose("a: 1\n")
    assert used == ["a: 1\n"]
    with pytest.raises(yaml_nodes.EditProblem, match=r"\(line 2, column 4: .*run hyte validate"):
        yaml_nodes.compose("a: 1\nb: *x\n")
