"""hyte: a regional wellbeing plan (alueellinen hyvinvointisuunnitelma) as data.

The library is the product; the ``hyte`` command is a thin layer over it. The public API::

    from hytecli import find_repository, load_repository, validate_repository, compute_status

    repo = load_repository(find_repository(Path.cwd()))
    findings = validate_repository(repo)

Names are imported lazily so that ``import hytecli`` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "find_repository": "hytecli.repository",
    "load_repository": "hytecli.repository",
    "PlanRepository": "hytecli.repository",
    "RepositoryNotFound": "hytecli.repository",
    "validate_repository": "hytecli.validation",
    "Finding": "hytecli.findings",
    "Severity": "hytecli.findings",
    "compute_status": "hytecli.status",
    "StatusQuery": "hytecli.status",
    "export_plan": "hytecli.export",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import public names on first use (PEP 562)."""
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'hytecli' has no attribute {name!r}")
