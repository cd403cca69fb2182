"""Run a command as a subprocess and measure its wall time and peak memory (with children).

Two peaks, both over the process and all its descendants, sampled from /proc:
- RSS sum: every resident page of every process. Pages a forked worker still shares with its
  parent (the loaded model, imported modules) count once per process, so this overstates the
  machine's memory; it is the conservative figure, and the one the targets are held to.
- PSS sum: each shared page split between the processes sharing it (`smaps_rollup`), which adds
  up to the physical memory the command occupies.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mb: float  # highest sampled sum of RSS over the process and all its descendants
    peak_pss_mb: float  # highest sampled sum of PSS over the same (0 where /proc lacks it)
    returncode: int
    stdout: str
    stderr: str


def run(command: list[str], *, cwd: Path | None = None, interval: float = 0.05) -> Measured:
    """Wall time and peak RSS and PSS sums of `command`, sampled every `interval` s."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = {"rss": 0, "pss": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            pids = tree_pids(process.pid)
            peak["rss"] = max(peak["rss"], sum(map(_rss, pids)))
            peak["pss"] = max(peak["pss"], sum(map(_pss, pids)))
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return Measured(
        seconds, peak["rss"] / 2**20, peak["pss"] / 2**20, process.returncode, stdout, stderr
    )


def tree_rss(root: int) -> int:
    """Bytes resident in `root` and its descendants (0 where /proc is missing)."""
    return sum(map(_rss, tree_pids(root)))


def tree_pss(root: int) -> int:
    """Proportional set size of `root` and its descendants: shared pages split between them."""
    return sum(map(_pss, tree_pids(root)))


def tree_pids(root: int) -> list[int]:
    """`root` and every live descendant of it ([root] alone where /proc is missing)."""
    parents: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return [root]
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        if pid in found:
            continue
        found.append(pid)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="utf-8") as statm:
            return int(statm.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        return 0
    return 0
