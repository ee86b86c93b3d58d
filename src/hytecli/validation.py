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


def validate_repository(repo: PlanRepository) -> list[Finding]:
    """Return every finding about ``repo``: load and shape errors plus all cross-file checks.

    Args:
        repo: A repository loaded by :func:`hytecli.repository.load_repository`.

    Returns:
        The findings sorted by file, line, column and code (see
        :func:`hytecli.findings.sort_findings`); empty when the plan is clean.

    """
    checks = _Checks(repo)
    return sort_findings([*repo.findings, *checks.run()])


class _Checks(ReferenceChecks, DeadlineChecks, IndicatorChecks, AssessmentChecks, LanguageChecks):
    """All cross-file rules, run over one repository."""

    def run(self) -> list[Finding]:
        """Run every rule and return its findings (unsorted)."""
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
            findings.extend(rule())
        return findings
