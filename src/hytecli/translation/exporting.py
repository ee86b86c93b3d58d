"""``hyte translate export``: the plan's texts that lack a language, in a file for translators.

The format follows the output file's extension (:data:`FORMATS`): ``.po`` (gettext, the default
recommendation: every translation tool reads it), ``.xlf`` / ``.xliff`` (XLIFF 2.0) and
``.xlsx`` (a workbook for translators who work in a spreadsheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hytecli.fileio import write_output
from hytecli.recording.common import refuse_broken
from hytecli.repository import load_repository
from hytecli.translation.exchange import (
    TranslationUsage,
    check_language,
    source_for,
    undeclared,
)
from hytecli.translation.texts import TextEntry, missing, plan_texts, without_languages

#: Output file extensions and the format each means.
FORMATS = {".po": "po", ".xlf": "xliff", ".xliff": "xliff", ".xlsx": "xlsx"}


@dataclass(frozen=True)
class ExportResult:
    """What was exported.

    Attributes:
        count: How many texts were written.
        language: The language they are to be translated into.
        output: The file written.
        source_language: The language they are translated from.
        without_source: How many texts lacking ``language`` were left out, as they have no text
            in ``source_language`` either.
    """

    count: int
    language: str
    output: str
    source_language: str
    without_source: int = 0


def format_of(path: str | Path, option: str = "--output") -> str:
    """The exchange format a file's extension names (:data:`FORMATS`).

    Raises:
        TranslationUsage: the extension is not one of them.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TranslationUsage(
            f"{option} {path}: hyte reads and writes translations as .po (gettext, for "
            "translation tools), .xlf (XLIFF 2.0) or .xlsx (a workbook): name the file so"
        )
    return FORMATS[suffix]


def render(
    entries: list[TextEntry],
    fmt: str,
    source_language: str,
    target_language: str,
    project: str,
    *,
    translations: bool,
) -> bytes:
    """The entries as a file of format ``fmt`` (``po``, ``xliff`` or ``xlsx``).

    Every format carries ``source_language`` (the PO header's ``X-Source-Language``, XLIFF's
    ``srcLang``, the workbook's source language cell) and ``target_language``.
    """
    if fmt == "po":
        from hytecli.translation.po import write_po_file

        return write_po_file(
            entries, source_language, target_language, project, translations=translations
        )
    if fmt == "xliff":
        from hytecli.translation.xliff import write_xliff

        return write_xliff(entries, source_language, target_language, translations=translations)
    from hytecli.translation.workbook import write_workbook

    return write_workbook(entries, source_language, target_language, translations=translations)


def export_texts(
    root: Path,
    language: str,
    output: str,
    *,
    area: str | None = None,
    include_all: bool = False,
    force: bool = False,
) -> ExportResult:
    """Write the plan's texts to translate into ``language`` to the file ``output``.

    Args:
        root: The plan repository.
        language: The target language (``sv``): one ``plan.yaml`` ``languages`` declares. The
            plan's own language exports the texts that lack it (only ``{sv: ...}``, written by
            a Swedish collect form) with another declared language as their source
            (:func:`~.exchange.source_for`).
        output: The file to write; its extension names the format (:func:`format_of`).
        area: Only this priority area's file and the files of the indicators its goals and
            actions use (its id).
        include_all: Also the texts that already have ``language`` (with their translation,
            for revision); by default only those that lack it.
        force: Replace ``output`` when it exists.

    Returns:
        How many texts were written.

    Raises:
        TranslationUsage: a bad or undeclared language, area, format or output (exists
            without ``force``, or inside the plan's own folders); the plan's own language with
            ``include_all``, or when the plan declares no other.
        Refused: the plan has errors.
    """
    language = check_language(language)
    fmt = format_of(output)
    repository = load_repository(root)
    plan = refuse_broken(repository)
    source = source_for(language, plan)
    if source is None:
        raise TranslationUsage(
            f"--lang {language} is the plan's own language: its texts that lack it are translated "
            "from another language plan.yaml declares in languages:, and it declares none"
        )
    if language == plan.language and include_all:
        raise TranslationUsage(
            f"--all with --lang {language}, the plan's own language: its texts are the sources "
            f"of the translations; leave --all out to export the texts that lack {language}"
        )
    problem = undeclared(language, plan)
    if problem is not None:
        raise TranslationUsage(f"--lang {language}: {problem}")
    if Path(output).exists() and not force:
        raise TranslationUsage(
            f"--output {output} exists: give another file name, or --force to replace it"
        )
    try:
        entries = plan_texts(repository, area, source)
        left_out = without_languages(repository, (language, source), area)
    except LookupError as exc:
        raise TranslationUsage(f"--area: {exc}") from None
    if not include_all:
        entries = missing(entries, language)
    data = render(entries, fmt, source, language, plan.id, translations=include_all)
    try:
        write_output(output, data, repository.root)
    except OSError as exc:
        raise TranslationUsage(f"cannot write {output}: {exc.strerror}") from None
    return ExportResult(len(entries), language, output, source, left_out)
