"""The ``hyte`` command line: parses arguments, calls the library, prints, and sets the exit code.

The logic lives in the library modules (:mod:`hytecli.validation`, :mod:`hytecli.status`,
:mod:`hytecli.export`, ...); this package only turns options into calls and results into output.
Heavy modules are imported inside the commands so that ``hyte --help`` starts fast.

This module makes the ``hyte`` app (typer, with help and option errors in plain words) and
registers the commands, which live by what they work on: :mod:`.plan_commands` (validate, status,
export, schema, report), :mod:`.edit_commands` (record, complete, assess), :mod:`.repo_commands`
(diff, init), :mod:`.sotkanet_commands` and :mod:`.collect_commands` (collect, collect
status); :mod:`.common` holds what they share (errors and exit codes, options, output).

Exit codes: 0 success; 1 the check failed (findings, ``--fail-on`` matched) or the input is bad;
2 usage error (bad option, no plan repository); 3 an unexpected internal error (a bug: please
report it); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import gc
import inspect
import os
import re
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn

import typer
from typer.models import CommandFunctionType

from hytecli import __version__
from hytecli.cli import (
    collect_commands,
    collect_import,
    common,
    edit_commands,
    plan_commands,
    repo_commands,
    sotkanet_commands,
    translate_commands,
)

__all__ = ["app", "main", "run"]


class _FlagHelp:
    """Show on/off flags in ``--help`` as flags: without a value type after them.

    typer 0.29's help shows ``<bool>`` after every flag (``--strict <bool>``, ``--help <bool>``)
    as if it took a value; an empty metavar leaves the type column blank for flags.
    """

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


def flowed_help(text: str | None) -> str | None:
    r"""A command's help with click's line-break convention, which typer's Rich help lacks.

    Prose paragraphs are written over several source lines, as any docstring; typer 0.29 (Rich
    markup mode) keeps those line breaks after the first paragraph and then wraps each line
    again, so the help comes out ragged. Here a paragraph's lines are joined, for Rich to wrap
    to the terminal, except in a paragraph that starts with ``\b`` on a line of its own
    (click's marker: the backspace character, or a backslash and ``b`` as a raw docstring
    writes it), whose lines (examples, lists) are kept as written. Whatever follows ``\f``
    (notes for developers) is left for typer to cut off.

    Args:
        text: The help text (a docstring, dedented or not); ``None`` when there is none.

    Returns:
        The help text to show, or ``None``.
    """
    if text is None:
        return None
    shown, cut, rest = inspect.cleandoc(text).partition("\f")
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", shown.strip()):
        marker = next((m for m in ("\b\n", "\\b\n") if paragraph.startswith(m)), None)
        if marker is not None:
            paragraphs.append(paragraph[len(marker) :])
        else:
            paragraphs.append(" ".join(line.strip() for line in paragraph.splitlines()))
    return "\n\n".join(paragraphs) + (f"\n{cut}{rest}" if cut else "")


class _Command(_FlagHelp, typer.core.TyperCommand):
    r"""A ``hyte`` subcommand: flags shown as flags in its help, bad option values in plain words.

    Its help keeps the lines of a paragraph marked ``\b`` and rewraps the others
    (:func:`flowed_help`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = flowed_help(self.help)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as exc:
            exc.message = _plain_bad_value(exc)
            raise


def _plain_bad_value(exc: typer.BadParameter) -> str:
    """Say what is wrong with an option's value in plain words, not pydantic's.

    typer 0.29 converts option values with pydantic and passes on its message ("Value error,
    'de' is not one of 'fi', 'sv', 'en'.", "Input should be a valid integer, unable to parse
    string as an integer"); this says "'de' is not one of fi, sv, en" and "'abc' is not a whole
    number" instead. Other messages are kept.
    """
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors):
        return exc.message
    try:
        first = errors()[0]
        kind, value, limits = first["type"], first.get("input"), first.get("ctx") or {}
    except (LookupError, TypeError):
        return exc.message
    descriptor: Any = getattr(exc.param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if getattr(descriptor, "is_choice", 0) else None
    if choices:
        names = [str(getattr(choice, "value", choice)) for choice in choices]
        return f"{value!r} is not one of {', '.join(names)}"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"{value!r} is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{value!r} is not a number"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(limits.values()), None)
        words = {
            "greater_than_equal": f"{bound} or more",
            "greater_than": f"more than {bound}",
            "less_than_equal": f"{bound} or less",
            "less_than": f"less than {bound}",
        }[kind]
        return f"must be {words}, not {value}"
    if kind == "value_error" and "error" in limits:
        return str(limits["error"]).rstrip(".")
    return exc.message


class _Group(_FlagHelp, typer.core.TyperGroup):
    """The ``hyte`` command group (flags shown as flags in its help, :func:`flowed_help`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = flowed_help(self.help)


class _Typer(typer.Typer):
    """A Typer app whose commands are :class:`_Command` unless a command names its class."""

    def command(
        self, *args: Any, cls: type[typer.core.TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(*args, cls=cls or _Command, **kwargs)


app = _Typer(
    name="hyte",
    cls=_Group,
    help=(
        "Keep a regional wellbeing plan (alueellinen hyvinvointisuunnitelma) as YAML in git: "
        "validate it, see what is due and overdue, export it."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"hyte {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Keep a regional wellbeing plan as YAML in git."""


# The commands in the order ``hyte --help`` lists them: the plan's checks and views, recording
# in it, its repository, the annual report.
for _command in (
    plan_commands.validate,
    plan_commands.status,
    plan_commands.export,
    plan_commands.schema,
    edit_commands.record,
    edit_commands.complete,
    edit_commands.assess,
    repo_commands.diff,
    repo_commands.init,
    plan_commands.report,
):
    app.command()(_command)

# hyte sotkanet import|fetch: indicator data from THL's Sotkanet
_sotkanet = _Typer(
    cls=_Group,
    help=sotkanet_commands.HELP,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_sotkanet.command("import")(sotkanet_commands.import_)
_sotkanet.command("fetch")(sotkanet_commands.fetch)
app.add_typer(_sotkanet, name="sotkanet")

# hyte collect [status|import]: the yearly workbooks of the responsible parties. The group's
# callback writes the workbooks when no subcommand is given.
_collect = _Typer(
    cls=_Group,
    help=collect_commands.HELP,
    invoke_without_command=True,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_collect.callback()(collect_commands.collect)
_collect.command("status")(collect_commands.status)
_collect.command("import")(collect_import.import_)
app.add_typer(_collect, name="collect")
# hyte translate export|import: the plan's texts to translators and back
_translate = _Typer(
    cls=_Group,
    help=translate_commands.HELP,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_translate.command("export")(translate_commands.export)
_translate.command("import")(translate_commands.import_)
app.add_typer(_translate, name="translate")


def run() -> NoReturn:
    """The ``hyte`` console command (and ``python -m hytecli``): :func:`main`, then leave at once.

    The plan a command loaded is kept to the end (:func:`~hytecli.cli.common.keep_until_exit`)
    and the process ends with :func:`os._exit` after flushing standard output and error, as mypy
    does, instead of freeing every object of the plan one by one just before the process ends
    anyway: a third of a second for a national-size plan (benchmarks/). Commands have written
    and closed their files, removed their temporary files and released their locks by then
    (each in its own ``with`` or ``finally``). The exit code is :func:`main`'s.
    """
    common.keep_until_exit()
    gc.disable()  # and main() leaves it off: a collection now would walk the whole plan
    code = 0
    try:
        main()
    except SystemExit as exc:
        if isinstance(exc.code, int):
            code = exc.code
        elif exc.code is not None:  # sys.exit("message"): printed, exit code 1
            with contextlib.suppress(ValueError, OSError):
                sys.stderr.write(f"{exc.code}\n")
            code = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None or stream.closed:  # closed by a command, e.g. after a broken pipe
            continue
        try:
            stream.flush()
        except BrokenPipeError:  # output piped into e.g. `head`, which has stopped reading
            pass
        except OSError:  # a full disk
            code = code or 1
    os._exit(code)


def main() -> None:
    """Entry point of the ``hyte`` command for a program that goes on afterwards.

    Runs the command line in ``sys.argv`` and raises :class:`SystemExit` with its exit code, as
    a Typer app does; objects are freed as usual. The console command is :func:`run`.
    """
    from hytecli.output import error_handler, escape_note

    # A command is one short process that builds the plan's objects and keeps them to its end.
    # The cyclic garbage collector would walk them again and again (with the default thresholds
    # a third of the time of loading a national-size plan; even with collections every 50,000
    # new objects a quarter of `hyte status`'s CPU time there, benchmarks/). Reference counting
    # still frees at once everything that is not a cycle, and the commands make few cycles: the
    # peak memory at the national size is the same with and without the collector. It is
    # switched back on when the command ends, for a program that calls main() and goes on.
    collecting = gc.isenabled()
    gc.disable()
    for stream in (sys.stdout, sys.stderr):
        # Never crash on a terminal that cannot show ä, ö, – or box characters: escape them
        # (\xe4) or approximate them on a terminal, never "?" for all, and say so once at the
        # end (hytecli.output).
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors=error_handler(stream))
    try:
        app()
    finally:
        if collecting:
            gc.enable()
        note = escape_note()
        if note is not None:
            with contextlib.suppress(ValueError, OSError):
                sys.stderr.write(note + "\n")
