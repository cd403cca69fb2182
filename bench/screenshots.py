"""Take the docs' screenshots of the HTML report again (docs/img/html-report*.png): `make
screenshots`, or

    python bench/screenshots.py [--out DIR]

Scans tests/fixtures/mixed (seven short articles of the project's own, three stories, four
outlets) with --html into a temporary folder and photographs the page in Debian's headless
Chromium through selenium (`make browser` installs both; nothing is downloaded): the page, the
page searched, and the evidence of the story's first finding opened by a click.
tests/report/test_html_browser.py takes the same pictures into a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "tests" / "fixtures" / "mixed"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Flags that keep a headless Chromium off the network and out of the user's profile (the
# browser test uses the same).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
WIDTH, HEIGHT = 1280, 1100
# What the searched picture types into the page's search box.
SEARCH = "jobs"
SHOTS = ("html-report.png", "html-report-search.png", "html-report-evidence.png")


def chromium(profile: Path, width: int = WIDTH, height: int = HEIGHT) -> Any:
    """A headless Chromium driven by its chromedriver, its profile in `profile`."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    return driver


def scan_to_page(folder: Path, page: Path) -> None:
    """`claimcheck scan FOLDER --html PAGE`, as a user runs it."""
    scan = [sys.executable, "-m", "claimcheck", "scan", str(folder), "--html", str(page)]
    subprocess.run([*scan, "-q", "--exit-zero", "--no-cache", "--jobs", "1"], cwd=ROOT, check=True)


def photograph(driver: Any, page: Path, out: Path) -> list[Path]:
    """The pictures of SHOTS of `page`, written into `out`: as it opens, with SEARCH typed in
    its search box, and with the evidence of its first finding open."""
    from selenium.webdriver.common.by import By

    out.mkdir(parents=True, exist_ok=True)
    paths = [out / name for name in SHOTS]
    driver.set_window_size(WIDTH, HEIGHT)
    driver.get(page.as_uri())
    driver.save_screenshot(str(paths[0]))
    search = driver.find_element(By.CSS_SELECTOR, 'input[name="q"]')
    search.send_keys(SEARCH)
    driver.save_screenshot(str(paths[1]))
    driver.get(page.as_uri())
    driver.find_elements(By.CSS_SELECTOR, ".matrix button[data-open]")[0].click()
    driver.save_screenshot(str(paths[2]))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimcheck-shots-"))
    try:
        page = work / "mixed.html"
        scan_to_page(MIXED, page)
        driver = chromium(work / "profile")
        try:
            paths = photograph(driver, page, args.out)
        finally:
            driver.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        "wrote "
        + ", ".join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p) for p in paths)
    )


if __name__ == "__main__":
    main()
