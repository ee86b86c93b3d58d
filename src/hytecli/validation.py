"""Cross-file checks of a loaded plan repository: what ``hyte validate`` reports.

:func:`hytecli.repository.load_repository` already reports what is wrong inside one file (YAML
``Y`` codes and shape ``S`` codes). :func:`validate_repository` adds the checks that need the
whole plan: unique ids, references between files, the plan's list of priority areas, deadlines
against the plan period and the council terms, completion records, indicators' targets and
recorded values against their kind, goals' and actions' yearly assessments, and the languages
the plan declares. Every rule has a stable code, documented with its fix in
``docs/validate.md``; every finding points at the line and column of the key or value concerned.

Files that did not load are not judged again here, and the checks avoid follow-on findings about
them (a reference to an indicator whose file has an error is not reported as unknown).

The rules are grouped by what they check: :mod:`hytecli.validation_references` (ids, references,
the plan's structure), :mod:`hytecli.validation_deadlines` (deadlines, completion records),
:mod:`hytecli.validation_indicators` (targets, baselines, recorded values) and
:mod:`hytecli.validation_assessments` (goals' and actions' yearly assessments) and
:mod:`hytecli.validation_languages` (texts lacking a declared language); what they share
is in :mod:`hytecli.validation_common`.
"""

from __future__ import annotations

from hytecli.beside import run_beside
from hytecli.findings import Finding, sort_findings
from hytecli.plan_files import PARALLEL_FILES
from hytecli.repository import PlanRepository
from hytecli.validation_assessments import AssessmentChecks
from hytecli.validation_deadlines import DeadlineChecks
from hytecli.validation_indicators import IndicatorChecks
from hytecli.validation_languages import LanguageChecks
from hytecli.validation_references import ReferenceChecks


def validate_repository(
    repo: PlanRepository, *, errors_only: bool = False, parallel: bool | None = None
) -> list[Finding]:
    """Return every finding about ``repo``: load and shape errors plus all cross-file checks.

    Args:
        repo: A repository loaded by :func:`hytecli.repository.load_repository`.
        errors_only: Skip the rules that can only warn (:data:`WARNING_ONLY`), for a command
            that asks only whether the plan has errors (:func:`hytecli.usable.require_valid_plan`).
            The errors found are the same; some warnings are not looked for.
        parallel: Run some rules (:data:`BESIDE`) in a second process meanwhile
            (:func:`hytecli.beside.run_beside`); ``None`` does so for every rule's run
            (not ``errors_only``: its rules take a quarter of a second, about what the second
            process costs) on a plan of more than :data:`hytecli.plan_files.PARALLEL_FILES`
            files. The findings are the same either way.

    Returns:
        The findings sorted by file, line, column and code (see
        :func:`hytecli.findings.sort_findings`); empty when the plan is clean.

    """
    checks = _Checks(repo)
    return sort_findings([*repo.findings, *checks.run(errors_only=errors_only, parallel=parallel)])


#: The rules whose findings are always warnings: R007, R008, P003, P004, L001, L002 (the
#: language rules walk every text of the plan: a second of CPU time at the national size).
WARNING_ONLY = frozenset(
    {
        "unused_indicators",
        "file_names",
        "empty_areas_and_goals",
        "missing_languages",
        "undeclared_languages",
    }
)


#: The rules run in a second process on a large plan (:func:`hytecli.beside.run_beside`), while
#: this one runs the others: about half of the rules' time at the national size each way.
BESIDE = frozenset({"values", "missing_languages"})


class _Checks(ReferenceChecks, DeadlineChecks, IndicatorChecks, AssessmentChecks, LanguageChecks):
    """All cross-file rules, run over one repository."""

    def run(self, *, errors_only: bool = False, parallel: bool | None = None) -> list[Finding]:
        """Run every rule (only those that can find an error, with ``errors_only``).

        ``parallel`` as for :func:`validate_repository`; the findings come in the rules' order.
        """
        rules = [
            rule
            for rule in (
                self.duplicate_ids,
                self.indicator_references,
                self.priority_areas,
                self.area_sources,
                self.unused_indicators,
                self.file_names,
                self.empty_areas_and_goals,
                self.deadlines,
                self.completions,
                self.targets_and_baselines,
                self.values,
                self.assessments,
                self.missing_languages,
                self.undeclared_languages,
            )
            if not (errors_only and rule.__name__ in WARNING_ONLY)
        ]
        beside = [rule for rule in rules if rule.__name__ in BESIDE]
        here = [rule for rule in rules if rule.__name__ not in BESIDE]
        files = len(self.repo.areas) + len(self.repo.indicators)
        found_beside, found_here = run_beside(
            lambda: {rule.__name__: list(rule()) for rule in beside},
            lambda: {rule.__name__: list(rule()) for rule in here},
            fork=parallel if parallel is not None else not errors_only and files > PARALLEL_FILES,
        )
        found = {**found_beside, **found_here}
        # In the rules' order, as when they ran one after the other.
        return [finding for rule in rules for finding in found[rule.__name__]]
