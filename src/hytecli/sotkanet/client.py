"""Fetching from Sotkanet's REST API 1.1, gently: a User-Agent naming hyte, a cache, retries.

The API (https://sotkanet.fi/rest/1.1/, no authentication, meant for occasional queries):
``/regions`` (the regions list), ``/indicators/{id}`` (an indicator's metadata: ``title``
{fi, sv, en}, ``range``, ``decimals``, ``primaryValueType``, ``organization``, ...) and
``/json?indicator=ID&years=Y&years=Y2&genders=total`` (one indicator's data rows per call, years
as repeated parameters). Sources: see :mod:`hytecli.sotkanet`.

The client uses the standard library's :mod:`urllib.request`. Each response that reads as what
was asked for is cached in a folder (default ``$XDG_CACHE_HOME/hyte/sotkanet``, else
``~/.cache/hyte/sotkanet``) for :data:`CACHE_MAX_AGE` seconds, so running ``hyte sotkanet fetch``
again does not ask again; ``refresh`` skips the cache. A timeout, a refused or lost connection,
HTTP 429 and HTTP 5xx are retried after 1, 2, 4, ... seconds (:data:`ATTEMPTS` tries in all);
then, and at once for other HTTP errors, :class:`~hytecli.sotkanet.regions.SotkanetError` says
what happened and what to do (offline: save the responses elsewhere and use ``hyte sotkanet
import``).
"""

from __future__ import annotations

import hashlib
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from hytecli import __version__
from hytecli.fileio import write_bytes_atomic
from hytecli.sotkanet.regions import SotkanetError

BASE_URL = "https://sotkanet.fi/rest/1.1/"
USER_AGENT = f"hyte/{__version__} (hytecli, a wellbeing plan tool; Python urllib)"
ATTEMPTS = 4
BACKOFF = 1.0  # seconds before the first retry; doubled for each further retry
TIMEOUT = 30.0
CACHE_MAX_AGE = 24 * 3600.0
MAX_BYTES = 100 * 1024 * 1024
OFFLINE_HINT = (
    "check the network connection and try again later; on a machine without network access, "
    "save the /regions and /json (or /csv) responses elsewhere and use hyte sotkanet import"
)


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/hyte/sotkanet``, else ``~/.cache/hyte/sotkanet``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hyte" / "sotkanet"


class SotkanetClient:
    """A small client for Sotkanet's REST API 1.1.

    Args:
        base_url: The API's base address (tests use a local server).
        cache_dir: Where responses are cached; ``None`` disables the cache.
        refresh: Ask the API even when a cached response is fresh.
        timeout: Seconds to wait for a response.
        attempts: Tries per request.
        backoff: Seconds before the first retry (doubled each time).
        sleep: The sleeping function (tests pass one that does not sleep).
    """

    def __init__(
        self,
        base_url: str = BASE_URL,
        *,
        cache_dir: Path | None = None,
        refresh: bool = False,
        timeout: float = TIMEOUT,
        attempts: int = ATTEMPTS,
        backoff: float = BACKOFF,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.cache_dir = cache_dir
        self.refresh = refresh
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.sleep = sleep

    def url(self, path: str, params: list[tuple[str, str]] | None = None) -> str:
        """The full address of ``path`` with ``params`` (repeated keys kept)."""
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return urllib.parse.urljoin(self.base_url, path) + query

    def get(
        self,
        path: str,
        params: list[tuple[str, str]] | None,
        check: Callable[[bytes, str], object],
    ) -> bytes:
        """Return the body of ``path``, from the cache when fresh.

        Args:
            path: E.g. ``regions`` or ``json``.
            params: Query parameters.
            check: Reads the body (raising SotkanetError when it is not what was asked for);
                only a body it accepts is cached.

        Raises:
            SotkanetError: the API could not be reached, answered with an error, or its answer
                does not read (the message says what to do).
        """
        url = self.url(path, params)
        cached = self._cached(url)
        if cached is not None:
            return cached
        body = self._download(url)
        check(body, url)
        self._store(url, body)
        return body

    def _cache_file(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:40] + ".body")

    def _cached(self, url: str) -> bytes | None:
        file = self._cache_file(url)
        if file is None or self.refresh:
            return None
        try:
            if time.time() - file.stat().st_mtime > CACHE_MAX_AGE:
                return None
            return file.read_bytes()
        except OSError:
            return None

    def _store(self, url: str, body: bytes) -> None:
        file = self._cache_file(url)
        if file is None:
            return
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(file, body)
        except OSError:
            pass  # a cache that cannot be written only means asking again next time

    def _download(self, url: str) -> bytes:
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "application/json, text/csv"}
        )
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body: bytes = response.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise SotkanetError(f"{url}: the response is over {MAX_BYTES} bytes")
                return body
            except urllib.error.HTTPError as exc:
                exc.close()  # it holds the response's connection
                if exc.code == 404:
                    raise SotkanetError(
                        f"{url}: Sotkanet answered 404 Not Found: check the indicator id "
                        "(data_source.sotkanet_id)"
                    ) from None
                if exc.code != 429 and exc.code < 500:
                    raise SotkanetError(
                        f"{url}: Sotkanet answered {exc.code} {exc.reason}: the request was "
                        "refused; please report this as a bug in hyte if it persists"
                    ) from None
                problem = f"Sotkanet answered {exc.code} {exc.reason} (the service has a problem)"
            except TimeoutError:
                problem = f"Sotkanet did not answer within {self.timeout:g} s"
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, TimeoutError):
                    problem = f"Sotkanet did not answer within {self.timeout:g} s"
                else:
                    problem = f"cannot reach {urllib.parse.urlsplit(url).netloc} ({reason})"
            except OSError as exc:
                problem = f"the connection to Sotkanet failed ({exc})"
        raise SotkanetError(
            f"{url}: {problem}; tried {self.attempts} times: {OFFLINE_HINT}; nothing was written"
        )
