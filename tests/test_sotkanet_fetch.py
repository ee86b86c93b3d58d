"""``hyte sotkanet fetch`` against a local HTTP server on 127.0.0.1 (never the internet).

The server answers with the fixture files of tests/data/sotkanet/ (fictional numbers in the
API's shapes), or with the failures the client must survive or report: HTTP 500, a timeout, a
malformed answer, an unknown indicator. The plan is a copy of the repository's own, with a
fictional Sotkanet id (see tests/test_sotkanet_import.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from hytecli.cli import app
from hytecli.sotkanet.client import USER_AGENT, SotkanetClient
from hytecli.sotkanet.data import read_data
from hytecli.sotkanet.fetching import fetch
from hytecli.sotkanet.regions import SotkanetError
from test_sotkanet_import import DATA, IND, IND_FILE, _git, repo, values

__all__ = ["repo"]  # the fixture, shared


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout test) is expected, not worth a traceback


class Server:
    """A local Sotkanet: ``failures`` lists what to do for the next requests (then serve)."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.requests: list[tuple[str, dict[str, list[str]], str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                outer.requests.append(
                    (parts.path, parse_qs(parts.query), self.headers.get("User-Agent", ""))
                )
                what = outer.failures.pop(0) if outer.failures else "serve"
                if what == "500":
                    self.send_error(500, "Internal Server Error")
                    return
                if what == "sleep":
                    time.sleep(1.0)
                body = outer.body(parts.path) if what != "garbage" else b"<html>oops"
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/rest/1.1/"

    @staticmethod
    def body(path: str) -> bytes | None:
        files = {
            "/rest/1.1/regions": "regions.json",
            "/rest/1.1/indicators/9001": "indicator-9001.json",
            "/rest/1.1/json": "data-9001.json",
        }
        name = files.get(path)
        return (DATA / name).read_bytes() if name else None


@pytest.fixture
def server() -> Iterator[Server]:
    local = Server()
    thread = threading.Thread(target=local.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        local.httpd.shutdown()
        local.httpd.server_close()


def client(server: Server, tmp_path: Path, **options: object) -> SotkanetClient:
    sleeps: list[float] = []
    made = SotkanetClient(
        server.url,
        cache_dir=tmp_path / "cache",
        timeout=float(options.pop("timeout", 5.0)),  # type: ignore[arg-type]
        sleep=sleeps.append,
        **options,  # type: ignore[arg-type]
    )
    made.sleeps = sleeps  # type: ignore[attr-defined]
    return made


def run_fetch(root: Path, server: Server, tmp_path: Path, *args: str, code: int = 0) -> str:
    env = {"HYTE_SOTKANET_URL": server.url, "HYTE_SOTKANET_CACHE": str(tmp_path / "cache")}
    result = CliRunner().invoke(app, ["sotkanet", "fetch", "--repo", str(root), *args], env=env)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def test_fetch_records_the_plan_indicators_data(repo: Path, server: Server, tmp_path: Path) -> None:
    said = run_fetch(repo, server, tmp_path, "--years", "2024-2025")
    assert f"{IND} (Sotkanet 9001): 23 added, 0 revised, 0 unchanged" in said
    assert values(repo)[("2025", None, "national_average")] == 42.9
    paths = [path for path, _query, _agent in server.requests]
    assert paths == ["/rest/1.1/regions", "/rest/1.1/indicators/9001", "/rest/1.1/json"]
    query = server.requests[-1][1]
    assert query == {"indicator": ["9001"], "years": ["2024", "2025"], "genders": ["total"]}
    assert {agent for _p, _q, agent in server.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("hyte/")


def test_fetch_again_uses_the_cache_and_changes_nothing(
    repo: Path, server: Server, tmp_path: Path
) -> None:
    run_fetch(repo, server, tmp_path, IND, "--years", "2024-2025")
    before = (repo / IND_FILE).read_bytes()
    asked = len(server.requests)
    said = run_fetch(repo, server, tmp_path, "9001", "--years", "2024-2025")
    assert "0 added, 0 revised, 23 unchanged" in said
    assert len(server.requests) == asked  # all from the cache
    assert (repo / IND_FILE).read_bytes() == before
    run_fetch(repo, server, tmp_path, "--years", "2024-2025", "--refresh")
    assert len(server.requests) == asked + 3


def test_an_unknown_indicator_is_a_clear_error(repo: Path, server: Server, tmp_path: Path) -> None:
    said = run_fetch(repo, server, tmp_path, "no-such-indicator", code=1)
    assert "'no-such-indicator' is not an indicator of this plan with a Sotkanet id" in said
    assert server.requests == []


def test_an_id_sotkanet_does_not_know_is_a_clear_error(
    repo: Path, server: Server, tmp_path: Path
) -> None:
    file = repo / IND_FILE
    file.write_text(file.read_text().replace("9001}", "9002}"), encoding="utf-8")
    _git(repo, "commit", "-qam", "another id")
    said = run_fetch(repo, server, tmp_path, code=1)
    assert "indicators/9002: Sotkanet answered 404 Not Found: check the indicator id" in said
    assert _git(repo, "status", "--short") == ""


def test_http_500_is_retried_with_back_off(server: Server, tmp_path: Path) -> None:
    server.failures = ["500", "500"]
    made = client(server, tmp_path)
    body = made.get("json", [("indicator", "9001")], read_data)
    assert len(read_data(body, "x")) > 0
    assert made.sleeps == [1.0, 2.0]  # type: ignore[attr-defined]


def test_http_500_every_time_is_a_clear_error(server: Server, tmp_path: Path) -> None:
    server.failures = ["500"] * 4
    made = client(server, tmp_path)
    with pytest.raises(SotkanetError) as caught:
        made.get("regions", None, read_data)
    message = str(caught.value)
    assert "Sotkanet answered 500 Internal Server Error (the service has a problem)" in message
    assert "tried 4 times" in message and "hyte sotkanet import" in message
    assert made.sleeps == [1.0, 2.0, 4.0]  # type: ignore[attr-defined]


def test_a_timeout_is_a_clear_error(server: Server, tmp_path: Path) -> None:
    server.failures = ["sleep"] * 2
    made = client(server, tmp_path, timeout=0.2, attempts=2)
    with pytest.raises(SotkanetError, match=r"did not answer within 0.2 s; tried 2 times"):
        made.get("regions", None, read_data)


def test_offline_is_a_clear_error(tmp_path: Path) -> None:
    made = SotkanetClient("http://127.0.0.1:9/", attempts=1, sleep=lambda s: None)
    with pytest.raises(SotkanetError) as caught:
        made.get("regions", None, read_data)
    assert "cannot reach 127.0.0.1:9" in str(caught.value)
    assert "save the /regions and /json (or /csv) responses" in str(caught.value)


def test_a_malformed_answer_is_an_error_and_not_cached(
    repo: Path, server: Server, tmp_path: Path
) -> None:
    server.failures = ["serve", "serve", "garbage"]  # regions, metadata, then broken data
    said = run_fetch(repo, server, tmp_path, "--years", "2024-2025", code=1)
    assert "no semicolon-separated header" in said or "not valid JSON" in said
    assert _git(repo, "status", "--short") == ""
    said = run_fetch(repo, server, tmp_path, "--years", "2024-2025")  # asks again: not cached
    assert "23 added" in said


def test_fetch_reads_every_row_shape(server: Server, tmp_path: Path) -> None:
    fetched = fetch(client(server, tmp_path), {9001: {"total"}}, (2024, 2025))
    assert {row.indicator for row in fetched.rows} == {9001}
    assert fetched.titles == {9001: "Kuvitteellinen indikaattori (fictional fixture)"}
    assert any(region.code == "03" for region in fetched.regions)
