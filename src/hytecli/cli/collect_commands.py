"""``hyte collect`` (the year's workbooks) and ``hyte collect status``.

The logic is in :mod:`hytecli.collect`: :mod:`~hytecli.collect.parties` (who reports what),
:mod:`~hytecli.collect.forms` (writing the workbooks) and :mod:`~hytecli.collect.status`
(what is recorded and missing). ``hyte collect import`` lives in its own module.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hytecli.cli.common import (
    AsOfOption,
    Language,
    LanguageOption,
    RepoOption,
    handle_errors,
    load_plan,
    parse_date_option,
    print_text,
    repository_root,
)

if TYPE_CHECKING:
    from hytecli.collect.parties import CollectionRound

HELP = (
    "The yearly round with the responsible parties: a workbook per party to fill in "
    "(hyte collect --year Y --output-dir DIR), what is still missing (hyte collect status)."
)

YearOption = Annotated[
    int | None,
    typer.Option("--year", help="The year reported on (a year of the plan period).", min=1),
]


class StatusFormat(StrEnum):
    """``hyte collect status --format``."""

    text = "text"
    json = "json"


def _round(repo: Path | None, year: int, as_of: str | None) -> CollectionRound:
    from hytecli.collect.parties import collection_round
    from hytecli.periods import today_in_zone
    from hytecli.usable import require_valid_plan

    resolved = require_valid_plan(load_plan(repo))
    day = parse_date_option(as_of, "--as-of") or today_in_zone(resolved.plan.time_zone)
    return collection_round(resolved, year, day)


@handle_errors
def collect(
    ctx: typer.Context,
    year: YearOption = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            metavar="DIR",
            help="The folder to write the workbooks into (created if missing).",
            show_default=False,
        ),
    ] = None,
    responsible: Annotated[
        str | None,
        typer.Option(
            "--responsible",
            help="Only this responsible party's workbook: its name, or a unique part of it "
            "(case does not matter).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of the forms (instructions, drop-downs, column names): fi, sv or en. "
            "Default: the plan's language.",
            show_default=False,
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option(
            "--due",
            metavar="YYYY-MM-DD",
            help="The day to return the workbooks by (said in their instructions).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace workbooks that exist already.")
    ] = False,
    repo: RepoOption = None,
) -> None:
    """Write the year's workbooks: one per responsible party, to fill in and send back."""
    if ctx.invoked_subcommand is not None:
        return
    if year is None:
        raise typer.BadParameter("give the year to collect, e.g. --year 2024", param_hint="--year")
    if output_dir is None:
        raise typer.BadParameter(
            "give the folder to write the workbooks into, e.g. --output-dir collect-2024",
            param_hint="--output-dir",
        )
    from hytecli.collect.forms import check_due, write_workbooks
    from hytecli.collect.parties import match_party
    from hytecli.i18n import default_language
    from hytecli.reporters import plural

    collection = _round(repo, year, None)
    due_day = check_due(parse_date_option(due, "--due"), collection.day)
    parties = (
        [match_party(collection, responsible)]
        if responsible is not None
        else list(collection.parties)
    )
    if not parties:
        typer.echo(f"No goal or action of {year} has a responsible party: no workbook to write.")
        return
    language = lang.value if lang is not None else default_language(collection.language)
    written = write_workbooks(
        collection,
        parties,
        output_dir,
        repository=repository_root(repo),
        language=language,
        generated=collection.day,
        due=due_day,
        force=force,
    )
    for item in written:
        counts = (
            f"{plural(len(item.party.items), 'goal or action', 'goals and actions')}, "
            f"{plural(len(item.party.indicators), 'indicator period')}"
        )
        replaced = ", replaced" if item.replaced else ""
        typer.echo(f"{item.party.name} → {item.path} ({counts}{replaced})")


@handle_errors
def status(
    year: Annotated[
        int, typer.Option("--year", help="The year reported on (a year of the plan period).")
    ],
    output_format: Annotated[
        StatusFormat,
        typer.Option("--format", help="text for people, json for machines."),
    ] = StatusFormat.text,
    as_of: AsOfOption = None,
    lang: LanguageOption = None,
    repo: RepoOption = None,
) -> None:
    """Per responsible party: what is recorded for the year, and what is still missing."""
    from hytecli.collect.status import collect_status, status_json, status_text
    from hytecli.i18n import default_language

    collection = _round(repo, year, as_of)
    result = collect_status(collection)
    if output_format is StatusFormat.json:
        print_text(status_json(result))
    else:
        language = lang.value if lang is not None else default_language(collection.language)
        print_text(status_text(result, language=language))
