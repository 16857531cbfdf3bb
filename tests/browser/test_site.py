"""The rendered site in a real browser (Chromium via Playwright, see chromium.py), opened from file:// as a reader
would open a downloaded copy: no failed request, specific titles, alt text, no sideways scrolling on a phone,
code folded away, search offline, and one click from a figure to its highlighted sentence."""

import html
import json
import re
import stat
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from chromium import chromium  # noqa: F401 (the fixture)
from sitecopy import build_site_copy
from twokoreas import paths

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = paths.ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PLACEHOLDER_ALT = re.compile(r"^(|image|figure|png|no description has been provided for this image|.*\.png)$", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """site/ rendered in a copy of the project (see sitecopy.py)."""
    return build_site_copy(tmp_path_factory.mktemp("site-project"))


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=FLAGS, timeout=60_000)
        yield launched
        launched.close()


def pages(site):
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def open_page(browser, path, viewport=DESKTOP, fragment="", **context):
    """A loaded page and the list that collects its failed requests and console errors."""
    page = browser.new_context(viewport=viewport, **context).new_page()
    failures = []
    page.on("requestfailed", lambda request: failures.append(f"{request.url}: {request.failure}"))
    page.on("console", lambda message: message.type == "error" and failures.append(message.text))
    page.goto(path.as_uri() + fragment, timeout=30_000)
    page.wait_for_load_state("load")
    return page, failures


def test_files_are_publishable(site):
    modes = {p.relative_to(site): stat.S_IMODE(p.stat().st_mode) for p in [site, *site.rglob("*")]}
    wrong = {str(p): oct(m) for p, m in modes.items() if m != (0o755 if (site / p).is_dir() else 0o644)}
    assert not wrong, wrong


def test_every_page_loads_offline_with_a_specific_title_alt_text_and_no_sideways_scroll(site, browser):
    titles = {}
    for viewport in (DESKTOP, PHONE):
        page = browser.new_context(viewport=viewport).new_page()
        failures = []
        page.on("requestfailed", lambda request: failures.append(f"{request.url}: {request.failure}"))
        page.on("console", lambda message: message.type == "error" and failures.append(message.text))
        for path in pages(site):
            name = path.relative_to(site)
            page.goto(path.as_uri(), timeout=30_000)
            page.wait_for_load_state("load")
            assert not failures, (name, failures)
            images = page.eval_on_selector_all(
                "img", "imgs => imgs.map(i => [i.getAttribute('src'), i.getAttribute('alt') || ''])"
            )
            assert not [src for src, alt in images if PLACEHOLDER_ALT.match(alt.strip())], (name, images)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], (name, viewport, width)
            titles[str(name)] = page.title()
        page.context.close()
    generic = {n: t for n, t in titles.items() if t.split(" — ")[0].strip().lower() in ("", "notebook", "untitled")}
    assert not generic, generic
    assert len(set(titles.values())) == len(titles), titles
    assert titles["02_aid.html"].startswith("02 · South Korea")


def test_every_image_loads(site, browser):
    page = browser.new_context(viewport=DESKTOP).new_page()
    failures = []
    page.on("requestfailed", lambda request: failures.append(f"{request.url}: {request.failure}"))
    for path in pages(site):
        page.goto(path.as_uri(), timeout=30_000)
        page.wait_for_function("[...document.images].every(i => i.complete)")
        widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.getAttribute('src'), i.naturalWidth])")
        assert all(w for _, w in widths), (path.name, widths)
    assert not failures, failures
    page.context.close()


def _allowed_off_site():
    """The only places the site may link to outside itself: the repository (CITATION.cff's ``repository-code``)
    and the two launchers its buttons open (Binder, Colab)."""
    from twokoreas.site.credits import citation

    repository = urlparse(citation().get("repository-code", ""))
    return {(repository.netloc, repository.path.rstrip("/"))} | {
        ("mybinder.org", None),
        ("colab.research.google.com", None),
    }


def test_every_link_and_anchor_resolves(site):
    allowed = _allowed_off_site()
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', text):
            parsed = urlparse(href.replace("&amp;", "&"))
            if parsed.scheme == "https" and any(
                parsed.netloc == host and (root is None or parsed.path.startswith(root)) for host, root in allowed
            ):
                continue  # the repository and launch buttons
            assert parsed.scheme in ("", "file"), f"{path.name} links off the site: {href}"
            target = (path.parent / unquote(parsed.path)).resolve() if parsed.path else path
            assert target.exists(), f"{path.name}: broken link {href}"
            if parsed.fragment and target.suffix == ".html":
                assert f'id="{parsed.fragment}"' in target.read_text(encoding="utf-8"), f"{path.name}: {href}"


def test_every_claim_and_event_has_its_anchor_and_money_is_never_maths(site):
    from twokoreas.site.article import quotations
    from twokoreas.site.data import load_site_data

    data = load_site_data()
    pages_text = {a: (site / "articles" / f"{a}.html").read_text(encoding="utf-8") for a in data.articles.article_id}
    missing = [
        c.claim_id
        for c in data.claims.itertuples()
        if not re.search(f'<mark [^>]*class="tk-claim" id="claim-{c.claim_id}"', pages_text[c.article_id])
    ]
    missing += [
        e.event_id for e in data.events.itertuples() if f'id="event-{e.event_id}"' not in pages_text[e.article_id]
    ]
    assert not missing, missing
    for article in data.articles.itertuples():  # every other number in the quotations shown is marked too
        spans = [
            (r.start, r.end)
            for t in (data.claims, data.events)
            for r in t[t.article_id == article.article_id].itertuples()
        ]
        shown = quotations(article.text, spans)
        numbers = [
            n
            for n in data.not_quantities[data.not_quantities.article_id == article.article_id].itertuples()
            if any(a <= n.start < b for a, b in shown)
        ]
        assert pages_text[article.article_id].count('class="tk-number"') >= len(numbers), article.article_id
    for path in pages(site):
        assert not re.search(r"<script[^>]*mathjax|MathJax\.", path.read_text(encoding="utf-8"), re.I), path.name
    assert "$40 million" in (site / "02_aid.html").read_text(encoding="utf-8")


def test_search_for_gallup_finds_the_opinion_page_offline(site, browser):
    page, failures = open_page(browser, site / "search.html", fragment="?q=Gallup")
    page.wait_for_selector("#search-results li a", timeout=15_000)
    found = page.eval_on_selector_all("#search-results li a", "as => as.map(a => a.getAttribute('href'))")
    assert any("06_opinion_constraints" in href for href in found), found
    assert not failures, failures
    page.context.close()


def test_no_code_is_visible_until_the_toggle_is_used(site, browser):
    page = browser.new_context(viewport=DESKTOP).new_page()
    for path in sorted(site.glob("[0-9][0-9]_*.html")):
        page.goto(path.as_uri(), timeout=30_000)
        shown = page.evaluate(
            "[...document.querySelectorAll('.cell_input, div.highlight pre')].map(e => e.checkVisibility())"
        )
        assert shown and not any(shown), (path.name, shown)
        assert page.locator("text=Traceback (most recent call last)").count() == 0, path.name
    page.goto((site / "02_aid.html").as_uri())
    code = page.locator(".cell_input").first
    page.locator("details.hide.above-input summary").first.click()
    assert code.is_visible() and "import" in code.inner_text()
    page.context.close()


def _follow(browser, path, selector, viewport, shot):
    page, failures = open_page(browser, path, viewport)
    link = page.locator(selector).first
    href = link.get_attribute("href")
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_load_state("load")
    anchor = urlparse(href).fragment
    assert page.evaluate("location.hash") == f"#{anchor}"
    landed = page.locator(f"[id='{anchor}']")
    box = landed.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + min(box["height"], 40) <= viewport["height"], (href, box)
    outline = landed.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid", (href, outline)  # the :target highlight
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot))
    assert not failures, failures
    page.context.close()
    return href


def test_a_claim_in_a_sources_table_is_one_click_from_its_highlighted_span(site, browser):
    selector = "table:has(th:text-is('quote')) a.tk-ref[href*='#claim-001-11']"
    href = _follow(browser, site / "02_aid.html", selector, DESKTOP, "site-landed-claim-desktop.png")
    assert href == "articles/001_0cad51775cc05eaf.html#claim-001-11"
    _follow(browser, site / "02_aid.html", selector, PHONE, "site-landed-claim-phone.png")


def test_a_bold_figure_in_the_prose_of_every_notebook_page_lands_on_its_highlighted_span(site, browser):
    """On each notebook page whose prose states figures, every bold figure the kit recorded is a link, and
    clicking the first lands on that claim's highlighted span (its anchor in view and outlined)."""
    from twokoreas.site.data import load_site_data
    from twokoreas.site.notebooks import cited

    data = load_site_data()
    clicked = 0
    for notebook in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        cites = [c for cell in cells for o in cell.get("outputs", []) for c in cited(o)]
        if not cites:
            continue
        page_path = site / f"{notebook.stem}.html"
        links = re.findall(r'<a class="tk-ref tk-prose" href="([^"]+)">', page_path.read_text(encoding="utf-8"))
        assert links == [data.claim_href(c["id"]) for c in cites], notebook.name
        href = _follow(browser, page_path, "a.tk-prose", DESKTOP, f"site-landed-prose-{notebook.stem[:2]}.png")
        assert href == data.claim_href(cites[0]["id"])
        clicked += 1
    assert clicked >= 8  # 01 to 08 state figures in their prose


def test_the_public_site_carries_no_whole_text(site):
    from twokoreas.site.data import load_site_data

    data = load_site_data()
    assert not list((site / "articles").glob("*.txt"))
    for article in data.articles.itertuples():
        page = (site / "articles" / f"{article.article_id}.html").read_text(encoding="utf-8")
        shown = re.sub(r"<[^>]+>", "", page.split('class="tk-article', 1)[1].split("</section>", 1)[0])
        lines = [line for line in article.text.splitlines() if len(line) > 80]
        whole = [line for line in lines if html.escape(line, quote=False) in shown]
        assert len(whole) < len(lines) / 2, article.article_id
    assert "Copyright ©" not in (site / "articles" / "003_794bae8fa32d3f3f.html").read_text(encoding="utf-8")


def test_a_chart_lists_the_claims_and_events_it_draws_each_one_click_from_its_span(site, browser):
    _follow(
        browser,
        site / "04_troops.html",
        "figure[id^='fig-'] figcaption a.tk-ref[href*='#claim-']",
        DESKTOP,
        "site-landed-from-chart.png",
    )
    _follow(
        browser,
        site / "09_stances_over_time.html",
        "figure[id^='fig-'] figcaption a.tk-ref[href*='#event-']",
        DESKTOP,
        "site-landed-event.png",
    )


def test_claims_show_value_qualifier_and_theme_on_focus(site, browser):
    page, _ = open_page(browser, site / "articles" / "001_0cad51775cc05eaf.html")
    claim = page.locator("#claim-001-11")
    tip = page.locator("#tip-claim-001-11")
    assert not tip.is_visible()
    claim.focus()
    assert tip.is_visible()
    assert "$100,000,000 (approximately)" in tip.inner_text() and "theme: aid" in tip.inner_text()
    assert "nan" not in page.locator(".tk-article").inner_text().split()
    assert page.locator(".tk-number").count() > 0 and page.locator(".tk-boilerplate").count() > 0
    page.context.close()


def test_dark_mode_follows_the_system_and_each_notebook_can_be_downloaded(site, browser):
    page, _ = open_page(browser, site / "02_aid.html", color_scheme="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    downloads = page.eval_on_selector_all("a[href$='.ipynb']", "as => as.map(a => a.getAttribute('href'))")
    assert "_sources/02_aid.ipynb" in downloads, downloads
    downloaded = nbformat.read(site / "_sources" / "02_aid.ipynb", as_version=4)  # the public copy: same cells,
    original = nbformat.read(paths.NOTEBOOKS / "02_aid.ipynb", as_version=4)  # quotes short (test_site_quoting)
    assert [c.source for c in downloaded.cells] == [c.source for c in original.cells]
    page.context.close()


def test_screenshots_at_desktop_and_phone_width(site, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ("index.html", "02_aid.html", "04_troops.html", "figures.html", "articles/001_0cad51775cc05eaf.html"):
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page, failures = open_page(browser, site / name, viewport)
            sizes = page.evaluate(
                "[...document.querySelectorAll('figure img')].filter(i => !i.closest('.tk-gallery'))"
                ".map(i => i.getBoundingClientRect().width / i.naturalWidth)"
            )
            assert all(s >= 0.5 for s in sizes), (name, label, sizes)  # chart text of 6.5 pt at 200 dpi: >= 9 px
            page.screenshot(path=str(ARTIFACTS / f"site-{Path(name).stem}-{label}.png"))
            assert not failures
            page.context.close()
