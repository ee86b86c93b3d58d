"""The building blocks of the plan's data model: texts, dates, periods, ids and deadlines.

The file models in :mod:`hytecli.models` are made of these. Every model is strict
(:class:`PlanModel`): a value of the wrong kind is an error, never converted (a quoted number where
a number is wanted, ``true`` where a number is wanted, a text where a list is wanted), so that
nothing the user wrote changes meaning.
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
    parse_due,
    parse_iso_date,
)

SCHEMA_VERSION = 1

LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
# JSON Schema patterns that say what hyte validate says: years MIN_YEAR-MAX_YEAR, months 01-12,
# days 01-31 (a day that does not exist in its month, 2025-02-30, only validate can tell).
_YEAR = r"(19[0-9]{2}|2[01][0-9]{2}|2200)"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12][0-9]|3[01])"
DATE_PATTERN = rf"^{_YEAR}-{_MONTH}-{_DAY}$"
PERIOD_PATTERN = rf"^{_YEAR}(-H[12]|-Q[1-4]|-{_MONTH})?$"
#: A deadline's ``due`` (and the bare shorthand ``deadline: 2025-05``) in JSON Schema.
DUE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": rf"^{_YEAR}(-{_MONTH}(-{_DAY})?)?$"},
        {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
    ],
    "description": "YYYY-MM-DD, YYYY-MM (end of month) or YYYY (end of year), of the years "
    f"{MIN_YEAR}-{MAX_YEAR}",
}
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

    def words_differ(self, other: Text) -> bool:
        """Whether two texts say different things in a language both are written in.

        Runs of spaces and line breaks count as one space. Texts without a common language
        do not differ (the list of priority areas in Finnish, an area's title only in Swedish):
        a translation added to one of them is not a difference. Validation rule P002 and the
        report's "in the plan's list" line both ask this.
        """
        return any(
            " ".join(self.values[lang].split()) != " ".join(other.values[lang].split())
            for lang in self.values
            if lang in other.values
        )

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
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
PeriodValue = Annotated[
    Period,
    BeforeValidator(_to_period),
    PlainSerializer(str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string", "pattern": PERIOD_PATTERN},
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


class PlanModel(BaseModel):
    """Base for all file models: unknown fields are errors (they are almost always typos).

    Models are strict: no value is converted from one kind to another (``"12"`` or ``true`` is
    not a number, ``12`` is not a text, a text is not a list); each is a located error
    (:mod:`hytecli.model_findings` says what to write).
    """

    model_config = ConfigDict(
        extra="forbid", arbitrary_types_allowed=True, frozen=True, strict=True, defer_build=True
    )


# --- deadlines --------------------------------------------------------------------------------


class Deadline(PlanModel):
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

    due: Annotated[str | None, WithJsonSchema(DUE_SCHEMA)] = None
    term_end: Id | None = None
    recurring: Literal["annual"] | None = None
    day: Annotated[
        str | None,
        Field(pattern=r"^\d{2}-\d{2}$"),
        WithJsonSchema({"type": "string", "pattern": rf"^{_MONTH}-{_DAY}$"}),
    ] = None
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
        mapping = dict(handler(schema))
        # exactly one of due, term_end and recurring; day only with recurring
        mapping["oneOf"] = [
            {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
            for name in ("due", "term_end", "recurring")
        ]
        mapping["dependentRequired"] = {"day": ["recurring"]}
        return {"anyOf": [*DUE_SCHEMA["anyOf"], mapping], "description": DUE_SCHEMA["description"]}
