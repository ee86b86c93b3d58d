"""Every command's --help: it renders, every option is explained, flags read as flags."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from hytecli.cli import app

GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]


def test_every_command_is_listed() -> None:
    assert {"validate", "status", "export", "schema", "record", "complete", "diff", "init"} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_renders_explains_every_option_and_shows_flags_as_flags(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Usage: hyte" in text
    # a flag takes no value, so no value type is shown after it (typer shows "<bool>")
    assert "<bool>" not in text
    target = GROUP if command is None else GROUP.commands[command]  # type: ignore[attr-defined]
    with target.make_context("hyte", [], resilient_parsing=True) as ctx:
        params = target.get_params(ctx)
    for param in params:
        assert (getattr(param, "help", None) or "").strip(), f"{command}: {param.name} has no help"
        if param.param_type_name == "option":
            for opt in param.opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text), (command, opt)
    for flag in ("--help", "--dry-run", "--replace", "--strict", "--exit-code", "--version"):
        for line in text.splitlines():
            if re.search(rf"(?<![\w-]){flag}(?![\w-])", line) and "│" in line:
                # the option's row: its name, maybe its short form, then straight its help text
                row = line.strip("│ ").split()
                index = row.index(flag)
                rest = [word for word in row[index + 1 :] if word not in ("-h",)]
                assert rest and not rest[0].startswith("<"), (command, line)


def test_complete_date_default_names_the_replace_case() -> None:
    # With --replace and no --date, the date already recorded is kept (not today).
    [date_option] = [p for p in GROUP.commands["complete"].params if p.name == "on_date"]  # type: ignore[attr-defined]
    assert date_option.help == (
        "The day it was done. Default: today in the plan's time zone, or with --replace the date "
        "already recorded."
    )


def _help(*args: str, columns: int = 80) -> list[str]:
    result = CliRunner().invoke(
        app, [*args, "--help"], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    return [line.strip() for line in result.stdout.splitlines()]


def test_diff_help_keeps_its_examples_and_exit_codes_line_by_line() -> None:
    lines = _help("diff")
    examples = lines.index("Examples:")
    assert lines[examples + 1 : examples + 6] == [
        "hyte diff                    this branch's changes, committed or not",
        "hyte diff origin/main        from origin/main to the working tree",
        "hyte diff v2024 v2025        between two tags, branches or commits",
        "hyte diff --format markdown  for a pull request or a CI job summary",
        "hyte diff --format json      for other programs",
    ]
    codes = lines.index("Exit codes:")
    assert [line[:3] for line in lines[codes + 1 : codes + 4]] == ["0  ", "1  ", "2  "]
    assert not any("\b" in line or "\\b" in line for line in lines)


@pytest.mark.parametrize("command", ["diff", "init", "status", "validate"])
def test_prose_paragraphs_are_rewrapped_not_broken_where_the_source_breaks(command: str) -> None:
    # the docstrings break their lines at ~95 columns; shown at 200 columns, a paragraph is one
    # line, not the source's lines (typer's Rich help kept them and wrapped each again)
    wide = _help(command, columns=200)
    start = wide.index("") + 1  # after the usage line
    description = wide[start + 2 : wide.index("", start + 2)]
    assert len(description) == 1, description


def test_flowed_help_rules() -> None:
    from hytecli.cli import flowed_help

    text = (
        "First\nline.\n\nProse\n  goes on.\n\n\b\nkept\n  as written\n\n\\b\nraw  kept\n\fdev notes"
    )
    assert flowed_help(text) == (
        "First line.\n\nProse goes on.\n\nkept\n  as written\n\nraw  kept\n\fdev notes"
    )
    assert flowed_help(None) is None
