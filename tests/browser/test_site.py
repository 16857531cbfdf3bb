"""The rendered site in a real browser (Chromium via Playwright, see chromium.py): images load, links resolve, no errors."""

import subprocess
import sys
from urllib.parse import unquote, urlparse

import pytest

from chromium import chromium  # noqa: F401 (the fixture)
from twokoreas import paths

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = paths.ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def site():
    """site/ rendered from the committed notebooks and figures (without executing them)."""
    result = subprocess.run([sys.executable, "-m", "twokoreas", "site"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return paths.SITE


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=FLAGS, timeout=60_000)
        yield launched
        launched.close()


def local_target(page_path, href):
    """The file a relative link points at, or None for an in-page anchor."""
    parsed = urlparse(href)
    if parsed.scheme in ("http", "https"):
        raise AssertionError(f"{page_path.name} links off the site: {href}")
    if not parsed.path:
        return None
    return (page_path.parent / unquote(parsed.path)).resolve()


def test_index_images_links_and_screenshot(site, browser):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    index = site / "index.html"
    page.goto(index.as_uri(), timeout=30_000)
    page.wait_for_load_state("load")
    widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.getAttribute('src'), i.naturalWidth])")
    assert widths and all(w > 0 for _, w in widths), widths
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert any(h.endswith(".html") for h in hrefs)
    for href in hrefs:
        target = local_target(index, href)
        assert target is None or target.exists(), f"broken link {href}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-index.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "site-index-phone.png"), full_page=False)
    page.close()


def test_notebook_pages_show_no_errors_and_load_every_image(site, browser):
    pages = sorted(site.glob("[0-9][0-9]_*.html"))
    assert pages
    for path in pages:
        page = browser.new_page()
        page.goto(path.as_uri(), timeout=30_000)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        assert page.locator("text=Traceback (most recent call last)").count() == 0, path.name
        widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
        assert all(w > 0 for w in widths), (path.name, widths)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"site-{path.stem}.png"))
        page.close()
