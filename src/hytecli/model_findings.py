"""Checking a located YAML document against its model, and saying what is wrong in plain words.

pydantic's errors become :class:`~hytecli.findings.Finding` values at the line and column of the
key or value concerned, each saying what to write instead: a quoted number where a number is
wanted ("write it without quotes"), ``true`` where a number is wanted, a text where a list is
wanted, an unknown field (with the closest known name, or where a known field belongs when it
is at the wrong level).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hytecli import models
from hytecli.findings import Finding
from hytecli.yaml_document import YamlDocument

ModelT = TypeVar("ModelT", bound=BaseModel)

#: Where each model's fields are written, in words, for "belongs under ..." hints.
_PLACES: dict[type[BaseModel], str] = {
    models.PlanFile: "the top of plan/plan.yaml",
    models.Organisation: "organisation (plan/plan.yaml)",
    models.PlanPeriod: "period (plan/plan.yaml)",
    models.CouncilTerm: "a council term (council_terms in plan/plan.yaml)",
    models.LegalBasis: "a legal_basis entry (plan/plan.yaml)",
    models.Annex: "an annex (annexes in plan/plan.yaml)",
    models.AreaListing: "a priority area listed in plan/plan.yaml (priority_areas)",
    models.Municipality: "a municipality (municipalities in plan/plan.yaml)",
    models.Source: "a source (sources in plan/plan.yaml)",
    models.AreaFile: "the top of a priority-area file (plan/<area>.yaml)",
    models.Goal: "a goal",
    models.Action: "an action (actions of a goal)",
    models.Completion: "a completed entry",
    models.Footnote: "a footnote",
    models.Deadline: "a deadline",
    models.IndicatorFile: "the top of an indicator file (indicators/<id>.yaml)",
    models.Target: "target (indicator file)",
    models.Baseline: "baseline (indicator file)",
    models.DataSource: "data_source (indicator file)",
    models.IndicatorValue: "a recorded value (values in an indicator file)",
}


def _field_places() -> dict[str, list[str]]:
    places: dict[str, list[str]] = {}
    for model, place in _PLACES.items():
        for name in model.model_fields:
            places.setdefault(name, []).append(place)
    return places


#: Every field name of the plan files → the places it is written in.
FIELD_PLACES = _field_places()


def unknown_field_message(name: str, here: type[BaseModel] | None = None) -> str:
    """Say what to do about an unknown field ``name``: where it belongs, or the closest name.

    Args:
        name: The key as written.
        here: The model of the mapping it was found in, when known: its place is named, and
            close names among its fields are suggested first.

    Returns:
        The S002 message; it never suggests ``name`` itself.
    """
    where_found = f" in {_PLACES[here]}" if here in _PLACES else ""
    if name in FIELD_PLACES:
        places = FIELD_PLACES[name]
        where = " or ".join(places[:3]) + (" (and others)" if len(places) > 3 else "")
        return (
            f"unknown field '{name}'{where_found}: '{name}' belongs under {where}; "
            "move it there (check its indentation) or remove it"
        )
    own = sorted(here.model_fields) if here is not None else []
    import difflib  # only for a finding: not at start-up

    for candidates in (own, sorted(FIELD_PLACES)):
        close = [c for c in difflib.get_close_matches(name, candidates, n=2) if c != name]
        if close:
            return f"unknown field '{name}'{where_found}: did you mean '{close[0]}'?"
    return f"unknown field '{name}'{where_found}: remove it or check its spelling"


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}" (text in quotes)' if value else "an empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return repr(value)


def _number_hint(name: str, given: Any, whole: bool) -> str:
    what = "a whole number" if whole else "a number"
    if isinstance(given, str):
        return (
            f"'{name}' must be {what}, found {_shown(given)}: write the number without quotes "
            f"(e.g. {name}: 12)"
        )
    if isinstance(given, bool):
        return f"'{name}' must be {what}, found {_shown(given)}: write {what} (e.g. {name}: 12)"
    return f"'{name}' must be {what}, found {_shown(given)}"


def describe_error(error: Any, here: type[BaseModel] | None = None) -> tuple[str, str, bool]:
    """Return ``(code, message, prefer_key)`` for one pydantic error (a dict of ``errors()``).

    Args:
        error: One of :meth:`pydantic.ValidationError.errors`.
        here: For an unknown field, the model of the mapping it was found in, if known.
    """
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else "file"
    given = error.get("input")
    if kind == "missing":
        return "S001", f"required field '{name}' is missing", False
    if kind == "extra_forbidden":
        return "S002", unknown_field_message(name, here), True
    if kind in ("model_type", "dict_type", "model_attributes_type") and not loc:
        return "S003", "the file must hold a mapping of fields (key: value lines) at the top", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            "S003",
            f"'{name}' must be a mapping of fields (key: value lines), found {_shown(given)}",
            False,
        )
    if kind == "list_type":
        example = f"{name}: [{given}]" if isinstance(given, str | int | float) else f"{name}: []"
        return (
            "S003",
            f"'{name}' must be a list, found {_shown(given)}: write it as a list, e.g. "
            f"{example}, or one '- ' line per item",
            False,
        )
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        shown = repr(given) if isinstance(given, str) else _shown(given)
        return "S003", f"{shown} is not allowed for '{name}': expected {expected}", False
    if kind == "string_pattern_mismatch":
        if name in ("code", "municipality"):
            return (
                "S003",
                f"{given!r} is not a municipality code: write the three-digit Statistics "
                'Finland code in quotes, e.g. "049"',
                False,
            )
        return "S003", f"{given!r} is not valid for '{name}': {error['msg']}", False
    if kind == "string_type":
        return "S003", f"'{name}' must be text, found {_shown(given)}: put it in quotes", False
    if kind == "bool_type":
        return (
            "S003",
            f"'{name}' must be true or false, found {_shown(given)}: write true or false "
            "without quotes",
            False,
        )
    if kind.startswith("hyte_"):
        return "S003", str(error["msg"]), False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "S003", _number_hint(name, given, whole=True), False
    if kind in ("float_type", "float_parsing"):
        return "S003", _number_hint(name, given, whole=False), False
    if kind == "too_short":
        return "S003", f"'{name}' must not be empty", False
    return "S003", f"'{name}': {error['msg']}", False


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model of the mapping holding the key at ``loc``, when it can be told."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if current is not None else None
        if field is None:
            return None
        current = _model_in(field.annotation)
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[Goal]`` or ``Target | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validate_model(
    document: YamlDocument, model: type[ModelT], language: str = "fi"
) -> tuple[ModelT | None, list[Finding]]:
    """Check a located document against ``model``; map every error to its line and column.

    Args:
        document: The file as read by :func:`hytecli.yamlfile.read_yaml_file` (without errors).
        model: The pydantic model of that kind of file.
        language: The plan's main language, for plain texts.

    Returns:
        ``(instance, [])`` when valid, else ``(None, findings)`` with all shape errors.
    """
    try:
        instance = model.model_validate(document.data, context={"language": language})
    except ValidationError as exc:
        findings = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if isinstance(part, str | int))
            # Drop pydantic's union/function tags ("function-after[...]") from the location.
            loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
            here = _model_at(model, loc) if error["type"] == "extra_forbidden" else None
            code, message, prefer_key = describe_error(error, here)
            findings.append(document.finding(loc, code, message, prefer_key=prefer_key))
        return None, findings
    return instance, []


def read_file_model(
    read: Callable[[str], YamlDocument],
    path: str,
    model: type[ModelT],
    language: str,
    findings: list[Finding],
) -> tuple[YamlDocument, ModelT | None]:
    """Read one plan file and check it against ``model``, adding every problem to ``findings``.

    The reading problems, the hidden characters (``Y015``) and the shape errors, in that order:
    every kind of plan file (area, indicator, the year's texts) is loaded the same way.

    Args:
        read: Reads one file into a located document (its problems as findings).
        path: The file, relative to the repository root.
        model: The pydantic model of that kind of file.
        language: The plan's main language, for plain texts.
        findings: Where the file's findings are added.

    Returns:
        ``(document, instance)``; ``instance`` is ``None`` when the file did not read or fit.
    """
    from hytecli.hidden_text import hidden_character_findings

    document = read(path)
    findings.extend(document.findings)
    findings.extend(hidden_character_findings(document))
    if not document.ok:
        return document, None
    instance, problems = validate_model(document, model, language)
    findings.extend(problems)
    return document, instance
