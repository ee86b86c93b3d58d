"""What the rules of ``hyte validate`` share: the checked repository and small helpers.

:class:`CheckContext` holds the repository under check (its plan, language and items) and the
helpers the rules use (a text in the plan's language, a deadline described for a message, every
deadline written in the plan); :func:`kind_problem` judges a value against an indicator's kind.
The rules themselves are in :mod:`hytecli.validation_references`,
:mod:`hytecli.validation_deadlines` and :mod:`hytecli.validation_indicators`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from hytecli.deadlines import ResolvedDeadline
from hytecli.findings import Severity
from hytecli.models import Deadline, PlanFile, Text
from hytecli.repository import PlanItem, PlanRepository
from hytecli.yaml_document import DataPath, YamlDocument

WARNING = Severity.WARNING


def suggest(wrong: str, known: Iterable[str]) -> str:
    """Return ``"did you mean 'a' or 'b'? "`` for the closest known ids, or ``""``."""
    import difflib  # only for a finding: not at start-up

    close = difflib.get_close_matches(wrong, sorted(set(known)), n=3, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "? "


def place_of(document: YamlDocument, data_path: DataPath) -> str:
    """Return ``path:line`` of ``data_path`` in ``document``, for naming another place."""
    return f"{document.path}:{document.locate(data_path)[0]}"


def article(noun: str) -> str:
    """Return the indefinite article for ``noun`` ("a" or "an")."""
    return "an" if noun[:1] in "aeiou" else "a"


def is_number(value: Any) -> bool:
    """True for a finite number (not a bool, not infinity or NaN, not too large for a float)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def kind_problem(kind: str, value: Any, what: str) -> str | None:
    """Say what is wrong with ``value`` for an indicator of ``kind``, or ``None`` if it fits.

    Shared by targets and baselines (I001) and recorded values (I004). ``what`` names the value
    in the message ("value", "target value", "baseline value"). Numbers must be finite
    (:func:`math.isfinite`): the strict reader already refuses ``1e999``, and this keeps any
    infinity or NaN from a model built another way out of the status, reports and exports.
    """
    quoted = ""
    if isinstance(value, str):
        quoted = (
            " (write the number without quotes, e.g. 1234)"
            if kind == "count"
            else " (write the number without quotes, with a decimal point: 12.5)"
        )
    if kind == "yes_no":
        if isinstance(value, bool):
            return None
        return f"a yes/no indicator's {what} must be true or false, not {value!r}"
    if kind == "text":
        if isinstance(value, str):
            return None
        return f"a text indicator's {what} must be text, not {value!r}: put it in quotes"
    if kind == "count":
        if is_number(value) and value >= 0 and float(value).is_integer():
            return None
        fix = quoted
        if is_number(value) and value > 0:
            low, high = math.floor(value), math.ceil(value)
            fix = (
                f": counts are whole numbers, so write {low} or {high}, or change kind (e.g. to "
                "rate)"
            )
        return f"a count's {what} must be a whole number, 0 or more, not {value!r}{fix}"
    if kind == "percentage":
        if is_number(value) and 0 <= value <= 100:
            return None
        return f"a percentage's {what} must be a number from 0 to 100, not {value!r}{quoted}"
    if kind == "rate":
        if is_number(value) and value >= 0:
            return None
        return f"a rate's {what} must be a number, 0 or more, not {value!r}{quoted}"
    return None  # pragma: no cover - the model allows only the kinds above


def get_raw(data: Any, *keys: str) -> Any:
    """Return ``data[k1][k2]...`` from raw YAML data, or ``None`` when any step is missing."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def raw_ids(document: YamlDocument) -> set[str]:
    """Return the ids a file that failed to load probably holds: its ``id``, its file name."""
    ids = {PurePosixPath(document.path).stem}
    raw = get_raw(document.data, "id")
    if isinstance(raw, str):
        ids.add(raw)
    return ids


@dataclass(frozen=True)
class DeadlineAt:
    """A deadline as written in the plan, with where it is and whose it is."""

    document: YamlDocument
    data_path: DataPath  # of the ``deadline`` value
    owner: str  # "goal 'x'", "action 'y'", "indicator 'z' target"
    deadline: Deadline


def deadline_value_path(document: YamlDocument, base: DataPath) -> DataPath:
    """Point at ``due``/``term_end``/``recurring`` inside a deadline mapping, else the value."""
    for key in ("due", "term_end", "recurring"):
        if document.has((*base, key)):
            return (*base, key)
    return base


class CheckContext:
    """The repository under check, and the helpers every rule uses."""

    def __init__(self, repo: PlanRepository) -> None:
        self.repo = repo
        self.plan: PlanFile | None = repo.plan
        self.language = self.plan.language if self.plan else "fi"
        self.items: list[PlanItem] = list(repo.items())

    def text(self, value: Text | None) -> str:
        """Return the text in the plan's language (else its first language)."""
        return value.get(self.language)[0] if value is not None else ""

    def describe(self, resolved: ResolvedDeadline) -> str:
        """Describe a deadline for messages: as written, as a date, and the plan's wording."""
        assert resolved.due is not None
        due = resolved.due.isoformat()
        if resolved.form == "term_end":
            shown = f"end of council term {resolved.written} (= {due})"
        elif resolved.written != due:
            shown = f"{resolved.written} (= {due})"
        else:
            shown = due
        if resolved.wording is not None:
            shown += f' "{self.text(resolved.wording)}"'
        return shown

    def all_deadlines(self) -> Iterator[DeadlineAt]:
        """Yield every deadline of goals, actions and indicator targets."""
        for item in self.items:
            if item.node.deadline is not None:
                yield DeadlineAt(
                    item.area.document,
                    (*item.data_path, "deadline"),
                    f"{item.kind} '{item.id}'",
                    item.node.deadline,
                )
        for record in self.repo.indicators:
            target = record.indicator.target
            if target is not None and target.deadline is not None:
                yield DeadlineAt(
                    record.document,
                    ("target", "deadline"),
                    f"indicator '{record.indicator.id}' target",
                    target.deadline,
                )
