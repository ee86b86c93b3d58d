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

from hytecli.findings import Finding, sort_findings
from hytecli.repository import PlanRepository
from hytecli.validation_assessments import AssessmentChecks
from hytecli.validation_deadlines import DeadlineChecks
from hytecli.validation_indicators import IndicatorChecks
from hytecli.validation_languages import LanguageChecks
from hytecli.validation_references import ReferenceChecks


def validate_repository(repo: PlanRepository, *, errors_only: bool = False) -> list[Finding]:
    """Return every finding about ``repo``: load and shape errors plus all cross-file checks.

    Args:
        repo: A repository loaded by :func:`hytecli.repository.load_repository`.
        errors_only: Skip the rules that can only warn (:data:`WARNING_ONLY`), for a command
            that asks only whether the plan has errors (:func:`hytecli.usable.require_valid_plan`).
            The errors found are the same; some warnings are not looked for.

    Returns:
        The findings sorted by file, line, column and code (see
        :func:`hytecli.findings.sort_findings`); empty when the plan is clean.

    """
    checks = _Checks(repo)
    return sort_findings([*repo.findings, *checks.run(errors_only=errors_only)])


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


class _Checks(ReferenceChecks, DeadlineChecks, IndicatorChecks, AssessmentChecks, LanguageChecks):
    """All cross-file rules, run over one repository."""

    def run(self, *, errors_only: bool = False) -> list[Finding]:
        """Run every rule (only those that can find an error, with ``errors_only``)."""
        findings: list[Finding] = []
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
        ):
            if errors_only and rule.__name__ in WARNING_ONLY:
                continue
            findings.extend(rule())
        return findings
