"""Matching and comparing the parts of two plan versions for ``hyte diff``.

A plan version is indexed by id (:class:`IndexedVersion`); the items of list fields are matched by
their key (:data:`ITEM_KEYS`: council terms by ``id``, recorded values by period, municipality and
series, assessments by year, a year's council handlings by date, ...); and
:func:`compare_fields` compares two instances of a file model field by field, reading which
fields exist and how to compare them from the pydantic models. The walk over the whole plan
(priority areas, goals, actions, indicators, year texts) is :mod:`hytecli.plandiff`'s.
"""

from __future__ import annotations

import types
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from hytecli.diff_changes import Change, ChangeKind, Entity
from hytecli.export import deadline_dict
from hytecli.models import (
    Action,
    AreaFile,
    Deadline,
    Goal,
    IndicatorFile,
    PlanFile,
    Text,
)
from hytecli.repository import PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.worddiff import word_diff
from hytecli.year_texts import YearTextsRecord

# --- comparing values -----------------------------------------------------------------------------


def _canon(value: Any) -> Any:
    """Return a comparable form of a JSON value: 12 equals 12.0, but true never equals 1."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, list):
        return ("list", tuple(_canon(item) for item in value))
    if isinstance(value, dict):
        return ("map", tuple(sorted((key, repr(_canon(item))) for key, item in value.items())))
    return value


def _same(a: Any, b: Any) -> bool:
    return bool(_canon(a) == _canon(b))


def _same_collection(a: list[Any], b: list[Any]) -> bool:
    return Counter(repr(_canon(x)) for x in a) == Counter(repr(_canon(x)) for x in b)


FieldKind = Literal["text", "deadline", "set", "keyed", "nested", "value"]


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``| None`` from a type annotation."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, FieldKind, Any], ...]:
    """Return the fields of ``model``: name, how it is compared, its item or nested model."""
    result: list[tuple[str, FieldKind, Any]] = []
    for name, info in model.model_fields.items():
        annotation = _unwrap(info.annotation)
        kind: FieldKind
        sub: Any = None
        if annotation is Text:
            kind = "text"
        elif annotation is Deadline:
            kind = "deadline"
        elif get_origin(annotation) is list:
            item = _unwrap(get_args(annotation)[0])
            kind, sub = ("keyed", item) if _is_model(item) else ("set", None)
        elif _is_model(annotation):
            kind, sub = "nested", annotation
        else:
            kind = "value"
        result.append((name, kind, sub))
    return tuple(result)


def _period_key(item: Any) -> str:
    parts = [str(item.period)]
    parts += [part for part in (item.municipality, item.series) if part]
    return " · ".join(parts)


#: How the items of list fields are matched between the versions (by field name).
ITEM_KEYS: dict[str, Callable[[Any], str]] = {
    "council_terms": lambda item: item.id,
    "municipalities": lambda item: item.code,
    "priority_areas": lambda item: item.id,
    "sources": lambda item: item.id,
    "legal_basis": lambda item: item.id or " ".join(filter(None, (item.statute, item.section))),
    "annexes": lambda item: str(item.title),
    "footnotes": lambda item: item.marker,
    "values": _period_key,
    "completed": lambda item: str(item.period or item.date.isoformat()),
    "assessments": lambda item: str(item.year),
    "council": lambda item: item.date.isoformat(),
}


def _keyed(name: str, items: list[Any]) -> dict[str, Any]:
    """Items by key; a repeated key gets ``#2``, ``#3`` (validation reports the repetition).

    Items of a list without a known key are matched by position (``1``, ``2``, ...).
    """
    key_of = ITEM_KEYS.get(name)
    result: dict[str, Any] = {}
    for index, item in enumerate(items, 1):
        key = key_of(item) if key_of is not None else str(index)
        unique, n = key, 1
        while unique in result:
            n += 1
            unique = f"{key} #{n}"
        result[unique] = item
    return result


# --- one version of the plan, indexed by id -------------------------------------------------------


class IndexedVersion:
    """A plan version indexed by id, from its resolved model (``None``: no plan in that version).

    Raises:
        hytecli.repository.PlanHasErrors: a file of the version did not load.
    """

    def __init__(self, repository: PlanRepository | None) -> None:
        self.repository = repository
        self.resolved: ResolvedPlan | None = (
            resolve_plan(repository) if repository is not None else None
        )
        self.plan: PlanFile | None = self.resolved.plan if self.resolved else None
        self.language = self.plan.language if self.plan else "fi"
        self.areas: dict[str, AreaFile] = {}
        self.goals: dict[str, tuple[Goal, str]] = {}
        self.actions: dict[str, tuple[Action, str, str]] = {}
        self.indicators: dict[str, IndicatorFile] = {}
        #: The year texts that loaded (``reports/<year>.yaml``), by year.
        self.years: dict[int, YearTextsRecord] = {}
        for record in repository.year_texts if repository is not None else ():
            self.years.setdefault(record.texts.year, record)
        if self.resolved is None:
            return
        for area in self.resolved.areas:
            if area.record is not None:
                self.areas.setdefault(area.id, area.record.area)
        for item in self.resolved.items:
            if item.action is None:
                self.goals.setdefault(item.id, (item.goal, item.area.area.id))
            else:
                self.actions.setdefault(item.id, (item.action, item.goal.id, item.area.area.id))
        for indicator in sorted(self.resolved.indicators, key=lambda i: i.id):
            self.indicators.setdefault(indicator.id, indicator.model)

    def deadline(self, deadline: Deadline | None) -> dict[str, Any] | None:
        """A deadline as exported (with its normalised date)."""
        if deadline is None or self.repository is None:
            return None
        return deadline_dict(self.repository.resolve(deadline), deadline)

    def dump(self, model: BaseModel, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
        """``model`` as JSON-ready data, with deadlines as exported (with their normalised date)."""
        data = model.model_dump(mode="json", exclude=set(exclude))
        for name, kind, _sub in _fields(type(model)):
            if name in exclude:
                continue
            value = getattr(model, name)
            if kind == "deadline":
                data[name] = self.deadline(value)
            elif kind == "nested" and value is not None:
                data[name] = self.dump(value)
            elif kind == "keyed":
                data[name] = [self.dump(item) for item in value]
        return data


def text_in(text: Text | None, language: str) -> str | None:
    """Return ``text`` in ``language`` (or its fallback); ``None`` when there is no text."""
    return text.get(language)[0] if text is not None else None


def _later(old: dict[str, Any] | None, new: dict[str, Any] | None) -> bool:
    """Tell whether the deadline ``new`` is later than ``old`` (both as exported)."""
    if old is None or new is None:
        return False
    if old["due"] and new["due"]:
        return bool(new["due"] > old["due"])
    if old["annual_day"] and new["annual_day"]:
        return bool(new["annual_day"] > old["annual_day"])
    return False


# --- comparing one entity's fields ----------------------------------------------------------------


@dataclass
class EntityContext:
    """What every change about one entity shares."""

    entity: Entity
    id: str
    area: str | None
    goal: str | None
    title: str | None

    def change(self, change: ChangeKind, **values: Any) -> Change:
        """Return a change about this entity."""
        return Change(
            self.entity, self.id, change, area=self.area, goal=self.goal, title=self.title, **values
        )


def compare_fields(
    ctx: EntityContext,
    model: type[BaseModel],
    old: BaseModel,
    new: BaseModel,
    before: IndexedVersion,
    after: IndexedVersion,
    *,
    exclude: frozenset[str] = frozenset(),
    prefix: str = "",
    key: str | None = None,
) -> Iterator[Change]:
    """Yield the changes between two instances of ``model``, field by field."""
    for name, kind, sub in _fields(model):
        if name in exclude:
            continue
        path = f"{prefix}{name}"
        a, b = getattr(old, name), getattr(new, name)
        if kind == "text":
            yield from _compare_text(ctx, path, key, a, b)
        elif kind == "deadline":
            da, db = before.deadline(a), after.deadline(b)
            if not _same(da, db):
                yield ctx.change(
                    _kind(da, db),
                    field=path,
                    key=key,
                    value_type="deadline",
                    old=da,
                    new=db,
                    lowered=_later(da, db),
                )
        elif kind == "set":
            ja = old.model_dump(mode="json", include={name})[name]
            jb = new.model_dump(mode="json", include={name})[name]
            if not _same_collection(ja, jb):
                yield ctx.change(
                    _kind(ja or None, jb or None),
                    field=path,
                    key=key,
                    value_type="set",
                    old=ja or None,
                    new=jb or None,
                )
        elif kind == "nested":
            if a is None and b is None:
                continue
            if a is None or b is None:
                yield ctx.change(
                    _kind(a, b),
                    field=path,
                    key=key,
                    value_type="item",
                    old=before.dump(a) if a is not None else None,
                    new=after.dump(b) if b is not None else None,
                )
                continue
            yield from compare_fields(ctx, sub, a, b, before, after, prefix=f"{path}.", key=key)
        elif kind == "keyed":
            items_a, items_b = _keyed(name, a), _keyed(name, b)
            for item_key, item in items_b.items():
                if item_key not in items_a:
                    yield ctx.change(
                        "added", field=path, key=item_key, value_type="item", new=after.dump(item)
                    )
                else:
                    yield from compare_fields(
                        ctx,
                        sub,
                        items_a[item_key],
                        item,
                        before,
                        after,
                        prefix=f"{path}.",
                        key=item_key,
                    )
            for item_key, item in items_a.items():
                if item_key not in items_b:
                    yield ctx.change(
                        "removed",
                        field=path,
                        key=item_key,
                        value_type="item",
                        old=before.dump(item),
                    )
        else:
            ja = old.model_dump(mode="json", include={name})[name]
            jb = new.model_dump(mode="json", include={name})[name]
            if not _same(ja, jb):
                yield ctx.change(_kind(ja, jb), field=path, key=key, old=ja, new=jb)


def _kind(old: Any, new: Any) -> ChangeKind:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    return "changed"


def _compare_text(
    ctx: EntityContext, path: str, key: str | None, old: Text | None, new: Text | None
) -> Iterator[Change]:
    a = old.values if old is not None else {}
    b = new.values if new is not None else {}
    for language in [*a, *(lang for lang in b if lang not in a)]:
        ta, tb = a.get(language), b.get(language)
        if ta == tb:
            continue
        words = word_diff(ta, tb) if ta is not None and tb is not None else None
        yield ctx.change(
            _kind(ta, tb),
            field=path,
            key=key,
            language=language,
            value_type="text",
            old=ta,
            new=tb,
            words=words,
        )


def lower_target(old: IndicatorFile, new: IndicatorFile, change: Change) -> Change:
    """Mark a changed target value as lowered when it asks for less than before."""
    if change.field != "target.value" or change.change != "changed":
        return change
    a, b = change.old, change.new
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b)):
        return change
    comparison = new.target.comparison if new.target else None
    if old.target is None or old.target.comparison != comparison:
        return change  # the kind of target changed: not comparable
    if comparison == "at_least" or (comparison in (None, "equal") and new.direction == "increase"):
        lowered = b < a
    elif comparison == "at_most" or (comparison in (None, "equal") and new.direction == "decrease"):
        lowered = b > a
    else:
        return change
    return replace(change, lowered=lowered)
