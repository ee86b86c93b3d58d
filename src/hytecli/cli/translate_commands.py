"""``hyte translate export`` and ``hyte translate import``: plan texts to translators and back.

The logic is in :mod:`hytecli.translation`; these commands parse the options, call
:func:`~hytecli.translation.exporting.export_texts` and
:func:`~hytecli.translation.importing.import_translations`, and print what they did.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hytecli.cli.common import DryRunOption, RepoOption, handle_errors, print_error, repository_root
from hytecli.reporters import plural

HELP = (
    "The plan's texts to translators and back: export the texts that lack a language as a PO "
    "file, XLIFF or a workbook; import the translations into the YAML files."
)

#: How many listed entries are printed before "... and N more".
_SHOWN = 20


def _listing(title: str, lines: list[str]) -> None:
    if not lines:
        return
    print_error(f"{title} ({len(lines)}):")
    for line in lines[:_SHOWN]:
        print_error(f"  {line}")
    if len(lines) > _SHOWN:
        print_error(f"  ... and {len(lines) - _SHOWN} more")


@handle_errors
def export(
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            metavar="CODE",
            help="The language to translate into, e.g. sv; the plan's own language for its texts "
            "that lack it (translated from another language the plan declares).",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write: .po (gettext, recommended), .xlf (XLIFF 2.0) or .xlsx.",
            show_default=False,
        ),
    ],
    area: Annotated[
        str | None,
        typer.Option(
            "--area", metavar="ID", help="Only this priority area's texts.", show_default=False
        ),
    ] = None,
    include_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Also the texts already translated (with their translation), to revise."
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    repo: RepoOption = None,
) -> None:
    """Write the plan's texts that lack a language to a file for translators."""
    from hytecli.translation.exporting import export_texts

    result = export_texts(
        repository_root(repo), lang, output, area=area, include_all=include_all, force=force
    )
    print_error(
        f"wrote {result.count} texts to translate into {result.language} from "
        f"{result.source_language} to {output}"
    )
    if result.without_source:
        print_error(
            f"left out {plural(result.without_source, 'text')} in neither {result.language} "
            f"nor {result.source_language}: nothing to translate them from"
        )


@handle_errors
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="The translated file: .po, .xlf/.xliff or .xlsx, as hyte translate export "
            "wrote it.",
            show_default=False,
            dir_okay=False,
        ),
    ],
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="CODE",
            help="The language expected (the file's own declaration must match).",
            show_default=False,
        ),
    ] = None,
    skip_changed: Annotated[
        bool,
        typer.Option(
            "--skip-changed",
            help="Write the other translations when some texts changed since the export.",
        ),
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace existing translations that differ.")
    ] = False,
    dry_run: DryRunOption = False,
    repo: RepoOption = None,
) -> None:
    """Write the translations of a translated file into the plan's YAML files."""
    from hytecli.translation.importing import import_translations

    result = import_translations(
        repository_root(repo),
        file,
        language=lang,
        dry_run=dry_run,
        skip_changed=skip_changed,
        replace=replace,
    )
    if dry_run and result.diff:
        typer.echo(result.diff, nl=False)
    _listing("not applied, needs review", result.fuzzy)
    _listing("not applied, the source changed since the export", result.changed)
    verb = "would write" if dry_run else "wrote"
    files = len(result.files)
    print_error(
        f"{verb} {len(result.applied)} {result.language} translations in "
        f"{plural(files, 'file')}; {result.unchanged} already there, {result.empty} "
        "without a translation"
    )
