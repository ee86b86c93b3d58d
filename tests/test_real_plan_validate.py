"""`hyte validate` on the repository's own plan (LUVN 2024–2026) gives exactly the known warnings.

They are the plan's own inconsistencies, kept as written rather than "fixed" in the data:

* P001: "Digitaalisten hyte-palvelujen kehittäminen" is listed in the introduction but the plan
  has no section for it;
* P002: two areas' section headings differ from the introduction's list (terveet-elintavat:
  "edistäminen" vs "tukeminen"; esteettomyys: "parantaminen" vs "edistäminen");
* D002: the partnership-agreement action is due "vuoden 2025 alkuun mennessä" (2024-12-31) while
  its indicator says "vuoden 2025 loppuun mennessä" (2025);
* L001: texts lack Swedish, which plan.yaml declares (until the plan is translated).

Any other finding is either a mistake in the data or in a rule: look before changing either.

The repository's plan is live: values and completions are recorded in it, and a value may rightly
draw a warning (a statistic for 2023, before the plan period, is I005). So on the live plan the
known warnings must be there and there must be no error, while any further warning may only be
about a recorded value or completion; the frozen copy (tests/data/luvn-frozen, nothing recorded)
gives exactly the known warnings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytecli.cli import app
from hytecli.findings import Finding, Severity
from hytecli.repository import load_repository
from hytecli.validation import validate_repository

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "tests" / "data" / "luvn-frozen"
#: Codes of the findings about recorded values and completions (not about the plan's text), and
#: L001 (texts lacking Swedish, which the plan declares), which goes as the plan is translated.
RECORDING_CODES = {"I002", "I003", "I004", "I005", "I006", "I007", "D004", "D005", "R005", "L001"}

EXPECTED = [
    ("P002", "plan/esteettomyys.yaml"),
    ("P001", "plan/plan.yaml"),
    ("P002", "plan/terveet-elintavat.yaml"),
    ("D002", "plan/terveet-elintavat.yaml"),
]


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return validate_repository(load_repository(ROOT))


def test_the_known_warnings_and_no_error(findings: list[Finding]) -> None:
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    keys = [(f.code, f.path) for f in findings]
    assert [key for key in keys if key in EXPECTED] == EXPECTED
    others = [f for f in findings if (f.code, f.path) not in EXPECTED]
    assert all(f.code in RECORDING_CODES for f in others), [str(f) for f in others]


def test_exactly_the_known_warnings_on_the_plan_as_transcribed() -> None:
    frozen = validate_repository(load_repository(FROZEN))
    # the frozen copy is in Finnish only: L001 counts its texts that lack Swedish
    assert [(f.code, f.path) for f in frozen] == [EXPECTED[0], ("L001", "plan/plan.yaml")] + (
        EXPECTED[1:]
    )
    assert {f.severity for f in frozen} == {Severity.WARNING}


def test_the_warnings_name_what_they_are_about(findings: list[Finding]) -> None:
    by_key = {(f.code, f.path): f.message for f in findings}
    assert "'digitaaliset-hyte-palvelut'" in by_key[("P001", "plan/plan.yaml")]
    assert '"Terveiden elintapojen edistäminen"' in by_key[("P002", "plan/terveet-elintavat.yaml")]
    assert '"Terveiden elintapojen tukeminen"' in by_key[("P002", "plan/terveet-elintavat.yaml")]
    esteettomyys = by_key[("P002", "plan/esteettomyys.yaml")]
    assert '"Esteettömyyden ja saavutettavuuden parantaminen"' in esteettomyys
    assert '"Esteettömyyden ja saavutettavuuden edistäminen"' in esteettomyys
    d002 = by_key[("D002", "plan/terveet-elintavat.yaml")]
    assert '2024-12-31 "vuoden 2025 alkuun mennessä"' in d002
    assert "'liikuntaneuvonnan-kumppanuussopimukset' 2025 (= 2025-12-31)" in d002
    assert '"vuoden 2025 loppuun mennessä"' in d002


def test_the_command_passes_and_fails_only_under_strict() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["validate", "--repo", str(ROOT)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("0 errors, ")
    frozen = runner.invoke(app, ["validate", "--repo", str(FROZEN)])
    assert frozen.stdout.splitlines()[-1] == "0 errors, 5 warnings in 3 files"
    strict = runner.invoke(app, ["validate", "--repo", str(ROOT), "--strict"])
    assert strict.exit_code == 1
