#!/usr/bin/env python3
"""Benchmark hyte's commands on generated plans of growing size, and gate on the bounds.

Usage:
    python benchmarks/run.py [--full | --sizes 1x,10x,...] [--repeat 3] [--keep DIR]

By default (``--quick``) the sizes 1x, 10x and 100x are measured, which takes about a minute;
``--full`` adds 1000x and the national size (benchmarks/generate.py describes the plans; all
their values are fictional). For each command (validate, status --format json, export,
report --format html) and size it prints the median wall-clock time of ``--repeat`` runs of the
real command (a fresh process each time: start-up included), the peak memory (the largest
resident set of those runs, from the kernel's rusage of the child process) and the growth
factor from the size 10× smaller. Then start-up: ``hyte validate`` on this repository's plan
against a bare import of the libraries it needs, and ``hyte --help`` against a bare Python.

It exits 1 when a bound of issue 14 is missed: a growth factor above 11 per 10× more data, the
national size above 3 s or 300 MB for any command, ``hyte validate`` on this plan above 1.3× the
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
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import ROOT, generate  # noqa: E402

QUICK = ("1x", "10x", "100x")
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
    """The median time (s) and peak memory (MB) of one command's runs."""

    seconds: float
    megabytes: float


def run_once(args: list[str]) -> tuple[float, float]:
    """Run ``args`` once; return (seconds, peak resident MB); exit on a failure."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(args)} exited {process.returncode}:\n{errors.read()[-2000:]!r}")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def measure(args: list[str], repeat: int) -> Measure:
    """Run ``args`` ``repeat`` times: the median time and the largest peak memory."""
    runs = [run_once(args) for _ in range(repeat)]
    return Measure(statistics.median(s for s, _ in runs), max(m for _, m in runs))


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


def growth(sizes: list[str], size: str, table: dict[tuple[str, str], Measure], command: str):
    """The time factor from the size 10× smaller, or ``None`` (first size, or national)."""
    if not size.endswith("x"):
        return None
    smaller = f"{int(size[:-1]) // 10}x"
    if smaller not in sizes or int(size[:-1]) < 10:
        return None
    return table[command, size].seconds / table[command, smaller].seconds


def main() -> None:
    """Generate the plans, measure, print the table and gate on the bounds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="1x, 10x, 100x (the default)")
    group.add_argument("--full", action="store_true", help="also 1000x and national")
    group.add_argument("--sizes", help="comma-separated, e.g. 100x,national")
    parser.add_argument("--repeat", type=int, default=3)
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
    print("| command | size | median s | peak MB | growth per 10× |")
    print("|---|---|---:|---:|---:|")
    try:
        for size in sizes:
            plan = work / size
            if not plan.exists():
                generate(size, plan)
            for command, args in COMMANDS.items():
                result = measure([*HYTE, *args, "--repo", str(plan)], options.repeat)
                table[command, size] = result
                factor = growth(sizes, size, table, command)
                shown = f"{factor:.1f}×" if factor is not None else "–"
                print(
                    f"| {command} | {size} | {result.seconds:.2f} | {result.megabytes:.0f} "
                    f"| {shown} |",
                    flush=True,
                )
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
    bare_python = measure([sys.executable, "-c", "pass"], repeat).seconds
    bare_import = measure([sys.executable, "-c", LIBRARIES], repeat).seconds
    validate = measure([*HYTE, "validate", "--repo", str(ROOT)], repeat).seconds
    help_ = measure([*HYTE, "--help"], repeat).seconds
    print("\n| start-up | median s | ratio |")
    print("|---|---:|---:|")
    print(f"| python -c pass | {bare_python:.3f} | |")
    print(f"| python -c '{LIBRARIES}' | {bare_import:.3f} | |")
    print(f"| hyte validate (this plan) | {validate:.3f} | {validate / bare_import:.2f}× import |")
    print(f"| hyte --help | {help_:.3f} | {help_ / bare_python:.2f}× python |")
    if validate > STARTUP_RATIO * bare_import:
        failures.append(
            f"hyte validate takes {validate / bare_import:.2f}× the bare import "
            f"(bound {STARTUP_RATIO}×)"
        )
    if failures:
        print("\nbounds missed:\n" + "\n".join(f"- {f}" for f in failures))
        sys.exit(1)
    print("\nevery bound met")


if __name__ == "__main__":
    main()
