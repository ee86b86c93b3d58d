"""``hyte`` commands that change the plan's files: record a value, complete or assess an item."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from hytecli.cli.common import (
    DryRunOption,
    Language,
    RepoOption,
    handle_errors,
    parse_date_option,
    repository_root,
)


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
    dry_run: DryRunOption = False,
) -> None:
    """Record an indicator's value for a period; the rest of the file stays byte for byte.

    Anything that does not fit the plan is refused with a message and nothing written (exit 1).
    """
    from datetime import UTC, datetime

    from hytecli.recording import record_value

    day = parse_date_option(on_date, "--date")
    root = repository_root(repo)
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
    dry_run: DryRunOption = False,
) -> None:
    """Mark a goal or action completed (adds to its completed list in the area file)."""
    from datetime import UTC, datetime

    from hytecli.recording import complete_item

    day = parse_date_option(on_date, "--date")
    root = repository_root(repo)
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


def _option(name: str, metavar: str, help_text: str) -> Any:
    return typer.Option(name, metavar=metavar, help=help_text, show_default=False)


@handle_errors
def assess(
    item: Annotated[str, typer.Argument(help="The goal's or action's id.", show_default=False)],
    year: Annotated[int, _option("--year", "YEAR", "The year assessed (of the plan period).")],
    status: Annotated[
        str,
        _option(
            "--status",
            "STATUS",
            "How it went, in Finnish, Swedish or English: toteutunut, etenee suunnitellusti, "
            "kesken, ei aloitettu, viivästynyt, ei toteutunut, siirretty, luovuttu, yhdistetty "
            "(completed, on track, in progress, not started, delayed, not achieved, postponed, "
            "cancelled, merged).",
        ),
    ],
    repo: RepoOption = None,
    text: Annotated[str | None, _option("--text", "TEXT", "What was done and how it went.")] = None,
    text_file: Annotated[
        Path | None,
        typer.Option(
            "--text-file",
            metavar="FILE",
            help="Read the text from a UTF-8 file (paragraphs allowed); instead of --text.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        _option(
            "--lang",
            "fi|sv|en",
            "The language of the text (and of the status names in a refusal). Default: the "
            "plan's language.",
        ),
    ] = None,
    merged_into: Annotated[
        str | None,
        _option("--merged-into", "ID", "For status merged: the goal or action it was merged into."),
    ] = None,
    euros: Annotated[str | None, _option("--euros", "N", "Money used, in euros.")] = None,
    person_days: Annotated[
        str | None, _option("--person-days", "N", "Staff time used, in person-days.")
    ] = None,
    resources: Annotated[
        str | None, _option("--resources", "TEXT", "Other resources used, in words.")
    ] = None,
    by: Annotated[str | None, _option("--by", "NAME", "Who assessed.")] = None,
    on_date: Annotated[
        str | None,
        _option(
            "--date", "YYYY-MM-DD", "When it was assessed. Default: today in the plan's time zone."
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace the year's assessment (all of it, except texts in other languages).",
        ),
    ] = False,
    dry_run: DryRunOption = False,
) -> None:
    """Write a goal's or action's assessment of a year (arviointi) into its area file.

    One per item and year (--replace replaces it). Anything that does not fit is refused (exit 1).
    """
    from datetime import UTC, datetime

    from hytecli.recording import assess_item, read_text_file

    if text is not None and text_file is not None:
        raise typer.BadParameter("give --text or --text-file, not both", param_hint="--text-file")
    day = parse_date_option(on_date, "--date")
    root = repository_root(repo)
    if text_file is not None:
        text = read_text_file(text_file)
    result = assess_item(
        root,
        item,
        year=year,
        status=status,
        now=datetime.now(UTC),
        text=text,
        language=lang.value if lang is not None else None,
        merged_into=merged_into,
        euros=euros,
        person_days=person_days,
        resources=resources,
        by=by,
        on_date=day,
        replace=replace,
        dry_run=dry_run,
    )
    _print_change(result.diff if dry_run else None, result.describe())
