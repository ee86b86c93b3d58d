"""Save a workbook through LibreOffice Calc, headless, as a person returning a form would.

The collect and translate round-trip tests use :func:`resave` to check that a workbook hyte wrote
still imports after a real spreadsheet program (which rewrites styles, types and validations) has
opened and saved it. CI installs Debian's ``libreoffice-calc-nogui`` (see ``.ci/run``); where
``soffice`` is missing the test fails unless ``HYTE_LIBREOFFICE=skip`` is set explicitly, as the
accessibility test does with Chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def soffice() -> str:
    """Return the path of LibreOffice's ``soffice``, or fail/skip the calling test without it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("HYTE_LIBREOFFICE") == "skip":
        pytest.skip("LibreOffice is not installed and HYTE_LIBREOFFICE=skip is set")
    pytest.fail(
        "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui, "
        "or set HYTE_LIBREOFFICE=skip"
    )


def resave(workbook: Path, work: Path, *, extension: str = "xlsx") -> Path:
    """Open ``workbook`` in LibreOffice Calc and save it again; return the saved file's path.

    ``extension`` is ``"xlsx"`` (Excel 2007-365) or ``"ods"``. The profile lives under ``work``,
    so tests running at the same time do not share LibreOffice's user installation.
    """
    filters = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods"}
    out = work / "libreoffice-out"
    out.mkdir(parents=True, exist_ok=True)
    profile = (work / "libreoffice-profile").resolve().as_uri()
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--calc",
            "--convert-to",
            filters[extension],
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = out / f"{workbook.stem}.{extension}"
    assert saved.is_file(), f"LibreOffice did not write {saved}"
    return saved
