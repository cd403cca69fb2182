"""The HTML report in a real browser: Debian's headless Chromium, driven through its
chromedriver by selenium (nothing is downloaded; `make browser` installs the two packages).

The seeds' page, written by `claimcheck scan seeds/ --html`: the matrix has the five outlets,
every contradiction of the JSON report is on the page and its evidence opens, by mouse and by
keyboard; the filters hide what they say; the page fits 390 and 1280 pixels and loads nothing.
A hand-built page: stories without findings are hidden until the reader ticks the toggle.
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

from bench.screenshots import FLAGS
from claimcheck.cli import app
from claimcheck.report import html
from claimcheck.schema import Report

from ..conftest import SEEDS
from .test_html import HOSTILE_TITLE, hostile, two_stories

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.model
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    for needed in (CHROMIUM, CHROMEDRIVER):
        if not needed.exists():
            pytest.skip(
                f"{needed} is missing: `make browser` installs Debian's chromium and "
                "chromium-driver (apt-get, as root)"
            )
    profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The seeds' page and JSON report, from one scan."""
    out = tmp_path_factory.mktemp("seeds-page")
    page, report = out / "seeds.html", out / "seeds.json"
    common = ["--exit-zero", "--jobs", "1", "--cache-dir", str(out / "cache")]
    args = ["scan", str(SEEDS), "--html", str(page), "--json", str(report), "-q", *common]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return page, json.loads(report.read_text(encoding="utf-8"))


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
    browser.set_window_size(1280, 900)
    browser.get(seeds[0].as_uri())
    return seeds[1]


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
