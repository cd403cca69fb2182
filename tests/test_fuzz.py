"""Property tests over generated news-like text: no exception escapes any stage.

Sentences are put together from pieces of news prose: figures in every written form, fractions,
ranges, dates, quotations, speakers that are names, pronouns, symbols or emoji, right-to-left
script and zero-width characters. They go through extraction on their own, and as articles
(text, Markdown, HTML, JSON) through the whole scan and every renderer. A few hundred
examples run in `make test`, deterministically; `make fuzz` runs 10,000 sentences and 5,000
sets of articles at random (CLAIMCHECK_FUZZ_EXAMPLES sets the first, half of it the second).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from claimcheck import baseline, nlp, pipeline
from claimcheck.cli import _claims_json
from claimcheck.errors import NoArticles
from claimcheck.extract import extract_claims, speakers
from claimcheck.report import github, markdown, sarif, terminal
from claimcheck.report import json as json_report
from claimcheck.schema import Article, Claim, Report

pytestmark = pytest.mark.model

EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 200,
    deadline=None,
    derandomize=not EXAMPLES,  # make test: the same examples on every run
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# The whole scan of a few articles costs some ten times one sentence's extraction.
ARTICLE_FUZZ = settings(FUZZ, max_examples=(EXAMPLES // 2) or 100)

# -- pieces of news prose (made up; general English) -------------------------------------------

NAMES = ["Ana Ruiz", "Tomas Berg", "the mayor", "officials", "a spokeswoman", "Dr. Li Wei", "he"]
ODD_SPEAKERS = ["@", "»", "「」", "🙂", "محمد علي", "דוד לוי", "O'Neil-Smith", "the", "…", "—"]
VERBS = ["said", "told reporters", "claimed", "denied", "warned", "added", "insisted"]
NOUNS = ["homes", "people", "soldiers", "shells", "voters", "jobs", "tonnes of grain", "flights"]
SCALES = ["", " thousand", " million", " billion", "m", "bn", " trillion"]
SPELLED = ["one", "two", "twenty-one", "a hundred", "one hundred and five", "a dozen", "dozens of"]
SPELLED += ["half a million", "hundreds of thousands of", "three thousand", "a million"]
NUMERATORS = ["a", "one", "two", "three", "A", "Two"]
DENOMINATORS = ["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth"]
DENOMINATORS += ["tenths"]
QUALIFIERS = ["", "about ", "nearly ", "just over ", "more than ", "at least ", "some ", "up to "]
MONTHS = ["January", "March", "May", "September", "December", "Sept.", "Feb"]
WEEKDAYS = ["Monday", "Friday", "Sunday"]
QUOTES = [("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("「", "」"), ("„", "“")]
NOISE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u200f", "\u202e", "\u2066", "\u00ad"]
NOISE += ["🙂", "🔥", "👍🏽", "§", "©", "°", "±", "→", "…", "‰", "½", "¾", "²", "\u0301", "ﬁ"]
NOISE += ["[/]", "[bold]", "%", "::", "|", "\\", "<b>", "&amp;", "*", "#", "`", "\t"]


def _grouped(n: int) -> str:
    return f"{n:,}"


digits = st.integers(min_value=0, max_value=10**13).map(str)
grouped = st.integers(min_value=1000, max_value=10**12).map(_grouped)
decimals = st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda f: f"{f:.2f}")
huge = st.integers(min_value=300, max_value=420).map(lambda n: "9" * n)
plain = st.one_of(digits, grouped, decimals, huge, st.sampled_from(["0", "007", "1.", "12,34"]))
scaled = st.builds(lambda n, s: n + s, plain, st.sampled_from(SCALES))
money = st.builds(
    lambda sym, n, code: f"{sym}{n}{code}",
    st.sampled_from(["$", "€", "£", "US$", "", "¥"]),
    scaled,
    st.sampled_from(["", " dollars", " euros", " USD", " rubles"]),
)
percent = st.builds(
    lambda n, p: n + p, plain, st.sampled_from(["%", " percent", " per cent", "pc"])
)
fraction = st.builds(
    lambda a, sep, b: f"{a}{sep}{b}",
    st.sampled_from(NUMERATORS),
    st.sampled_from([" ", "-"]),
    st.sampled_from(DENOMINATORS),
)
spelled = st.sampled_from(SPELLED)
number = st.one_of(plain, scaled, money, percent, fraction, spelled)
range_ = st.builds(
    lambda a, form, b: form.format(a, b),
    number,
    st.sampled_from(["between {} and {}", "{}-{}", "{} to {}", "from {} to {}", "{} or {}"]),
    number,
)
figure = st.builds(lambda q, n: q + n, st.sampled_from(QUALIFIERS), st.one_of(number, range_))
date = st.one_of(
    st.builds(
        lambda m, d, y: f"on {m} {d}, {y}",
        st.sampled_from(MONTHS),
        st.integers(0, 40),
        st.integers(1, 9999),
    ),
    st.builds(lambda d, m: f"on {d} {m}", st.integers(1, 31), st.sampled_from(MONTHS)),
    st.builds(lambda w: f"last {w}", st.sampled_from(WEEKDAYS)),
    st.builds(lambda w: f"on {w}", st.sampled_from(WEEKDAYS)),
    st.builds(
        lambda n, u: f"{n} {u} ago",
        st.one_of(st.integers(0, 10**12).map(str), st.sampled_from(["two", "a", "ten"])),
        st.sampled_from(["days", "weeks", "months", "years", "day"]),
    ),
    st.builds(
        lambda y, m, d: f"on {y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    st.sampled_from(["yesterday", "today", "tomorrow", "next month", "last year", "in May"]),
    st.sampled_from(["in the 1990s", "by March", "this week", "for two quarters in a row"]),
)
speaker = st.one_of(st.sampled_from(NAMES), st.sampled_from(ODD_SPEAKERS))
clause = st.builds(
    lambda f, noun, d: f"{f} {noun} {d}".strip(),
    figure,
    st.sampled_from(NOUNS),
    st.one_of(st.just(""), date),
)


def _said(s: str, verb: str, content: str, shape: int, quotes: tuple[str, str]) -> str:
    left, right = quotes
    shapes = [
        f"{s} {verb} {content}.",
        f"{s} {verb} that {content}.",
        f"{left}{content},{right} {s} {verb}.",
        f"According to {s}, {content}.",
        f"{left}{content}{right}",
        f"{content}",  # no verb and no full stop: not a claim sentence
    ]
    return shapes[shape % len(shapes)]


news_sentence = st.builds(
    _said,
    speaker,
    st.sampled_from(VERBS),
    clause,
    st.integers(0, 5),
    st.sampled_from(QUOTES),
)


@st.composite
def noisy(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """A sentence with symbols, emoji, right-to-left and zero-width characters put anywhere."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
    return text


sentence = st.one_of(
    noisy(news_sentence),
    news_sentence,
    st.text(min_size=1, max_size=80),  # anything at all
    st.lists(noisy(clause), min_size=1, max_size=30).map(", ".join),  # long, no full stop
)

# -- sentences through extraction ---------------------------------------------------------------


@FUZZ
@given(
    text=st.lists(sentence, min_size=1, max_size=4).map(" ".join),
    published=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
)
def test_extraction_never_raises(text: str, published: dt.date | None) -> None:
    article = Article(
        id="a", path="a.txt", text=text, published=published.isoformat() if published else None
    )
    claims = speakers.unify(extract_claims(nlp.load(None)(text), article))
    for claim in claims:
        Claim.model_validate_json(claim.model_dump_json())
        assert article.text[claim.start : claim.end] == claim.text
    assert len({claim.id for claim in claims}) == len(claims)  # the report contract


# -- articles through the whole scan and every renderer -----------------------------------------


def _html(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"


def _file(kind: int, title: str, paragraphs: list[str], published: str) -> tuple[str, str]:
    if kind == 0:
        return "txt", "\n\n".join([title, *paragraphs]) + "\n"
    if kind == 1:
        return "md", f"# {title}\n\n" + "\n\n".join(paragraphs)
    if kind == 2:
        return "html", _html(title, paragraphs)
    record = {"id": title[:20], "title": title, "date": published, "text": "\n".join(paragraphs)}
    return "json", json.dumps(record, ensure_ascii=kind % 2 == 0)


article_file = st.builds(
    _file,
    st.integers(0, 4),
    st.one_of(noisy(st.sampled_from(["Storm hits port", "Vote count", "Dam row"])), st.text()),
    st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5),
    st.one_of(st.dates().map(dt.date.isoformat), st.sampled_from(["", "yesterday", "2024-02-30"])),
)
REPORT_SCHEMA = jsonschema.Draft202012Validator(json_report.schema())


def _no_infinity(constant: str) -> Any:
    raise AssertionError(f"not JSON: {constant}")


@ARTICLE_FUZZ
@given(files=st.lists(article_file, min_size=1, max_size=3))
def test_a_scan_and_every_renderer_never_raise(files: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for i, (suffix, content) in enumerate(files):
            Path(folder, f"{i:02d}.{suffix}").write_text(content, encoding="utf-8")
        try:
            report = pipeline.scan([folder], pipeline.ScanOptions(jobs=1))
        except NoArticles:
            return  # nothing English enough to read: a clean exit 2
    assert not [s.reason for s in report.skipped if "internal error" in s.reason]
    assert len({claim.id for claim in report.claims}) == len(report.claims)
    _render_all(report)


def _render_all(report: Report) -> None:
    text = json_report.render(report)
    data = json.loads(text, parse_constant=_no_infinity)
    REPORT_SCHEMA.validate(data)
    assert Report.model_validate_json(text) == report
    json.loads(sarif.render(report), parse_constant=_no_infinity)
    json.loads(_claims_json(list(report.claims)), parse_constant=_no_infinity)
    markdown.render(report)
    github.render(report)
    baseline.render(baseline.from_report(report))
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None)
    terminal.print_report(report, console)
    terminal.print_report(report, console, quiet=True)
    terminal.print_claims(report.claims, report.skipped, console)
