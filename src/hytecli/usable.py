"""A plan fit to judge and report on: loaded, valid, resolved.

``hyte status`` and ``hyte report`` never judge broken data: a council report that names an
indicator that does not exist, or counts a value the validator rejects, is worse than none.
:func:`require_valid_plan` runs every check ``hyte validate`` runs and refuses a plan with
errors (warnings pass), listing the located findings.
"""

from __future__ import annotations

from hytecli.findings import Severity, sort_findings
from hytecli.repository import PlanHasErrors, PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.validation import validate_repository


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
    findings = validate_repository(repository, errors_only=True)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        shown = sort_findings(errors)[:limit]
        lines = "\n".join(str(f) for f in shown)
        more = f"\n... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise PlanHasErrors(f"{lines}{more}")
    return resolve_plan(repository)
