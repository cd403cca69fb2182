"""Benchmark claimcheck scan against bare spaCy on generated corpora; `make bench` runs it.

    python bench/run.py                     # 100, 1,000 and 10,000 articles (~42 min on 2 cores)
    python bench/run.py --sizes 100,1000    # smaller

Per size: a fresh deterministic corpus under bench/out/corpus-N, then (each as a subprocess,
timed wall-clock from process start, memory sampled over the process and its children)
`bench/baseline.py` (load the model + bare nlp.pipe, same model, same processes) and
`claimcheck claims --jobs N` (ingest, parse, extraction: the runner alone) and
`claimcheck scan --jobs N` (everything). Also the --jobs 1 -> N speedup (on the 1,000-article
corpus, or the largest below it) and, when scan has a claim cache, a warm rescan. Prints a
Markdown table and writes bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench import corpus, measure  # noqa: E402
from claimcheck.runner import resolve_jobs  # noqa: E402

BIN = Path(sys.executable).parent
CLAIMCHECK = str(BIN / "claimcheck")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated sizes")
    parser.add_argument("--jobs", type=int, default=0, help="processes (0 = all cores)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--lean-from",
        type=int,
        default=5000,
        help="from this size on, skip the separate `claims` run and time the scan with a cold "
        "cache (what a first scan does by default), to halve the time of large sizes",
    )
    parser.add_argument(
        "--scan-only",
        action="store_true",
        help="per size, time only bare nlp.pipe and a scan without cache (the ratio, scaling "
        "and memory bars): no separate claims run, no rescans, no --jobs speedup",
    )
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    jobs = resolve_jobs(args.jobs)
    cache = _has_cache()
    results: dict[str, Any] = {"machine": machine(), "jobs": jobs, "seed": args.seed, "sizes": {}}
    for size in sizes:
        folder = args.out / f"corpus-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        generated = corpus.generate(size, seed=args.seed)
        corpus.write(generated, folder)
        lean = cache and size >= args.lean_from
        row = measure_size(
            folder, size, jobs=jobs, cache=cache, out=args.out, lean=lean, only=args.scan_only
        )
        row["planted"] = len(generated.planted)
        results["sizes"][str(size)] = row
        _log(f"{size}: {json.dumps(row)}")
    speed_size = max((s for s in sizes if s <= 1000), default=sizes[0])
    if jobs > 1 and not args.scan_only:
        results["speedup"] = speedup(args.out / f"corpus-{speed_size}", speed_size, jobs, cache)
    results["summary"] = summary(results, sizes)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown(results))


def measure_size(
    folder: Path,
    size: int,
    *,
    jobs: int,
    cache: bool,
    out: Path,
    lean: bool = False,
    only: bool = False,
) -> dict[str, Any]:
    base = measure.run(
        [sys.executable, str(HERE / "baseline.py"), str(folder), "--jobs", str(jobs)]
    )
    _check(base, "baseline")
    floor = json.loads(base.stdout)
    cache_dir = out / f"cache-{size}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    if only:
        scan = _scan(folder, jobs, cache)
        extract = scan  # not measured apart
    elif lean:
        scan = _scan(folder, jobs, cache, extra=["--cache-dir", str(cache_dir)])
        extract = scan  # not measured apart at this size
    else:
        extract = _claims(folder, jobs)
        scan = _scan(folder, jobs, cache)
    tokens = floor["tokens"]
    row: dict[str, Any] = {
        "articles": size,
        "tokens": tokens,
        "baseline_s": round(base.seconds, 2),
        "baseline_parse_s": round(floor["parse_s"], 2),
        "baseline_peak_mb": round(base.peak_rss_mb),
        "extract_s": round(extract.seconds, 2),
        "extract_ratio": round(base.seconds / extract.seconds, 3),
        "scan_s": round(scan.seconds, 2),
        "scan_peak_mb": round(scan.peak_rss_mb),
        "scan_peak_pss_mb": round(scan.peak_pss_mb),
        "articles_per_s": round(size / scan.seconds, 1),
        "tokens_per_s": round(tokens / scan.seconds),
        "ratio": round(base.seconds / scan.seconds, 3),
        "summary_line": scan.stdout.strip().splitlines()[-1] if scan.stdout.strip() else "",
    }
    if cache and not only:
        extra = ["--cache-dir", str(cache_dir)]
        cold = scan if lean else _scan(folder, jobs, cache, extra=extra)
        warm = _scan(folder, jobs, cache, extra=extra)
        row["cold_cache_s"] = round(cold.seconds, 2)
        row["rescan_s"] = round(warm.seconds, 2)
        row["touched_rescan_s"] = round(_touched_rescan(folder, jobs, cache, extra).seconds, 2)
        row["lean"] = lean
    return row


def _touched_rescan(folder: Path, jobs: int, cache: bool, extra: list[str]) -> measure.Measured:
    """A rescan after one article changed: its claims are extracted again and the comparison
    runs again over every cached claim (the report cannot be reused)."""
    article = sorted(folder.glob("*.txt"))[0]
    original = article.read_bytes()
    try:
        article.write_bytes(original + b"\nThe council said it would meet again next week.\n")
        return _scan(folder, jobs, cache, extra=extra)
    finally:
        article.write_bytes(original)


def speedup(folder: Path, size: int, jobs: int, cache: bool) -> dict[str, Any]:
    """--jobs 1 vs N for scan (end to end) and claims (parse + extraction: the runner)."""
    one = _scan(folder, 1, cache)
    many = _scan(folder, jobs, cache)
    claims_one = _claims(folder, 1)
    claims_many = _claims(folder, jobs)
    return {
        "articles": size,
        "jobs": jobs,
        "jobs1_s": round(one.seconds, 2),
        f"jobs{jobs}_s": round(many.seconds, 2),
        "speedup": round(one.seconds / many.seconds, 2),
        "claims_jobs1_s": round(claims_one.seconds, 2),
        f"claims_jobs{jobs}_s": round(claims_many.seconds, 2),
        "claims_speedup": round(claims_one.seconds / claims_many.seconds, 2),
    }


def summary(results: dict[str, Any], sizes: list[int]) -> dict[str, Any]:
    rows = results["sizes"]
    out: dict[str, Any] = {}
    if "1000" in rows and "10000" in rows:
        out["time_10000_over_1000"] = round(rows["10000"]["scan_s"] / rows["1000"]["scan_s"], 2)
    out["peak_mb_largest"] = rows[str(sizes[-1])]["scan_peak_mb"]
    out["peak_pss_mb_largest"] = rows[str(sizes[-1])]["scan_peak_pss_mb"]
    out["ratio_largest"] = rows[str(sizes[-1])]["ratio"]
    return out


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "
        f"{results['machine']['ram_gb']} GB RAM; --jobs {results['jobs']}",
        "",
        "| articles | tokens | bare nlp.pipe (s) | scan (s) | articles/s | tokens/s "
        "| ratio (pipe/scan) | claims (s) | ratio (pipe/claims) | scan peak RSS (MB) "
        "| scan peak PSS (MB) | rescan (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["sizes"].values():
        rescan = row.get("rescan_s", "n/a (no cache)")
        lines.append(
            f"| {row['articles']:,} | {row['tokens']:,} | {row['baseline_s']} | {row['scan_s']} "
            f"| {row['articles_per_s']} | {row['tokens_per_s']:,} | {row['ratio']} "
            f"| {row['extract_s']} | {row['extract_ratio']} | {row['scan_peak_mb']} "
            f"| {row['scan_peak_pss_mb']} | {rescan} |"
        )
    if "speedup" in results:
        s = results["speedup"]
        many = s[f"jobs{s['jobs']}_s"]
        claims_many = s[f"claims_jobs{s['jobs']}_s"]
        lines += [
            "",
            f"--jobs 1 -> {s['jobs']} on {s['articles']:,} articles: {s['jobs1_s']} s -> "
            f"{many} s, speedup {s['speedup']}; claims (parse + extraction) "
            f"{s['claims_jobs1_s']} s -> {claims_many} s, "
            f"speedup {s['claims_speedup']}",
        ]
    for key, value in results["summary"].items():
        lines.append(f"- {key}: {value}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    ram_gb = 0.0
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = next(
            line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line
        )
        mem = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()[0]
        ram_gb = round(int(mem.split()[1]) / 2**20, 1)
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cores": resolve_jobs(0),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
    }


def _has_cache(command: str = "scan") -> bool:
    help_text = subprocess.run(
        [CLAIMCHECK, command, "--help"], capture_output=True, text=True, check=False
    ).stdout
    return "--no-cache" in help_text


def _claims(folder: Path, jobs: int) -> measure.Measured:
    """`claimcheck claims`: ingest, parse and extraction only, no clustering or comparison."""
    command = [CLAIMCHECK, "claims", str(folder), "--format", "json", "--jobs", str(jobs)]
    if _has_cache("claims"):
        command.append("--no-cache")
    result = measure.run(command)
    _check(result, "claims")
    return result


def _scan(folder: Path, jobs: int, cache: bool, extra: list[str] | None = None) -> measure.Measured:
    command = [CLAIMCHECK, "scan", str(folder), "--quiet", "--exit-zero", "--jobs", str(jobs)]
    if extra:
        command += extra
    elif cache:
        command.append("--no-cache")
    result = measure.run(command)
    _check(result, "scan")
    return result


def _check(result: measure.Measured, what: str) -> None:
    if result.returncode != 0:
        raise SystemExit(f"{what} failed ({result.returncode}):\n{result.stderr[-2000:]}")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
