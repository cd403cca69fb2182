"""HTML page -> main article text and metadata, with trafilatura (imported only when needed)."""

from __future__ import annotations

from typing import Any

from claimcheck.ingest import reasons
from claimcheck.ingest.clean import Cleaned, clean
from claimcheck.ingest.metadata import Meta, parse_date

PROBE = 40
# htmldate options: read the dates the page states in its markup; never search the body text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(html: str) -> Cleaned:
    """Main text of an HTML page, cleaned, with title, date, site name and author."""
    import trafilatura  # slow to import: only when an HTML file is read

    try:
        doc: Any = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise reasons.Unreadable(reasons.NO_HTML_TEXT)
    meta = Meta()
    meta.offer(
        title=getattr(doc, "title", None),
        published=parse_date(getattr(doc, "date", None) or ""),
        outlet=getattr(doc, "sitename", None),
        byline=getattr(doc, "author", None),
    )
    cleaned = clean(text, meta=meta)
    if not cleaned.text:
        raise reasons.Unreadable(reasons.NO_HTML_TEXT)
    return Cleaned(cleaned.text, _locate(cleaned.text, html), meta)


def _locate(text: str, html: str) -> tuple[tuple[int, int, int], ...]:
    """Anchor each paragraph where its opening words appear in the page source, when they do."""
    anchors: list[tuple[int, int, int]] = []
    cursor, offset = 0, 0
    for para in text.split("\n\n"):
        found = html.find(para[:PROBE], cursor) if para else -1
        if found >= 0:
            line_start = html.rfind("\n", 0, found) + 1
            anchors.append((offset, html.count("\n", 0, found) + 1, found - line_start + 1))
            cursor = found + 1
        offset += len(para) + 2
    return tuple(anchors) or ((0, 1, 1),)
