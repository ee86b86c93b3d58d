"""The semantic difference between two versions of a plan (``hyte diff``).

A line diff of YAML hides what matters to the people who review plan changes. This module compares
two loaded plans in the plan's own terms and returns plain :class:`Change` values, grouped into
:class:`Section` s (the plan's metadata, each priority area, the indicators); rendering them as
text, Markdown or JSON is left to :mod:`hytecli.diff_render`, and reading git revisions to
:mod:`hytecli.gitrepo`.

Rules (documented for users in ``docs/diff.md``):

* Areas, goals, actions and indicators are matched by their stable ``id``, never by file name or
  position: renaming a file or reordering items is not a change. A goal that now belongs to
  another area, or an action that now serves another goal, is *moved*.
* Lists whose items have a key are matched by that key (council terms by ``id``, municipalities
  by ``code``, the listed priority areas by ``id``, recorded values by period, municipality and
  series, completion records by period or date, ...); their order is not a change either.
  Lists of plain values (responsible parties, indicator references, languages) are compared as
  collections.
* Texts are compared per language, with a word-level difference.
* Deadlines are compared in full (form, written value, wording, normalised date).
* A change is *lowered* when it makes the plan less ambitious: a deadline moved later, or a
  target value lowered given its comparison (``at_least``: smaller; ``at_most``: larger) or, for
  ``equal`` or no comparison, the indicator's direction (``increase``: smaller; ``decrease``:
  larger). Lowered changes and removals (except of a text, such as notes) need the reviewer's
  *attention*.

Which fields exist is read from the pydantic models (:mod:`hytecli.models`), so a field added to
the format is compared without changes here.
"""

from __future__ import annotations

import difflib
import re
import types
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

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

Entity = Literal["plan", "area", "goal", "action", "indicator"]
ChangeKind = Literal["added", "removed", "changed", "moved"]
#: What ``old`` and ``new`` of a change hold (see :class:`Change`).
ValueType = Literal["entity", "parent", "text", "deadline", "set", "value", "item"]
WordOpKind = Literal["equal", "delete", "insert"]
SectionKind = Literal["plan", "area", "indicators"]


@dataclass(frozen=True)
class WordOp:
    """One run of a word-level text difference: text kept, deleted or inserted."""

    op: WordOpKind
    text: str


@dataclass(frozen=True)
class Change:
    """One difference between the two plans.

    Attributes:
        entity: What changed: ``plan`` (plan.yaml), ``area``, ``goal``, ``action`` or
            ``indicator``.
        id: The entity's id (the plan's id for ``plan``).
        change: ``added``, ``removed``, ``changed`` or ``moved``. With ``field`` unset it is about
            the entity itself, otherwise about that field (or that item of a list field).
        field: Dotted path of the field that changed (``deadline``, ``target.value``,
            ``council_terms.end``, ``values``); ``None`` for the entity itself.
        key: For a list matched by key, the item's key (``2024``, ``2024 · 049``, ``2025-2029``).
        language: For a text, the language whose text changed.
        value_type: What ``old`` and ``new`` hold: ``entity`` (the whole entity as exported,
            without its goals/actions), ``parent`` (``{"area": id, "goal": id}`` of a move),
            ``text`` (the text in ``language``), ``deadline`` (a deadline as exported: form,
            written, due, wording, council_term, annual_day), ``set`` (a list, order ignored),
            ``value`` (a plain value), ``item`` (a list item or nested object as a mapping).
        old: The value before (JSON-ready), ``None`` when added.
        new: The value after (JSON-ready), ``None`` when removed.
        words: For changed texts, the word-level difference.
        lowered: The change makes the plan less ambitious (a later deadline, a lower target).
        area: The priority area the entity belongs to (after the change; before it, when
            removed); ``None`` for the plan and indicators.
        goal: For actions, the goal they serve (after, or before when removed).
        title: The entity's title or name in the plan's language (after, or before when removed).

    """

    entity: Entity
    id: str
    change: ChangeKind
    field: str | None = None
    key: str | None = None
    language: str | None = None
    value_type: ValueType = "value"
    old: Any = None
    new: Any = None
    words: tuple[WordOp, ...] | None = None
    lowered: bool = False
    area: str | None = None
    goal: str | None = None
    title: str | None = None

    @property
    def attention(self) -> bool:
        """Tell whether a reviewer must not miss this change.

        True for lowered changes and for every removal (of an item, a list entry, a deadline, a
        target, a value, ...) except the removal of a text (notes, a wording, a translation).
        """
        return self.lowered or (self.change == "removed" and self.value_type != "text")


@dataclass(frozen=True)
class Section:
    """The changes under one heading: the plan's metadata, one priority area, or the indicators.

    Attributes:
        kind: ``plan``, ``area`` or ``indicators``.
        id: The area's id (``None`` for the other kinds).
        title: The area's title in the plan's language (after the change, else before).
        number: The area's section number, if the plan gives one.
        changes: The changes, in plan order.

    """

    kind: SectionKind
    id: str | None
    title: str | None
    number: int | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Version:
    """One side of the comparison, as shown to the user.

    Attributes:
        label: How to name it (``origin/main (1a2b3c4)``, ``working tree``).
        revision: The revision as given (``origin/main``), ``None`` for the working tree.
        commit: The full commit id, ``None`` for the working tree.

    """

    label: str
    revision: str | None = None
    commit: str | None = None


@dataclass(frozen=True)
class PlanDiff:
    """The difference between two plans: sections of changes, in plan order.

    Attributes:
        base: The version compared from.
        head: The version compared to.
        language: The plan's main language (texts are shown in it).
        sections: Non-empty sections only: the plan first, then areas, then indicators.

    """

    base: Version
    head: Version
    language: str
    sections: tuple[Section, ...] = field(default=())

    @property
    def changes(self) -> list[Change]:
        """Every change, section by section."""
        return [change for section in self.sections for change in section.changes]

    def counts(self) -> dict[str, int]:
        """Numbers of changes: ``total``, per kind (``added`` ...), ``attention``, ``lowered``."""
        changes = self.changes
        kinds = Counter(change.change for change in changes)
        return {
            "total": len(changes),
            "added": kinds["added"],
            "removed": kinds["removed"],
            "changed": kinds["changed"],
            "moved": kinds["moved"],
            "attention": sum(1 for change in changes if change.attention),
            "lowered": sum(1 for change in changes if change.lowered),
        }


# --- word-level text differences ------------------------------------------------------------------

#: Words (letters and digits, joined by -, ', ., ,, : or / inside a word, so "05/2025", "12,5",
#: "hyte-palvelujen" are one word), single punctuation marks, and runs of white space.
_TOKEN = re.compile(r"\s+|\w+(?:[-'’.,:/]\w+)*|[^\w\s]")


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Return the word-level difference of two texts as runs of kept, deleted and inserted text.

    White space between two changed words is folded into the change, so "a b c" → "a x y c"
    gives ``a [-b c-]{+x y+} c`` rather than two separate changes. Concatenating the ``equal``
    and ``delete`` runs gives ``old``; the ``equal`` and ``insert`` runs give ``new``.
    """
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    blocks: list[tuple[str, list[str], list[str]]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.append(("equal", a[i1:i2], b[j1:j2]))
        else:
            blocks.append(("change", a[i1:i2], b[j1:j2]))
    merged: list[tuple[str, list[str], list[str]]] = []
    for index, block in enumerate(blocks):
        between_changes = (
            block[0] == "equal"
            and all(token.isspace() for token in block[1])
            and 0 < index < len(blocks) - 1
        )
        if (block[0] == "change" or between_changes) and merged and merged[-1][0] == "change":
            merged[-1] = ("change", merged[-1][1] + block[1], merged[-1][2] + block[2])
        elif between_changes:
            merged.append(("change", block[1], block[2]))
        else:
            merged.append(block)
    ops: list[WordOp] = []
    for kind, old_tokens, new_tokens in merged:
        if kind == "equal":
            ops.append(WordOp("equal", "".join(old_tokens)))
            continue
        if old_tokens:
            ops.append(WordOp("delete", "".join(old_tokens)))
        if new_tokens:
            ops.append(WordOp("insert", "".join(new_tokens)))
    return tuple(ops)


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
_ITEM_KEYS: dict[str, Callable[[Any], str]] = {
    "council_terms": lambda item: item.id,
    "municipalities": lambda item: item.code,
    "priority_areas": lambda item: item.id,
    "sources": lambda item: item.id,
    "legal_basis": lambda item: item.id or " ".join(filter(None, (item.statute, item.section))),
    "annexes": lambda item: str(item.title),
    "footnotes": lambda item: item.marker,
    "values": _period_key,
    "completed": lambda item: str(item.period or item.date.isoformat()),
}


def _keyed(name: str, items: list[Any]) -> dict[str, Any]:
    """Items by key; a repeated key gets ``#2``, ``#3`` (validation reports the repetition).

    Items of a list without a known key are matched by position (``1``, ``2``, ...).
    """
    key_of = _ITEM_KEYS.get(name)
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


class _Version:
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


def _text(text: Text | None, language: str) -> str | None:
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
class _Context:
    """What every change about one entity shares."""

    entity: Entity
    id: str
    area: str | None
    goal: str | None
    title: str | None

    def change(self, change: ChangeKind, **values: Any) -> Change:
        return Change(
            self.entity, self.id, change, area=self.area, goal=self.goal, title=self.title, **values
        )


def _compare_fields(
    ctx: _Context,
    model: type[BaseModel],
    old: BaseModel,
    new: BaseModel,
    before: _Version,
    after: _Version,
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
            yield from _compare_fields(ctx, sub, a, b, before, after, prefix=f"{path}.", key=key)
        elif kind == "keyed":
            items_a, items_b = _keyed(name, a), _keyed(name, b)
            for item_key, item in items_b.items():
                if item_key not in items_a:
                    yield ctx.change(
                        "added", field=path, key=item_key, value_type="item", new=after.dump(item)
                    )
                else:
                    yield from _compare_fields(
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
    ctx: _Context, path: str, key: str | None, old: Text | None, new: Text | None
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


def _lower_target(old: IndicatorFile, new: IndicatorFile, change: Change) -> Change:
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


# --- the whole plan -------------------------------------------------------------------------------

_AREA_EXCLUDE = frozenset({"id", "goals"})
_GOAL_EXCLUDE = frozenset({"id", "actions"})
_ACTION_EXCLUDE = frozenset({"id"})
_INDICATOR_EXCLUDE = frozenset({"id"})


class _Differ:
    def __init__(self, base: _Version, head: _Version) -> None:
        self.base = base
        self.head = head
        self.language = head.language if head.plan else base.language

    def title(self, text: Text | None) -> str | None:
        return _text(text, self.language)

    def entity(
        self,
        version: _Version,
        ctx: _Context,
        change: ChangeKind,
        model: BaseModel,
        exclude: frozenset[str],
    ) -> Change:
        data = version.dump(model, exclude)
        if change == "added":
            return ctx.change("added", value_type="entity", new=data)
        return ctx.change("removed", value_type="entity", old=data)

    def plan_changes(self) -> list[Change]:
        a, b = self.base.plan, self.head.plan
        plan = b or a
        if plan is None:
            return []
        ctx = _Context("plan", plan.id, None, None, self.title(plan.title))
        if a is None or b is None:
            version = self.head if b is not None else self.base
            return [
                self.entity(version, ctx, "added" if a is None else "removed", plan, frozenset())
            ]
        return list(_compare_fields(ctx, PlanFile, a, b, self.base, self.head))

    def goal_changes(self, goal_id: str) -> list[Change]:
        goal, area_id = self.head.goals[goal_id]
        ctx = _Context("goal", goal_id, area_id, None, self.title(goal.title))
        if goal_id not in self.base.goals:
            return [self.entity(self.head, ctx, "added", goal, _GOAL_EXCLUDE)]
        old, old_area = self.base.goals[goal_id]
        changes = []
        if old_area != area_id:
            changes.append(
                ctx.change(
                    "moved", value_type="parent", old={"area": old_area}, new={"area": area_id}
                )
            )
        changes += _compare_fields(
            ctx, Goal, old, goal, self.base, self.head, exclude=_GOAL_EXCLUDE
        )
        return changes

    def action_changes(self, action_id: str) -> list[Change]:
        action, goal_id, area_id = self.head.actions[action_id]
        ctx = _Context("action", action_id, area_id, goal_id, self.title(action.title))
        if action_id not in self.base.actions:
            return [self.entity(self.head, ctx, "added", action, _ACTION_EXCLUDE)]
        old, old_goal, old_area = self.base.actions[action_id]
        changes = []
        if old_goal != goal_id:
            changes.append(
                ctx.change(
                    "moved",
                    value_type="parent",
                    old={"area": old_area, "goal": old_goal},
                    new={"area": area_id, "goal": goal_id},
                )
            )
        changes += _compare_fields(
            ctx, Action, old, action, self.base, self.head, exclude=_ACTION_EXCLUDE
        )
        return changes

    def area_section(self, area_id: str) -> Section | None:
        head_area = self.head.areas.get(area_id)
        base_area = self.base.areas.get(area_id)
        area = head_area or base_area
        assert area is not None
        ctx = _Context("area", area_id, area_id, None, self.title(area.title))
        changes: list[Change] = []
        if head_area is None or base_area is None:
            version = self.head if base_area is None else self.base
            changes.append(
                self.entity(
                    version, ctx, "added" if base_area is None else "removed", area, _AREA_EXCLUDE
                )
            )
        else:
            changes += _compare_fields(
                ctx, AreaFile, base_area, head_area, self.base, self.head, exclude=_AREA_EXCLUDE
            )
        if head_area is not None:
            for goal in head_area.goals:
                if self.head.goals[goal.id][0] is not goal:
                    continue  # a repeated id: only the first is compared
                changes += self.goal_changes(goal.id)
                for action in goal.actions:
                    if self.head.actions[action.id][0] is action:
                        changes += self.action_changes(action.id)
        if base_area is not None:
            changes += self.removed_items(base_area)
        if not changes:
            return None
        number = head_area.number if head_area is not None else area.number
        return Section("area", area_id, ctx.title, number, tuple(changes))

    def removed_items(self, base_area: AreaFile) -> list[Change]:
        """Goals and actions of ``base_area`` that are in no area any more."""
        changes = []
        for goal in base_area.goals:
            if goal.id not in self.head.goals and self.base.goals[goal.id][0] is goal:
                ctx = _Context("goal", goal.id, base_area.id, None, self.title(goal.title))
                changes.append(self.entity(self.base, ctx, "removed", goal, _GOAL_EXCLUDE))
            for action in goal.actions:
                if action.id not in self.head.actions and self.base.actions[action.id][0] is action:
                    ctx = _Context(
                        "action", action.id, base_area.id, goal.id, self.title(action.title)
                    )
                    changes.append(self.entity(self.base, ctx, "removed", action, _ACTION_EXCLUDE))
        return changes

    def indicator_changes(self) -> list[Change]:
        changes: list[Change] = []
        for indicator_id, new in self.head.indicators.items():
            ctx = _Context("indicator", indicator_id, None, None, self.title(new.name))
            old = self.base.indicators.get(indicator_id)
            if old is None:
                changes.append(self.entity(self.head, ctx, "added", new, _INDICATOR_EXCLUDE))
                continue
            changes += [
                _lower_target(old, new, change)
                for change in _compare_fields(
                    ctx, IndicatorFile, old, new, self.base, self.head, exclude=_INDICATOR_EXCLUDE
                )
            ]
        for indicator_id, old in self.base.indicators.items():
            if indicator_id not in self.head.indicators:
                ctx = _Context("indicator", indicator_id, None, None, self.title(old.name))
                changes.append(self.entity(self.base, ctx, "removed", old, _INDICATOR_EXCLUDE))
        return changes

    def sections(self) -> list[Section]:
        sections: list[Section] = []
        plan_changes = self.plan_changes()
        if plan_changes:
            plan = self.head.plan or self.base.plan
            title = self.title(plan.title) if plan else None
            sections.append(Section("plan", None, title, None, tuple(plan_changes)))
        area_ids = [*self.head.areas, *(a for a in self.base.areas if a not in self.head.areas)]
        for area_id in area_ids:
            section = self.area_section(area_id)
            if section is not None:
                sections.append(section)
        indicator_changes = self.indicator_changes()
        if indicator_changes:
            sections.append(Section("indicators", None, None, None, tuple(indicator_changes)))
        return sections


def diff_plans(
    base: PlanRepository | None,
    head: PlanRepository | None,
    *,
    base_version: Version | None = None,
    head_version: Version | None = None,
) -> PlanDiff:
    """Compare two loaded plans and return their semantic difference.

    Args:
        base: The plan before (``None``: there was no plan, so everything is added).
        head: The plan after (``None``: there is no plan any more).
        base_version: How to name ``base`` in the output (default ``base``).
        head_version: How to name ``head`` in the output (default ``head``).

    Returns:
        The :class:`PlanDiff`; its ``sections`` are empty when the plans are the same.

    Both repositories should have loaded without errors (``hyte diff`` refuses one that did not):
    files that failed to load are simply missing from the comparison.

    """
    differ = _Differ(_Version(base), _Version(head))
    return PlanDiff(
        base=base_version or Version("base"),
        head=head_version or Version("head"),
        language=differ.language,
        sections=tuple(differ.sections()),
    )
