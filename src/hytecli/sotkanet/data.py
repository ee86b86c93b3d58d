"""Sotkanet data rows, read from the API's JSON or from its CSV.

Shapes (Sotkanet REST API 1.1, see the package docstring for sources):

* ``/json?indicator=ID&years=Y&genders=total``: a JSON list of rows ``{"indicator": 1234,
  "region": 969, "year": 2024, "gender": "total", "value": 12.3, "absValue": 456}``;
  ``region`` is Sotkanet's internal region id; ``value`` (the primary value) and ``absValue``
  (the absolute value) may be missing or null (THL suppresses small numbers).
* ``/csv?...``: the same rows as UTF-8 text with a byte-order mark, fields separated by
  semicolons, a header line naming the columns; ``primary value`` and ``absolute value`` are the
  values' columns (``value`` and ``absValue`` are accepted too), other columns (titles) are
  ignored. Decimals may be written with a comma.

A malformed file raises :class:`~hytecli.sotkanet.regions.SotkanetError` naming the file and the
row (the item of the JSON list, or the CSV line); nothing is partly read.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from typing import Any

from hytecli.sotkanet.regions import SotkanetError

GENDERS = ("total", "male", "female")

#: CSV header (lower-cased) → the JSON key it holds.
_CSV_COLUMNS = {
    "indicator": "indicator",
    "region": "region",
    "year": "year",
    "gender": "gender",
    "primary value": "value",
    "value": "value",
    "absolute value": "absValue",
    "absvalue": "absValue",
}
_REQUIRED = ("indicator", "region", "year", "gender")


@dataclass(frozen=True)
class DataRow:
    """One Sotkanet data row.

    Attributes:
        indicator: Sotkanet's indicator id.
        region: Sotkanet's internal region id.
        year: The statistics year.
        gender: ``total``, ``male`` or ``female``.
        value: The primary value, ``None`` when missing.
        abs_value: The absolute value, ``None`` when missing.
        where: ``file item 3`` or ``file:4`` (a CSV line), for messages.
    """

    indicator: int
    region: int
    year: int
    gender: str
    value: float | int | None
    abs_value: float | int | None
    where: str


def read_data(raw: bytes, source: str) -> list[DataRow]:
    """Read data rows from a ``/json`` or ``/csv`` response (told apart by the first character).

    Raises:
        SotkanetError: the text is not rows of Sotkanet data (the message names the place).
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SotkanetError(
            f"{source}: not UTF-8 text (byte {exc.start}): save the data as Sotkanet gives it"
        ) from None
    if text.lstrip()[:1] in ("[", "{"):
        return _read_json(text, source)
    return _read_csv(text, source)


def _read_json(text: str, source: str) -> list[DataRow]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SotkanetError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}): save the /json "
            "response again"
        ) from None
    if not isinstance(data, list):
        raise SotkanetError(
            f"{source}: Sotkanet's /json data is a list of rows, found a "
            f"{'mapping' if isinstance(data, dict) else type(data).__name__}: is this a data "
            "file (not /regions or /indicators)?"
        )
    rows = []
    for number, item in enumerate(data, start=1):
        where = f"{source} item {number}"
        if not isinstance(item, dict):
            raise SotkanetError(f"{where}: a data row is a mapping, found {item!r}")
        rows.append(_row(item, where))
    return rows


def _read_csv(text: str, source: str) -> list[DataRow]:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise SotkanetError(f"{source}: empty: save Sotkanet's data as JSON or CSV")
    reader = csv.reader(io.StringIO(text), delimiter=";")
    header = [name.strip().lower() for name in next(reader)]
    if len(header) < 2:
        raise SotkanetError(
            f"{source}:1: no semicolon-separated header: Sotkanet's CSV separates fields with "
            "';' (a file saved by a spreadsheet with ',' must be saved again as Sotkanet gives it)"
        )
    columns = {i: _CSV_COLUMNS[name] for i, name in enumerate(header) if name in _CSV_COLUMNS}
    missing = [key for key in _REQUIRED if key not in columns.values()]
    if missing or not {"value", "absValue"} & set(columns.values()):
        missing += [] if {"value", "absValue"} & set(columns.values()) else ["primary value"]
        raise SotkanetError(
            f"{source}:1: the header has no column {', '.join(repr(m) for m in missing)}: "
            "Sotkanet's CSV names indicator, region, year, gender, primary value and absolute "
            "value"
        )
    rows = []
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        where = f"{source}:{line}"
        if len(fields) != len(header):
            raise SotkanetError(
                f"{where}: {len(fields)} fields where the header has {len(header)}: check the "
                "line (a ';' inside a title must be quoted)"
            )
        item: dict[str, Any] = {}
        for i, key in columns.items():
            cell = fields[i].strip()
            if cell:
                item[key] = cell if key == "gender" else _csv_number(cell, key, where)
        rows.append(_row(item, where))
    return rows


def _csv_number(cell: str, key: str, where: str) -> Any:
    text = cell.replace(",", ".") if cell.count(",") == 1 and "." not in cell else cell
    try:
        number = float(text)
    except ValueError:
        raise SotkanetError(f"{where}: {key} {cell!r} is not a number") from None
    return int(number) if key in _REQUIRED and number.is_integer() else number


def _row(item: dict[str, Any], where: str) -> DataRow:
    for key in ("indicator", "region", "year"):
        given = item.get(key)
        if given is None:
            raise SotkanetError(f"{where}: the row has no '{key}': is this Sotkanet data?")
        if isinstance(given, bool) or not isinstance(given, int):
            raise SotkanetError(f"{where}: '{key}' must be a whole number, found {given!r}")
    gender = item.get("gender")
    if gender not in GENDERS:
        raise SotkanetError(
            f"{where}: 'gender' must be one of {', '.join(GENDERS)}, found {gender!r}"
        )
    return DataRow(
        indicator=item["indicator"],
        region=item["region"],
        year=item["year"],
        gender=gender,
        value=_value(item.get("value"), "value", where),
        abs_value=_value(item.get("absValue"), "absValue", where),
        where=where,
    )


def _value(given: object, key: str, where: str) -> float | int | None:
    if given is None:
        return None
    if isinstance(given, bool) or not isinstance(given, int | float) or not math.isfinite(given):
        raise SotkanetError(f"{where}: '{key}' must be a number (or missing), found {given!r}")
    return given
