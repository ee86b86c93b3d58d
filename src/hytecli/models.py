"""The plan's data model: what `plan/plan.yaml`, `plan/<area>.yaml` and `indicators/<id>.yaml` hold.

These pydantic v2 models check each file's *shape* (fields, types, forms of dates and ids).
Checks that need more than one file (references, deadlines against the plan period, values
against an indicator's kind) live in :mod:`hytecli.validation`. The format is documented for plan
authors in ``docs/format.md`` and exported as JSON Schema by ``hyte schema``.

Glossary: priority area = painopiste, goal = tavoite, action = toimenpide, responsible party =
vastuutaho, indicator = mittari, council term = valtuustokausi.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    StrictBool,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from hytecli.assessments import Assessment, AssessmentRoundSettings, AssessmentStatus, Resources
from hytecli.model_types import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    SCHEMA_VERSION,
    Deadline,
    Id,
    IsoDate,
    LanguageCode,
    MunicipalityCode,
    PeriodValue,
    PlainStr,
    PlanModel,
    Text,
)
from hytecli.periods import DateProblem, PeriodKind, load_zone

__all__ = [
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "SCHEMA_VERSION",
    "Action",
    "Annex",
    "Assessment",
    "AssessmentStatus",
    "AreaFile",
    "AreaListing",
    "Baseline",
    "Comparison",
    "Completion",
    "CouncilTerm",
    "DataSource",
    "Deadline",
    "Footnote",
    "Goal",
    "IndicatorFile",
    "IndicatorKind",
    "IndicatorValue",
    "LegalBasis",
    "Municipality",
    "Organisation",
    "PlanFile",
    "PlanPeriod",
    "Resources",
    "Source",
    "Target",
    "Text",
]


# --- plan.yaml ----------------------------------------------------------------------------------


class Organisation(PlanModel):
    """The organisation whose plan this is (a wellbeing services county or a municipality).

    Attributes:
        code: The organisation's code as given in Statistics Finland's classifications
            (https://stat.fi/en/luokitukset/): for a wellbeing services county its code in the
            classification of wellbeing services counties (hyvinvointialueet), for a
            municipality its code in the classification of municipalities (Kuntaluokitus).
            Not checked against the classification.
    """

    name: Text
    short_name: PlainStr | None = None
    type: Literal["wellbeing_services_county", "municipality", "other"] = (
        "wellbeing_services_county"
    )
    code: PlainStr | None = Field(
        default=None,
        description="Code in Statistics Finland's classification of wellbeing services counties, "
        "or of municipalities (Kuntaluokitus)",
    )


class PlanPeriod(PlanModel):
    """The plan's period (inclusive); LUVN's first plan runs 2024-01-01 to 2026-12-31."""

    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> PlanPeriod:
        if self.end < self.start:
            raise PydanticCustomError("hyte_period", "the plan period ends before it starts")
        return self


class CouncilTerm(PlanModel):
    """A council term (valtuustokausi) with its first and last day.

    The wellbeing county councils' first term ran 2022-03-01 to 2025-05-31 and the second runs
    2025-06-01 to 2029-05-31 (Act 616/2021 and the county elections of 23.1.2022 and 13.4.2025).
    """

    id: Id
    name: Text | None = None
    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> CouncilTerm:
        if self.end < self.start:
            raise PydanticCustomError("hyte_period", "the council term ends before it starts")
        return self


class LegalBasis(PlanModel):
    """A statute the plan rests on, e.g. 612/2021 § 7."""

    id: Id | None = None
    statute: PlainStr
    section: PlainStr | None = None
    title: Text | None = None
    url: PlainStr | None = None


class Annex(PlanModel):
    """An annex the plan names (its text need not be in the repository)."""

    title: Text
    url: PlainStr | None = None


class AreaListing(PlanModel):
    """A priority area as listed in the plan's introduction, in the plan's order."""

    id: Id
    title: Text


class Municipality(PlanModel):
    """A municipality of the county, with its Statistics Finland code (three digits, quoted)."""

    code: MunicipalityCode
    name: Text


class Source(PlanModel):
    """A reference the plan cites (its list of sources, *lähteet*)."""

    id: Id
    citation: Text
    url: PlainStr | None = None
    cited_as: PlainStr | None = None


class PlanFile(PlanModel):
    """``plan/plan.yaml``: the plan's metadata and the ordered list of priority areas."""

    schema_version: Literal[1] = 1
    id: Id
    title: Text
    language: LanguageCode = "fi"
    languages: list[LanguageCode] = Field(default_factory=lambda: ["fi"])
    organisation: Organisation
    period: PlanPeriod
    time_zone: PlainStr = "Europe/Helsinki"
    council_terms: list[CouncilTerm] = Field(default_factory=list)
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    introduction: Text | None = None
    cross_cutting: Text | None = None
    annexes: list[Annex] = Field(default_factory=list)
    priority_areas: list[AreaListing] = Field(min_length=1)
    municipalities: list[Municipality] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    assessment_round: AssessmentRoundSettings = Field(default_factory=AssessmentRoundSettings)
    notes: Text | None = None

    @field_validator("schema_version", mode="before")
    @classmethod
    def _version_is_a_number(cls, value: Any) -> Any:
        if isinstance(value, bool):  # True == 1 in Python; a Literal[1] would take it
            raise PydanticCustomError(
                "hyte_version", "schema_version must be the number 1, not true or false"
            )
        return value

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            load_zone(value)
        except DateProblem as exc:
            raise PydanticCustomError("hyte_time_zone", str(exc)) from None
        return value


# --- plan/<area>.yaml ---------------------------------------------------------------------------


#: Responsible parties: always a list (``responsible: [LUVN]``); a bare text is an error, not
#: silently turned into a list of one.
Responsible = list[Text]


class Completion(PlanModel):
    """A record that a goal or action was done: the day, and for recurring items the year."""

    date: IsoDate
    period: PeriodValue | None = None
    note: Text | None = None


class Action(PlanModel):
    """An action (toimenpide) that serves a goal."""

    id: Id
    title: Text
    deadline: Deadline | None = None
    responsible: Responsible = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list)
    completed: list[Completion] = Field(default_factory=list)
    assessments: list[Assessment] = Field(
        default_factory=list, description="Yearly assessments (arviointi), one per year"
    )
    notes: Text | None = None


class Goal(PlanModel):
    """A goal (tavoite) of a priority area, with its actions and indicators."""

    id: Id
    title: Text
    description: Text | None = None
    deadline: Deadline | None = None
    responsible: Responsible = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    completed: list[Completion] = Field(default_factory=list)
    assessments: list[Assessment] = Field(
        default_factory=list, description="Yearly assessments (arviointi), one per year"
    )
    notes: Text | None = None


class Footnote(PlanModel):
    """A footnote or definition the plan gives under a priority area's table."""

    marker: PlainStr = "*"
    term: Text | None = None
    text: Text


class AreaFile(PlanModel):
    """``plan/<area>.yaml``: one priority area (painopiste)."""

    id: Id
    number: int | None = Field(default=None, ge=0, description="Section number in the plan")
    title: Text
    introduction: Text | None = None
    sources: list[Id] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    notes: Text | None = None


# --- indicators/<id>.yaml -----------------------------------------------------------------------

IndicatorKind = Literal["yes_no", "count", "percentage", "rate", "text"]
Comparison = Literal["at_least", "at_most", "equal"]


def _to_scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    raise PydanticCustomError(
        "hyte_value",
        "expected true/false, a number or a text, not {type}",
        {"type": type(value).__name__ if value is not None else "nothing"},
    )


Scalar = Annotated[
    bool | int | float | str,
    BeforeValidator(_to_scalar),
    WithJsonSchema({"type": ["boolean", "number", "string"]}),
]


class Target(PlanModel):
    """An indicator's target: a value with a comparison, or a reference series.

    Attributes:
        value: ``true`` for yes/no indicators, else the target number (a percentage 0-100).
        comparison: ``at_least``, ``at_most`` or ``equal`` (numbers only).
        reference: A reference series instead of a number, e.g. ``national_average``; its
            values are recorded in the indicator's ``values`` with ``series: <reference>``.
        label: How the plan names the reference (``maan keskiarvo``).
        deadline: When the target should be reached.
        wording: The plan's own words for the target.
    """

    value: Scalar | None = None
    comparison: Comparison | None = None
    reference: Id | None = None
    label: Text | None = None
    deadline: Deadline | None = None
    wording: Text | None = None

    @model_validator(mode="after")
    def _value_or_reference(self) -> Target:
        if (self.value is None) == (self.reference is None):
            raise PydanticCustomError(
                "hyte_target", "a target needs exactly one of value or reference"
            )
        return self


def _to_baseline_value(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        return value
    shown = f'"{value}" (text in quotes)' if isinstance(value, str) else type(value).__name__
    raise PydanticCustomError(
        "hyte_value",
        f"a baseline value must be true/false (a yes/no indicator) or a number, found {shown}: "
        "write it without quotes (e.g. value: 12.5, or value: true)",
    )


#: A baseline: true/false for a yes/no indicator (kept as such, never 1.0), else a number.
BaselineValue = Annotated[
    StrictBool | float,
    BeforeValidator(_to_baseline_value),
    WithJsonSchema(
        {
            "type": ["boolean", "number"],
            "description": "true/false for a yes/no indicator, else a number",
        }
    ),
]


class Baseline(PlanModel):
    """An indicator's baseline (lähtötaso): the value the plan starts from."""

    period: PeriodValue
    value: BaselineValue
    source: Text | None = None
    note: Text | None = None


class DataSource(PlanModel):
    """Where an indicator's values come from.

    Attributes:
        description: The source in words.
        sotkanet_id: The indicator's id in THL's Sotkanet statistics and indicator bank
            (https://sotkanet.fi/; the same id as in its open API,
            https://sotkanet.fi/rest/1.1/indicators).
        sotkanet_gender: Which of Sotkanet's gender breakdowns the plan means: ``total``
            (the default when omitted), ``male`` or ``female`` (the API's ``genders``).
        sotkanet_value: Which of a Sotkanet data row's numbers is the indicator's value:
            ``primary`` (``value``, the default when omitted: a share, a rate) or ``absolute``
            (``absValue``, a count). ``hyte sotkanet import`` and ``fetch`` read these.
        url: A web address for the source.
    """

    model_config = PlanModel.model_config | {
        "json_schema_extra": {
            "dependentRequired": {
                "sotkanet_gender": ["sotkanet_id"],
                "sotkanet_value": ["sotkanet_id"],
            }
        }
    }

    description: Text | None = None
    sotkanet_id: int | None = Field(
        default=None, ge=1, description="Indicator id in THL's Sotkanet (https://sotkanet.fi/)"
    )
    sotkanet_gender: Literal["total", "male", "female"] | None = Field(
        default=None,
        description="The Sotkanet gender breakdown the plan means (default total); needs "
        "sotkanet_id",
    )
    sotkanet_value: Literal["primary", "absolute"] | None = Field(
        default=None,
        description="Sotkanet's primary value (the indicator's own measure, e.g. a share or a "
        "rate; the default) or its absolute value (a count); needs sotkanet_id",
    )
    url: PlainStr | None = None

    @model_validator(mode="after")
    def _sotkanet_details_need_an_id(self) -> DataSource:
        if self.sotkanet_id is None and (
            self.sotkanet_gender is not None or self.sotkanet_value is not None
        ):
            raise PydanticCustomError(
                "hyte_sotkanet",
                "sotkanet_gender and sotkanet_value describe a Sotkanet indicator: add its id "
                "(sotkanet_id: 1234), or remove them",
            )
        return self


class IndicatorValue(PlanModel):
    """A recorded value (seuranta) for one period, optionally for one municipality or series."""

    period: PeriodValue
    value: Scalar
    municipality: MunicipalityCode | None = None
    series: Id | None = None
    date: IsoDate | None = None
    note: Text | None = None
    source: Text | None = None


class IndicatorFile(PlanModel):
    """``indicators/<id>.yaml``: one indicator (mittari)."""

    id: Id
    name: Text
    wording: Text | None = Field(
        default=None,
        description="The plan's own words for the indicator, when `name` is not verbatim "
        "(e.g. one cell of the plan names two measures, kept as two indicators)",
    )
    kind: IndicatorKind
    unit: Text | None = None
    per: int | None = Field(default=None, ge=1, description="rate: per how many inhabitants")
    direction: Literal["increase", "decrease", "none"] | None = None
    # Read from its text (year, half_year, ...); strict mode would want a PeriodKind object.
    reporting_period: PeriodKind = Field(default=PeriodKind.YEAR, strict=False)
    target: Target | None = None
    baseline: Baseline | None = None
    data_source: DataSource | None = None
    values: list[IndicatorValue] = Field(default_factory=list)
    notes: Text | None = None
