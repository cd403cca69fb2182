"""read_articles: every format, encoding and bad input; never loses good input, never raises."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.ingest import read_articles
from tests.conftest import SEEDS

BODY = (
    "The harbour council approved the new budget on Monday, the mayor said. "
    "Critics said the plan would raise fees for the fishing fleet by 12 percent, "
    "and the opposition promised to fight it in the courts before the summer."
)
FRENCH = (
    "Le conseil municipal a approuvé lundi le nouveau budget du port, a déclaré le maire. "
    "Les critiques estiment que ce projet augmentera les redevances de la flotte de pêche "
    "de douze pour cent, et l'opposition a promis de le contester devant les tribunaux "
    "avant l'été prochain, selon plusieurs élus locaux interrogés mardi matin à Brest."
)
HTML = f"""<!DOCTYPE html><html><head><title>Harbour budget passes | Courier</title>
<meta property="og:site_name" content="The Harbour Courier">
<meta property="article:published_time" content="2023-06-05T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour budget passes</h1><p>{BODY}</p>
<p>The fleet's union said it would meet on Friday to decide its response to the plan.</p>
</article><footer>Copyright 2023 Courier</footer></body></html>"""


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def read_one(path: Path, **kw: int) -> tuple[list[str], list[str]]:
    articles, skipped = read_articles([str(path)], **kw)  # type: ignore[arg-type]
    return [a.text for a in articles], [s.reason for s in skipped]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (BODY.encode("utf-8"), "utf8.txt"),
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), "bom.txt"),
        (BODY.encode("utf-16"), "utf16.txt"),
        (BODY.encode("utf-16-le"), "utf16le-nobom.txt"),
        (BODY.replace("\n", "\r\n").encode("cp1252"), "cp1252.txt"),
        (BODY.encode("utf-8").replace(b" the ", b" the\x00 ", 2), "nuls.txt"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, name: str) -> None:
    texts, reasons = read_one(write(tmp_path, name, data))
    assert reasons == []
    assert texts == [BODY]


def test_windows_1252_quotes_and_crlf(tmp_path: Path) -> None:
    raw = (
        "Caf\u00e9 owners said \u201cno\u201d.\r\n\r\nThe mayor \u2013 again \u2013 disagreed.\r\n"
    )
    texts, _ = read_one(write(tmp_path, "a.txt", raw.encode("cp1252")))
    assert texts == [
        "Caf\u00e9 owners said \u201cno\u201d.\n\nThe mayor \u2013 again \u2013 disagreed."
    ]


def test_nfc_normalised(tmp_path: Path) -> None:
    texts, _ = read_one(write(tmp_path, "a.txt", "Cafe\u0301 owners said no to the plan."))
    assert texts == ["Caf\u00e9 owners said no to the plan."]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("img.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file, not an article"),
        ("arch.txt", b"PK\x03\x04" + b"\x00\x01" * 300, "binary file, not an article"),
        ("prog.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 500, "binary file, not an article"),
        ("noise.txt", bytes([1, 2, 3, 4, 5, 6, 0, 0]) * 200, "binary file, not an article"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n  ", "empty file"),
        ("bad16.txt", b"\xff\xfe" + b"\x00\xd8" * 3, "undecodable UTF-16"),
        ("bad.json", b'{"text": "unclosed', "malformed JSON at line 1"),
        ("bad.jsonl", b'{"text": "ok"\n{oops}\n', "line 1: malformed JSON"),
        ("notext.json", b'{"title": "Only a title"}', "no article text in the record"),
        ("broken.html", b"<html><body><div></div></body></html>", "HTML with no extractable"),
        ("french.txt", FRENCH.encode("utf-8"), "not English text (claimcheck reads English only)"),
        ("furniture.md", b"Advertisement\n\nShare this article\n", "no article text left"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type ('.docx')"),
    ],
)
def test_bad_inputs_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    texts, reasons = read_one(write(tmp_path, name, data))
    assert texts == []
    assert len(reasons) == 1
    assert reason in reasons[0]


def test_missing_path(tmp_path: Path) -> None:
    articles, skipped = read_articles([str(tmp_path / "nope.txt")])
    assert articles == []
    assert [s.reason for s in skipped] == ["no such file or directory; check the path"]


def test_too_big(tmp_path: Path) -> None:
    _, reasons = read_one(write(tmp_path, "a.txt", BODY), max_bytes=100)
    assert reasons == [
        f"{len(BODY)} bytes is over --max-bytes 100; raise --max-bytes or split the file"
    ]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_permissions(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", BODY)
    path.chmod(0)
    _, reasons = read_one(path)
    assert reasons and "permission" in reasons[0]


def test_broken_symlink_and_link_loop(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", BODY)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    articles, skipped = read_articles([str(tmp_path)])
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "broken symbolic link" in reasons["broken.txt"]
    assert "loop" in reasons["loop1.txt"] and "loop" in reasons["loop2.txt"]
    assert "loop" in reasons["back"]


def test_formats(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.md", f"# Harbour Budget\n\n*{BODY}*\n")
    write(tmp_path, "c.html", HTML)
    records = [
        {
            "title": "One",
            "maintext": BODY,
            "date_publish": "2023-06-05 10:00:00",
            "source_domain": "x.example",
        },
        {"id": "custom", "content": BODY, "published": "June 6, 2023", "outlet": "Courier"},
    ]
    write(tmp_path, "d.json", json.dumps(records))
    write(tmp_path, "e.json", json.dumps({"text": BODY, "source": "Wire"}))
    lines = "\n".join(json.dumps({"text": BODY, "date": f"2023-06-0{n}"}) for n in (1, 2))
    write(tmp_path, "f.jsonl", lines + "\n")
    write(tmp_path, "g.docx", "a,b\n")
    articles, skipped = read_articles([str(tmp_path)])
    assert skipped == []
    by_id = {a.id: a for a in articles}
    assert list(by_id) == ["a", "b", "c", "d-1", "custom", "e", "f-1", "f-2"]
    assert by_id["b"].title == "Harbour Budget" and by_id["b"].text.endswith(BODY)
    assert by_id["c"].format == "html" and BODY in by_id["c"].text
    assert "Home" not in by_id["c"].text and "Copyright" not in by_id["c"].text
    assert (by_id["c"].published, by_id["c"].outlet) == ("2023-06-05", "The Harbour Courier")
    assert (by_id["d-1"].title, by_id["d-1"].published) == ("One", "2023-06-05")
    assert by_id["d-1"].outlet == "x.example"
    assert (by_id["custom"].published, by_id["custom"].outlet) == ("2023-06-06", "Courier")
    assert by_id["e"].outlet == "Wire"  # one record: the id is the file stem
    assert [by_id["f-1"].published, by_id["f-2"].published] == ["2023-06-01", "2023-06-02"]
    assert by_id["f-2"].line_map[0][1] == 2


def test_jsonl_bad_line_keeps_good_records(tmp_path: Path) -> None:
    path = write(tmp_path, "f.jsonl", json.dumps({"text": BODY}) + "\nnot json\n")
    articles, skipped = read_articles([str(path)])
    assert [a.id for a in articles] == ["f-1"]
    assert [s.reason[:7] for s in skipped] == ["line 2:"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(BODY.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    articles, skipped = read_articles(["-"])
    assert [(a.id, a.text) for a in articles] == [("stdin", BODY)]
    assert skipped == []


def test_glob_and_walk_order_and_unique_ids(tmp_path: Path) -> None:
    write(tmp_path, "b/x.txt", BODY)
    write(tmp_path, "a/x.txt", BODY)
    write(tmp_path, "a/y.md", BODY)
    write(tmp_path, "a/deep/z.txt", BODY)
    articles, _ = read_articles([str(tmp_path)])
    assert [a.id for a in articles] == ["z", "a/x", "y", "b/x"]
    articles, _ = read_articles([str(tmp_path)], glob="*.txt")
    assert [a.id for a in articles] == ["z", "a/x", "b/x"]


def test_explicit_unsupported_file_is_skipped_but_ignored_in_folders(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, "a.txt", BODY)
    assert read_articles([str(tmp_path)])[1] == []
    assert "unsupported file type" in read_articles([str(path)])[1][0].reason


def test_fault_folder_keeps_every_good_file(tmp_path: Path) -> None:
    bad_kinds: list[bytes] = [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"\x00" * 64,
        b"   \n\n ",
        FRENCH.encode("utf-8"),
    ]
    for n in range(200):
        if n % 10 == 3:
            data = bad_kinds[(n // 10) % len(bad_kinds)]
            write(tmp_path, f"doc{n:03}.txt", data)
        else:
            write(tmp_path, f"doc{n:03}.txt", f"Report {n}: {BODY}")
    articles, skipped = read_articles([str(tmp_path)])
    assert len(articles) == 180
    assert len(skipped) == 20
    assert {Path(s.path).name for s in skipped} == {f"doc{n:03}.txt" for n in range(3, 200, 10)}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(str.encode)))
def test_random_bytes_never_raise(tmp_path: Path, payload: bytes) -> None:
    paths = []
    for suffix in (".txt", ".md", ".json", ".jsonl"):
        path = tmp_path / f"random{suffix}"
        path.write_bytes(payload)
        paths.append(str(path))
    articles, skipped = read_articles(paths)
    assert len(articles) + len(skipped) >= len(paths)
    assert all(s.reason for s in skipped)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(st.characters(codec="utf-8"), min_size=1, max_size=400))
def test_random_text_never_raises(tmp_path: Path, text: str) -> None:
    path = tmp_path / "random.txt"
    path.write_text(text, encoding="utf-8")
    articles, skipped = read_articles([str(path)])
    assert len(articles) + len(skipped) == 1
    for article in articles:
        offsets = [a[0] for a in article.line_map]
        assert offsets == sorted(set(offsets))


def test_seeds_end_to_end() -> None:
    articles, skipped = read_articles([str(SEEDS)])
    assert skipped == []
    dates = {a.id[:3]: a.published for a in articles}
    assert dates == {
        "000": "2024-03-05",
        "001": "2024-03-04",
        "002": "2024-03-05",
        "003": None,
        "004": None,
    }
    by = {a.id[:3]: a for a in articles}
    assert "which have not been made public, the official said." in by["000"].text
    assert by["002"].text.startswith("In a surprising turn of events, ")
    for article in articles:
        lowered = article.text.lower()
        for junk in (
            "24 issues per year",
            "money back guarantee",
            "written by",
            "subscribe",
            "updated 8 months ago",
        ):
            assert junk not in lowered, (article.id, junk)


def test_files_read_in_two_processes_come_back_as_read_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.ingest as ingest

    for n in range(12):
        write(tmp_path, f"a{n:02}.txt", BODY.replace("12 percent", f"{n} percent"))
    write(tmp_path, "b.html", HTML)
    write(tmp_path, "c.jsonl", json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY}))
    write(tmp_path, "empty.txt", "")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    one = read_articles([str(tmp_path)], jobs=1)
    monkeypatch.setattr(ingest, "PARALLEL_FILES", 0)
    two = read_articles([str(tmp_path)], jobs=2)
    assert two == one
    assert len(one[0]) == 15 and {Path(s.path).name for s in one[1]} == {"empty.txt", "broken.txt"}


@pytest.mark.parametrize(
    "fields",
    [
        {"source": {"id": None, "name": "Metro Wire"}},
        {"publisher": {"@type": "Organization", "name": "Metro Wire"}},
        {"siteName": "Metro Wire"},
        {"Source": "Metro Wire"},
        {"source_name": "Metro Wire"},
        {"meta": {"site_name": "Metro Wire"}},
        {"source": {"domain": "Metro Wire"}},
    ],
)
def test_record_outlet_from_any_usual_field_beats_the_headline_suffix(
    tmp_path: Path, fields: dict[str, object]
) -> None:
    record = {"title": "Council approves budget - Politico", **fields}
    record["text"] = f"Council approves budget - Politico\n\n{BODY}"
    articles, _ = read_articles([str(write(tmp_path, "a.json", json.dumps(record)))])
    assert [a.outlet for a in articles] == ["Metro Wire"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("links.txt", "https://news.example/a\nhttps://news.example/b\n\nwww.example.org/c\n"),
        ("links.md", "# To read\n\n- https://news.example/a\n- <https://news.example/b>\n"),
        ("links2.md", "1. [Port reopens](https://news.example/a)\n2. https://news.example/b\n"),
    ],
)
def test_a_list_of_urls_is_skipped_with_what_to_do(tmp_path: Path, name: str, text: str) -> None:
    texts, reasons = read_one(write(tmp_path, name, text))
    assert texts == []
    assert reasons == ["a list of URLs, not an article: fetch the pages and save their text"]


def test_an_article_that_cites_urls_is_read(tmp_path: Path) -> None:
    text = f"{BODY}\n\nhttps://news.example/source\n\nThe union will meet on Friday.\n"
    texts, reasons = read_one(write(tmp_path, "a.txt", text))
    assert reasons == [] and len(texts) == 1


def test_a_claimcheck_report_in_the_folder_is_skipped_as_such(tmp_path: Path) -> None:
    from claimcheck.ingest.records import REPORT_KEYS
    from claimcheck.schema import Report

    assert Report.model_fields.keys() >= REPORT_KEYS
    report = {"tool": "claimcheck", "version": "0.1.0", "model": "en_core_web_sm"}
    report |= {"summary": {}, "documents": [{"id": "a", "text": BODY}], "claims": []}
    report["contradictions"] = []
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "report.json", json.dumps(report))
    articles, skipped = read_articles([str(tmp_path)])
    assert [a.id for a in articles] == ["a"]
    assert [s.reason for s in skipped] == ["a claimcheck report, not an article"]


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_csv_export_is_one_article_per_row(tmp_path: Path) -> None:
    rows = [
        ["Headline", "URL", "Publisher", "published_at", "Body"],
        ["Budget passes", "https://a.example/1", "Metro Wire", "2024-03-06T08:00:00Z", BODY],
        ["", "", "", "", ""],
        [
            "Fleet answers",
            "https://a.example/2",
            "The Courier",
            "March 7, 2024",
            f"{BODY}\n\nMore.",
        ],
    ]
    write(tmp_path, "export.csv", csv_text(rows))
    articles, skipped = read_articles([str(tmp_path)])
    assert skipped == []
    assert [(a.id, a.format) for a in articles] == [("export-1", "csv"), ("export-2", "csv")]
    assert [(a.title, a.outlet, a.published) for a in articles] == [
        ("Budget passes", "Metro Wire", "2024-03-06"),
        ("Fleet answers", "The Courier", "2024-03-07"),
    ]
    assert articles[1].text == f"{BODY}\n\nMore."
    assert [a.line_map[0][1] for a in articles] == [2, 4]


def test_csv_id_column_and_semicolons(tmp_path: Path) -> None:
    rows = [["ID", "pubDate", "TEXT"], ["port-17", "2024-03-06", BODY], ["", "2024-03-07", BODY]]
    articles, skipped = read_articles([str(write(tmp_path, "x.csv", csv_text(rows, ";")))])
    assert skipped == []
    assert [(a.id, a.published) for a in articles] == [
        ("port-17", "2024-03-06"),
        ("x-2", "2024-03-07"),
    ]


def test_csv_without_a_body_column_names_its_columns(tmp_path: Path) -> None:
    texts, reasons = read_one(write(tmp_path, "x.csv", "title,link,views\nA,https://a.example,3\n"))
    assert texts == []
    assert reasons == [
        "CSV with no article text column (expected body, text, content or article; "
        "it has title, link, views)"
    ]
