"""The HTML report in a real browser: Debian's headless Chromium, driven through its
chromedriver by selenium (nothing is downloaded; `make browser` installs the two packages).

The seeds' page, written by `claimcheck scan seeds/ --html`: the matrix has the five outlets,
every contradiction of the JSON report is on the page and its evidence opens, by mouse and by
keyboard; the filters hide what they say; the page fits 390 and 1280 pixels and loads nothing.
A hand-built page: stories without findings are hidden until the reader ticks the toggle.
The page of tests/fixtures/mixed (three stories, four outlets): search, sort by confidence and
the outlet filter show what they say, and its screenshots are taken (bench/screenshots.py).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bench import screenshots
from claimcheck.cli import app
from claimcheck.report import html
from claimcheck.schema import Report

from ..conftest import SEEDS
from .test_html import HOSTILE_TITLE, hostile, two_stories

pytestmark = pytest.mark.model
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    for needed in (screenshots.CHROMIUM, screenshots.CHROMEDRIVER):
        if not needed.exists():
            pytest.skip(
                f"{needed} is missing: `make browser` installs Debian's chromium and "
                "chromium-driver (apt-get, as root)"
            )
    profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
    driver = screenshots.chromium(Path(profile), 1280, 900)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The seeds' page and JSON report, from one scan."""
    out = tmp_path_factory.mktemp("seeds-page")
    return scanned(SEEDS, out, "--cache-dir", str(out / "cache"))


def scanned(folder: Path, out: Path, *options: str) -> tuple[Path, dict[str, Any]]:
    """The page and JSON report one `claimcheck scan FOLDER --html --json` writes into `out`."""
    page, report = out / "page.html", out / "report.json"
    args = ["scan", str(folder), "--html", str(page), "--json", str(report), "-q", "--exit-zero"]
    result = runner.invoke(app, [*args, "--jobs", "1", *options])
    assert result.exit_code == 0, result.output
    return page, json.loads(report.read_text(encoding="utf-8"))


def load(browser: Any, scan: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    """The page of `scan` opened at 1280 pixels; its JSON report."""
    browser.set_window_size(1280, 900)
    browser.get(scan[0].as_uri())
    return scan[1]


def test_same_input_same_page(seeds: tuple[Path, dict[str, Any]]) -> None:
    """--format html prints the page --html wrote (a rescan, from the cache), and it is the
    page of the JSON report."""
    page, report = seeds
    cache = page.parent / "cache"
    args = ["scan", str(SEEDS), "--format", "html", "--exit-zero", "--cache-dir", str(cache)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout == page.read_text(encoding="utf-8")
    assert html.render(Report.model_validate(report)) == result.stdout


@pytest.fixture
def seeds_page(browser: Any, seeds: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return load(browser, seeds)


def opened(browser: Any) -> list[str]:
    return list(
        browser.execute_script(
            "return [...document.querySelectorAll('dialog[open]')].map(d => d.id)"
        )
    )


def visible(browser: Any, selector: str) -> int:
    found = browser.find_elements(By.CSS_SELECTOR, selector)
    return sum(1 for element in found if element.is_displayed())


def test_the_matrix_has_the_five_outlets(browser: Any, seeds_page: dict[str, Any]) -> None:
    names = [
        e.text.strip() for e in browser.find_elements(By.CSS_SELECTOR, ".matrix .outlet .name")
    ]
    assert names == [d["outlet"] or d["id"] for d in seeds_page["documents"]]
    assert len(names) == 5
    rows = browser.find_elements(By.CSS_SELECTOR, ".matrix tbody tr")
    assert len(rows) >= len(seeds_page["clusters"])
    for row in rows:
        assert len(row.find_elements(By.CSS_SELECTOR, "td.cell")) == 5


def test_every_contradiction_opens_its_evidence(browser: Any, seeds_page: dict[str, Any]) -> None:
    findings = seeds_page["contradictions"]
    assert findings
    for finding in findings:
        anchor = f"f-{finding['id']}"
        marks = browser.find_elements(By.CSS_SELECTOR, f'.matrix button[data-open="{anchor}"]')
        assert marks, f"{finding['id']} has no cell in the matrix"
        marks[0].click()
        assert opened(browser) == [anchor]
        dialog = browser.find_element(By.ID, anchor)
        text = dialog.text
        assert finding["explanation"] in text
        assert f"confidence {finding['confidence']:.2f}" in text
        for side in finding["values"]:
            assert f":{side['line']}:{side['column']}" in text
            assert side["value"] in text
        sides = dialog.find_elements(By.CSS_SELECTOR, ".side")
        assert len(sides) == len(finding["values"])
        dialog.find_element(By.CSS_SELECTOR, "button.close").click()
        assert opened(browser) == []


def test_the_differing_values_are_marked(browser: Any, seeds_page: dict[str, Any]) -> None:
    entity = next(f for f in seeds_page["contradictions"] if f["kind"] == "entity")
    browser.find_element(By.CSS_SELECTOR, f'.findings button[data-open="f-{entity["id"]}"]').click()
    marked = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "dialog[open] mark")]
    assert marked == [side["value"] for side in entity["values"]]


def test_evidence_opens_and_closes_by_keyboard(browser: Any, seeds_page: dict[str, Any]) -> None:
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(80):
        body.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        if "mark" in (active.get_attribute("class") or "").split():
            break
    else:
        pytest.fail("Tab never reached a contradiction in the matrix")
    anchor = active.get_attribute("data-open")
    active.send_keys(Keys.ENTER)
    assert opened(browser) == [anchor]
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert opened(browser) == []
    assert browser.switch_to.active_element.get_attribute("data-open") == anchor


def test_filters(browser: Any, seeds_page: dict[str, Any]) -> None:
    findings = seeds_page["contradictions"]
    assert visible(browser, ".findings li") == len(findings)
    browser.find_element(By.CSS_SELECTOR, 'input[name="across"]').click()
    assert visible(browser, ".findings li") == sum(f["scope"] == "across" for f in findings)
    browser.find_element(By.CSS_SELECTOR, 'input[name="across"]').click()
    slider = browser.find_element(By.CSS_SELECTOR, 'input[name="min"]')
    for _ in range(16):  # 0.80, by the arrow key
        slider.send_keys(Keys.ARROW_RIGHT)
    assert browser.find_element(By.ID, "min-value").text == "0.80"
    assert visible(browser, ".findings li") == sum(f["confidence"] >= 0.8 for f in findings)
    browser.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="dispute"]').click()
    expected = sum(f["confidence"] >= 0.8 and f["kind"] != "dispute" for f in findings)
    assert visible(browser, ".findings li") == expected
    kept = {f"f-{f['id']}" for f in findings if f["confidence"] >= 0.8 and f["kind"] != "dispute"}
    marks = browser.find_elements(By.CSS_SELECTOR, ".matrix button.mark")
    assert {m.get_attribute("data-open") for m in marks if m.is_displayed()} == kept
    # a cell whose every finding is filtered out says what it would say without them
    for cell in browser.find_elements(By.CSS_SELECTOR, "td.cell"):
        shown_here = [
            m for m in cell.find_elements(By.CSS_SELECTOR, "button.mark") if m.is_displayed()
        ]
        state = cell.get_attribute("data-state")
        assert state == ("contradicts" if shown_here else cell.get_attribute("data-fallback"))
    shown = browser.find_element(By.ID, "shown").text
    noun = "finding" if len(findings) == 1 else "findings"
    assert shown == f"{expected} of {len(findings)} {noun} shown"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_fits_the_width(
    browser: Any, seeds: tuple[Path, dict[str, Any]], width: int
) -> None:
    browser.set_window_size(width, 900)
    browser.get(seeds[0].as_uri())
    inner, scrolled = browser.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth]"
    )
    assert scrolled <= inner  # only the matrix scrolls sideways, inside its own box
    browser.find_element(By.CSS_SELECTOR, ".findings button").click()
    dialog = browser.find_element(By.CSS_SELECTOR, "dialog[open]")
    assert dialog.rect["width"] <= inner


def test_the_page_loads_nothing(browser: Any, seeds_page: dict[str, Any]) -> None:
    loaded = browser.execute_script("return performance.getEntriesByType('resource').length")
    assert loaded == 0


def test_a_hostile_article_runs_nothing(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(html.render(hostile()), encoding="utf-8")
    browser.get(page.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return window.pwned === undefined")
    headers = browser.find_elements(By.CSS_SELECTOR, ".matrix .outlet .title")
    assert [h.text for h in headers] == [HOSTILE_TITLE] * 3
    for row in browser.find_elements(By.CSS_SELECTOR, ".matrix tbody tr"):
        assert len(row.find_elements(By.CSS_SELECTOR, "td.cell")) == 3
    assert browser.find_elements(By.CSS_SELECTOR, "main a") == []
    browser.find_element(By.CSS_SELECTOR, ".matrix button.mark").click()
    assert (
        "<script>window.pwned = 3</script>"
        in browser.find_element(By.CSS_SELECTOR, "dialog[open]").text
    )


def test_stories_without_findings_show_on_request(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "two-stories.html"
    page.write_text(html.render(two_stories()), encoding="utf-8")
    browser.set_window_size(1280, 900)
    browser.get(page.as_uri())
    assert browser.find_element(By.ID, "story-1").is_displayed()
    assert not browser.find_element(By.ID, "story-2").is_displayed()
    assert visible(browser, ".toc li") == 1
    toggle = browser.find_element(By.CSS_SELECTOR, 'input[name="empty"]')
    assert toggle.is_displayed()
    assert "Show 1 story without findings" in browser.find_element(By.ID, "filters").text
    toggle.click()
    assert browser.find_element(By.ID, "story-2").is_displayed()
    assert visible(browser, ".toc li") == 2
    toggle.click()
    assert not browser.find_element(By.ID, "story-2").is_displayed()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The page and JSON report of tests/fixtures/mixed: a factory closing (three outlets,
    three findings), a bridge reopening (two outlets, one finding) and a library's new hours
    (two outlets that agree: no finding)."""
    return scanned(screenshots.MIXED, tmp_path_factory.mktemp("mixed-page"), "--no-cache")


@pytest.fixture
def mixed_page(browser: Any, mixed: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return load(browser, mixed)


def shown_findings(browser: Any) -> list[str]:
    """The finding each shown item of the findings lists opens, in page order."""
    return [
        str(li.get_attribute("data-finding"))
        for li in browser.find_elements(By.CSS_SELECTOR, ".findings li")
        if li.is_displayed()
    ]


def shown_stories(browser: Any) -> list[str]:
    return [
        s.find_element(By.TAG_NAME, "h2").text
        for s in browser.find_elements(By.CSS_SELECTOR, "section.story")
        if s.is_displayed()
    ]


# The stories' headings: each is named by the title of its first article.
BRIDGE = "Story 1: Penhallow crossing reopens next month"
GLASS = "Story 2: Dunmore bottle plant to shut"
LIBRARY = "Story 3: Saltash library extends its opening hours"


def findings_of(report: dict[str, Any], prefix: str) -> list[str]:
    """The anchors of the findings between documents whose ids start with `prefix`, in the
    report's order (highest confidence first)."""
    return [
        f"f-{f['id']}"
        for f in report["contradictions"]
        if f["values"][0]["doc_id"].startswith(prefix)
    ]


def test_the_mixed_folder_is_three_stories(browser: Any, mixed_page: dict[str, Any]) -> None:
    assert [s["doc_ids"] for s in mixed_page["stories"]] == [
        ["bridge-metro-wire", "bridge-valley-post"],
        ["glass-coast-star", "glass-river-news", "glass-valley-post"],
        ["library-coast-star", "library-metro-wire"],
    ]
    # stories in the order of their first document; the library's has no finding: hidden
    assert shown_stories(browser) == [BRIDGE, GLASS]
    assert shown_findings(browser) == findings_of(mixed_page, "bridge-") + findings_of(
        mixed_page, "glass-"
    )


def test_search_shows_what_says_the_words(browser: Any, mixed_page: dict[str, Any]) -> None:
    search = browser.find_element(By.CSS_SELECTOR, 'input[name="q"]')
    search.send_keys("Penhallow")
    assert shown_findings(browser) == findings_of(mixed_page, "bridge-")
    assert shown_stories(browser) == [BRIDGE]
    assert visible(browser, ".toc li") == 1
    total = len(mixed_page["contradictions"])
    assert browser.find_element(By.ID, "shown").text == f"1 of {total} findings shown"
    # every word must be there, in any case: the wording finding quotes 'difficult'
    search.clear()
    search.send_keys("DIFFICULT carrow")
    wording = [f"f-{f['id']}" for f in mixed_page["contradictions"] if f["kind"] == "wording"]
    assert shown_findings(browser) == wording
    marks = browser.find_elements(By.CSS_SELECTOR, ".matrix button.mark")
    assert {m.get_attribute("data-open") for m in marks if m.is_displayed()} == set(wording)
    # a statement no finding is about still shows when its own words are searched
    search.clear()
    search.send_keys("Rotterdam")
    assert shown_findings(browser) == []
    rows = [
        r for r in browser.find_elements(By.CSS_SELECTOR, ".matrix tbody tr") if r.is_displayed()
    ]
    assert rows and all("rotterdam" in r.text.lower() for r in rows)
    # the evidence window's own words (its Close button) are not the finding's: 'close' is
    # in the factory's sentences only
    search.clear()
    search.send_keys("close")
    assert shown_findings(browser)
    assert not set(shown_findings(browser)) & set(findings_of(mixed_page, "bridge-"))
    search.clear()
    search.send_keys("no such words anywhere")
    assert shown_stories(browser) == []
    assert browser.find_element(By.ID, "shown").text == f"0 of {total} findings shown"
    search.clear()
    search.send_keys(" ")
    assert len(shown_findings(browser)) == total


def confidences(browser: Any) -> list[list[float]]:
    """Per shown findings list, the confidences of its shown findings in page order."""
    return [
        [
            float(str(li.get_attribute("data-confidence")))
            for li in ol.find_elements(By.TAG_NAME, "li")
            if li.is_displayed()
        ]
        for ol in browser.find_elements(By.CSS_SELECTOR, "ol.findings")
        if ol.is_displayed()
    ]


def row_confidences(browser: Any, story: str) -> list[float]:
    """Per shown row of a story's matrix, the highest confidence of its shown findings (-1:
    none)."""
    found = []
    for row in browser.find_elements(By.CSS_SELECTOR, f"#{story} .matrix tbody tr"):
        if not row.is_displayed():
            continue
        marks = [m for m in row.find_elements(By.CSS_SELECTOR, "button.mark") if m.is_displayed()]
        found.append(
            max((float(str(m.get_attribute("data-confidence"))) for m in marks), default=-1)
        )
    return found


def by_confidence(rows: list[float], *, highest_first: bool) -> bool:
    """Rows with a finding sorted by confidence, and after them those without one."""
    found = [c for c in rows if c >= 0]
    return found == sorted(found, reverse=highest_first) and rows == found + [-1] * (
        len(rows) - len(found)
    )


def test_sort_by_confidence(browser: Any, mixed_page: dict[str, Any]) -> None:
    glass = "story-2"
    page_order, page_rows = confidences(browser), row_confidences(browser, glass)
    assert [len(c) for c in page_order] == [1, 3]
    assert len([c for c in page_rows if c >= 0]) >= 2
    assert not by_confidence(page_rows, highest_first=False)
    sort = Select(browser.find_element(By.CSS_SELECTOR, 'select[name="sort"]'))
    sort.select_by_value("low")
    assert confidences(browser) == [sorted(c) for c in page_order]
    assert by_confidence(row_confidences(browser, glass), highest_first=False)
    sort.select_by_value("high")
    assert confidences(browser) == [sorted(c, reverse=True) for c in page_order]
    assert by_confidence(row_confidences(browser, glass), highest_first=True)
    # with a filter on, a row sorts by the findings it still shows
    browser.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="date"]').click()
    rows = row_confidences(browser, glass)
    assert by_confidence(rows, highest_first=True) and rows != page_rows
    browser.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="date"]').click()
    sort.select_by_value("page")
    assert confidences(browser) == page_order
    assert row_confidences(browser, glass) == page_rows


def test_outlet_filter(browser: Any, mixed_page: dict[str, Any]) -> None:
    outlet = Select(browser.find_element(By.CSS_SELECTOR, 'select[name="outlet"]'))
    names = [o.text for o in outlet.options]
    assert names == ["all outlets", "Coast Star", "Metro Wire", "River News", "Valley Post"]
    outlets = {d["id"]: d["outlet"] for d in mixed_page["documents"]}

    def involving(name: str) -> set[str]:
        return {
            f"f-{f['id']}"
            for f in mixed_page["contradictions"]
            if name in {outlets[v["doc_id"]] for v in f["values"]}
        }

    outlet.select_by_visible_text("River News")
    assert set(shown_findings(browser)) == involving("River News") and involving("River News")
    assert shown_stories(browser) == [GLASS]
    assert visible(browser, ".toc li") == 1
    outlet.select_by_visible_text("Metro Wire")
    assert set(shown_findings(browser)) == involving("Metro Wire")
    assert shown_stories(browser) == [BRIDGE]  # the library has no finding: still hidden
    browser.find_element(By.CSS_SELECTOR, 'input[name="empty"]').click()
    assert shown_stories(browser) == [BRIDGE, LIBRARY]  # Metro Wire reports it too
    outlet.select_by_visible_text("River News")
    assert shown_stories(browser) == [GLASS]
    outlet.select_by_visible_text("all outlets")
    assert shown_stories(browser) == [BRIDGE, GLASS, LIBRARY]
    assert len(shown_findings(browser)) == len(mixed_page["contradictions"])


def test_screenshots(browser: Any, mixed: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """bench/screenshots.py's pictures (`make screenshots` puts them in docs/img), here in a
    temporary folder: PNGs of the page's width."""
    paths = screenshots.photograph(browser, mixed[0], tmp_path / "img")
    assert [p.name for p in paths] == list(screenshots.SHOTS)
    for path in paths:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width == screenshots.WIDTH
    searched = browser.find_element(By.CSS_SELECTOR, 'input[name="q"]')
    assert searched.get_attribute("value") == ""  # the last picture is of the page reloaded
    assert opened(browser)
