"""The ``hyte`` command line: parses arguments, calls the library, prints, and sets the exit code.

The logic lives in the library modules (:mod:`hytecli.validation`, :mod:`hytecli.status`,
:mod:`hytecli.export`, ...); this module only turns options into calls and results into output.
Heavy modules are imported inside the commands so that ``hyte --help`` starts fast.

Exit codes: 0 success; 1 the check failed (findings, ``--fail-on`` matched) or the input is bad;
2 usage error (bad option, no plan repository); 3 an unexpected internal error (a bug: please
report it); 130 interrupted.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from hytecli import __version__

if TYPE_CHECKING:
    from hytecli.repository import PlanRepository

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="hyte",
    help=(
        "Keep a regional wellbeing plan (alueellinen hyvinvointisuunnitelma) as YAML in git: "
        "validate it, see what is due and overdue, export it."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


class UserError(Exception):
    """An expected problem with the user's input or setup; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _err(message: str) -> None:
    typer.echo(f"hyte: {message}", err=True)


def handle_errors(command: F) -> F:
    """Turn expected errors into a one-line message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from hytecli.repository import RepositoryNotFound

        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.BadParameter):
            raise  # typer prints a bad option value as a usage error (exit 2)
        except RepositoryNotFound as exc:
            _err(f"error: {exc}")
            raise typer.Exit(EXIT_USAGE) from None
        except UserError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # Output piped into e.g. `head`: stop quietly.
            sys.stderr.close()
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            _err(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in hyte. Please report it with the command you ran; "
                "set HYTE_DEBUG=1 to see the traceback."
            )
            if os.environ.get("HYTE_DEBUG"):
                raise
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help="Plan repository folder. Default: the nearest folder upwards with plan/plan.yaml.",
        file_okay=False,
        show_default=False,
    ),
]


def _repository_root(repo: Path | None) -> Path:
    from hytecli.repository import check_repository, find_repository

    if repo is not None:
        return check_repository(repo)
    return find_repository(Path.cwd())


def _load(repo: Path | None) -> PlanRepository:
    from hytecli.repository import load_repository

    return load_repository(_repository_root(repo))


def _parse_date_option(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from hytecli.periods import DateProblem, parse_iso_date

    try:
        return parse_iso_date(value)
    except DateProblem as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"hyte {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a regional wellbeing plan as YAML in git."""


# --- validate -------------------------------------------------------------------------------------


class FindingFormat(StrEnum):
    """Output formats of ``hyte validate``."""

    text = "text"
    json = "json"
    github = "github"


@app.command()
@handle_errors
def validate(
    repo: RepoOption = None,
    output_format: Annotated[
        FindingFormat,
        typer.Option("--format", help="text, json, or github (workflow annotations)."),
    ] = FindingFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check the plan files: schema, references, deadlines, targets and values.

    Prints each finding as path:line:col: severity CODE message. Exits 0 when clean (warnings
    allowed unless --strict), 1 when there are findings that fail, 2 on a usage error.
    """
    from hytecli.findings import has_failures
    from hytecli.reporters import render_findings
    from hytecli.validation import validate_repository

    repository = _load(repo)
    findings = validate_repository(repository)
    output = render_findings(findings, output_format.value, strict=strict)
    if output:
        typer.echo(output, nl=not output.endswith("\n"))
    if has_failures(findings, strict=strict):
        raise typer.Exit(EXIT_FAILED)


# --- status ---------------------------------------------------------------------------------------


class StatusFormat(StrEnum):
    """Output formats of ``hyte status``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    """States that make ``hyte status --fail-on`` exit 1."""

    overdue = "overdue"
    due = "due"


@app.command()
@handle_errors
def status(
    repo: RepoOption = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge deadlines as on this day. Default: today in the plan's time zone.",
            show_default=False,
        ),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option("--area", metavar="ID", help="Only this priority area (repeatable).", show_default=False),
    ] = None,
    responsible: Annotated[
        str | None,
        typer.Option(
            "--responsible",
            metavar="TEXT",
            help="Only items whose responsible party contains TEXT (case-insensitive).",
            show_default=False,
        ),
    ] = None,
    due_within: Annotated[
        int,
        typer.Option("--due-within", metavar="DAYS", min=0, help="'Due soon' means within this many days."),
    ] = 60,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", help="table, json or markdown.")
    ] = StatusFormat.table,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if anything is overdue ('overdue'), or overdue or due soon ('due').",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show what is done, overdue, due soon and open, per priority area, and how indicators stand."""
    from hytecli.status import StatusQuery, compute_status, fails
    from hytecli.status_render import print_status

    as_of_date = _parse_date_option(as_of, "--as-of")
    repository = _load(repo)
    _refuse_broken(repository)
    query = StatusQuery(
        as_of=as_of_date,
        areas=tuple(area or ()),
        responsible=responsible,
        due_within=due_within,
    )
    try:
        report = compute_status(repository, query)
    except LookupError as exc:
        raise UserError(str(exc), EXIT_USAGE) from None
    print_status(report, output_format.value)
    if fail_on is not None and fails(report, fail_on.value):
        raise typer.Exit(EXIT_FAILED)


def _refuse_broken(repository: PlanRepository) -> None:
    """Stop with the load errors when the plan cannot be read well enough to use."""
    from hytecli.findings import Severity, sort_findings

    errors = [f for f in repository.findings if f.severity is Severity.ERROR]
    if repository.plan is None or errors:
        shown = sort_findings(errors)[:20]
        lines = "\n".join(str(f) for f in shown)
        more = f"\n... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise UserError(
            f"the plan files have errors; fix them first (hyte validate lists them all):\n"
            f"{lines}{more}"
        )


# --- export ---------------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    """Output formats of ``hyte export``."""

    json = "json"


@app.command()
@handle_errors
def export(
    repo: RepoOption = None,
    output_format: Annotated[ExportFormat, typer.Option("--format", help="json.")] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output.", dir_okay=False),
    ] = None,
) -> None:
    """Export the whole normalised plan (areas, goals, actions, indicators) as one JSON document."""
    from hytecli.export import export_json

    repository = _load(repo)
    _refuse_broken(repository)
    text = export_json(repository)
    _write_output(text, output)


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from hytecli.fileio import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror}") from None
    _err(f"wrote {output}")


# --- schema ---------------------------------------------------------------------------------------


class SchemaKind(StrEnum):
    """The kinds of plan file with a JSON Schema."""

    plan = "plan"
    area = "area"
    indicator = "indicator"


@app.command()
@handle_errors
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="plan, area or indicator.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output.", dir_okay=False),
    ] = None,
) -> None:
    """Print the JSON Schema of a plan file kind, for editors (yaml-language-server)."""
    from hytecli.schema import schema_json

    _write_output(schema_json(kind.value), output)


# --- record, complete -----------------------------------------------------------------------------



@app.command()
@handle_errors
def record(
    indicator: Annotated[
        str, typer.Argument(help="The indicator's id (indicators/<id>.yaml).", show_default=False)
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="The value: a number (12,5 or 12.5; 1 234; a % sign for percentages), a yes/no "
            "word (kyllä/ei, toteutui/ei toteutunut, ja/nej, yes/no, true/false) or a text.",
            show_default=False,
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="The period the value is for: 2025, 2025-H1, 2025-Q3 or 2025-05, as the "
            "indicator is reported.",
            show_default=False,
        ),
    ],
    repo: RepoOption = None,
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            metavar="CODE",
            help="A municipality code from plan.yaml (e.g. 049); default: the whole area.",
            show_default=False,
        ),
    ] = None,
    series: Annotated[
        str | None,
        typer.Option(
            "--series",
            metavar="NAME",
            help="A reference series named by the indicator's target, e.g. national_average.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="A note.", show_default=False)
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", metavar="TEXT", help="Where the value comes from.", show_default=False
        ),
    ] = None,
    on_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The day the value was achieved or recorded (optional).",
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace a value already recorded for the period.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
    ] = False,
) -> None:
    """Record an indicator's value for a period; the rest of the file stays byte for byte.

    Anything that does not fit the plan is refused with a message and nothing written (exit 1).
    """
    from datetime import UTC, datetime

    from hytecli.recording import Refused, record_value

    day = _parse_date_option(on_date, "--date")
    root = _repository_root(repo)
    try:
        result = record_value(
            root,
            indicator,
            value,
            period=period,
            now=datetime.now(UTC),
            municipality=municipality,
            series=series,
            note=note,
            source=source,
            on_date=day,
            replace=replace,
            dry_run=dry_run,
        )
    except Refused as exc:
        raise UserError(str(exc)) from None
    if dry_run:
        typer.echo(result.diff, nl=False)
    typer.echo(result.describe())


@app.command()
@handle_errors
def complete(
    item: Annotated[str, typer.Argument(help="The goal's or action's id.", show_default=False)],
    repo: RepoOption = None,
    on_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The day it was done. Default: today in the plan's time zone.",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        int | None,
        typer.Option(
            "--period",
            metavar="YEAR",
            help="For a yearly recurring item (required for those): the year this covers.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="A note.", show_default=False)
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Change a completion already recorded.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
    ] = False,
) -> None:
    """Mark a goal or action completed (adds to its completed list in the area file)."""
    from datetime import UTC, datetime

    from hytecli.recording import Refused, complete_item

    day = _parse_date_option(on_date, "--date")
    root = _repository_root(repo)
    try:
        result = complete_item(
            root,
            item,
            now=datetime.now(UTC),
            on_date=day,
            period=period,
            note=note,
            replace=replace,
            dry_run=dry_run,
        )
    except Refused as exc:
        raise UserError(str(exc)) from None
    if dry_run:
        typer.echo(result.diff, nl=False)
    typer.echo(result.describe())


def main() -> None:
    """Entry point of the ``hyte`` console command."""
    for stream in (sys.stdout, sys.stderr):
        # Never crash on a terminal that cannot show ä, ö, – or box characters.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - detached or closed stream
                pass
    app()
