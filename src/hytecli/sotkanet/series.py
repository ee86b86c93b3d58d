"""Which reference series an indicator's values may name.

An indicator's values may carry ``series: <name>`` for the values of a reference series (see
``docs/format.md``): the series its target is judged against (``target.reference``), and, for an
indicator with a Sotkanet source (``data_source.sotkanet_id``), the whole country's values,
which ``hyte sotkanet import`` records as the series :data:`COUNTRY_SERIES` so that reports can
show the county against the country even when the target is a number.
"""

from __future__ import annotations

import re

from hytecli.models import IndicatorFile

#: The series the whole country's values (Sotkanet's region category MAA) are recorded as. It is
#: the same name a target "to the national average" uses (``target.reference``), so such a
#: target is judged against the imported country values.
COUNTRY_SERIES = "national_average"


_SOTKANET_SOURCE = re.compile(r"Sotkanet [0-9]+")


def sotkanet_source(sotkanet_id: int) -> str:
    """The ``source`` of a value imported from Sotkanet indicator ``sotkanet_id``.

    It is a name and a number, in no language: reports show it as it is in every language.
    """
    return f"Sotkanet {sotkanet_id}"


def is_sotkanet_source(source: str) -> bool:
    """Whether a value's ``source`` is what ``hyte sotkanet import`` writes (``Sotkanet 289``)."""
    return _SOTKANET_SOURCE.fullmatch(source) is not None


def has_sotkanet_source(indicator: IndicatorFile) -> bool:
    """Whether the indicator names its Sotkanet indicator (``data_source.sotkanet_id``)."""
    return indicator.data_source is not None and indicator.data_source.sotkanet_id is not None


def allowed_series(indicator: IndicatorFile) -> set[str]:
    """The series names ``indicator``'s values may carry (empty: its own values only)."""
    allowed: set[str] = set()
    if indicator.target is not None and indicator.target.reference is not None:
        allowed.add(indicator.target.reference)
    if has_sotkanet_source(indicator):
        allowed.add(COUNTRY_SERIES)
    return allowed
