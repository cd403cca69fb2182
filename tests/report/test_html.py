"""The HTML page: outlets as columns, clusters as rows, each finding's evidence, and every
string an article wrote escaped (the page in a real browser: test_html_browser.py)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from claimcheck.judge import base
from claimcheck.report import html
from claimcheck.schema import (
    Claim,
    Cluster,
    Contradiction,
    Document,
    Quantity,
    Report,
    SideValue,
    Story,
    Summary,
)

HOSTILE_TITLE = "</td></th></tr></table><script>window.pwned = 1</script>\"'><b>bold"
HOSTILE_SENTENCE = (
    'Officials said <a href="javascript:window.pwned=2">40</a> people were hurt, '
    "</dialog></blockquote><script>window.pwned = 3</script> a 'quoted' \"word\"."
)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


def claim(doc: str, text: str, start: int = 0, **extra: object) -> Claim:
    return Claim.model_validate(
        {
            "id": f"{doc}:{start}-{start + len(text)}",
            "doc_id": doc,
            "kind": "quantity",
            "text": text,
            "start": start,
            "end": start + len(text),
            **extra,
        }
    )


def three_outlets() -> Report:
    """Three outlets on one fire: two agree on the cause, one gives another toll."""
    docs = (
        Document(
            id="a",
            path="in/a.txt",
            outlet="Daily One",
            title="Fire downtown",
            published="2025-05-02",
        ),
        Document(id="b", path="in/b.txt", outlet="Evening Two", title="Blaze hits centre"),
        Document(id="c", path="in/c.txt", title=None),
    )
    cause_a = claim("a", "Firefighters said a heater started the fire.")
    cause_b = claim("b", "Firefighters said a space heater started the fire.")
    toll_a = claim("a", "Twelve people were hurt, officials said.", 100, line=4, column=9)
    toll_b = claim("b", "Twenty people were hurt, officials said.", 100, line=6, column=1)
    finding = Contradiction(
        id="quantity-0001",
        kind="quantity",
        claim_ids=(toll_a.id, toll_b.id),
        explanation="a gives Twelve but b gives Twenty for people hurt.",
        confidence=0.72,
        values=(base.side(toll_a, "Twelve = 12 person"), base.side(toll_b, "Twenty = 20 person")),
    )
    clusters = (
        Cluster(
            id="cl-cause",
            label="Firefighters said a heater ...",
            claim_ids=(cause_a.id, cause_b.id),
            doc_ids=("a", "b"),
            corroborated_by=("a", "b"),
        ),
        Cluster(
            id="cl-toll",
            label="Twelve people were hurt ...",
            claim_ids=(toll_a.id, toll_b.id),
            doc_ids=("a", "b"),
        ),
    )
    claims = (cause_a, toll_a, cause_b, toll_b)
    return Report(
        version="0.0.test",
        model="test",
        summary=Summary(documents=3, skipped=0, claims=4, clusters=2, contradictions=1),
        documents=docs,
        claims=claims,
        clusters=clusters,
        contradictions=(finding,),
        stories=(Story(id="a", doc_ids=("a", "b", "c")),),
    )


def two_stories() -> Report:
    """The fire of three_outlets, and a second story two outlets agree on: no finding."""
    report = three_outlets()
    docs = (
        Document(id="d", path="in/d.txt", outlet="Port Weekly", title="Harbour fees frozen"),
        Document(id="e", path="in/e.txt", outlet="Coast Radio", title="Fees stay put"),
    )
    fees_d = claim("d", "The harbour board voted to freeze mooring fees for trawlers.")
    fees_e = claim("e", "The harbour board voted to freeze mooring fees for trawlers in May.")
    agreed = Cluster(
        id="cl-fees",
        label="The harbour board voted to freeze ...",
        claim_ids=(fees_d.id, fees_e.id),
        doc_ids=("d", "e"),
        corroborated_by=("d", "e"),
    )
    return report.model_copy(
        update={
            "documents": (*report.documents, *docs),
            "claims": (*report.claims, fees_d, fees_e),
            "clusters": (*report.clusters, agreed),
            # c has no claims: with two stories in the folder, it is in neither (story.told)
            "stories": (
                Story(id="a", doc_ids=("a", "b")),
                Story(id="c", doc_ids=("c",)),
                Story(id="d", doc_ids=("d", "e")),
            ),
        }
    )


def cells(page: str) -> list[tuple[str, str]]:
    """(data-state, data-fallback) of every matrix cell, in page order."""
    return [
        (str(attrs["data-state"]), str(attrs["data-fallback"]))
        for tag, attrs in parse(page).tags
        if tag == "td" and attrs.get("class") == "cell"
    ]


def test_outlets_are_columns_and_clusters_rows() -> None:
    page = html.render(three_outlets())
    tags = parse(page)
    outlets = [a for t, a in tags.tags if t == "th" and a.get("class") == "outlet"]
    assert len(outlets) == 3
    text = "".join(tags.text)
    assert "Daily One" in text and "Evening Two" in text and "c" in text
    assert "2025-05-02" in text and "no date stated" in text
    # rows in order: the corroborated cause, then the contested toll
    assert cells(page) == [
        ("corroborates", "corroborates"),
        ("corroborates", "corroborates"),
        ("absent", "absent"),
        ("contradicts", "reports"),
        ("contradicts", "reports"),
        ("absent", "absent"),
    ]


def test_a_contradiction_opens_its_evidence() -> None:
    page = html.render(three_outlets())
    tags = parse(page)
    buttons = [a for t, a in tags.tags if t == "button" and a.get("data-open") == "f-quantity-0001"]
    assert len(buttons) == 3  # both cells and the findings list
    assert all(b["data-kind"] == "quantity" and b["data-scope"] == "across" for b in buttons[:2])
    assert (
        "dialog",
        {"class": "evidence", "id": "f-quantity-0001", "aria-labelledby": "f-quantity-0001-title"},
    ) in tags.tags
    assert "in/a.txt:4:9" in page and "in/b.txt:6:1" in page
    assert "<mark>Twelve</mark> people were hurt" in page
    assert "confidence 0.72" in page


def test_per_outlet_summary() -> None:
    page = html.render(three_outlets())
    rows = page.split('<table class="outlets">', 1)[1].split("</table>", 1)[0]
    # outlet, file, claims, shared facts, corroborates, across, within
    cells = "</td><td>"
    assert (
        f'Daily One</th><td class="path">in/a.txt{cells}2{cells}2{cells}1{cells}1{cells}0<' in rows
    )
    assert f'c</th><td class="path">in/c.txt{cells}0{cells}0{cells}0{cells}0{cells}0<' in rows


def test_a_finding_on_no_cluster_is_a_row_of_its_own(report: Report) -> None:
    page = html.render(report)
    rows = [a for t, a in parse(page).tags if t == "tr" and a.get("class") == "loose"]
    assert [r["data-kind"] for r in rows] == ["quantity", "date"]
    # the date finding has no values: it is still on the page, under the document of its claim
    assert 'id="f-d-9a0b"' in page


def test_counts_of_one_are_singular() -> None:
    page = html.render(two_stories())
    assert "(2 outlets, 1 finding)" in page
    assert "(2 outlets, 0 findings)" in page
    assert ">1 of 1 finding shown<" in page


def test_a_label_cut_inside_a_quotation_closes_it() -> None:
    """link/cluster.py labels a row with the first words of its sentence: a cut inside a quotation
    keeps the closing mark."""
    report = three_outlets()
    cut = report.clusters[0].model_copy(
        update={"label": "Firefighters said “a space heater in the back room started ..."}
    )
    page = html.render(report.model_copy(update={"clusters": (cut, *report.clusters[1:])}))
    assert "Firefighters said “a space heater in the back room started ...”</th>" in page


def test_stories_without_findings_are_hidden_behind_a_toggle() -> None:
    """The harbour story has no finding: hidden, in the page and its table of contents, until
    the reader ticks the toggle (report.js; test_html_browser.py ticks it in a browser)."""
    tags = parse(html.render(two_stories())).tags
    stories = {a["id"]: a for t, a in tags if t == "section" and a.get("class") == "story"}
    assert "hidden" not in stories["story-1"] and "data-empty" not in stories["story-1"]
    assert "hidden" in stories["story-2"] and "data-empty" in stories["story-2"]
    toc = [a for t, a in tags if t == "li" and "data-empty" in a]
    assert len(toc) == 1 and "hidden" in toc[0]
    toggle = [a for t, a in tags if t == "input" and a.get("name") == "empty"]
    assert toggle == [{"type": "checkbox", "name": "empty"}]  # unticked
    assert "Show 1 story without findings" in html.render(two_stories())


def test_no_toggle_when_every_story_has_a_finding() -> None:
    tags = parse(html.render(three_outlets())).tags
    assert not [a for t, a in tags if t in ("section", "li") and "hidden" in a]
    assert not [a for t, a in tags if t == "input" and a.get("name") == "empty"]


def test_same_report_same_bytes() -> None:
    assert html.render(three_outlets()) == html.render(three_outlets())


def test_the_page_loads_nothing() -> None:
    tags = parse(html.render(three_outlets())).tags
    assert not [a for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in a for t, a in tags if t == "script")
    csp = next(
        a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert str(csp["content"]).startswith("default-src 'none'")


def hostile() -> Report:
    report = three_outlets()
    docs = tuple(
        d.model_copy(
            update={"title": HOSTILE_TITLE, "outlet": HOSTILE_TITLE if d.id == "b" else d.outlet}
        )
        for d in report.documents
    )
    finding = report.contradictions[0]
    side = finding.values[0].model_copy(
        update={"sentence": HOSTILE_SENTENCE, "value": "40 = 40 person"}
    )
    changed = finding.model_copy(
        update={"values": (side, finding.values[1]), "explanation": HOSTILE_SENTENCE}
    )
    clusters = tuple(c.model_copy(update={"label": HOSTILE_TITLE}) for c in report.clusters)
    return report.model_copy(
        update={"documents": docs, "contradictions": (changed,), "clusters": clusters}
    )


def test_article_strings_are_escaped() -> None:
    page = html.render(hostile())
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 1  # the page's own
    assert not [t for t, _ in tags.tags if t == "b"]
    assert [a for t, a in tags.tags if t == "a"] == [{"class": "skip", "href": "#main"}]
    assert "window.pwned" not in page.split("<script>")[-1]
    assert all("javascript:" not in str(v) for _, attrs in tags.tags for v in attrs.values())
    # the structure stands: three cells a row, and the text reads as the article wrote it
    assert len(cells(page)) == 6
    text = "".join(tags.text)
    assert HOSTILE_TITLE in text
    assert "&lt;script&gt;window.pwned = 3&lt;/script&gt;" in page
    assert "<mark>40</mark>&lt;/a&gt; people" in page


@pytest.mark.parametrize(
    ("sentence", "value", "marked"),
    [
        # the figure as written, before the normalised form
        ("Police said 40 people were hurt.", "40 = 40 person", "40"),
        (
            "Just over half of the money arrived.",
            "Just over half = 50..60 percent",
            "Just over half",
        ),
        # the quoted word of a dispute
        ('He called the report "false" on Monday.', "rejects it: 'false'", "false"),
        # a name or a key word as it stands
        (
            "She spoke to Radio Nord Internationale on Friday.",
            "Radio Nord Internationale",
            "Radio Nord Internationale",
        ),
        ("The mayor called it a political stunt.", "political", "political"),
        ("the Harbour Board said so", "harbour board", "Harbour Board"),
        # near misses: a word inside another word, a value the sentence does not spell
        ("They scored geopolitical points.", "political", None),
        ("The council approved the plan.", "affirms", None),
        ("The council approved the plan.", "the claim", None),
    ],
)
def test_highlighted_value(sentence: str, value: str, marked: str | None) -> None:
    side = SideValue(claim_id="x:0-1", doc_id="x", sentence=sentence, value=value)
    pieces = html.highlighted(side, None)
    assert "".join(text for text, _ in pieces) == sentence
    assert [text for text, is_marked in pieces if is_marked] == ([marked] if marked else [])


def test_a_figure_is_marked_where_extraction_found_it() -> None:
    """'12' twice: the quantity's own offset says which one was compared."""
    sentence = "The 12 judges heard 12 cases."
    at = sentence.rindex("12")
    figure = Quantity(text="12", value=12, unit="case", start=500 + at, end=502 + at)
    source = claim("x", sentence, 500, quantities=(figure,))
    side = SideValue(claim_id=source.id, doc_id="x", sentence=sentence, value="12 = 12 case")
    assert html.highlighted(side, source) == (
        ("The 12 judges heard ", False),
        ("12", True),
        (" cases.", False),
    )


def test_speaker_marked_as_the_sentence_names_them() -> None:
    sentence = "The mayor said the bridge would reopen."
    source = claim("x", sentence, speaker="Ana Ruiz", speaker_mention="The mayor")
    side = SideValue(claim_id=source.id, doc_id="x", sentence=sentence, value="Ana Ruiz")
    assert [t for t, m in html.highlighted(side, source) if m] == ["The mayor"]


def test_the_outlet_filter_names_each_finding_and_storys_outlets_by_number() -> None:
    """report.js matches the outlet chosen against the numbers a finding or story carries."""
    tags = parse(html.render(two_stories())).tags
    select = [t for t, a in tags].index("select")
    options = [a["value"] for t, a in tags[select + 1 :] if t == "option"][:6]
    assert options == ["", "0", "1", "2", "3", "4"]
    text = "".join(parse(html.render(two_stories())).text)
    assert "Coast Radio\nDaily One\nEvening Two\nPort Weekly\nc\n" in text
    findings = {a["data-outlets"] for t, a in tags if "data-finding" in a}
    assert findings == {"1 2"}  # Daily One and Evening Two
    stories = [a["data-outlets"] for t, a in tags if t == "section" and a.get("class") == "story"]
    assert stories == ["1 2", "3 0"]  # the columns' outlets, in column order
