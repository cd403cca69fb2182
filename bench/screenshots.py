"""Take the README's screenshots of the seeds' HTML report again (docs/html-report*.png).

    python bench/screenshots.py

Scans seeds/ with --html into a temporary folder and photographs the page in Debian's headless
Chromium through selenium (`make browser` installs both; nothing is downloaded): the page at
1280 pixels, and the evidence of the first contradiction of the matrix opened by a click.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
WIDTH, HEIGHT = 1280, 1307


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.common.by import By

    work = Path(tempfile.mkdtemp(prefix="claimcheck-shots-"))
    page = work / "seeds.html"
    claimcheck = Path(sys.executable).parent / "claimcheck"
    scan = [str(claimcheck), "scan", "seeds/", "--html", str(page), "-q", "--exit-zero"]
    subprocess.run([*scan, "--no-cache", "--jobs", "1"], cwd=ROOT, check=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={work / 'profile'}", f"--window-size={WIDTH},{HEIGHT}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.set_window_size(WIDTH, HEIGHT)
        driver.get(page.as_uri())
        driver.save_screenshot(str(ROOT / "docs" / "html-report.png"))
        driver.find_elements(By.CSS_SELECTOR, ".matrix button[data-open]")[0].click()
        driver.save_screenshot(str(ROOT / "docs" / "html-report-evidence.png"))
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    print("wrote docs/html-report.png and docs/html-report-evidence.png")


if __name__ == "__main__":
    main()
