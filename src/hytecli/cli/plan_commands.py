"""``hyte`` commands that read the plan: validate, status, export, schema, report."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from hytecli.cli.common import (
    EXIT_FAILED,
    AsOfOption,
    LanguageOption,
    OutputOption,
    RepoOption,
    UserError,
    handle_errors,
    keep,
    load_plan,
    parse_date_option,
    print_error,
    print_text,
    refuse_binary_to_terminal,
    stdout_is_utf8,
    write_binary_output,
    write_output,
)

if TYPE_CHECKING:
    from hytecli.report import ReportOptions
    from hytecli.repository import PlanRepository
    from hytecli.resolved import ResolvedPlan


# --- validate -------------------------------------------------------------------------------------


class FindingFormat(StrEnum):
    """Output formats of ``hyte validate``."""

    text = "text"
    json = "json"
    github = "github"


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

    repository = load_plan(repo)
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
    unassessed = "unassessed"


@handle_errors
def status(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help="Judge this plan-period year (its yearly deadlines, what it missed). "
            "Default: the --as-of day's year.",
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
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Show every item with its details, not only what needs attention."
        ),
    ] = False,
    language: LanguageOption = None,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", help="table, json or markdown.")
    ] = StatusFormat.table,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if anything is overdue ('overdue'), or overdue or due soon ('due'), "
            "or, once the annual assessment round is due, a goal or action is not assessed for "
            "the year ended ('unassessed').",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show what needs attention (overdue, missed, not achieved, due soon) per priority area.

    A summary of every item's state per priority area comes first; --all lists every goal,
    action and indicator with its details. Goals and actions without an assessment for the
    last plan year ended are listed after them.
    """
    from datetime import UTC, datetime

    from hytecli.status import StatusQuery, StatusReport, compute_status, fail_reason
    from hytecli.status_json import render_json_parts
    from hytecli.status_render import StatusView, render_markdown, render_plain
    from hytecli.usable import with_valid_plan

    as_of_date = parse_date_option(as_of, "--as-of")
    ascii_only = not stdout_is_utf8()

    def judge(resolved: ResolvedPlan) -> tuple[StatusReport, StatusView, str | list[str] | None]:
        # Only computes: on a large plan it runs while the plan is checked (with_valid_plan).
        query = StatusQuery(
            as_of=as_of_date,
            areas=tuple(area or ()),
            responsible=responsible,
            due_within=due_within,
            year=year,
        )
        report = compute_status(resolved, query, now=datetime.now(UTC))
        view = StatusView.of(report, language.value if language else None, show_all)
        if output_format is StatusFormat.json:
            return report, view, render_json_parts(report, view, ascii_only=ascii_only)
        if output_format is StatusFormat.markdown:
            return report, view, render_markdown(report, view)
        return report, view, None

    report, view, made = with_valid_plan(load_plan(repo), judge)
    keep(report, made)
    if made is not None:
        text: str | list[str] = made
    else:
        from hytecli.status_rich import render_rich, use_rich

        if use_rich(sys.stdout):
            import shutil

            text = render_rich(
                report,
                view,
                width=shutil.get_terminal_size((100, 24)).columns,
                ascii_only=not stdout_is_utf8(),
            )
        else:
            text = render_plain(report, view)
    print_text(text)
    reason = fail_reason(report, fail_on.value) if fail_on is not None else None
    if reason is not None:
        print_error(f"{reason} (--fail-on {fail_on})")
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


@handle_errors
def export(
    repo: RepoOption = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="json.")
    ] = ExportFormat.json,
    output: OutputOption = None,
) -> None:
    """Export the whole normalised plan (areas, goals, actions, indicators) as one JSON document."""
    from hytecli.export import export_json_parts

    repository = load_plan(repo)
    _refuse_broken(repository)
    write_output(export_json_parts(repository), output, repository.root)


# --- schema ---------------------------------------------------------------------------------------


class SchemaKind(StrEnum):
    """The kinds of plan file with a JSON Schema."""

    plan = "plan"
    area = "area"
    indicator = "indicator"
    year = "year"


@handle_errors
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help="plan, area, indicator or year (reports/<year>.yaml)."),
    ],
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of a plan file kind, for editors (yaml-language-server)."""
    from hytecli.schema import schema_json

    write_output(schema_json(kind.value), output)


# --- report ---------------------------------------------------------------------------------------


class ReportFormatOption(StrEnum):
    """Output formats of ``hyte report``."""

    markdown = "markdown"
    html = "html"
    json = "json"
    pdf = "pdf"


_TEXT_FORMATS: dict[ReportFormatOption, Literal["markdown", "html", "json"]] = {
    ReportFormatOption.markdown: "markdown",
    ReportFormatOption.html: "html",
    ReportFormatOption.json: "json",
}


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
        typer.Option(
            "--format",
            help="markdown (GitHub), html (one self-contained file), pdf (tagged A4 PDF; needs "
            "WeasyPrint: pip install -e '.[pdf]' in the hyte checkout) or json (the judged year "
            "as data).",
        ),
    ] = ReportFormatOption.markdown,
    lang: LanguageOption = None,
    output: OutputOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Make the annual report to the council (612/2021 § 7) on goals, actions and indicators."""
    from datetime import UTC, datetime

    from hytecli.report import ReportOptions, TemplateProblem, render_report
    from hytecli.usable import require_valid_plan

    as_of_date = parse_date_option(as_of, "--as-of")
    if output_format is ReportFormatOption.pdf:
        refuse_binary_to_terminal(output, "a PDF")
    repository = load_plan(repo)
    resolved = require_valid_plan(repository)
    options = ReportOptions(year=year, language=lang.value if lang else None, as_of=as_of_date)
    if output_format is ReportFormatOption.pdf:
        _report_pdf(repository, resolved, options, output)
        _note_unwritten_texts(repository, year)
        return
    text_format = _TEXT_FORMATS[output_format]
    try:
        text = render_report(
            repository, options, text_format, now=datetime.now(UTC), resolved=resolved
        )
    except TemplateProblem as exc:
        raise UserError(str(exc)) from None
    write_output(text, output, repository.root)
    _note_unwritten_texts(repository, year)


def _note_unwritten_texts(repository: PlanRepository, year: int) -> None:
    """Tell the report's maker (not its readers) where the year's missing texts are written."""
    from hytecli.year_texts import unwritten_parts, year_texts_path

    missing = unwritten_parts(repository.year_texts, year)
    if missing:
        print_error(
            f"note: the coordinator's texts of {year} are not written yet ({', '.join(missing)}): "
            f"write them in {year_texts_path(year)} (see docs/report.md); the report says they "
            "are missing"
        )


def _report_pdf(
    repository: PlanRepository, resolved: ResolvedPlan, options: ReportOptions, output: str | None
) -> None:
    """``hyte report --format pdf``: refuse a terminal first, then render and write the bytes."""
    from datetime import UTC, datetime

    from hytecli.report import TemplateProblem
    from hytecli.report.pdf import render_report_pdf

    try:
        data = render_report_pdf(repository, options, now=datetime.now(UTC), resolved=resolved)
    except TemplateProblem as exc:
        raise UserError(str(exc)) from None
    write_binary_output(data, output, "a PDF", repository.root)
