"""No input crashes a scan, and no failure is read as "contradictions found" (exit 1).

Failures are injected into each stage (reading, extraction, comparison, rendering, writing):
each ends in one line and exit 2, or for one article, in a skip that names the stage.
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimcheck import cache, errors, nlp, pipeline, runner
from claimcheck.cli import app
from claimcheck.extract import speakers
from claimcheck.ingest import read_articles, reasons
from claimcheck.report import json as json_report
from claimcheck.report import terminal, write_output
from claimcheck.schema import Article, Claim, Document, Quantity, Report, Skipped, Summary

cli = CliRunner()
BIN = Path(sys.executable).parent / "claimcheck"


def _claims(article: Article) -> list[Claim]:
    return [
        Claim(id=f"{article.id}:0-5", doc_id=article.id, kind="event", text="x", start=0, end=5)
    ]


def _fake_extract(articles: Sequence[Article], **_: object) -> Iterator[list[Claim] | Skipped]:
    """Extraction without the model; an article whose text holds BOOM fails as one would."""
    for article in articles:
        if "BOOM" in article.text:
            reason = errors.internal_reason("extraction", KeyError("two fifths"))
            yield Skipped(path=article.path, reason=reason)
        else:
            yield _claims(article)


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "extract_all", _fake_extract)
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("harbor", "council", "storm"):
        (folder / f"{name}.txt").write_text(f"The {name} spokesman said repairs had begun.\n")
    return folder


def _scan(*args: str) -> tuple[int, str]:
    result = cli.invoke(app, ["scan", "news", "--no-cache", *args])
    return result.exit_code, result.stderr


# -- isolation: one article that fails is skipped, the rest is reported ---------------------


def test_an_article_that_fails_is_skipped_and_the_rest_reported(news: Path) -> None:
    (news / "storm.txt").write_text("The storm BOOM spokesman said repairs had begun.\n")
    result = cli.invoke(app, ["scan", "news", "--no-cache", "--json", "-"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [d["id"] for d in report["documents"]] == ["council", "harbor"]
    assert report["skipped"] == [
        {
            "path": "news/storm.txt",
            "reason": "internal error in extraction: KeyError: 'two fifths'; please report",
        }
    ]
    table = cli.invoke(app, ["scan", "news", "--no-cache"])
    assert "skipped news/storm.txt: internal error in extraction" in table.stdout


def test_all_articles_failing_is_exit_2(news: Path) -> None:
    for path in news.iterdir():
        path.write_text("BOOM said the spokesman.\n")
    code, err = _scan()
    assert code == 2
    assert "no readable article" in err and "internal error in extraction" in err


@pytest.mark.model
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_real_extraction_failure_skips_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """The runner's own isolation, in this process and in forked workers."""
    real = runner.extract_claims

    def fragile(doc: object, article: Article) -> list[Claim]:
        if article.id == "bad":
            raise RuntimeError("boom in extraction")
        return real(doc, article)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "extract_claims", fragile)
    articles = [
        Article(id=name, path=f"{name}.txt", text=f"The {name} mayor said 12 homes flooded.")
        for name in ("good", "bad", "fine", "also")
    ]
    results = list(
        runner.extract_all(articles, model=nlp.resolve_model(None), jobs=int(jobs), batch_size=1)
    )
    assert [type(r).__name__ for r in results] == ["list", "Skipped", "list", "list"]
    failed = results[1]
    assert isinstance(failed, Skipped) and failed.path == "bad.txt"
    assert failed.reason == (
        "internal error in extraction: RuntimeError: boom in extraction; please report"
    )


@pytest.mark.parametrize(
    ("flag", "env", "traceback_shown"),
    [([], {}, False), (["--debug"], {}, True), ([], {"CLAIMCHECK_DEBUG": "1"}, True)],
)
def test_traceback_only_with_debug(
    news: Path,
    monkeypatch: pytest.MonkeyPatch,
    flag: list[str],
    env: dict[str, str],
    traceback_shown: bool,
) -> None:
    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)

    def broken(*_: object, **__: object) -> object:
        raise ZeroDivisionError("division by zero in a comparator")

    monkeypatch.setattr(pipeline.judge, "compare_all", broken)
    result = cli.invoke(app, ["scan", "news", "--no-cache", *flag], env=env)
    assert result.exit_code == 2
    assert "internal error in comparison: ZeroDivisionError" in result.stderr
    assert ("Traceback" in result.stderr) is traceback_shown
    errors.set_debug(False)


# -- exit discipline: a failure in any stage is exit 2, never 1 -----------------------------


RENDERING = "internal error in rendering: RuntimeError"


def _raise(exc: BaseException) -> object:
    def fail(*_: object, **__: object) -> object:
        raise exc

    return fail


@pytest.mark.parametrize(
    ("target", "name", "args", "message"),
    [
        (pipeline, "read_articles", [], "internal error in reading: RuntimeError"),
        (speakers, "unify", [], "internal error in extraction: RuntimeError"),
        (pipeline.judge, "compare_all", [], "internal error in comparison: RuntimeError"),
        (pipeline.cluster, "cluster_claims", [], "internal error in comparison: RuntimeError"),
        (json_report, "chunks", ["--json", "out.json"], RENDERING),
        (terminal, "print_report", [], RENDERING),
        (json_report, "chunks", ["--format", "json"], RENDERING),
    ],
)
def test_a_failure_in_any_stage_is_exit_2_in_one_line(
    news: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: object,
    name: str,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.setattr(target, name, _raise(RuntimeError("injected")))
    code, err = _scan(*args)
    assert code == 2
    assert err.splitlines()[0] == f"claimcheck: error: {message}: injected; please report"
    assert "Traceback" not in err
    assert not list(Path().glob(".out.json.*"))


def test_a_full_disk_is_exit_2_naming_the_file(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("claimcheck.cli_output.write_output", full)
    code, err = _scan("--json", "out.json")
    assert (code, err) == (2, "claimcheck: error: cannot write out.json: no space left on device\n")


def test_findings_alone_are_exit_1(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.report.sample import make_report

    monkeypatch.setattr(pipeline, "scan", lambda *_: make_report())
    assert _scan()[0] == 1
    assert _scan("--exit-zero")[0] == 0
    assert _scan("--fail-on", "dispute")[0] == 0


# -- output paths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "why"),
    [
        ("news", "it is a folder; pass the path of a file"),
        ("news/harbor.txt/out.json", "news/harbor.txt is a file, not a folder"),
        ("", "empty file name"),
    ],
)
@pytest.mark.parametrize("option", ["--json", "--sarif", "--markdown"])
def test_a_bad_output_path_is_exit_2_before_the_scan(
    news: Path, monkeypatch: pytest.MonkeyPatch, dest: str, why: str, option: str
) -> None:
    monkeypatch.setattr(pipeline, "scan", _raise(AssertionError("scanned before the check")))
    code, err = _scan(option, dest)
    assert code == 2
    assert err.startswith(f"claimcheck: error: cannot write {dest or repr(dest)}: {why}")
    assert len(err.splitlines()) == 1


def test_an_unwritable_folder_is_exit_2(news: Path) -> None:
    code, err = _scan("--json", "/proc/claimcheck-test/out.json")
    assert code == 2
    assert err.startswith("claimcheck: error: cannot write /proc/claimcheck-test/out.json: ")
    assert len(err.splitlines()) == 1


def test_a_device_is_written_in_place_and_a_full_one_is_exit_2(news: Path) -> None:
    code, err = _scan("--json", "/dev/full")
    assert code == 2
    assert err == "claimcheck: error: cannot write /dev/full: no space left on device\n"
    assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize("command", [["schema"], ["--version"], ["scan", "--help"]])
def test_stdout_to_a_full_device_is_exit_2_in_one_line(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(BIN), *command], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "claimcheck: error: cannot write standard output: no space left on device\n"
    )


@pytest.mark.parametrize("option", ["--against", "--baseline"])
def test_a_missing_against_or_baseline_path_is_exit_2(news: Path, option: str) -> None:
    code, err = _scan(option, "no/such/corpus")
    assert code == 2
    assert "no/such/corpus" in err and "no such file" in err


# -- the terminal report shows names as written ---------------------------------------------


def test_markup_in_names_is_shown_not_interpreted() -> None:
    report = Report(
        version="0",
        model="m[/]",
        summary=Summary(documents=1, skipped=1, claims=0, clusters=0, contradictions=0),
        documents=(Document(id="[/]", path="x[/]y.txt"),),
        skipped=(Skipped(path="[bold]z[/].txt", reason="empty file [/]"),),
    )
    out = io.StringIO()
    terminal.print_report(report, Console(file=out, width=200))
    assert "skipped [bold]z[/].txt: empty file [/]" in out.getvalue()
    assert "m[/]" in out.getvalue()


def test_markup_in_file_names_and_record_ids_scans(news: Path) -> None:
    odd = news / "x["
    odd.mkdir()
    (odd / "]y.txt").write_text("The [/] mayor said repairs had begun.\n")
    (news / "records.json").write_text(json.dumps({"id": "[/]", "text": "The mayor spoke."}))
    (news / "[bold]empty.txt").write_text("")
    code, err = _scan()
    assert (code, err) == (0, "")


# -- inputs that are valid but beyond what Python reads --------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, reasons.JSON_TOO_DEEP),
        ("digits.json", '{"text": "x", "n": ' + "7" * 5000 + "}", reasons.JSON_NUMBER_TOO_LONG),
        ("digits.jsonl", '{"text": "x", "n": ' + "7" * 5000 + "}\n", reasons.JSON_NUMBER_TOO_LONG),
    ],
)
def test_json_beyond_python_is_a_clear_skip(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    (tmp_path / name).write_text(content)
    articles, skipped = read_articles([str(tmp_path)])
    assert not articles
    assert [s.reason.removeprefix("line 1: ") for s in skipped] == [reason]


def test_a_lone_surrogate_in_a_record_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"id": "a\\ud800", "text": "The mayor \\udfff spoke."}')
    (article,), _ = read_articles([str(tmp_path)])
    assert (article.id, article.text) == ("a\ufffd", "The mayor \ufffd spoke.")


# -- no infinite figures ----------------------------------------------------------------------


def test_a_report_never_holds_a_non_finite_number() -> None:
    with pytest.raises(ValueError, match="finite"):
        Quantity(text="9" * 320, value=float("inf"), start=0, end=320)


# -- interruption, the cache and temporary files --------------------------------------------


def test_an_interrupted_scan_keeps_what_it_extracted(
    news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(articles: Sequence[Article], **_: object) -> Iterator[list[Claim]]:
        yield _claims(articles[0])
        yield _claims(articles[1])
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "extract_all", interrupted)
    options = pipeline.ScanOptions(cache_dir="cache")
    with pytest.raises(KeyboardInterrupt):
        pipeline.scan(["news"], options)
    assert len(list(Path("cache/claims").rglob("*.json"))) == 2
    seen: list[str] = []

    def rest(articles: Sequence[Article], **_: object) -> Iterator[list[Claim]]:
        seen.extend(a.id for a in articles)
        yield from (_claims(a) for a in articles)

    monkeypatch.setattr(runner, "extract_all", rest)
    assert pipeline.scan(["news"], options).summary.documents == 3
    assert seen == ["storm"]


@pytest.mark.model
def test_ctrl_c_prints_one_line_and_exits_130(tmp_path: Path) -> None:
    for i in range(400):
        text = f"The mayor said {i} homes were flooded on Monday, and repairs began.\n" * 20
        (tmp_path / f"a{i}.txt").write_text(text)
    scan = subprocess.Popen(
        [str(BIN), "scan", str(tmp_path), "--no-cache", "--jobs", "2", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C signals the whole foreground process group
    )
    time.sleep(8)  # past the imports and the model load, well before the end of the parse
    os.killpg(scan.pid, signal.SIGINT)
    out, err = scan.communicate(timeout=60)
    assert (scan.returncode, out, err) == (130, "", "claimcheck: interrupted\n")


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_output("x", str(tmp_path / "out.json"))
    finally:
        os.umask(old)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o640


def test_stale_temporary_files_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = tmp_path / f".out.json.{dead}.0123abcd.tmp"
    live = tmp_path / f".out.json.{os.getpid()}.0123abcd.tmp"
    old_style = tmp_path / ".out.json.ab12cd34"
    young_old_style = tmp_path / ".out.json.ef56gh78"
    other = tmp_path / f".other.json.{dead}.0123abcd.tmp"
    for path in (stale, live, old_style, young_old_style, other):
        path.write_text("partial")
    os.utime(old_style, (time.time() - 7200, time.time() - 7200))
    write_output("done", str(tmp_path / "out.json"))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([live.name, young_old_style.name, other.name, "out.json"])


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    def pieces() -> Iterator[str]:
        yield "half"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_output(pieces(), str(tmp_path / "out.json"))
    assert list(tmp_path.iterdir()) == []


def test_cache_entries_follow_the_umask(tmp_path: Path) -> None:
    store = cache.ClaimCache(tmp_path / "cache", model=nlp.resolve_model(None))
    article = Article(id="a", path="a.txt", text="The mayor spoke.")
    old = os.umask(0o022)
    try:
        store.put(article, _claims(article))
    finally:
        os.umask(old)
    (entry,) = (tmp_path / "cache" / "claims").rglob("*.json")
    assert entry.stat().st_mode & 0o777 == 0o644


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# -- the crashes found by fuzzing, on made-up sentences of the same shape ---------------------

CRASHERS = [
    "Two-fifths of voters backed the plan, the council said.",
    "Three tenths of the budget went to roads, the minister said.",
    "About two third of the town was flooded, officials said.",
    "Sales grew for two quarters in a row, the firm said.",
    "She wore a three quarter length coat to the hearing.",
    "A thirds of the crew left, the captain said.",
    "@ said the dam had failed.",
    "» said the dam had failed.",
    "「」 said the dam had failed.",
    "🙂 said the dam had failed.",
    "The canal was dug 1000000 days ago, historians said.",
    "The canal was dug 99999999999 weeks ago, historians said.",
    "The canal was dug 25769827777 months ago, historians said.",  # found by make fuzz
    "The canal was dug 2147485649 years ago, historians said.",  # found by make fuzz
    "The fund holds " + "9" * 320 + " dollars, the treasurer said.",
    "The fund holds " + "9" * 300 + " trillion dollars, the treasurer said.",
    "Between 2 and " + "9" * 320 + " homes were lost, the mayor said.",  # found by make fuzz
]


@pytest.mark.model
@pytest.mark.parametrize("sentence", CRASHERS)
def test_sentences_that_crashed_extraction_now_scan(sentence: str) -> None:
    from claimcheck.extract import extract_claims

    article = Article(id="a", path="a.txt", text=sentence, published="2024-03-05")
    claims = extract_claims(nlp.load(None)(sentence), article)
    speakers.unify(claims)
    for claim in claims:
        Claim.model_validate_json(claim.model_dump_json())  # finite, valid


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two-fifths of voters backed the plan.", [("Two-fifths", 40.0)]),
        ("Three tenths of the budget went to roads.", [("Three tenths", 30.0)]),
        ("About two third of the town was flooded.", [("About two third", 66.7)]),
        ("Two quarters of the land were sold.", [("Two quarters", 50.0)]),
        ("Sales grew for two quarters in a row.", [("two quarters", 2.0)]),  # a duration
        ("A quarter of the budget goes to defence.", [("A quarter", 25.0)]),
        ("The fund holds " + "9" * 320 + " dollars.", []),
        ("The fund holds 12 million dollars.", [("12 million dollars", 12_000_000.0)]),
    ],
)
def test_fractions_and_huge_figures(sentence: str, expected: list[tuple[str, float]]) -> None:
    from claimcheck.extract.quantities import find_quantities

    found = [(q.text, q.value) for q in find_quantities(nlp.load(None)(sentence))]
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "value", "reason"),
    [
        ("The canal was dug 1000000 days ago.", None, "no such day in the calendar"),
        ("The canal was dug 3 days ago.", "2024-03-02", None),
    ],
)
def test_days_ago_beyond_the_calendar(sentence: str, value: str | None, reason: str | None) -> None:
    import datetime as dt

    from claimcheck.extract.dates import find_dates

    (found,) = find_dates(nlp.load(None)(sentence), published=dt.date(2024, 3, 5))
    assert (found.value, found.reason) == (value, reason)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (Counter({"@": 1, "»": 2}), {"@": "»", "»": "»"}),  # one empty key, its commonest form
        (
            Counter({"Ana Ruiz": 2, "Ruiz": 1, "🙂": 1}),
            {"Ana Ruiz": "Ana Ruiz", "Ruiz": "Ana Ruiz", "🙂": "🙂"},
        ),
    ],
)
def test_speakers_that_normalise_to_nothing(names: Counter[str], expected: dict[str, str]) -> None:
    assert speakers.canonical_names(names) == expected


# -- bounded cost ---------------------------------------------------------------------------


@pytest.mark.model
def test_no_sentence_is_longer_than_the_limit() -> None:
    doc = nlp.load(None)(", and ".join(["the mayor said 12 homes flooded"] * 200))
    lengths = [len(sent) for sent in doc.sents]
    assert len(lengths) > 1
    assert max(lengths) <= nlp.MAX_SENTENCE_TOKENS
    assert all(sent[-1].text == "," for sent in list(doc.sents)[:-1])  # cut after a comma


@pytest.mark.model
def test_a_long_real_sentence_stays_one() -> None:
    doc = nlp.load(None)("The mayor said " + ", ".join(["12 homes flooded"] * 40) + ".")
    assert len(doc) > 120
    assert len(list(doc.sents)) == 1


@pytest.mark.model
def test_a_long_article_is_parsed_in_pieces_into_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraphs = [f"The mayor said {i} homes had flooded on Monday." for i in range(40)]
    text = "\n".join(paragraphs) + "\n" + "word " * 300
    monkeypatch.setattr(runner, "PIECE_CHARS", 500)
    assert all(len(piece) <= 500 for piece in runner._pieces(text))
    assert "".join(runner._pieces(text)) == text
    article = Article(id="long", path="long.txt", text=text)
    (doc,) = runner._parse(nlp.load(None), [article])
    whole = nlp.load(None)(text)
    assert not isinstance(doc, Skipped)
    assert [t.text for t in doc] == [t.text for t in whole]
    assert [s.text.strip() for s in doc.sents][:40] == paragraphs


@pytest.mark.parametrize(
    ("offsets", "start", "end", "expected"),
    [
        ([5, 1, 9, 3, 12], 3, 9, [5, 9, 3]),  # in the items' own order, both ends included
        ([5, 1, 9, 3, 12], 13, 20, []),
        ([4, 4, 4], 4, 4, [4, 4, 4]),
        ([], 0, 10, []),
    ],
)
def test_items_by_offset_match_a_full_scan(
    offsets: list[int], start: int, end: int, expected: list[int]
) -> None:
    from claimcheck.extract import _ByOffset

    index = _ByOffset(offsets, lambda n: n)
    assert index.between(start, end) == expected == [n for n in offsets if start <= n <= end]
