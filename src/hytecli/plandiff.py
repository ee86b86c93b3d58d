"""The semantic difference between two versions of a plan (``hyte diff``).

A line diff of YAML hides what matters to the people who review plan changes. This module compares
two loaded plans in the plan's own terms and returns plain :class:`~hytecli.diff_changes.Change`
values, grouped into :class:`~hytecli.diff_changes.Section` s (the plan's metadata, the year
texts, each priority area, the indicators). This module walks the plan (priority areas, goals,
actions, indicators, the year texts of ``reports/<year>.yaml``);
comparing one entity's fields is :mod:`hytecli.diff_matching`'s, word-level text differences
:mod:`hytecli.worddiff`'s; rendering the changes as text, Markdown or JSON is left to
:mod:`hytecli.diff_render`, and reading git revisions to :mod:`hytecli.gitrepo`.

Rules (documented for users in ``docs/diff.md``):

* Areas, goals, actions and indicators are matched by their stable ``id``, never by file name or
  position: renaming a file or reordering items is not a change. Year texts are matched by their
  ``year``. A goal that now belongs to
  another area, or an action that now serves another goal, is *moved*.
* Lists whose items have a key are matched by that key (council terms by ``id``, municipalities
  by ``code``, the listed priority areas by ``id``, recorded values by period, municipality and
  series, completion records by period or date, assessments by year, ...); their order is not a
  change either.
  Lists of plain values (responsible parties, indicator references, languages) are compared as
  collections.
* Texts are compared per language, with a word-level difference. Every change names the
  languages other than the plan's whose texts it is about (:attr:`Change.languages`).
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

from dataclasses import replace

from pydantic import BaseModel

from hytecli.diff_changes import Change, ChangeKind, PlanDiff, Section, Version
from hytecli.diff_languages import language_changes
from hytecli.diff_matching import (
    EntityContext,
    IndexedVersion,
    compare_fields,
    lower_target,
    text_in,
)
from hytecli.models import Action, AreaFile, Goal, IndicatorFile, PlanFile, Text
from hytecli.repository import PlanRepository
from hytecli.year_texts import YearTexts

# --- the whole plan -------------------------------------------------------------------------------

_AREA_EXCLUDE = frozenset({"id", "goals"})
_GOAL_EXCLUDE = frozenset({"id", "actions"})
_ACTION_EXCLUDE = frozenset({"id"})
_INDICATOR_EXCLUDE = frozenset({"id"})
_YEAR_EXCLUDE = frozenset({"year"})


class _Differ:
    def __init__(self, base: IndexedVersion, head: IndexedVersion) -> None:
        self.base = base
        self.head = head
        self.language = head.language if head.plan else base.language

    def title(self, text: Text | None) -> str | None:
        return text_in(text, self.language)

    def entity(
        self,
        version: IndexedVersion,
        ctx: EntityContext,
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
        ctx = EntityContext("plan", plan.id, None, None, self.title(plan.title))
        if a is None or b is None:
            version = self.head if b is not None else self.base
            return [
                self.entity(version, ctx, "added" if a is None else "removed", plan, frozenset())
            ]
        return list(compare_fields(ctx, PlanFile, a, b, self.base, self.head))

    def goal_changes(self, goal_id: str) -> list[Change]:
        goal, area_id = self.head.goals[goal_id]
        ctx = EntityContext("goal", goal_id, area_id, None, self.title(goal.title))
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
        changes += compare_fields(ctx, Goal, old, goal, self.base, self.head, exclude=_GOAL_EXCLUDE)
        return changes

    def action_changes(self, action_id: str) -> list[Change]:
        action, goal_id, area_id = self.head.actions[action_id]
        ctx = EntityContext("action", action_id, area_id, goal_id, self.title(action.title))
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
        changes += compare_fields(
            ctx, Action, old, action, self.base, self.head, exclude=_ACTION_EXCLUDE
        )
        return changes

    def area_section(self, area_id: str) -> Section | None:
        head_area = self.head.areas.get(area_id)
        base_area = self.base.areas.get(area_id)
        area = head_area or base_area
        assert area is not None
        ctx = EntityContext("area", area_id, area_id, None, self.title(area.title))
        changes: list[Change] = []
        if head_area is None or base_area is None:
            version = self.head if base_area is None else self.base
            changes.append(
                self.entity(
                    version, ctx, "added" if base_area is None else "removed", area, _AREA_EXCLUDE
                )
            )
        else:
            changes += compare_fields(
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
                ctx = EntityContext("goal", goal.id, base_area.id, None, self.title(goal.title))
                changes.append(self.entity(self.base, ctx, "removed", goal, _GOAL_EXCLUDE))
            for action in goal.actions:
                if action.id not in self.head.actions and self.base.actions[action.id][0] is action:
                    ctx = EntityContext(
                        "action", action.id, base_area.id, goal.id, self.title(action.title)
                    )
                    changes.append(self.entity(self.base, ctx, "removed", action, _ACTION_EXCLUDE))
        return changes

    def indicator_changes(self) -> list[Change]:
        changes: list[Change] = []
        for indicator_id, new in self.head.indicators.items():
            ctx = EntityContext("indicator", indicator_id, None, None, self.title(new.name))
            old = self.base.indicators.get(indicator_id)
            if old is None:
                changes.append(self.entity(self.head, ctx, "added", new, _INDICATOR_EXCLUDE))
                continue
            changes += [
                lower_target(old, new, change)
                for change in compare_fields(
                    ctx, IndicatorFile, old, new, self.base, self.head, exclude=_INDICATOR_EXCLUDE
                )
            ]
        for indicator_id, old in self.base.indicators.items():
            if indicator_id not in self.head.indicators:
                ctx = EntityContext("indicator", indicator_id, None, None, self.title(old.name))
                changes.append(self.entity(self.base, ctx, "removed", old, _INDICATOR_EXCLUDE))
        return changes

    def year_changes(self) -> list[Change]:
        """The year texts (``reports/<year>.yaml``) added, removed or changed, by year."""
        changes: list[Change] = []
        for year in sorted({*self.base.years, *self.head.years}):
            old, new = self.base.years.get(year), self.head.years.get(year)
            record = new or old
            assert record is not None
            ctx = EntityContext("year", str(year), None, None, record.path)
            if old is None or new is None:
                version = self.head if old is None else self.base
                kind: ChangeKind = "added" if old is None else "removed"
                changes.append(self.entity(version, ctx, kind, record.texts, frozenset()))
                continue
            changes += compare_fields(
                ctx, YearTexts, old.texts, new.texts, self.base, self.head, exclude=_YEAR_EXCLUDE
            )
        return changes

    def with_languages(self, change: Change) -> Change:
        """``change`` with the other languages whose texts it is about (``Change.languages``)."""
        if change.value_type in ("entity", "parent"):
            return change
        found: tuple[str, ...]
        if change.value_type == "text":
            found = (change.language,) if change.language not in (None, self.language) else ()
        else:
            found = tuple(
                c.language for c in language_changes(change.old, change.new, self.language)
            )
        return replace(change, languages=found) if found else change

    def sections(self) -> list[Section]:
        return [
            replace(section, changes=tuple(self.with_languages(c) for c in section.changes))
            for section in self.plain_sections()
        ]

    def plain_sections(self) -> list[Section]:
        sections: list[Section] = []
        plan_changes = self.plan_changes()
        if plan_changes:
            plan = self.head.plan or self.base.plan
            title = self.title(plan.title) if plan else None
            sections.append(Section("plan", None, title, None, tuple(plan_changes)))
        year_changes = self.year_changes()
        if year_changes:
            sections.append(Section("years", None, None, None, tuple(year_changes)))
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
    differ = _Differ(IndexedVersion(base), IndexedVersion(head))
    return PlanDiff(
        base=base_version or Version("base"),
        head=head_version or Version("head"),
        language=differ.language,
        sections=tuple(differ.sections()),
    )
