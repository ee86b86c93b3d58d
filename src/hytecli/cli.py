"""The ``hyte`` command line: parses arguments, calls the library, prints, and sets the exit code.

The logic lives in the library modules (:mod:`hytecli.validation`, :mod:`hytecli.status`,
:mod:`hytecli.export`, ...); this module only turns options into calls and results into output.
Heavy modules are imported inside the commands so that ``hyte --help`` starts fast.

Exit codes: 0 success; 1 the check failed (findings, ``--fail-on`` matched) or the input is bad;
2 usage error (bad option, no plan repository); 3 an unexpected internal error (a bug: please
report it); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.models import CommandFunctionType

from hytecli import __version__
from hytecli.errors import HyteError

if TYPE_CHECKING:
    from hytecli.repository import PlanRepository

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


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


class _Command(_FlagHelp, typer.core.TyperCommand):
    """A ``hyte`` subcommand: flags shown as flags in its help, bad option values in plain words."""

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
    """The ``hyte`` command group (flags shown as flags in its help)."""


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

F = TypeVar("F", bound=Callable[..., Any])


class UserError(HyteError):
    """A problem the CLI itself finds in the user's input or setup (see errors.HyteError)."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _err(message: str) -> None:
    typer.echo(f"hyte: {message}", err=True)


def handle_errors(command: F) -> F:
    """Turn expected errors into a one-line message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.BadParameter):
            raise  # typer prints a bad option value as a usage error (exit 2)
        except HyteError as exc:  # expected problems raised by the library
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
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
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
        typer.Option(
            "--area", metavar="ID", help="Only this priority area (repeatable).", show_default=False
        ),
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
        typer.Option(
            "--due-within", metavar="DAYS", min=0, help="'Due soon' means within this many days."
        ),
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
    """Show what is done, overdue, due soon and open per priority area, and how indicators stand."""
    from datetime import UTC, datetime

    from hytecli.status import StatusQuery, compute_status, fail_reason
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
        report = compute_status(repository, query, now=datetime.now(UTC))
    except LookupError as exc:
        raise UserError(str(exc), EXIT_USAGE) from None
    print_status(report, output_format.value)
    reason = fail_reason(report, fail_on.value) if fail_on is not None else None
    if reason is not None:
        _err(f"{reason} (--fail-on {fail_on})")
        raise typer.Exit(EXIT_FAILED)


def _refuse_broken(repository: PlanRepository) -> None:
    """Stop with the load errors when the plan cannot be read well enough to use.

    ``require_usable_plan`` raises PlanHasErrors, a HyteError that handle_errors prints (exit 1).
    """
    from hytecli.repository import require_usable_plan

    require_usable_plan(repository)


# --- export ---------------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    """Output formats of ``hyte export``."""

    json = "json"


@app.command()
@handle_errors
def export(
    repo: RepoOption = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="json.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Export the whole normalised plan (areas, goals, actions, indicators) as one JSON document."""
    from hytecli.export import export_json

    repository = _load(repo)
    _refuse_broken(repository)
    text = export_json(repository)
    _write_output(text, output)


def _write_output(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to the file ``output`` (``--output``).

    An ``--output`` that is not a regular file (a folder, a device, a FIFO), or a file in a
    folder that does not exist, is a usage error (exit 2, :func:`hytecli.fileio.write_output`)
    that says what to do; any other failure to write exits 1.
    """
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from hytecli.fileio import write_output

    try:
        write_output(output, text)
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
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
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

    from hytecli.recording import record_value

    day = _parse_date_option(on_date, "--date")
    root = _repository_root(repo)
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
    _print_change(result.diff if dry_run else None, result.describe())


def _print_change(diff: str | None, summary: str) -> None:
    """Print a dry run's diff (when given) and the one-line summary of a change."""
    if diff is not None:
        typer.echo(diff, nl=False)
    typer.echo(summary)


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
            help="The day it was done. Default: today in the plan's time zone, or with --replace "
            "the date already recorded.",
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

    from hytecli.recording import complete_item

    day = _parse_date_option(on_date, "--date")
    root = _repository_root(repo)
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
    _print_change(result.diff if dry_run else None, result.describe())


# --- diff -----------------------------------------------------------------------------------------


class DiffFormat(StrEnum):
    """Output formats of ``hyte diff``."""

    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
@handle_errors
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="Revision to compare from. Default: where this branch forked from the default "
            "branch (the merge base of HEAD and origin/HEAD, main or master).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help="Revision to compare to. Default: the working tree (the files as they are now).",
            show_default=False,
        ),
    ] = None,
    repo: RepoOption = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option("--format", help="text, markdown (pull requests, job summaries) or json."),
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are changes, as git diff does.")
    ] = False,
) -> None:
    """Show how the plan changed between two git revisions, in the plan's own terms.

    Areas, goals, actions and indicators added, removed or moved; deadlines, targets, baselines,
    responsible parties and other fields changed; texts word by word; values recorded. Removals,
    lower targets and later deadlines are marked. Exits 0 whether or not there are changes (1
    with --exit-code when there are), 1 when a revision's plan has errors, 2 for an unknown
    revision or outside a git repository.
    """
    from hytecli.diff_render import render_diff
    from hytecli.gitrepo import GitProblem, diff_revisions

    root = _repository_root(repo)
    try:
        plan_diff = diff_revisions(root, base, head)
    except GitProblem as exc:
        raise UserError(str(exc), EXIT_USAGE if exc.usage else EXIT_FAILED) from None
    typer.echo(render_diff(plan_diff, output_format.value), nl=False)
    if exit_code and plan_diff.sections:
        raise typer.Exit(EXIT_FAILED)


# --- init -----------------------------------------------------------------------------------------


def _option(name: str, help_text: str, metavar: str | None = None) -> Any:
    return typer.Option(name, help=help_text, metavar=metavar, show_default=False)


class OrganisationTypeOption(StrEnum):
    """Kinds of organisation ``hyte init`` makes a plan for."""

    wellbeing_services_county = "wellbeing_services_county"
    municipality = "municipality"
    other = "other"


@app.command()
@handle_errors
def init(
    directory: Annotated[
        Path,
        typer.Argument(
            help="Folder for the new plan repository (created if missing).", file_okay=False
        ),
    ],
    name: Annotated[
        str | None, _option("--name", "The organisation's name in the plan's language.")
    ] = None,
    name_sv: Annotated[
        str | None, _option("--name-sv", "Its Swedish name (bilingual organisations).")
    ] = None,
    short_name: Annotated[
        str | None, _option("--short-name", "Its abbreviation, e.g. LUVN.")
    ] = None,
    organisation_type: Annotated[
        OrganisationTypeOption | None,
        _option("--type", "wellbeing_services_county, municipality or other."),
    ] = None,
    start: Annotated[
        str | None, _option("--start", "First day of the plan period.", "YYYY-MM-DD")
    ] = None,
    end: Annotated[
        str | None, _option("--end", "Last day of the plan period.", "YYYY-MM-DD")
    ] = None,
    language: Annotated[str, typer.Option("--language", help="The plan's main language.")] = "fi",
    time_zone: Annotated[
        str, typer.Option("--time-zone", help="Time zone deadlines are judged in.")
    ] = "Europe/Helsinki",
    plan_id: Annotated[
        str | None, _option("--id", "The plan's id. Default: from the short name and the years.")
    ] = None,
    title: Annotated[
        str | None,
        _option("--title", "The plan's title. Default: e.g. 'Hyvinvointisuunnitelma 2026–2029'."),
    ] = None,
    code: Annotated[
        str | None,
        _option(
            "--code",
            "Official code: two digits for a county, three for a municipality (e.g. 049).",
        ),
    ] = None,
    area: Annotated[
        str | None,
        _option("--area", "The first priority area's title. Default: 'Painopiste 1'.", "TITLE"),
    ] = None,
    hyte_requirement: Annotated[
        str | None,
        _option(
            "--hyte-requirement",
            "pip requirement that installs hyte in CI and pre-commit. Default: this hytecli.",
            "SPEC",
        ),
    ] = None,
    git: Annotated[
        bool, typer.Option("--git/--no-git", help="Run git init (unless already in git).")
    ] = True,
    force: Annotated[
        bool,
        typer.Option("--force", help="Write into a folder that is not empty (its files are kept)."),
    ] = False,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive",
            help="Ask for missing settings. Default: when run in a terminal.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start a new plan repository for a wellbeing services county or a municipality.

    Writes plan/plan.yaml, a first (empty) priority area, templates/, schemas/, a GitHub Actions
    workflow, a pre-commit configuration, .gitattributes and a README, then validates the plan.
    Refuses a folder that is not empty (unless --force) and one that already holds plan files.
    """
    from hytecli.reporters import render_findings
    from hytecli.scaffold import PlanSettings, ScaffoldProblem, init_repository

    if interactive is None:
        interactive = sys.stdin.isatty()
    start_date = _parse_date_option(start, "--start")
    end_date = _parse_date_option(end, "--end")
    if interactive:
        if name is None:
            name = typer.prompt("Organisation's name (in the plan's language)")
        if short_name is None:
            short_name = (
                typer.prompt("Short name (Enter for none)", default="", show_default=False) or None
            )
        if organisation_type is None:
            organisation_type = typer.prompt(
                "Type (wellbeing_services_county, municipality, other)",
                default=OrganisationTypeOption.wellbeing_services_county.value,
                value_proc=lambda v: _choice(v, OrganisationTypeOption, "--type"),
            )
        if start_date is None:
            start_date = typer.prompt(
                "First day of the plan period (YYYY-MM-DD)",
                value_proc=lambda v: _parse_date_option(v, "--start"),
            )
        if end_date is None:
            end_date = typer.prompt(
                "Last day of the plan period (YYYY-MM-DD)",
                value_proc=lambda v: _parse_date_option(v, "--end"),
            )
    missing = [
        option
        for option, value in (
            ("--name", name),
            ("--type", organisation_type),
            ("--start", start_date),
            ("--end", end_date),
        )
        if value is None
    ]
    if missing:
        raise UserError(
            f"missing {', '.join(missing)}: give them as options, or run hyte init in a terminal "
            "to be asked (hyte init --help lists the options)",
            EXIT_USAGE,
        )
    assert name is not None and organisation_type is not None
    assert start_date is not None and end_date is not None
    settings = PlanSettings(
        name=name,
        organisation_type=organisation_type.value,
        start=start_date,
        end=end_date,
        name_sv=name_sv,
        short_name=short_name,
        code=code,
        language=language,
        time_zone=time_zone,
        plan_id=plan_id,
        title=title,
        area_title=area,
        hyte_requirement=hyte_requirement,
    )
    try:
        result = init_repository(directory, settings, git=git, force=force)
    except ScaffoldProblem as exc:
        raise UserError(str(exc), EXIT_USAGE) from None
    except OSError as exc:
        raise UserError(f"cannot write the new plan in {directory}: {exc}") from None
    for path in result.written:
        typer.echo(f"wrote {directory / path}")
    for path in result.kept:
        typer.echo(f"kept {directory / path} as it was")
    for warning in result.warnings:
        _err(warning)
    if result.git_problem is not None:
        raise UserError(result.git_problem)
    if result.git == "already_in_git":
        typer.echo(f"{directory} is already in a git repository: git init not run")
    elif result.git == "initialised":
        typer.echo(f"initialised a git repository in {directory}")
    typer.echo(render_findings(result.findings, "text"), nl=False)
    if result.failed:
        raise typer.Exit(EXIT_FAILED)
    typer.echo("\n" + result.next_step)


def _choice(value: str, choices: type[StrEnum], option: str) -> Any:
    try:
        return choices(value.strip())
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise typer.BadParameter(f"{value!r} is not one of {allowed}", param_hint=option) from None


# --- report ---------------------------------------------------------------------------------------


class ReportFormatOption(StrEnum):
    """Output formats of ``hyte report``."""

    markdown = "markdown"
    html = "html"


class ReportLanguage(StrEnum):
    """Languages ``hyte report`` is made in."""

    fi = "fi"
    sv = "sv"
    en = "en"


@app.command()
@handle_errors
def report(
    year: Annotated[
        int,
        typer.Option(
            "--year",
            metavar="YYYY",
            help="The reporting year (within the plan period).",
            show_default=False,
        ),
    ],
    repo: RepoOption = None,
    output_format: Annotated[
        ReportFormatOption,
        typer.Option("--format", help="markdown (GitHub) or html (one self-contained file)."),
    ] = ReportFormatOption.markdown,
    lang: Annotated[
        ReportLanguage | None,
        typer.Option(
            "--lang", help="fi, sv or en. Default: the plan's main language.", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge the plan as on this day, from the reporting year's first day on (a "
            "future day is noted in the report). Default: the last day of the reporting year, or "
            "today in the plan's time zone if that is earlier.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Make the annual report to the council (612/2021 § 7) on goals, actions and indicators."""
    from datetime import UTC, datetime

    from hytecli.report import ReportOptions, ReportRequestError, TemplateProblem, render_report

    as_of_date = _parse_date_option(as_of, "--as-of")
    repository = _load(repo)
    _refuse_broken(repository)
    options = ReportOptions(year=year, language=lang.value if lang else None, as_of=as_of_date)
    try:
        text = render_report(repository, options, output_format.value, now=datetime.now(UTC))
    except ReportRequestError as exc:
        raise UserError(str(exc), EXIT_USAGE) from None
    except TemplateProblem as exc:
        raise UserError(str(exc)) from None
    _write_output(text, output)


def main() -> None:
    """Entry point of the ``hyte`` console command."""
    from hytecli.output import error_handler, escape_note

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
        note = escape_note()
        if note is not None:
            with contextlib.suppress(ValueError, OSError):
                sys.stderr.write(note + "\n")
