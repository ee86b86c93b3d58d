"""The vocabulary of ``hyte diff``: the changes between two versions of a plan.

:class:`Change` is one difference (an entity or one of its fields added, removed, changed or
moved), :class:`Section` the changes under one heading, :class:`PlanDiff` the whole result and
:class:`Version` one side of the comparison as shown to the user; :class:`WordOp` is one run of a
word-level text difference (:mod:`hytecli.worddiff`). They are computed by
:mod:`hytecli.plandiff` and rendered by :mod:`hytecli.diff_render`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

Entity = Literal["plan", "area", "goal", "action", "indicator", "year"]
ChangeKind = Literal["added", "removed", "changed", "moved"]
#: What ``old`` and ``new`` of a change hold (see :class:`Change`).
ValueType = Literal["entity", "parent", "text", "deadline", "set", "value", "item"]
WordOpKind = Literal["equal", "delete", "insert"]
SectionKind = Literal["plan", "years", "area", "indicators"]


@dataclass(frozen=True)
class WordOp:
    """One run of a word-level text difference: text kept, deleted or inserted."""

    op: WordOpKind
    text: str


@dataclass(frozen=True)
class Change:
    """One difference between the two plans.

    Attributes:
        entity: What changed: ``plan`` (plan.yaml), ``area``, ``goal``, ``action``,
            ``indicator`` or ``year`` (a year's own texts, ``reports/<year>.yaml``).
        id: The entity's id (the plan's id for ``plan``, the year for ``year``).
        change: ``added``, ``removed``, ``changed`` or ``moved``. With ``field`` unset it is about
            the entity itself, otherwise about that field (or that item of a list field).
        field: Dotted path of the field that changed (``deadline``, ``target.value``,
            ``council_terms.end``, ``values``); ``None`` for the entity itself.
        key: For a list matched by key, the item's key (``2024``, ``2024 · 049``, ``2025-2029``).
        language: For a text, the language whose text changed.
        languages: The languages other than the plan's whose texts the change is about: a text's
            own ``language`` when it is another, or, for any other value (a deadline and its
            wording, a list of responsible parties, an assessment added), each language whose
            texts inside it differ (:func:`hytecli.diff_languages.language_changes`).
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
            removed); ``None`` for the plan, indicators and year texts.
        goal: For actions, the goal they serve (after, or before when removed).
        title: The entity's title or name in the plan's language (after, or before when removed);
            for a year's texts, their file (``reports/2024.yaml``).

    """

    entity: Entity
    id: str
    change: ChangeKind
    field: str | None = None
    key: str | None = None
    language: str | None = None
    languages: tuple[str, ...] = ()
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
    """The changes under one heading: the plan, the year texts, a priority area or the indicators.

    Attributes:
        kind: ``plan``, ``years`` (``reports/<year>.yaml``), ``area`` or ``indicators``.
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
        sections: Non-empty sections only: the plan first, then the year texts, then areas, then
            indicators.

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
