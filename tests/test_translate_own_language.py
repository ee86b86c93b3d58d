"""``hyte translate`` into the plan's own language: texts that exist only in another language.

A Swedish collect form records an assessment as ``{sv: ...}`` only in a Finnish plan (validate
warns L003). ``hyte translate export --lang fi`` exports such texts with Swedish as their source,
in every format, and the import writes the Finnish next to the Swedish, touching nothing else.
Every text here is FICTIONAL.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import BILINGUAL_PLAN, MINIMAL_AREA, hyte

AREA = MINIMAL_AREA.replace(
    "        deadline: 2024-06\n",
    """\
        deadline: 2024-06
        assessments:
          - year: 2024
            status: in_progress
            text:
              sv: |-
                FIKTIV Utbildningen inleddes.

                FIKTIV Andra stycket.
            by: Koordinator
""",
).replace("    title: Tavoite yksi\n", "    title: {sv: FIKTIV Mål ett}\n")
FINNISH = {
    "FIKTIV Mål ett": "FIKTIIVINEN Tavoite yksi",
    "FIKTIV Utbildningen inleddes.\n\nFIKTIV Andra stycket.": (
        "FIKTIIVINEN Koulutus alkoi.\n\nFIKTIIVINEN Toinen kappale."
    ),
}


@pytest.fixture
def root(build_plan: Callable[..., Path]) -> Path:
    return build_plan({"plan/plan.yaml": BILINGUAL_PLAN, "plan/alue-a.yaml": AREA})


def fill_po(po: Path) -> None:
    """Fill in the Finnish with Babel, which drops header fields it does not know.

    So the file comes back without ``X-Source-Language``, as from a tool that does not keep it:
    the import then takes the source the plan's texts into Finnish are translated from.
    """
    catalog = read_po(io.BytesIO(po.read_bytes()))
    for message in catalog:
        if message.id:
            message.string = FINNISH[message.id]
    with po.open("wb") as stream:
        write_po(stream, catalog, width=0)
    assert "X-Source-Language" not in po.read_text(encoding="utf-8")


def test_po_export_fill_import_writes_the_finnish_next_to_the_swedish(
    root: Path, tmp_path: Path
) -> None:
    assert "L003" in hyte("validate", "--repo", str(root), "--format", "json")
    po = tmp_path / "fi.po"
    said = hyte("translate", "export", "--repo", str(root), "--lang", "fi", "-o", str(po))
    assert "wrote 2 texts to translate into fi from sv" in said
    catalog = read_po(io.BytesIO(po.read_bytes()))
    assert str(catalog.locale) == "fi"
    assert '"X-Source-Language: sv\\n"' in po.read_text(encoding="utf-8")
    assert {m.id: m.context for m in catalog if m.id} == {
        "FIKTIV Mål ett": "plan/alue-a.yaml#goals[0].title",
        "FIKTIV Utbildningen inleddes.\n\nFIKTIV Andra stycket.": (
            "plan/alue-a.yaml#goals[0].actions[0].assessments[0].text"
        ),
    }
    fill_po(po)
    area = root / "plan" / "alue-a.yaml"
    before = area.read_text(encoding="utf-8")
    said = hyte("translate", "import", str(po), "--repo", str(root))
    after = area.read_text(encoding="utf-8")
    expected = before.replace(
        "title: {sv: FIKTIV Mål ett}", "title: {sv: FIKTIV Mål ett, fi: FIKTIIVINEN Tavoite yksi}"
    ).replace(
        "                FIKTIV Andra stycket.\n",
        "                FIKTIV Andra stycket.\n"
        "              fi: |-\n"
        "                FIKTIIVINEN Koulutus alkoi.\n\n"
        "                FIKTIIVINEN Toinen kappale.\n",
    )
    assert after == expected
    # nothing else changed, no L003 any more, and importing again changes nothing
    assert "L003" not in hyte("validate", "--repo", str(root), "--format", "json")
    hyte("translate", "import", str(po), "--repo", str(root))
    assert area.read_text(encoding="utf-8") == expected
    # the report in Finnish shows the Finnish texts
    report = hyte("report", "--repo", str(root), "--year", "2024", "--lang", "fi")
    assert "FIKTIIVINEN Tavoite yksi" in report
    assert "FIKTIIVINEN Koulutus alkoi." in report and "FIKTIV Utbildningen" not in report


def test_xliff_and_workbook_carry_the_source_language(root: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    xlf = tmp_path / "fi.xlf"
    hyte("translate", "export", "--repo", str(root), "--lang", "fi", "-o", str(xlf))
    tree = ET.parse(xlf)
    # XLIFF 2.0: srcLang is the document's (one per <xliff>), so one source language per file
    assert (tree.getroot().get("srcLang"), tree.getroot().get("trgLang")) == ("sv", "fi")
    ns = "{urn:oasis:names:tc:xliff:document:2.0}"
    sources = [s.text for s in tree.getroot().iter(f"{ns}source")]
    assert sources == list(FINNISH)
    xlsx = tmp_path / "fi.xlsx"
    hyte("translate", "export", "--repo", str(root), "--lang", "fi", "-o", str(xlsx))
    book = load_workbook(xlsx)
    assert (book["instructions"]["B9"].value, book["instructions"]["B10"].value) == ("sv", "fi")
    sheet = book["texts"]
    assert "(sv)" in sheet["E1"].value and "(fi)" in sheet["F1"].value
    assert [sheet.cell(row, 5).value for row in (2, 3)] == list(FINNISH)
    # filled in and imported: the same result as through PO
    for row in (2, 3):
        sheet.cell(row, 6).value = FINNISH[sheet.cell(row, 5).value]
    book.save(xlsx)
    hyte("translate", "import", str(xlsx), "--repo", str(root))
    text = (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8")
    assert "{sv: FIKTIV Mål ett, fi: FIKTIIVINEN Tavoite yksi}" in text
    assert "fi: |-\n                FIKTIIVINEN Koulutus alkoi." in text


def test_refusals(build_plan: Callable[..., Path], root: Path, tmp_path: Path) -> None:
    po = tmp_path / "fi.po"
    said = hyte(
        "translate", "export", "--repo", str(root), "--lang", "fi", "-o", str(po), "--all", code=2
    )
    assert "--all" in said and "the plan's own language" in said and not po.exists()
    # a file from Finnish relabelled as Finnish: translations are into another language
    sv = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(sv))
    relabelled = tmp_path / "relabelled.po"
    relabelled.write_bytes(sv.read_bytes().replace(b"Language: sv", b"Language: fi"))
    said = hyte("translate", "import", str(relabelled), "--repo", str(root), code=1)
    assert "the plan's own language, and translates from it" in said
    # a plan that declares no language besides its own has nothing to translate from
    alone = build_plan({"plan/alue-a.yaml": AREA})
    said = hyte("translate", "export", "--repo", str(alone), "--lang", "fi", "-o", str(po), code=2)
    assert "declares none" in said


def test_texts_in_neither_language_are_counted(
    build_plan: Callable[..., Path], tmp_path: Path
) -> None:
    trilingual = BILINGUAL_PLAN.replace("languages: [fi, sv]", "languages: [fi, sv, en]")
    area = AREA.replace("title: {sv: FIKTIV Mål ett}", "title: {en: FICTIONAL Goal one}")
    root = build_plan({"plan/plan.yaml": trilingual, "plan/alue-a.yaml": area})
    po = tmp_path / "fi.po"
    said = hyte("translate", "export", "--repo", str(root), "--lang", "fi", "-o", str(po))
    assert "wrote 1 texts to translate into fi from sv" in said
    assert "left out 1 text in neither fi nor sv" in said
