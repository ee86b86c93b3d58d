"""A plan fit to judge and report on: loaded, valid, resolved.

``hyte status`` and ``hyte report`` never judge broken data: a council report that names an
indicator that does not exist, or counts a value the validator rejects, is worse than none.
:func:`require_valid_plan` runs every check ``hyte validate`` runs and refuses a plan with
errors (warnings pass), listing the located findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from hytecli.beside import run_beside
from hytecli.findings import Finding, Severity, sort_findings
from hytecli.plan_files import PARALLEL_FILES
from hytecli.repository import PlanHasErrors, PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.validation import validate_repository

T = TypeVar("T")


def require_valid_plan(repository: PlanRepository, *, limit: int = 20) -> ResolvedPlan:
    """Return the resolved plan when ``hyte validate`` finds no errors in it.

    Args:
        repository: A loaded repository.
        limit: How many errors the message lists at most.

    Returns:
        The :class:`~hytecli.resolved.ResolvedPlan`.

    Raises:
        hytecli.repository.PlanHasErrors: validation found errors (exit code 1); the message
            lists the first ``limit`` as ``path:line:col: error CODE message``.
    """
    _refuse(validate_repository(repository, errors_only=True), limit)
    return resolve_plan(repository)


def _refuse(findings: list[Finding], limit: int) -> None:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        shown = sort_findings(errors)[:limit]
        lines = "\n".join(str(f) for f in shown)
        more = f"\n... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise PlanHasErrors(f"{lines}{more}")


def with_valid_plan(
    repository: PlanRepository,
    work: Callable[[ResolvedPlan], T],
    *,
    limit: int = 20,
    parallel: bool | None = None,
) -> T:
    """Return ``work(require_valid_plan(repository))``, checking and working at the same time.

    On a large plan the check runs in a second process (:func:`hytecli.beside.run_beside`)
    while this one resolves the plan and runs ``work`` on it; the result is used only when the
    check finds no errors. So ``work`` must only compute (not print or write files): it may
    run on a plan with errors, and what it raises then is replaced by the refusal.

    Args:
        repository: A loaded repository.
        work: What to make of the resolved plan (e.g. a status report and its text).
        limit: As for :func:`require_valid_plan`.
        parallel: ``None`` checks in a second process for a plan of more than
            :data:`hytecli.plan_files.PARALLEL_FILES` files; ``False`` checks first, then works.

    Returns:
        What ``work`` returns.

    Raises:
        hytecli.repository.PlanHasErrors: as :func:`require_valid_plan`.
        Exception: whatever ``work`` raises on a plan without errors.
    """
    files = len(repository.areas) + len(repository.indicators)
    if not (parallel if parallel is not None else files > PARALLEL_FILES):
        return work(require_valid_plan(repository, limit=limit))

    def attempt() -> tuple[T | None, Exception | None]:
        try:
            return work(resolve_plan(repository)), None
        except Exception as exc:  # noqa: BLE001 - raised below unless the plan has errors
            return None, exc

    findings, (result, problem) = run_beside(
        lambda: validate_repository(repository, errors_only=True, parallel=False), attempt
    )
    _refuse(findings, limit)
    if problem is not None:
        raise problem
    return cast(T, result)
