"""The plan's data model: what `plan/plan.yaml`, `plan/<area>.yaml` and `indicators/<id>.yaml` hold.

These pydantic v2 models check each file's *shape* (fields, types, forms of dates and ids).
Checks that need more than one file (references, deadlines against the plan period, values
against an indicator's kind) live in :mod:`hytecli.validation`. The format is documented for plan
authors in ``docs/format.md`` and exported as JSON Schema by ``hyte schema``.

Glossary: priority area = painopiste, goal = tavoite, action = toimenpide, responsible party =
vastuutaho, indicator = mittari, council term = valtuustokausi.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from hytecli.periods import (
    MAX_YEAR,
    MIN_YEAR,
    DateProblem,
    Period,
    PeriodKind,
    load_zone,
    parse_due,
    parse_iso_date,
)

SCHEMA_VERSION = 1

LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


def _text_problem(value: Any) -> PydanticCustomError:
    if isinstance(value, bool | int | float):
        return PydanticCustomError(
            "hyte_text", f"expected text but found {value!r}: put the text in quotes"
        )
    return PydanticCustomError(
        "hyte_text",
        "expected text, or a mapping of language codes to texts (fi: ..., sv: ...)",
    )


class Text:
    """A human text: plain text in the plan's main language, or one text per language.

    Written in YAML as ``title: Mielen hyvinvoinnin vahvistaminen`` (the plan's ``language``,
    ``fi`` by default) or as ``title: {fi: ..., sv: ..., en: ...}``.

    Attributes:
        values: Language code (ISO 639, e.g. ``fi``, ``sv``, ``en``, ``se``) → text, in the order
            written; never empty.
    """

    __slots__ = ("values",)

    def __init__(self, values: dict[str, str]) -> None:
        if not values:
            raise ValueError("a Text needs at least one language")
        self.values = dict(values)

    def get(self, language: str, fallback: str | None = None) -> tuple[str, str]:
        """Return ``(text, language_used)`` for ``language``.

        A text missing in ``language`` is shown in ``fallback`` (callers showing a plan in
        another language pass the plan's ``language``), else in the first language written, so
        that there is always something to show and the fallback can be marked with the right
        ``lang`` attribute. Callers whose ``language`` is the plan's own need no ``fallback``.

        Args:
            language: The language wanted (ISO 639 code).
            fallback: The language to use next, usually the plan's ``language``; ``None`` goes
                straight to the first language written.

        Returns:
            The text and the language it is in.
        """
        for lang in (language, fallback):
            if lang is not None and lang in self.values:
                return self.values[lang], lang
        first = next(iter(self.values))
        return self.values[first], first

    def __str__(self) -> str:
        """The text in its first written language."""
        return next(iter(self.values.values()))

    def __eq__(self, other: object) -> bool:
        """Compare the texts per language, not the order they were written in.

        ``{fi: a, sv: b}`` equals ``{sv: b, fi: a}``, and :meth:`__hash__` agrees.
        """
        return isinstance(other, Text) and other.values == self.values

    def __hash__(self) -> int:
        return hash(frozenset(self.values.items()))

    def __repr__(self) -> str:
        return f"Text({self.values!r})"

    @classmethod
    def _validate(cls, value: Any, info: ValidationInfo) -> Text:
        if isinstance(value, Text):
            return value
        language = (info.context or {}).get("language", "fi")
        if isinstance(value, str):
            if not value.strip():
                raise PydanticCustomError(
                    "hyte_text", "the text is empty: write it or remove the field"
                )
            return cls({language: value})
        if isinstance(value, dict) and value:
            for lang, text in value.items():
                if not isinstance(lang, str) or not _LANGUAGE.match(lang):
                    raise PydanticCustomError(
                        "hyte_text",
                        f"{lang!r} is not a language code: use two- or three-letter ISO 639 codes "
                        "such as fi, sv, en",
                    )
                if not isinstance(text, str):
                    raise _text_problem(text)
                if not text.strip():
                    raise PydanticCustomError(
                        "hyte_text",
                        "the {lang} text is empty: write it or remove it",
                        {"lang": lang},
                    )
            return cls(value)
        raise _text_problem(value)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda t: t.values),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "minLength": 1, "description": "Text in the plan's language"},
                {
                    "type": "object",
                    "description": "Text per language code (fi, sv, en, ...)",
                    "properties": {
                        "fi": {"type": "string", "minLength": 1},
                        "sv": {"type": "string", "minLength": 1},
                        "en": {"type": "string", "minLength": 1},
                    },
                    "patternProperties": {LANGUAGE_PATTERN: {"type": "string", "minLength": 1}},
                    "additionalProperties": False,
                    "minProperties": 1,
                },
            ]
        }


def _to_date(value: Any) -> date:
    try:
        return parse_iso_date(value)
    except DateProblem as exc:
        raise PydanticCustomError("hyte_date", str(exc)) from None


def _to_period(value: Any) -> Period:
    try:
        return Period.parse(value)
    except DateProblem as exc:
        raise PydanticCustomError("hyte_period", str(exc)) from None


def _to_id(value: Any) -> str:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise PydanticCustomError(
            "hyte_id",
            f"{value!r} is not a valid id: use lower-case letters a-z, digits, '-', '_' and '.', "
            "starting with a letter or digit",
        )
    return value


def _to_plain_str(value: Any) -> str:
    if not isinstance(value, str):
        raise _text_problem(value)
    if not value.strip():
        raise PydanticCustomError("hyte_text", "the text is empty: write it or remove the field")
    return value


IsoDate = Annotated[
    date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
PeriodValue = Annotated[
    Period,
    BeforeValidator(_to_period),
    PlainSerializer(str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string", "pattern": r"^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$"},
            ],
            "description": "A year (2024), half-year (2024-H1), quarter (2024-Q3) or month "
            f"(2024-05), of the years {MIN_YEAR}-{MAX_YEAR}",
        }
    ),
]
Id = Annotated[
    str,
    BeforeValidator(_to_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN}),
]
PlainStr = Annotated[
    str, BeforeValidator(_to_plain_str), WithJsonSchema({"type": "string", "minLength": 1})
]
LanguageCode = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]
#: A municipality's three-digit code in Statistics Finland's classification of municipalities
#: (Kuntaluokitus, https://stat.fi/en/luokitukset/kunta/; e.g. 049 Espoo), written in quotes so
#: that the leading zeros stay.
MunicipalityCode = Annotated[
    str,
    Field(
        pattern=r"^\d{3}$",
        description="Municipality code in Statistics Finland's classification of municipalities "
        "(Kuntaluokitus), three digits",
    ),
]


class _Model(BaseModel):
    """Base for all file models: unknown fields are errors (they are almost always typos)."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, frozen=True)


# --- deadlines --------------------------------------------------------------------------------


class Deadline(_Model):
    """A deadline as written in a plan file.

    Exactly one of ``due``, ``term_end`` and ``recurring`` is given. A bare value
    (``deadline: 2025-05``) is shorthand for ``{due: 2025-05}``. The normalised date is the
    last day on which the item is still on time; see :mod:`hytecli.deadlines` for resolution.

    Attributes:
        due: ``YYYY-MM-DD``, ``YYYY-MM`` (end of month) or ``YYYY`` (end of year).
        term_end: Id of a council term in ``plan.yaml``: due on that term's last day.
        recurring: ``annual``: due every calendar year of the plan period.
        day: For recurring deadlines, the yearly due day as ``MM-DD`` (default ``12-31``).
        wording: The plan's own words for the deadline, quoted by reports.
    """

    due: Annotated[
        str | None,
        WithJsonSchema(
            {
                "type": ["string", "integer"],
                "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                "description": "YYYY-MM-DD, YYYY-MM (end of month) or YYYY (end of year)",
            }
        ),
    ] = None
    term_end: Id | None = None
    recurring: Literal["annual"] | None = None
    day: str | None = Field(default=None, pattern=r"^\d{2}-\d{2}$")
    wording: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str | int) and not isinstance(value, bool):
            return {"due": value}
        return value

    @field_validator("due", mode="before")
    @classmethod
    def _check_due(cls, value: Any) -> Any:
        if value is None:
            return None
        try:
            parse_due(value)
        except DateProblem as exc:
            raise PydanticCustomError("hyte_deadline", str(exc)) from None
        return str(value)

    @field_validator("day")
    @classmethod
    def _check_day(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                parse_iso_date(f"2024-{value}")  # a leap year, so 02-29 is allowed
            except DateProblem:
                raise PydanticCustomError(
                    "hyte_deadline",
                    "{value} is not a month-day: write MM-DD, e.g. 12-31",
                    {"value": value},
                ) from None
        return value

    @model_validator(mode="after")
    def _one_form(self) -> Deadline:
        given = [
            name for name in ("due", "term_end", "recurring") if getattr(self, name) is not None
        ]
        if len(given) != 1:
            raise PydanticCustomError(
                "hyte_deadline",
                "a deadline needs exactly one of due, term_end or recurring (found: {found})",
                {"found": ", ".join(given) or "none"},
            )
        if self.day is not None and self.recurring is None:
            raise PydanticCustomError("hyte_deadline", "day is only used with recurring: annual")
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        mapping = handler(schema)
        return {
            "anyOf": [
                {
                    "type": ["string", "integer"],
                    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                    "description": "YYYY-MM-DD, YYYY-MM (end of month) or YYYY (end of year)",
                },
                mapping,
            ]
        }


# --- plan.yaml ----------------------------------------------------------------------------------


class Organisation(_Model):
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


class PlanPeriod(_Model):
    """The plan's period (inclusive); LUVN's first plan runs 2024-01-01 to 2026-12-31."""

    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> PlanPeriod:
        if self.end < self.start:
            raise PydanticCustomError("hyte_period", "the plan period ends before it starts")
        return self


class CouncilTerm(_Model):
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


class LegalBasis(_Model):
    """A statute the plan rests on, e.g. 612/2021 § 7."""

    id: Id | None = None
    statute: PlainStr
    section: PlainStr | None = None
    title: Text | None = None
    url: PlainStr | None = None


class Annex(_Model):
    """An annex the plan names (its text need not be in the repository)."""

    title: Text
    url: PlainStr | None = None


class AreaListing(_Model):
    """A priority area as listed in the plan's introduction, in the plan's order."""

    id: Id
    title: Text


class Municipality(_Model):
    """A municipality of the county, with its Statistics Finland code (three digits, quoted)."""

    code: MunicipalityCode
    name: Text


class Source(_Model):
    """A reference the plan cites (its list of sources, *lähteet*)."""

    id: Id
    citation: Text
    url: PlainStr | None = None
    cited_as: PlainStr | None = None


class PlanFile(_Model):
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
    notes: Text | None = None

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            load_zone(value)
        except DateProblem as exc:
            raise PydanticCustomError("hyte_time_zone", str(exc)) from None
        return value


# --- plan/<area>.yaml ---------------------------------------------------------------------------


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str | dict) else value


Responsible = Annotated[list[Text], BeforeValidator(_listify)]


class Completion(_Model):
    """A record that a goal or action was done: the day, and for recurring items the year."""

    date: IsoDate
    period: PeriodValue | None = None
    note: Text | None = None


class Action(_Model):
    """An action (toimenpide) that serves a goal."""

    id: Id
    title: Text
    deadline: Deadline | None = None
    responsible: Responsible = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list)
    completed: list[Completion] = Field(default_factory=list)
    notes: Text | None = None


class Goal(_Model):
    """A goal (tavoite) of a priority area, with its actions and indicators."""

    id: Id
    title: Text
    description: Text | None = None
    deadline: Deadline | None = None
    responsible: Responsible = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    completed: list[Completion] = Field(default_factory=list)
    notes: Text | None = None


class Footnote(_Model):
    """A footnote or definition the plan gives under a priority area's table."""

    marker: PlainStr = "*"
    term: Text | None = None
    text: Text


class AreaFile(_Model):
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


class Target(_Model):
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


class Baseline(_Model):
    """An indicator's baseline (lähtötaso): the value the plan starts from."""

    period: PeriodValue
    value: float
    source: Text | None = None
    note: Text | None = None


class DataSource(_Model):
    """Where an indicator's values come from.

    Attributes:
        description: The source in words.
        sotkanet_id: The indicator's id in THL's Sotkanet statistics and indicator bank
            (https://sotkanet.fi/; the same id as in its open API,
            https://sotkanet.fi/rest/1.1/indicators).
        url: A web address for the source.
    """

    description: Text | None = None
    sotkanet_id: int | None = Field(
        default=None, ge=1, description="Indicator id in THL's Sotkanet (https://sotkanet.fi/)"
    )
    url: PlainStr | None = None


class IndicatorValue(_Model):
    """A recorded value (seuranta) for one period, optionally for one municipality or series."""

    period: PeriodValue
    value: Scalar
    municipality: MunicipalityCode | None = None
    series: Id | None = None
    date: IsoDate | None = None
    note: Text | None = None
    source: Text | None = None


class IndicatorFile(_Model):
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
    reporting_period: PeriodKind = PeriodKind.YEAR
    target: Target | None = None
    baseline: Baseline | None = None
    data_source: DataSource | None = None
    values: list[IndicatorValue] = Field(default_factory=list)
    notes: Text | None = None
