"""``hyte collect import``: record the workbooks the responsible parties returned.

The logic is in :mod:`hytecli.collect.importing`; this command calls
:func:`~hytecli.collect.importing.import_workbooks` and prints the diff (``--dry-run``) and a
summary per workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hytecli.cli.common import RepoOption, handle_errors, repository_root


@handle_errors
def import_(
    workbooks: Annotated[
        list[Path],
        typer.Argument(
            help="The returned workbooks (.xlsx), as hyte collect wrote them and the parties "
            "filled them in (saved by Excel or LibreOffice Calc).",
            metavar="WORKBOOK",
            show_default=False,
            dir_okay=False,
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="The year the workbooks must report on. Default: the first workbook's; all "
            "must report on the same year.",
            min=1,
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace recorded values and assessments that differ from the workbooks'.",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check everything and show the diff; write nothing.")
    ] = False,
    repo: RepoOption = None,
) -> None:
    """Record the values and assessments of returned workbooks: all of them, or nothing."""
    from datetime import UTC, datetime

    from hytecli.collect.importing import import_workbooks

    root = repository_root(repo)
    result = import_workbooks(
        root, workbooks, now=datetime.now(UTC), year=year, replace=replace, dry_run=dry_run
    )
    if dry_run and result.diff:
        typer.echo(result.diff, nl=False)
    for summary in result.workbooks:
        typer.echo(summary.describe(written=not dry_run))
    if result.nothing:
        typer.echo("Nothing to import: the workbooks hold nothing that is not recorded already.")
    elif result.written:
        typer.echo(f"Wrote {', '.join(result.changed)}.")
        typer.echo(
            "What is still missing: hyte collect status --year " + str(result.workbooks[0].year)
        )
    else:
        typer.echo("Nothing was written (--dry-run).")
