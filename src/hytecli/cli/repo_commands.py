"""``hyte`` commands about plan repositories: diff (between git revisions), init (a new one)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from hytecli.cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    RepoOption,
    UserError,
    handle_errors,
    parse_date_option,
    print_error,
    repository_root,
)

# --- diff -----------------------------------------------------------------------------------------


class DiffFormat(StrEnum):
    """Output formats of ``hyte diff``."""

    text = "text"
    markdown = "markdown"
    json = "json"


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
    r"""Show how the plan changed between two git revisions, in the plan's own terms.

    Areas, goals, actions and indicators added, removed or moved; deadlines, targets, baselines,
    responsible parties and other fields changed; texts word by word, in every language;
    assessments; values recorded; the year texts of reports/<year>.yaml. Removals, lower
    targets and later deadlines are marked.

    \b
    Examples:
      hyte diff                    this branch's changes, committed or not
      hyte diff origin/main        from origin/main to the working tree
      hyte diff v2024 v2025        between two tags, branches or commits
      hyte diff --format markdown  for a pull request or a CI job summary
      hyte diff --format json      for other programs

    \b
    Exit codes:
      0  whether or not there are changes (1 with --exit-code if there are)
      1  a revision's plan has errors
      2  an unknown revision, or outside a git repository
    """
    from hytecli.diff_render import render_diff
    from hytecli.gitrepo import diff_revisions
    from hytecli.gitrun import GitProblem

    root = repository_root(repo)
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
    start_date = parse_date_option(start, "--start")
    end_date = parse_date_option(end, "--end")
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
                value_proc=lambda v: parse_date_option(v, "--start"),
            )
        if end_date is None:
            end_date = typer.prompt(
                "Last day of the plan period (YYYY-MM-DD)",
                value_proc=lambda v: parse_date_option(v, "--end"),
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
        print_error(warning)
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
