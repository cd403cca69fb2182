"""Saved RSS and Atom feeds: one article per item or entry, with the feed's metadata."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from claimcheck.ingest import read_articles

FIRST = (
    "The harbour council approved the new budget on Monday, the mayor said. "
    "Critics said the plan would raise fees for the fishing fleet by 12 percent."
)
SECOND = (
    "The fleet's union said it would meet on Friday to decide how to answer the plan, "
    "and its leader called the fee rise a tax on the poorest crews in the port."
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Metro Wire</title>
  <link>https://metro.example/</link>
  <item>
    <title>Council approves budget</title>
    <link>https://metro.example/budget</link>
    <pubDate>Wed, 06 Mar 2024 23:30:00 -0500</pubDate>
    <dc:creator>Ana Ruiz</dc:creator>
    <description>A teaser only.</description>
    <content:encoded><![CDATA[<p>{FIRST}</p>
      <p>Fees &amp; charges <b>rise</b> in May.</p>]]></content:encoded>
  </item>
  <item>
    <title>Union to meet</title>
    <pubDate>Thu, 07 Mar 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;{SECOND}&lt;/p&gt;</description>
  </item>
  <item><title>Photos of the harbour</title></item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Harbour Courier</title>
  <author><name>Courier staff</name></author>
  <entry>
    <title>Budget passes</title>
    <link rel="alternate" href="https://courier.example/a"/>
    <updated>2024-03-08T10:00:00Z</updated>
    <published>2024-03-06T09:00:00+01:00</published>
    <content type="html">&lt;p&gt;{FIRST}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Union answers</title>
    <updated>2024-03-07T10:00:00Z</updated>
    <author><name>Bo Chan</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{SECOND}</p></div></content>
  </entry>
  <entry>
    <title>Plain</title>
    <summary type="text">{SECOND}</summary>
  </entry>
</feed>
"""


def read(tmp_path: Path, name: str, text: str) -> tuple[list, list[str]]:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    articles, skipped = read_articles([str(path)])
    return articles, [s.reason for s in skipped]


def test_rss_items_are_articles_with_the_channel_as_outlet(tmp_path: Path) -> None:
    articles, reasons = read(tmp_path, "metro.rss", RSS)
    assert [(a.id, a.format) for a in articles] == [("metro-1", "feed"), ("metro-2", "feed")]
    first, second = articles
    assert (first.title, first.outlet, first.byline) == (
        "Council approves budget",
        "Metro Wire",
        "Ana Ruiz",
    )
    # RFC 822: the day the feed wrote, not shifted to UTC.
    assert [a.published for a in articles] == ["2024-03-06", "2024-03-07"]
    assert first.text == f"{FIRST}\n\nFees & charges rise in May."
    assert second.text == SECOND
    assert first.line_map[0][1] == 7  # the line of its <item>
    assert [r[:9] for r in reasons] == ["record 3:"]


def test_atom_entries_are_articles(tmp_path: Path) -> None:
    articles, reasons = read(tmp_path, "courier.xml", ATOM)
    assert reasons == []
    assert [a.id for a in articles] == ["courier-1", "courier-2", "courier-3"]
    assert [a.text for a in articles] == [FIRST, SECOND, SECOND]
    assert [a.published for a in articles] == ["2024-03-06", "2024-03-07", None]
    assert {a.outlet for a in articles} == {"The Harbour Courier"}
    assert [a.byline for a in articles] == ["Courier staff", "Bo Chan", "Courier staff"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "<rss><channel><title>X</title>",
            "malformed XML (no element found: line 1, column 30); fix the file",
        ),
        ('<?xml version="1.0"?><urlset><url/></urlset>', "XML that is not an RSS or Atom feed"),
        ("<rss><channel><title>X</title></channel></rss>", "feed with no items"),
    ],
)
def test_what_is_no_feed_is_skipped_with_a_reason(tmp_path: Path, text: str, reason: str) -> None:
    articles, reasons = read(tmp_path, "x.xml", text)
    assert articles == []
    assert len(reasons) == 1 and reasons[0].startswith(reason)


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret council minutes say the budget failed.", encoding="utf-8")
    feed = RSS.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "file://{secret}">]>',
    ).replace("A teaser only.", "&s;")
    feed = feed.replace("<content:encoded>", "<x>").replace("</content:encoded>", "</x>")
    articles, _ = read(tmp_path, "x.rss", feed)
    assert all("secret" not in a.text for a in articles)


def test_feed_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ATOM.encode("utf-8"))))
    articles, _ = read_articles(["-"])
    assert [a.id for a in articles] == ["stdin-1", "stdin-2", "stdin-3"]
