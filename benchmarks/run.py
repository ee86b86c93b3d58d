#!/usr/bin/env python3
"""Benchmark hyte's commands on generated plans of growing size, and gate on the bounds.

Usage:
    python benchmarks/run.py [--quick | --full | --sizes 1x,10x,...] [--repeat 3] [--keep DIR]

By default (``--quick``) the sizes 1x and 10x are measured, in about a minute; ``--full`` adds
100x, 1000x and the national size (benchmarks/generate.py describes the plans; all their values
are fictional), which takes an hour or more (the HTML report draws a chart per numeric
indicator). For each command (validate, status --format json, export, report --format html) and
size it prints the median wall-clock time of ``--repeat`` runs of the real command (a fresh
process each time: start-up included; 1000x is run once), their median CPU time
(user + system, which other processes on the machine disturb less), the peak memory (the largest
resident set, from the kernel's rusage of the child process) and the growth factor of the CPU
time from the size 10x smaller. A run longer than ``--timeout`` seconds is stopped and counts as a
missed bound. Then start-up: ``hyte validate`` on this repository's plan against a bare import of
the libraries it needs, and ``hyte --help`` against a bare Python.

It exits 1 when a bound of issue 14 is missed: a growth factor above 11 per 10x more data, the
national size above 3 s or 300 MB for any command, ``hyte validate`` on this plan above 1.3x the
bare import. Figures are measurements of this machine at this moment: compare runs on the same
machine (docs/performance.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import ROOT, generate  # noqa: E402

QUICK = ("1x", "10x")
FULL = ("1x", "10x", "100x", "1000x", "national")
MAX_GROWTH = 11.0
NATIONAL_SECONDS = 3.0
NATIONAL_MB = 300.0
STARTUP_RATIO = 1.3
#: The libraries `hyte validate` needs (issue 14's "bare import").
LIBRARIES = "import typer, pydantic, yaml, rich"

HYTE = [sys.executable, "-m", "hytecli"]
COMMANDS = {
    "validate": ["validate"],
    "status --format json": ["status", "--as-of", "2025-06-01", "--format", "json"],
    "export": ["export", "--format", "json"],
    "report --format html": [
        "report",
        "--year",
        "2025",
        "--as-of",
        "2025-12-31",
        "--format",
        "html",
    ],
}


@dataclass
class Measure:
    """The median wall-clock and CPU time (s) and the peak memory (MB) of a command's runs."""

    seconds: float
    cpu: float
    megabytes: float
    timed_out: bool = False


def run_once(args: list[str], timeout: float) -> Measure:
    """Run ``args`` once (stopped after ``timeout`` s); exit when it fails."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        megabytes = usage.ru_maxrss / 1024  # kilobytes on Linux
        if seconds >= timeout:
            return Measure(seconds, cpu, megabytes, timed_out=True)
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(args)} exited {process.returncode}:\n{errors.read()[-2000:]!r}")
    return Measure(seconds, cpu, megabytes)


def measure(args: list[str], repeat: int, timeout: float = 600) -> Measure:
    """Run ``args`` ``repeat`` times: median times, the largest peak memory."""
    runs = []
    for _ in range(repeat):
        runs.append(run_once(args, timeout))
        if runs[-1].timed_out:
            return runs[-1]
    return Measure(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.megabytes for r in runs),
    )


def machine() -> str:
    """The machine in one line: CPU model, cores, Python, date."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {date.today().isoformat()}"
    )


def growth(
    sizes: list[str], size: str, table: dict[tuple[str, str], Measure], command: str
) -> float | None:
    """The CPU time's factor from the size 10× smaller, or ``None`` (first size, or national).

    CPU time, not wall-clock time: on a shared machine other processes stretch the wall-clock
    time of one run and not of another, and the factor would measure them.
    """
    if not size.endswith("x"):
        return None
    smaller = f"{int(size[:-1]) // 10}x"
    if smaller not in sizes or int(size[:-1]) < 10:
        return None
    if table[command, size].timed_out or table[command, smaller].timed_out:
        return None
    return table[command, size].cpu / table[command, smaller].cpu


def main() -> None:
    """Generate the plans, measure, print the table and gate on the bounds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="1x, 10x, 100x (the default)")
    group.add_argument("--full", action="store_true", help="also 1000x and national")
    group.add_argument("--sizes", help="comma-separated, e.g. 100x,national")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (1000x: once)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run at most")
    parser.add_argument("--keep", type=Path, help="generate the plans here and keep them")
    options = parser.parse_args()
    sizes = list(FULL if options.full else QUICK)
    if options.sizes:
        sizes = [s.strip() for s in options.sizes.split(",")]

    work = options.keep or Path(tempfile.mkdtemp(prefix="hyte-bench-"))
    failures: list[str] = []
    table: dict[tuple[str, str], Measure] = {}
    print(f"machine: {machine()}")
    print(f"repeat {options.repeat}; sizes {', '.join(sizes)}\n")
    print("| command | size | median s | CPU s | peak MB | CPU growth per 10× |")
    print("|---|---|---:|---:|---:|---:|")
    try:
        for size in sizes:
            plan = work / size
            if not plan.exists():
                generate(size, plan)
            repeat = options.repeat if size != "1000x" else 1
            for command, args in COMMANDS.items():
                result = measure([*HYTE, *args, "--repo", str(plan)], repeat, options.timeout)
                table[command, size] = result
                factor = growth(sizes, size, table, command)
                shown = f"{factor:.1f}×" if factor is not None else "–"
                took = f"> {options.timeout:.0f}" if result.timed_out else f"{result.seconds:.2f}"
                print(
                    f"| {command} | {size} | {took} | {result.cpu:.2f} | {result.megabytes:.0f} "
                    f"| {shown} |",
                    flush=True,
                )
                if result.timed_out:
                    failures.append(f"{command} at {size} ran longer than {options.timeout:.0f} s")
                if factor is not None and factor > MAX_GROWTH:
                    failures.append(f"{command} grows {factor:.1f}× from the size before {size}")
                if size == "national" and (
                    result.seconds > NATIONAL_SECONDS or result.megabytes > NATIONAL_MB
                ):
                    failures.append(
                        f"{command} at the national size: {result.seconds:.2f} s, "
                        f"{result.megabytes:.0f} MB (bounds {NATIONAL_SECONDS} s, {NATIONAL_MB} MB)"
                    )
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    repeat = max(options.repeat, 5)
    bare_python = measure([sys.executable, "-c", "pass"], repeat)
    bare_import = measure([sys.executable, "-c", LIBRARIES], repeat)
    with_models = measure(
        [sys.executable, "-c", f"{LIBRARIES}; from pydantic import BaseModel"], repeat
    )
    validate = measure([*HYTE, "validate", "--repo", str(ROOT)], repeat)
    help_ = measure([*HYTE, "--help"], repeat)
    print("\n| start-up | median s | CPU s | ratio (wall) |")
    print("|---|---:|---:|---:|")
    rows = [
        ("python -c pass", bare_python, None),
        (f"python -c '{LIBRARIES}'", bare_import, None),
        ("… and from pydantic import BaseModel", with_models, None),
        ("hyte validate (this plan)", validate, (bare_import, "× the bare import")),
        ("hyte --help", help_, (bare_python, "× python")),
    ]
    for label, result, against in rows:
        ratio = f"{result.seconds / against[0].seconds:.2f}{against[1]}" if against else ""
        print(f"| {label} | {result.seconds:.3f} | {result.cpu:.3f} | {ratio} |")
    if validate.seconds > STARTUP_RATIO * bare_import.seconds:
        failures.append(
            f"hyte validate takes {validate.seconds / bare_import.seconds:.2f}× the bare import "
            f"(bound {STARTUP_RATIO}×)"
        )
    if failures:
        print("\nbounds missed:\n" + "\n".join(f"- {f}" for f in failures))
        sys.exit(1)
    print("\nevery bound met")


if __name__ == "__main__":
    main()
