"""The year's own texts: what the coordinator writes for one year's annual report.

``reports/<year>.yaml`` holds the texts of the annual report that are not about one goal or
action (those are their assessments, :mod:`hytecli.assessments`)::

    # yaml-language-server: $schema=../schemas/year.schema.json
    year: 2024
    summary:                      # tiivistelmä: several paragraphs, a blank line between them
      fi: Vuonna 2024 ...
      sv: År 2024 ...
    conclusions: ...              # johtopäätökset
    next_year: ...                # next year's focus (seuraavan vuoden painopisteet)
    authors: [Hyte-koordinaattori, Hyvinvointityöryhmä]
    council:                      # the council's handling, once known
      - body: {fi: Aluehallitus, sv: Regionstyrelsen}
        date: 2025-04-14
        section: "§ 45"
        url: https://...

Every field but ``year`` is optional, so the file can be written bit by bit; the report says
plainly what is not written yet. :func:`load_year_texts` reads the files of a repository's
``reports/`` folder with located findings (the strict reader and the model, then ``T001`` for a
file whose name is not its year and ``T002`` for a year outside the plan period).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import Field

from hytecli.assessments import Year
from hytecli.findings import Finding
from hytecli.model_findings import read_file_model
from hytecli.model_types import IsoDate, PlainStr, PlanModel, Text
from hytecli.models import PlanFile
from hytecli.yaml_document import YamlDocument

#: The folder of the year texts, relative to the repository root.
REPORTS_DIR = "reports"
#: A file's name not being its year (``reports/2024.yaml`` holding ``year: 2025``).
NAME_NOT_YEAR = "T001"
#: A year outside the plan period.
YEAR_OUTSIDE_PLAN = "T002"

_NAME = re.compile(r"^reports/(\d{4})\.ya?ml$")


class CouncilHandling(PlanModel):
    """One body's handling of the annual report (aluehallitus, aluevaltuusto...).

    Attributes:
        body: The body, e.g. ``{fi: Aluevaltuusto, sv: Regionfullmäktige}``.
        date: The meeting's day.
        section: The minutes' section, as written there (``§ 45``).
        url: A link to the minutes, if published.
    """

    body: Text
    date: IsoDate
    section: PlainStr
    url: PlainStr | None = None


class YearTexts(PlanModel):
    """``reports/<year>.yaml``: the coordinator's texts for one year's annual report.

    Attributes:
        year: The year reported on (a year of the plan period; the file's name).
        summary: The summary (tiivistelmä), in one or more languages; paragraphs are separated
            by a blank line. The report puts it first.
        conclusions: The conclusions drawn from the year.
        next_year: The focus of the next year.
        authors: The authors or the working group.
        council: The council's handling, once known, in the order it happened.
    """

    year: Year
    summary: Text | None = None
    conclusions: Text | None = None
    next_year: Text | None = None
    authors: list[Text] = Field(default_factory=list)
    council: list[CouncilHandling] = Field(default_factory=list)


@dataclass
class YearTextsRecord:
    """A year-texts file: where it is, its located document and its model."""

    path: str
    document: YamlDocument
    texts: YearTexts


def year_texts_path(year: int) -> str:
    """Where the texts of ``year`` are written: ``reports/2024.yaml``."""
    return f"{REPORTS_DIR}/{year}.yaml"


def load_year_texts(
    paths: Sequence[str],
    read: Callable[[str], YamlDocument],
    plan: PlanFile | None,
    language: str,
) -> tuple[list[YearTextsRecord], list[YamlDocument], list[Finding]]:
    """Read the year-texts files ``paths`` (relative to the repository root).

    Args:
        paths: The ``reports/*.yaml`` files, sorted.
        read: Reads one file into a located document (its problems as findings).
        plan: The plan, for its period (``None`` when ``plan/plan.yaml`` did not load: the
            years are then not checked against it).
        language: The plan's main language, for plain texts.

    Returns:
        ``(records, broken, findings)``: the files that loaded, the documents of those that did
        not, and every finding (YAML, shape, ``T001``, ``T002``).
    """
    records: list[YearTextsRecord] = []
    broken: list[YamlDocument] = []
    findings: list[Finding] = []
    for path in paths:
        document, texts = read_file_model(read, path, YearTexts, language, findings)
        if document.ok:
            problems = _year_problems(document, _written_year(document), plan)
            findings.extend(problems)
            if problems:
                texts = None
        if texts is None:
            broken.append(document)
        else:
            records.append(YearTextsRecord(path, document, texts))
    return records, broken, findings


def _written_year(document: YamlDocument) -> int | None:
    """The ``year`` written in the file, when it is a whole number (checked even if others fail)."""
    data = document.data
    year = data.get("year") if isinstance(data, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def _year_problems(
    document: YamlDocument, year: int | None, plan: PlanFile | None
) -> list[Finding]:
    if year is None:
        return []  # missing or not a number: the model's finding says so
    found = []
    name = _NAME.match(document.path)
    if name is None:
        found.append(
            document.finding(
                ("year",),
                NAME_NOT_YEAR,
                f"a year's texts are written in {year_texts_path(year)}: rename "
                f"{document.path} to that",
            )
        )
    elif int(name.group(1)) != year:
        found.append(
            document.finding(
                ("year",),
                NAME_NOT_YEAR,
                f"{document.path} holds year {year}: write year: {name.group(1)}, or "
                f"rename the file to {year_texts_path(year)}",
            )
        )
    if plan is not None:
        first, last = plan.period.start.year, plan.period.end.year
        if not first <= year <= last:
            found.append(
                document.finding(
                    ("year",),
                    YEAR_OUTSIDE_PLAN,
                    f"{year} is not a year of the plan period {first}–{last}: the "
                    "annual report is made for one of the plan's years",
                )
            )
    return found


def texts_for(records: Sequence[YearTextsRecord], year: int) -> YearTextsRecord | None:
    """The texts of ``year``, or ``None`` when ``reports/<year>.yaml`` is not written."""
    for record in records:
        if record.texts.year == year:
            return record
    return None


def unwritten_parts(records: Sequence[YearTextsRecord], year: int) -> list[str]:
    """The coordinator's texts of ``year`` not written yet, for a note to the report's maker.

    Returns:
        Of ``summary``, ``conclusions`` and ``next_year``, those ``reports/<year>.yaml`` lacks
        (all three when the file is not written), in that order.
    """
    record = texts_for(records, year)
    parts = ("summary", "conclusions", "next_year")
    if record is None:
        return list(parts)
    return [part for part in parts if getattr(record.texts, part) is None]
