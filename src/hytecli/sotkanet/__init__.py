"""Indicator data from THL's Sotkanet: ``hyte sotkanet import`` and ``hyte sotkanet fetch``.

Sotkanet (https://sotkanet.fi/) is THL's statistics and indicator bank. Its REST API 1.1
(https://sotkanet.fi/rest/1.1/) serves one indicator's data rows per call
(``{indicator, region, year, gender, value, absValue}``, ``region`` being Sotkanet's internal
region id), the list of regions (``{id, code, category, title, memberOf}``) and each
indicator's metadata. Facts about the API are from THL's documentation as used by public clients
(rOpenGov/sotkanet ``R/get_sotkanet.R``; oskari.org GetSotkaData).

The modules:

* :mod:`.series`: which series an indicator with a Sotkanet source may hold (the whole country
  is recorded as the reference series :data:`COUNTRY_SERIES`);
* :mod:`.regions`: reading the ``/regions`` list and resolving the plan's county, the whole
  country and the plan's municipalities by category and official code;
* :mod:`.data`: reading data rows from the API's JSON or from its CSV;
* :mod:`.client`: the HTTP client (User-Agent, cache, retries with back-off);
* :mod:`.importing`: turning rows into values and writing them into the indicator files.

THL's own data is licensed CC BY 4.0 (cite "THL, Sotkanet"); some indicators are produced by
others, with their own terms.
"""

from __future__ import annotations

from hytecli.sotkanet.series import COUNTRY_SERIES, allowed_series

__all__ = ["COUNTRY_SERIES", "allowed_series"]
