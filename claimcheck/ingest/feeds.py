"""Saved RSS 2.0, RSS 1.0 and Atom feeds -> one article record per item or entry."""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ET

from claimcheck.ingest import reasons
from claimcheck.ingest.records import Record

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
# Where an item's text is, fullest first: the whole article before the teaser.
RSS_BODY = (f"{CONTENT}encoded", "description", f"{RSS1}description")
RSS_DATE = ("pubDate", f"{DC}date")
RSS_AUTHOR = (f"{DC}creator", "author")
ATOM_BODY = (f"{ATOM}content", f"{ATOM}summary")
ATOM_DATE = (f"{ATOM}published", f"{ATOM}updated")
# Where each item starts in the file, to point a finding at its line.
ITEM_START_RE = re.compile(r"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
TAG_RE = re.compile(r"<[a-zA-Z/!]")


def is_feed(text: str) -> bool:
    """The text opens as an RSS or Atom document (for standard input, which has no suffix)."""
    head = text.lstrip()[:500].lower()
    return head.startswith("<") and any(m in head for m in ("<rss", "<feed", "<rdf:rdf"))


def feed_records(text: str) -> list[Record]:
    """The items of an RSS feed or the entries of an Atom feed, as records: title, content
    (HTML or text), url, date, author, and the outlet named by the channel's or feed's title.
    ElementTree resolves no external entity, so a feed cannot make claimcheck read a file."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise reasons.Unreadable(f"malformed XML ({exc}); fix the file") from None
    if root.tag == f"{ATOM}feed":
        records = _atom(root)
    elif root.tag in ("rss", f"{RDF}RDF"):
        records = _rss(root)
    else:
        raise reasons.Unreadable(reasons.NOT_A_FEED)
    if not records:
        raise reasons.Unreadable("feed with no items")
    starts = [text.count("\n", 0, m.start()) + 1 for m in ITEM_START_RE.finditer(text)]
    for record in records:
        record.line = starts[record.index - 1] if record.index <= len(starts) else 1
    return records


def _rss(root: ET.Element) -> list[Record]:
    channel = root.find("channel")
    if channel is None:
        channel = root.find(f"{RSS1}channel")
    outlet = _text(channel, ("title", f"{RSS1}title")) if channel is not None else None
    items = root.findall("channel/item") + root.findall(f"{RSS1}item")
    return [
        _record(
            n,
            title=_text(item, ("title", f"{RSS1}title")),
            body=_text(item, RSS_BODY),
            url=_text(item, ("link", f"{RSS1}link")),
            date=_date(_text(item, RSS_DATE)),
            author=_text(item, RSS_AUTHOR),
            outlet=outlet,
        )
        for n, item in enumerate(items, start=1)
    ]


def _atom(feed: ET.Element) -> list[Record]:
    outlet = _text(feed, (f"{ATOM}title",))
    feed_author = _text(feed, (f"{ATOM}author/{ATOM}name",))
    records = []
    for n, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        body_element = next((e for k in ATOM_BODY if (e := entry.find(k)) is not None), None)
        records.append(
            _record(
                n,
                title=_text(entry, (f"{ATOM}title",)),
                body=_atom_body(body_element),
                url=_atom_link(entry),
                date=_date(_text(entry, ATOM_DATE)),
                author=_text(entry, (f"{ATOM}author/{ATOM}name",)) or feed_author,
                outlet=outlet,
            )
        )
    return records


def _record(n: int, *, body: str | None, **fields: str | None) -> Record:
    kept = {k: v for k, v in fields.items() if v} | {"content": body or ""}
    return Record(n, 1, kept, html=bool(body and TAG_RE.search(body)))


def _text(element: ET.Element, paths: tuple[str, ...]) -> str | None:
    for path in paths:
        found = element.find(path)
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return None


def _atom_body(element: ET.Element | None) -> str | None:
    """Atom content: text, escaped HTML, or XHTML markup inside one div."""
    if element is None:
        return None
    if element.get("type") == "xhtml":
        for node in element.iter():  # <xhtml:p> -> <p>, for the HTML reader
            node.tag = node.tag.rpartition("}")[2]
        return "".join(ET.tostring(child, encoding="unicode") for child in element)
    return element.text


def _atom_link(entry: ET.Element) -> str | None:
    links = entry.findall(f"{ATOM}link")
    alternate = [link for link in links if link.get("rel", "alternate") == "alternate"]
    return next((link.get("href") for link in alternate + links if link.get("href")), None)


def _date(text: str | None) -> str | None:
    """RSS's RFC 822 date ('Wed, 06 Mar 2024 09:00:00 GMT') as ISO, the day the feed wrote
    (no shift to UTC); other forms (Atom's ISO 8601) are left for metadata.parse_date."""
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        return text
