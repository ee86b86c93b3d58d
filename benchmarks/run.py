#!/usr/bin/env python3
"""Time hyte's commands on this repository's plan and on a generated plan 100× its size.

Usage:
    python benchmarks/run.py [--scale 100] [--repeat 5] [--keep DIR]

Prints, per command and plan, the best and median wall-clock time of `--repeat` runs of the real
`hyte` command (a fresh process each time, so start-up cost is included). The generated plan copies
this repository's areas and indicators `--scale` times with new ids (fictional, benchmark only).
Figures are measurements of this machine at this moment: compare runs on the same machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def hyte_command() -> list[str]:
    """The hyte command of the environment running this script."""
    return [sys.executable, "-m", "hytecli"]


def generate_plan(target: Path, scale: int) -> Path:
    """Write a plan repository with every area and indicator of this plan copied `scale` times.

    Ids get a suffix `-cNNN`; references are rewritten accordingly. Returns `target`.
    """
    (target / "plan").mkdir(parents=True)
    (target / "indicators").mkdir()
    plan_text = (ROOT / "plan" / "plan.yaml").read_text(encoding="utf-8")
    area_files = sorted(p for p in (ROOT / "plan").glob("*.yaml") if p.name != "plan.yaml")
    indicator_files = sorted((ROOT / "indicators").glob("*.yaml"))
    indicator_ids = [p.stem for p in indicator_files]
    id_line = re.compile(r"^(\s*(?:- )?id: )(\S+)$", re.M)

    def suffix_ids(text: str, copy: int) -> str:
        text = id_line.sub(lambda m: f"{m.group(1)}{m.group(2)}-c{copy:03d}", text)
        for indicator_id in indicator_ids:
            text = re.sub(
                rf"(?<=[\[ ,]){re.escape(indicator_id)}(?=[\],\n])",
                f"{indicator_id}-c{copy:03d}",
                text,
            )
        return text

    listing = []
    for copy in range(scale):
        for area in area_files:
            text = suffix_ids(area.read_text(encoding="utf-8"), copy)
            area_id = re.search(r"^id: (\S+)$", text, re.M).group(1)  # type: ignore[union-attr]
            title = re.search(r"^title: (.+)$", text, re.M).group(1)  # type: ignore[union-attr]
            listing.append(f"  - id: {area_id}\n    title: {title}\n")
            (target / "plan" / f"{area_id}.yaml").write_text(text, encoding="utf-8")
        for indicator in indicator_files:
            text = suffix_ids(indicator.read_text(encoding="utf-8"), copy)
            (target / "indicators" / f"{indicator.stem}-c{copy:03d}.yaml").write_text(
                text, encoding="utf-8"
            )
    plan_text = re.sub(
        r"^priority_areas:\n(?:  .*\n)+",
        "priority_areas:\n" + "".join(listing),
        plan_text,
        flags=re.M,
    )
    (target / "plan" / "plan.yaml").write_text(plan_text, encoding="utf-8")
    return target


FICTIONAL_VALUES = {
    # Benchmark only: fictional values, so that status and report have series to work on.
    "count": ["  - {period: 2024, value: 120}\n", "  - {period: 2025, value: 135}\n"],
    "percentage": ["  - {period: 2024, value: 41.5}\n", "  - {period: 2025, value: 44.0}\n"],
    "rate": ["  - {period: 2024, value: 3.2}\n", "  - {period: 2025, value: 3.0}\n"],
    "yes_no": ["  - {period: 2024, value: true}\n"],
    "text": ["  - {period: 2024, value: Kysely tehty (fictional)}\n"],
}


def add_fictional_values(root: Path) -> None:
    """Give every yearly indicator under `root` fictional values (benchmark data only)."""
    for file in (root / "indicators").glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        kind = re.search(r"^kind: (\w+)", text, re.M)
        if kind is None or "reporting_period: year" not in text or "values: []" not in text:
            continue
        lines = "".join(FICTIONAL_VALUES[kind.group(1)])
        text = text.replace("values: []\n", "# fictional benchmark values\nvalues:\n" + lines)
        file.write_text(text, encoding="utf-8")


def time_command(
    args: list[str], repeat: int, ok_codes: tuple[int, ...] = (0, 1)
) -> tuple[float, float]:
    """Run `args` `repeat` times; return (best, median) seconds; exit on an unexpected code."""
    times = []
    env = {**os.environ, "NO_COLOR": "1"}
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(args, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if result.returncode not in ok_codes:
            sys.exit(
                f"{' '.join(args)} exited {result.returncode}:\n{result.stderr.decode()[-2000:]}"
            )
    return min(times), statistics.median(times)


def main() -> None:
    """Run the benchmarks and print a table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate the big plan here and keep it")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="hyte-bench-"))
    big = generate_plan(options.keep or work / "big", options.scale)
    valued = generate_plan(work / "valued", options.scale)
    add_fictional_values(valued)
    hyte = hyte_command()
    cases = [
        ("hyte --help (cold start)", [*hyte, "--help"], None),
        ("hyte validate", [*hyte, "validate"], "repo"),
        ("hyte status --as-of 2025-06-01", [*hyte, "status", "--as-of", "2025-06-01"], "repo"),
        (
            "hyte status --format json",
            [*hyte, "status", "--as-of", "2025-06-01", "--format", "json"],
            "repo",
        ),
        ("hyte export --format json", [*hyte, "export", "--format", "json"], "repo"),
        (
            "hyte report --format html",
            [*hyte, "report", "--year", "2025", "--as-of", "2025-12-31", "--format", "html"],
            "repo",
        ),
    ]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, repeat {options.repeat}")
    print(f"{'command':40} {'plan':>10} {'best s':>8} {'median s':>9}")
    for label, args, needs_repo in cases:
        plans = [("this", ROOT), (f"{options.scale}x", big)] if needs_repo else [("-", ROOT)]
        for plan_label, plan_root in plans:
            full = [*args, "--repo", str(plan_root)] if needs_repo else args
            best, median = time_command(full, options.repeat)
            print(f"{label:40} {plan_label:>10} {best:8.3f} {median:9.3f}")
    # With (fictional) values recorded: record one more, then status and its progress measures.
    record_args = [
        *hyte,
        "record",
        f"talousneuvolan-asiakasmaarat-c{options.scale // 2:03d}",
        "150",
        "--period",
        "2026",
        "--replace",
        "--repo",
        str(valued),
    ]
    best, median = time_command(record_args, options.repeat, ok_codes=(0,))
    print(
        f"{'hyte record (values recorded)':40} {f'{options.scale}x':>10} {best:8.3f} {median:9.3f}"
    )
    for label, args in [
        ("hyte status (values recorded)", [*hyte, "status", "--as-of", "2026-06-01"]),
        (
            "hyte status --format json (values)",
            [*hyte, "status", "--as-of", "2026-06-01", "--format", "json"],
        ),
    ]:
        best, median = time_command([*args, "--repo", str(valued)], options.repeat)
        print(f"{label:40} {f'{options.scale}x':>10} {best:8.3f} {median:9.3f}")
    shutil.rmtree(work / "valued", ignore_errors=True)
    if options.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
