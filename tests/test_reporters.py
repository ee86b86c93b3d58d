"""The output formats of `hyte validate` (hytecli.reporters): text, JSON and GitHub annotations.

The findings here are fictional fixtures made directly, so the exact output can be pinned.
"""

from __future__ import annotations

import json

import pytest

from hytecli.findings import Finding, Severity
from hytecli.reporters import render_findings

E = Severity.ERROR
W = Severity.WARNING

ERROR_B = Finding("plan/b.yaml", 3, 5, E, "R002", "indicator 'x' does not exist")
WARNING_A = Finding("plan/a.yaml", 10, 1, W, "P003", "priority area 'a' has no goals")
ERROR_A = Finding("plan/a.yaml", 2, 7, E, "Y004", "unquoted 'no' is read as true/false")
FINDINGS = [ERROR_B, WARNING_A, ERROR_A, ERROR_B]  # unsorted, with a repeat


def test_text_lists_sorted_findings_and_a_summary() -> None:
    assert render_findings(FINDINGS, "text") == (
        "plan/a.yaml:2:7: error Y004 unquoted 'no' is read as true/false\n"
        "plan/a.yaml:10:1: warning P003 priority area 'a' has no goals\n"
        "plan/b.yaml:3:5: error R002 indicator 'x' does not exist\n"
        "2 errors, 1 warning in 2 files\n"
    )


def test_text_summary_in_the_singular_and_under_strict() -> None:
    assert render_findings([WARNING_A], "text").splitlines()[-1] == "0 errors, 1 warning in 1 file"
    assert render_findings([WARNING_A], "text", strict=True).splitlines()[-1] == (
        "0 errors, 1 warning in 1 file (--strict: warnings fail)"
    )
    assert render_findings([ERROR_A], "text", strict=True).splitlines()[-1] == (
        "1 error, 0 warnings in 1 file"
    )


def test_text_when_clean() -> None:
    assert render_findings([], "text") == "no problems found\n"
    assert render_findings([], "text", strict=True) == "no problems found\n"


def test_json_shape() -> None:
    data = json.loads(render_findings(FINDINGS, "json"))
    assert data == {
        "version": 1,
        "findings": [ERROR_A.as_dict(), WARNING_A.as_dict(), ERROR_B.as_dict()],
        "summary": {"errors": 2, "warnings": 1},
    }
    assert data["findings"][0] == {
        "path": "plan/a.yaml",
        "line": 2,
        "column": 7,
        "severity": "error",
        "code": "Y004",
        "message": "unquoted 'no' is read as true/false",
    }


def test_json_when_clean_and_non_ascii_kept() -> None:
    assert json.loads(render_findings([], "json")) == {
        "version": 1,
        "findings": [],
        "summary": {"errors": 0, "warnings": 0},
    }
    out = render_findings([Finding("plan/ä.yaml", 1, 1, W, "P002", "”Ääni”")], "json")
    assert "plan/ä.yaml" in out and "”Ääni”" in out
    assert out.endswith("}\n")


def test_github_annotations() -> None:
    assert render_findings(FINDINGS, "github") == (
        "::error file=plan/a.yaml,line=2,col=7,title=Y004::unquoted 'no' is read as true/false\n"
        "::warning file=plan/a.yaml,line=10,col=1,title=P003::priority area 'a' has no goals\n"
        "::error file=plan/b.yaml,line=3,col=5,title=R002::indicator 'x' does not exist\n"
        "2 errors, 1 warning in 2 files\n"
    )


def test_github_strict_makes_warnings_errors() -> None:
    out = render_findings([WARNING_A], "github", strict=True)
    assert out.splitlines()[0] == (
        "::error file=plan/a.yaml,line=10,col=1,title=P003::priority area 'a' has no goals"
    )


def test_github_escaping() -> None:
    odd = Finding("plan/a,b:c%.yaml", 1, 2, E, "Y001", "50 % done\r\nnext: a, b")
    assert render_findings([odd], "github").splitlines()[0] == (
        "::error file=plan/a%2Cb%3Ac%25.yaml,line=1,col=2,title=Y001::50 %25 done%0D%0Anext: a, b"
    )


def test_github_whole_file_finding_has_no_line() -> None:
    unreadable = Finding("plan/a.yaml", 0, 0, E, "Y011", "cannot read the file: Permission denied")
    assert render_findings([unreadable], "github").splitlines()[0] == (
        "::error file=plan/a.yaml,title=Y011::cannot read the file: Permission denied"
    )


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml': use one of text, json, github"):
        render_findings([], "xml")


def test_json_is_strict_json_b1(monkeypatch: pytest.MonkeyPatch) -> None:
    # A finding carries no number that could be infinite today; if one ever does, rendering must
    # fail loudly rather than write "Infinity", which JSON parsers refuse.
    monkeypatch.setattr(Finding, "as_dict", lambda self: {"value": float("inf")})
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        render_findings([ERROR_A], "json")


def test_text_shows_twenty_of_one_code_in_a_file_then_how_many_more() -> None:
    # a new-user trial got 199,999 lines of I003 from one large file
    flood = [
        Finding("indicators/x.yaml", line, 5, Severity.ERROR, "I003", "duplicate period")
        for line in range(1, 106)
    ]
    other = Finding("indicators/x.yaml", 200, 1, Severity.WARNING, "I005", "outside the period")
    lines = render_findings([*flood, other], "text").splitlines()
    assert sum(" error I003 " in line for line in lines) == 20
    assert "indicators/x.yaml:200:1: warning I005 outside the period" in lines
    assert lines[-2] == (
        "indicators/x.yaml: ... and 85 more I003 findings like the ones above "
        "(hyte validate --format json lists every one)"
    )
    assert lines[-1] == "105 errors, 1 warning in 1 file"
    # every finding in the machine-readable formats
    assert len(json.loads(render_findings(flood, "json"))["findings"]) == 105
    assert render_findings(flood, "github").count("::error ") == 105


def test_a_finding_about_the_whole_file_names_no_position() -> None:
    whole = Finding("plan/a.yaml", 0, 0, Severity.ERROR, "Y013", "a link out of the repository")
    line_only = Finding("plan/b.yaml", 3, 0, Severity.ERROR, "Y001", "bad")
    assert str(whole) == "plan/a.yaml: error Y013 a link out of the repository"
    assert str(line_only) == "plan/b.yaml:3: error Y001 bad"
