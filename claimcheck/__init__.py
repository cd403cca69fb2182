"""claimcheck: find where news articles about one story disagree, with the evidence.

In Python (a notebook, a script) the command line's `scan` is one call:

    import claimcheck
    report = claimcheck.scan("articles/")           # a folder, a file, or a list of them
    for finding in report.contradictions:
        print(finding.kind, finding.confidence, finding.explanation)

The `Report` is the JSON report's content as pydantic objects (`report.model_dump_json()`
writes it). Options are keyword-only and named as `claimcheck.pipeline.ScanOptions` names
them (`jobs`, `engine`, `scheduler`, `against`, `cache_dir`, `cache_max_size`, `model`,
`glob`, `exclude`, `use_gitignore`, `max_bytes`, `progress`).
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.schema import Report

__version__ = "0.1.0"
__all__ = ["__version__", "scan"]


def scan(paths: str | PathLike[str] | Sequence[str | PathLike[str]], **options: Any) -> Report:
    """Read the articles under `paths`, extract their claims and judge them: the report the
    command line prints. By default it reads and writes no claim cache (`cache_dir=` to use
    one). A scan of 100,000 claims or more judges in fresh processes, which import the calling
    program again: call it under `if __name__ == "__main__":` in a script."""
    from claimcheck import pipeline  # the NLP side loads on the first scan, not on import

    listed = [paths] if isinstance(paths, str | PathLike) else list(paths)
    return pipeline.scan([str(p) for p in listed], pipeline.ScanOptions(**options))
