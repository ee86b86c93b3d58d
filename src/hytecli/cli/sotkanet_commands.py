"""``hyte sotkanet import`` and ``hyte sotkanet fetch``: indicator data from THL's Sotkanet.

The logic is in :mod:`hytecli.sotkanet`; these commands read the files or ask the API, call
:func:`hytecli.sotkanet.importing.import_rows` and print what it did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hytecli.cli.common import RepoOption, handle_errors, parse_date_option, repository_root

if TYPE_CHECKING:
    from hytecli.sotkanet.importing import IndicatorImport

HELP = (
    "Indicator data from THL's Sotkanet: the county's values, the whole country's as the "
    "reference series and each municipality's (THL's data: CC BY 4.0)."
)

ReplaceOption = Annotated[
    bool,
    typer.Option(
        "--replace",
        help="Replace values entered by hand that differ from Sotkanet's (a note keeps the old).",
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the changes as a diff; write nothing.")
]


def _print(results: list[IndicatorImport], dry_run: bool) -> None:
    for result in results:
        if dry_run and result.diff:
            typer.echo(result.diff, nl=False)
        typer.echo(result.describe(written=not dry_run))


def _read(file: Path) -> bytes:
    from hytecli.sotkanet.regions import SotkanetError

    try:
        return file.read_bytes()
    except OSError as exc:
        raise SotkanetError(f"cannot read {file}: {exc.strerror}") from None


@handle_errors
def import_(
    data: Annotated[
        list[Path],
        typer.Argument(
            help="Data files saved from Sotkanet's API: /json responses, or /csv (semicolons, "
            "with a byte-order mark). The indicator is read from the rows.",
            show_default=False,
            dir_okay=False,
        ),
    ],
    regions: Annotated[
        Path,
        typer.Option(
            "--regions",
            metavar="REGIONS.json",
            help="The regions list saved from Sotkanet's API (/regions).",
            show_default=False,
            dir_okay=False,
        ),
    ],
    repo: RepoOption = None,
    retrieved: Annotated[
        str | None,
        typer.Option(
            "--retrieved",
            metavar="YYYY-MM-DD",
            help="The day the files were saved from Sotkanet. Default: today.",
            show_default=False,
        ),
    ] = None,
    replace: ReplaceOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Record Sotkanet data saved in files (for machines without network access)."""
    from datetime import UTC, datetime

    from hytecli.sotkanet.data import read_data
    from hytecli.sotkanet.importing import import_rows
    from hytecli.sotkanet.regions import read_regions

    day = parse_date_option(retrieved, "--retrieved")
    root = repository_root(repo)
    region_list = read_regions(_read(regions), str(regions))
    rows = [row for file in data for row in read_data(_read(file), str(file))]
    results = import_rows(
        root,
        rows,
        region_list,
        now=datetime.now(UTC),
        retrieved=day,
        replace=replace,
        dry_run=dry_run,
    )
    _print(results, dry_run)


@handle_errors
def fetch(
    indicators: Annotated[
        list[str] | None,
        typer.Argument(
            help="Indicators to fetch (hyte ids or Sotkanet ids). Default: every indicator of "
            "the plan with a Sotkanet id.",
            show_default=False,
        ),
    ] = None,
    repo: RepoOption = None,
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            metavar="A-B",
            help="The years to fetch, e.g. 2022-2025. Default: the plan period's years up to "
            "this one.",
            show_default=False,
        ),
    ] = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ask Sotkanet even when a cached answer is fresh.")
    ] = False,
    replace: ReplaceOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Fetch indicators' data from Sotkanet's API and record it (as import does).

    The API's address can be changed with the environment variable HYTE_SOTKANET_URL, the cache
    folder with HYTE_SOTKANET_CACHE (default: ~/.cache/hyte/sotkanet).
    """
    import os
    from datetime import UTC, datetime

    from hytecli.periods import today_in_zone
    from hytecli.recording.common import refuse_broken
    from hytecli.repository import load_repository
    from hytecli.sotkanet.client import BASE_URL, SotkanetClient, default_cache_dir
    from hytecli.sotkanet.fetching import fetch as fetch_data
    from hytecli.sotkanet.fetching import parse_years, wanted_indicators
    from hytecli.sotkanet.importing import import_rows

    root = repository_root(repo)
    now = datetime.now(UTC)
    repository = load_repository(root)
    plan = refuse_broken(repository)
    if years is None:
        this_year = today_in_zone(plan.time_zone, now).year
        span = (plan.period.start.year, min(plan.period.end.year, this_year))
    else:
        span = parse_years(years)
    cache = os.environ.get("HYTE_SOTKANET_CACHE")
    client = SotkanetClient(
        os.environ.get("HYTE_SOTKANET_URL") or BASE_URL,
        cache_dir=Path(cache) if cache else default_cache_dir(),
        refresh=refresh,
        timeout=float(os.environ.get("HYTE_SOTKANET_TIMEOUT") or 30),
    )
    fetched = fetch_data(client, wanted_indicators(repository, indicators or []), span)
    results = import_rows(
        root, fetched.rows, fetched.regions, now=now, replace=replace, dry_run=dry_run
    )
    _print(results, dry_run)
