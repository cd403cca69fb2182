"""Run a command as a subprocess and measure its wall time and peak memory (with children)."""

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
    returncode: int
    stdout: str
    stderr: str


def run(command: list[str], *, cwd: Path | None = None, interval: float = 0.05) -> Measured:
    """Wall time and peak RSS of `command`; RSS is sampled from /proc every `interval` s."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(process.pid))
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return Measured(seconds, peak[0] / 2**20, process.returncode, stdout, stderr)


def tree_rss(root: int) -> int:
    """Bytes resident in `root` and its descendants (0 where /proc is missing)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm", encoding="utf-8") as statm:
                resident = int(statm.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = resident
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total
