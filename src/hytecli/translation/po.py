"""Plan texts as a gettext PO file, written and read with Babel (``babel.messages.pofile``).

Each text is one message: ``msgctxt`` its key (``plan/x.yaml#goals[0].title``), ``msgid`` the
source text, ``msgstr`` the translation (empty when there is none), and extracted comments
(``#.``, shown to translators by Poedit, Weblate, OmegaT...) with the item's id, the field and
the source's fingerprint::

    #. id: kulttuurihyvinvointisuunnitelma
    #. field: title
    #. fingerprint: 3f2a9c01b7de
    msgctxt "plan/mielen-hyvinvointi.yaml#goals[0].title"
    msgid "Kulttuurihyvinvointisuunnitelma on laadittu ..."
    msgstr ""

The header's ``Language`` is the target language and ``X-Source-Language`` the source's (PO has
no standard field for it; an ``X-`` field is the format's way to add one, and tools keep it).
Reading refuses a file that is not a PO file (naming its line), and keeps entries marked
``fuzzy`` apart: they are never applied.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from hytecli.translation.exchange import (
    Exchange,
    ExchangeEntry,
    TranslationError,
    TranslationUsage,
    language_part,
)
from hytecli.translation.texts import TextEntry

_COMMENT = re.compile(r"^(id|field|fingerprint): (.*)$")
_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"')


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        raise TranslationUsage(
            f"the language {language!r} is not known to Babel's locale data, which a PO file's "
            "header needs: export to .xlsx or .xlf instead"
        ) from None


#: Header fields Babel fills with placeholders (``EMAIL@ADDRESS``, ``YEAR-MO-DA``, ``FULL NAME``,
#: ``LL@li.org``) that an export has no value for: left out, the translator's tool fills them.
_PLACEHOLDER_HEADERS = frozenset(
    {"Report-Msgid-Bugs-To", "PO-Revision-Date", "Last-Translator", "Language-Team"}
)


#: The header field naming the language of the msgids (read back by :func:`read_po_file`).
SOURCE_HEADER = "X-Source-Language"


class _ExportCatalog(Catalog):
    """A catalog whose header has real values only (:data:`_PLACEHOLDER_HEADERS` left out).

    It adds :data:`SOURCE_HEADER` when :attr:`source_language` is set (Babel keeps no other
    header fields).
    """

    source_language: str | None = None

    @property  # type: ignore[misc]
    def mime_headers(self) -> list[tuple[str, str]]:
        """Babel's header fields, less the placeholders, and the source language."""
        headers: list[tuple[str, str]] = Catalog.mime_headers.fget(self)  # type: ignore[attr-defined]
        shown = []
        for name, value in headers:
            if name not in _PLACEHOLDER_HEADERS:
                shown.append((name, value))
            if name == "Language" and self.source_language:
                shown.append((SOURCE_HEADER, self.source_language))
        return shown


def write_po_file(
    entries: Sequence[TextEntry],
    source_language: str,
    target_language: str,
    project: str,
    *,
    translations: bool,
) -> bytes:
    """The entries as a PO file (UTF-8).

    Args:
        entries: The texts to translate.
        source_language: The language of their sources (the header's ``X-Source-Language``).
        target_language: The language translated into (the header's ``Language``).
        project: The plan's id, for the header's ``Project-Id-Version``.
        translations: Fill ``msgstr`` with the existing translation (``--all``, for revision).

    Raises:
        TranslationUsage: Babel does not know ``target_language``.
    """
    catalog = _ExportCatalog(
        locale=_locale(target_language),
        project=project,
        version="hyte translate",
        header_comment=f"# Texts of the plan {project} to translate into {target_language}.\n"
        "# Written by hyte translate export; read back by hyte translate import.\n#",
        fuzzy=False,
    )
    catalog.source_language = source_language
    for entry in entries:
        translation = (entry.translation(target_language) or "") if translations else ""
        catalog.add(
            entry.source,
            translation,
            auto_comments=[
                f"id: {entry.item_id}",
                f"field: {entry.field}",
                f"fingerprint: {entry.fingerprint}",
            ],
            context=entry.key,
        )
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=False, include_lineno=False)
    return out.getvalue()


#: The escapes a PO string may hold (those Babel's reader turns back into characters).
_ESCAPES = frozenset('\\"abfnrtv')


def string_problem(quoted: str) -> str | None:
    r"""What is wrong with a PO string as written (``"..."``, C syntax), or ``None``.

    The string must open and close with ``"``, hold no bare ``"`` inside (write ``\"``) and
    only the escapes ``\\``, ``\"``, ``\n``, ``\t``, ``\r`` (and ``\a``, ``\b``,
    ``\f``, ``\v``); text after the closing quote is not PO. Babel's reader is lenient about
    all of these (``"a "b" c"`` reads as ``a "b" c``), so they are checked here.

    Args:
        quoted: The string and anything after it on its line (``"text"``).
    """
    index = 1
    while index < len(quoted):
        char = quoted[index]
        if char == "\\":
            if index + 1 >= len(quoted):
                break
            escape = quoted[index + 1]
            if escape not in _ESCAPES:
                return (
                    f'\\{escape} is not an escape PO files use (\\n, \\t, \\", \\\\): write a '
                    "backslash as \\\\"
                )
            index += 2
            continue
        if char == '"':
            if quoted[index + 1 :].strip():
                return (
                    'a " inside the text must be written \\" (the text in quotes ends at the first '
                    'bare "): add the backslash, or save the file again from a PO editor'
                )
            return None
        index += 1
    return (
        'the text in quotes does not end with a closing ": close it, or save the file again '
        "from a PO editor"
    )


def _check_lines(text: str, name: str) -> None:
    """Refuse lines that are not PO syntax, naming the first (Babel would skip or misread some)."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not (_KEYWORD.match(line) or line.startswith('"')):
            raise TranslationError(
                f"{name}:{number}: this line is not PO syntax (a msgctxt, msgid or msgstr line, "
                "a quoted continuation or a # comment); fix it in a PO editor such as Poedit, or "
                "export the file again"
            )
        problem = string_problem(line[line.index('"') :])
        if problem is not None:
            raise TranslationError(f"{name}:{number}: {problem}")


def read_po_file(data: bytes, name: str) -> Exchange:
    """Read a PO file written by :func:`write_po_file` (and edited by a translator or a tool).

    Args:
        data: The file's bytes (UTF-8, or the charset its header names).
        name: The file's name, for messages.

    Raises:
        TranslationError: the file is not a readable PO file (the line is named).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TranslationError(
            f"{name}: byte {exc.start + 1} is not UTF-8: save the PO file as UTF-8"
        ) from None
    _check_lines(text, name)
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{name}:{line + 1}" if isinstance(line, int) else name
        raise TranslationError(f"{where}: not a valid PO file ({exc}); fix the line") from None
    except (UnknownLocaleError, ValueError) as exc:
        raise TranslationError(f"{name}: the header cannot be read ({exc})") from None
    language = language_part(catalog.locale_identifier) if catalog.locale else None
    if language is None:
        match = re.search(r'^"Language: *([^\\"]*)', text, re.MULTILINE)
        language = language_part(match.group(1)) if match else None
    header = text.split("\nmsgctxt", 1)[0]  # the header entry comes first
    source = re.search(rf'^"{SOURCE_HEADER}: *([^\\"]*)', header, re.MULTILINE | re.IGNORECASE)
    exchange = Exchange(language, language_part(source.group(1)) if source else None)
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue  # the header, or a plural (hyte writes none)
        notes: dict[str, str] = {}
        for comment in message.auto_comments:
            match = _COMMENT.match(comment)
            if match:
                notes[match.group(1)] = match.group(2)
        string = message.string if isinstance(message.string, str) else ""
        where = f"{name}:{message.lineno + 1}" if message.lineno is not None else name
        if not message.context:
            raise TranslationError(
                f"{where}: the message has no msgctxt, which holds the text's place in the plan "
                "(plan/x.yaml#goals[0].title): translate the file hyte translate export wrote, "
                "keeping each msgctxt"
            )
        exchange.entries.append(
            ExchangeEntry(
                key=message.context,
                source=message.id,
                translation=string,
                where=where,
                fingerprint=notes.get("fingerprint"),
                item_id=notes.get("id"),
                fuzzy=message.fuzzy,
            )
        )
    return exchange
