"""Yearly assessments (arviointi) of goals and actions: the model and its status vocabulary.

Each goal and action of an area file can hold a list of yearly assessments, one per year: what
was done, how it went (a status from :class:`AssessmentStatus`), in the responsible party's or
the coordinator's words, with the resources used. They are written in ``plan/<area>.yaml``::

    assessments:
      - year: 2024
        status: in_progress          # hyte assess also takes its names: kesken, pågår
        text:
          fi: Koulutus käynnistyi syksyllä; ...
          sv: Utbildningen inleddes på hösten; ...
        resources: {euros: 12000, person_days: 30, text: Hankerahoitus}
        by: Hyte-koordinaattori
        date: 2025-02-10

The vocabulary follows what Finnish annual wellbeing reports and Kausal Watch (the Finnish
open-source action-plan tracker, ``actions/models/action.py``: completed, on time, in progress,
not started, late, cancelled, merged, postponed) use; see
``../shared/reference/annual-report.md``. How assessments feed the judgement is in
:mod:`hytecli.judge`; the checks that need more than one item or file (``hyte validate``'s A
codes) are in :mod:`hytecli.validation_assessments`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from hytecli.model_types import Id, IsoDate, PlainStr, PlanModel, Text
from hytecli.periods import MAX_YEAR, MIN_YEAR


class AssessmentStatus(StrEnum):
    """How a goal or action went in a year (the assessment's ``status``).

    ========================  ==========================  =================================
    value                     Finnish                     Swedish
    ========================  ==========================  =================================
    ``completed``             toteutunut                  genomförd
    ``on_track``              etenee suunnitellusti       framskrider enligt plan
    ``in_progress``           kesken                      pågår
    ``not_started``           ei aloitettu                inte påbörjad
    ``delayed``               viivästynyt                 försenad
    ``not_achieved``          ei toteutunut               inte genomförd
    ``postponed``             siirretty                   uppskjuten
    ``cancelled``             luovuttu                    slopad
    ``merged``                yhdistetty                  sammanslagen
    ========================  ==========================  =================================

    The labels are the gettext translations of :data:`hytecli.labels.ASSESSMENT_LABELS`.
    """

    COMPLETED = "completed"
    ON_TRACK = "on_track"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    DELAYED = "delayed"
    NOT_ACHIEVED = "not_achieved"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    MERGED = "merged"


#: Statuses that put an item in the year's missed list.
MISSED_STATUSES = frozenset({AssessmentStatus.DELAYED, AssessmentStatus.NOT_ACHIEVED})
#: Statuses that take an item out of the plan's open work for good (from their year on).
CLOSED_STATUSES = frozenset({AssessmentStatus.CANCELLED, AssessmentStatus.MERGED})


def _to_status(value: Any) -> Any:
    """A file holds the status's value (``in_progress``); a label there says which value it is."""
    if isinstance(value, str):
        try:
            return AssessmentStatus(value)
        except ValueError:
            found = parse_status(value)
        if found is not None:
            raise PydanticCustomError(
                "hyte_assessment_status",
                "write the status as {status} ('{value}' is its name; files keep the value, "
                "which reads the same in every language)",
                {"status": found.value, "value": value},
            )
        raise PydanticCustomError(
            "hyte_assessment_status",
            "'{value}' is not an assessment status: use one of {known}",
            {"value": value, "known": ", ".join(status.value for status in AssessmentStatus)},
        )
    raise PydanticCustomError(
        "hyte_assessment_status",
        "an assessment status is a word such as completed or in_progress",
    )


def _normalise(word: str) -> str:
    folded = unicodedata.normalize("NFC", word).casefold().strip()
    return " ".join(folded.replace("_", " ").replace("-", " ").split())


@functools.cache
def status_words() -> dict[str, AssessmentStatus]:
    """Every word accepted for each status: its value and its label in fi, sv and en.

    Returns:
        Normalised word (case-folded; ``_`` and ``-`` read as spaces) → status.
    """
    from hytecli.i18n import Localizer
    from hytecli.labels import ASSESSMENT_CONTEXT, ASSESSMENT_LABELS

    words: dict[str, AssessmentStatus] = {}
    for status in AssessmentStatus:
        words[_normalise(status.value)] = status
        for language in ("en", "fi", "sv"):
            label = Localizer(language).pgettext(ASSESSMENT_CONTEXT, ASSESSMENT_LABELS[status])
            words.setdefault(_normalise(label), status)
    return words


def parse_status(word: str) -> AssessmentStatus | None:
    """The status ``word`` names (``completed``, ``toteutunut``, ``genomförd``...), else None.

    A status's own value (``in_progress``) is read without loading the translations.
    """
    try:
        return AssessmentStatus(word)
    except ValueError:
        return status_words().get(_normalise(word))


Status = Annotated[
    AssessmentStatus,
    BeforeValidator(_to_status),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [status.value for status in AssessmentStatus],
            "description": "How it went: completed, on_track, in_progress, not_started, delayed, "
            "not_achieved, postponed, cancelled or merged",
        }
    ),
]


def _to_amount(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError(
            "hyte_value", "expected a number without quotes, e.g. 12000 or 12.5"
        )
    return float(value)


Amount = Annotated[
    float,
    BeforeValidator(_to_amount),
    Field(ge=0),
    WithJsonSchema({"type": "number", "minimum": 0}),
]


class Resources(PlanModel):
    """The resources used for a goal or action in a year.

    Attributes:
        euros: Money spent, in euros (0 or more).
        person_days: Staff time, in person-days (0 or more).
        text: Anything else in words (grants, premises, communication).
    """

    euros: Amount | None = None
    person_days: Amount | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Resources:
        if self.euros is None and self.person_days is None and self.text is None:
            raise PydanticCustomError(
                "hyte_resources", "resources needs euros, person_days or text (or remove it)"
            )
        return self


def _to_year(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError(
            "hyte_year", "the year is a number without quotes, e.g. year: 2024"
        )
    return value


Year = Annotated[
    int,
    BeforeValidator(_to_year),
    Field(ge=MIN_YEAR, le=MAX_YEAR),
    WithJsonSchema({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}),
]


class Assessment(PlanModel):
    """One year's assessment of a goal or action.

    Attributes:
        year: The year assessed (a year of the plan period).
        status: How it went (:class:`AssessmentStatus`).
        text: What was done and why, in one or more languages; paragraphs are separated by a
            blank line.
        merged_into: For ``merged``: the id of the goal or action it was merged into.
        resources: The resources used.
        by: Who assessed (a person, a role or a responsible party).
        date: When it was assessed.
    """

    # ``merged`` names what it was merged into, and only ``merged`` does (_merge_target).
    model_config = PlanModel.model_config | {
        "json_schema_extra": {
            "if": {"properties": {"status": {"const": "merged"}}, "required": ["status"]},
            "then": {
                "required": ["merged_into"],
                "properties": {"merged_into": {"type": "string"}},
            },
            "else": {"properties": {"merged_into": {"type": "null"}}},
        }
    }

    year: Year
    status: Status
    text: Text | None = None
    merged_into: Id | None = None
    resources: Resources | None = None
    by: PlainStr | None = None
    date: IsoDate | None = None

    @model_validator(mode="after")
    def _merge_target(self) -> Assessment:
        if self.status is AssessmentStatus.MERGED and self.merged_into is None:
            raise PydanticCustomError(
                "hyte_assessment",
                "a merged item names what it was merged into: add merged_into: <goal or action id>",
            )
        if self.status is not AssessmentStatus.MERGED and self.merged_into is not None:
            raise PydanticCustomError(
                "hyte_assessment",
                "merged_into is only for status merged: remove it or set status: merged",
            )
        return self

    def known_on(self, day: dt.date) -> bool:
        """Whether the assessment counts on ``day``: undated ones always, dated ones from then."""
        return self.date is None or self.date <= day


def _check_month_day(value: str) -> str:
    if re.fullmatch(r"\d{2}-\d{2}", value) is None:
        raise PydanticCustomError(
            "hyte_month_day",
            "'{value}' is not a month and day: write MM-DD, e.g. 02-01 for 1 February",
            {"value": value},
        )
    try:
        dt.date.fromisoformat(f"2023-{value}")  # not a leap year: a day every year has
    except ValueError:
        raise PydanticCustomError(
            "hyte_month_day",
            "'{value}' is not a day of every year: write MM-DD, e.g. 02-01",
            {"value": value},
        ) from None
    return value


#: The day (``MM-DD``) the annual assessment round opens when ``plan.yaml`` does not say.
DEFAULT_ROUND_OPENS = "02-01"


class AssessmentRoundSettings(PlanModel):
    """``plan.yaml`` ``assessment_round``: when the annual assessment round is due.

    Attributes:
        opens: From this day (``MM-DD``) of the new year, ``hyte status`` says the round for
            the year just ended is due and counts the goals and actions not yet assessed for
            it as needing attention (default ``02-01``).
    """

    opens: Annotated[
        str,
        AfterValidator(_check_month_day),
        WithJsonSchema(
            {
                "type": "string",
                "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                "description": "MM-DD: the day of the new year the round opens (default 02-01)",
            }
        ),
    ] = DEFAULT_ROUND_OPENS

    def opens_in(self, year: int) -> dt.date:
        """The day the round opens in ``year`` (the round for ``year - 1``)."""
        month, day = self.opens.split("-")
        return dt.date(year, int(month), int(day))


def assessment_for(assessments: Sequence[Assessment], year: int) -> Assessment | None:
    """The assessment of ``year`` (the last written, if a file has two; validate reports that)."""
    found = None
    for assessment in assessments:
        if assessment.year == year:
            found = assessment
    return found


def latest_closing(assessments: Iterable[Assessment], year: int) -> Assessment | None:
    """The earliest cancelled or merged assessment of ``year`` or before, else None.

    An item cancelled or merged in 2024 stays so in 2025's judgement.
    """
    closing = [a for a in assessments if a.status in CLOSED_STATUSES and a.year <= year]
    return min(closing, key=lambda a: a.year, default=None)
