"""Plan texts as XLIFF 2.0 (OASIS), the exchange format of CAT tools (Trados, memoQ, OmegaT...).

Written and read with :mod:`xml.etree.ElementTree` in the XLIFF 2.0 namespace
(``urn:oasis:names:tc:xliff:document:2.0``), ``srcLang`` the plan's language, ``trgLang`` the
target. One ``<file>`` per plan file (``original`` its path), one ``<unit>`` per text: its
``name`` the text's key (unit ids must be NMTOKENs, which keys are not), notes with the item's
id, the field and the source's fingerprint, and one segment with ``<source>``, ``<target>`` and
its ``state`` (``initial``, ``translated``, ``reviewed``, ``final``). A segment in the
``initial`` state that has a target is read as needing review (never applied), like a fuzzy PO
entry. A document type declaration is refused before parsing (no entity expansion).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from hytecli.translation.exchange import Exchange, ExchangeEntry, TranslationError, language_part
from hytecli.translation.texts import TextEntry

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
#: Why a unit with a target in the ``initial`` state is not applied (listed by the import).
INITIAL = "not yet translated (state initial)"
#: The position expat adds to its message, said once before it instead.
_POSITION = re.compile(r": line \d+, column \d+$")
_NS = f"{{{NAMESPACE}}}"


def write_xliff(
    entries: Sequence[TextEntry], source_language: str, target_language: str, *, translations: bool
) -> bytes:
    """The entries as an XLIFF 2.0 document (UTF-8).

    Args:
        entries: The texts to translate.
        source_language: The plan's language (``srcLang``).
        target_language: The language translated into (``trgLang``).
        translations: Give the existing translation as ``<target>`` (``--all``).
    """
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(
        f"{_NS}xliff", {"version": "2.0", "srcLang": source_language, "trgLang": target_language}
    )
    files: dict[str, ET.Element] = {}
    for number, entry in enumerate(entries, start=1):
        file = files.get(entry.path)
        if file is None:
            file = files[entry.path] = ET.SubElement(
                root, f"{_NS}file", {"id": f"f{len(files) + 1}", "original": entry.path}
            )
        unit = ET.SubElement(file, f"{_NS}unit", {"id": f"u{number}", "name": entry.key})
        notes = ET.SubElement(unit, f"{_NS}notes")
        for category, value in (
            ("id", entry.item_id),
            ("field", entry.field),
            ("fingerprint", entry.fingerprint),
        ):
            ET.SubElement(notes, f"{_NS}note", {"category": category}).text = value
        translation = entry.translation(target_language) if translations else None
        segment = ET.SubElement(
            unit, f"{_NS}segment", {"state": "translated" if translation else "initial"}
        )
        ET.SubElement(segment, f"{_NS}source").text = entry.source
        if translation:
            ET.SubElement(segment, f"{_NS}target").text = translation
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _text(element: ET.Element | None) -> str:
    """An element's whole text, inline elements' text included (tools may add ``<ph>``...)."""
    return "".join(element.itertext()) if element is not None else ""


def read_xliff(data: bytes, name: str) -> Exchange:
    """Read an XLIFF 2.0 document written by :func:`write_xliff` and edited in a CAT tool.

    Raises:
        TranslationError: not XLIFF 2.0, a document type declaration, or a unit without its key
            (the line is named where known).
    """
    if b"<!DOCTYPE" in data.upper():
        raise TranslationError(
            f"{name}: the file has a document type declaration (<!DOCTYPE>), which XLIFF does "
            "not use: save it again from the translation tool"
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position  # expat counts columns from 0; the message says it once, from 1
        what = _POSITION.sub("", str(exc))
        raise TranslationError(
            f"{name}:{line}:{column + 1}: not well-formed XML ({what}); "
            "save the file again from the translation tool"
        ) from None
    if root.tag != f"{_NS}xliff" or not str(root.get("version", "")).startswith("2."):
        raise TranslationError(
            f"{name}: not an XLIFF 2.0 document (its root is {root.tag}, version "
            f"{root.get('version')}): export it as XLIFF 2.0, or use the .po file"
        )
    exchange = Exchange(language_part(root.get("trgLang")), language_part(root.get("srcLang")))
    for unit in root.iter(f"{_NS}unit"):
        key = unit.get("name")
        where = f"{name} unit {unit.get('id')}"
        if not key:
            raise TranslationError(
                f"{where}: the unit has no name, which holds the text's place in the plan "
                "(plan/x.yaml#goals[0].title): translate the file hyte translate export wrote"
            )
        notes = {str(note.get("category")): _text(note) for note in unit.iter(f"{_NS}note")}
        segments = unit.findall(f"{_NS}segment")
        source = "".join(_text(s.find(f"{_NS}source")) for s in segments)
        target = "".join(_text(s.find(f"{_NS}target")) for s in segments)
        states = {s.get("state", "initial") for s in segments}
        exchange.entries.append(
            ExchangeEntry(
                key=key,
                source=source,
                translation=target,
                where=where,
                fingerprint=notes.get("fingerprint"),
                item_id=notes.get("id"),
                fuzzy=bool(target.strip()) and "initial" in states,
                review=INITIAL,
            )
        )
    return exchange
