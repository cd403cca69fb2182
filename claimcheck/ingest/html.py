"""HTML page -> main article text and metadata, with trafilatura (imported only when needed)."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.ingest import reasons
from claimcheck.ingest.clean import Cleaned, clean
from claimcheck.ingest.metadata import Meta, parse_date

PROBE = 40
# htmldate options: read the dates the page states in its markup; never search the body text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# A fragment (a feed item's content) is wrapped in a page: trafilatura reads no bare paragraph.
PAGE_RE = re.compile(r"<(?:!doctype|html|body)\b", re.IGNORECASE)


def read_html(html: str, *, meta: Meta | None = None) -> Cleaned:
    """Main text of an HTML page or fragment, cleaned, with title, date, site name and author
    (offered to `meta` after what it already holds)."""
    import trafilatura  # slow to import: only when an HTML file is read

    page = html if PAGE_RE.search(html, 0, 2000) else f"<html><body>{html}</body></html>"
    try:
        doc: Any = trafilatura.bare_extraction(
            page,
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
    meta = meta if meta is not None else Meta()
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
