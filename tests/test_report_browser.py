"""The HTML report in a real browser: Debian's chromium, driven by playwright.

The page must render its charts and tables, filter and sort them, and fetch nothing: every
request that is not the page itself is recorded and refused. The screenshot it saves is
docs/report.png (``CLAIMLINT_SCREENSHOT=docs/report.png`` writes it there).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, sync_playwright
from tests.conftest import ROOT

from claimlint.cli import main

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTICLES = 40


def _corpus(folder: Path) -> None:
    """40 generated articles, each front matter given its topic as `category`."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks/make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.make_corpus(folder, ARTICLES):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = f"---\ncategory: {path.parent.name}\n" + text[4:]
            path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("browser")
    library = work / "library"
    _corpus(library)
    shutil.copytree(ROOT / "examples", library / "examples")
    out = work / "report.html"
    cwd = Path.cwd()
    os.chdir(work)
    try:
        args = ["report", "library", "--html", str(out), "--today", "2026-11-22", "-q"]
        assert main([*args, "--no-cache", "--jobs", "1"]) == 0
    finally:
        os.chdir(cwd)
    return out


def _visible_rows(page: Page, table: str) -> int:
    return int(page.evaluate(
        f"Array.from(document.querySelectorAll('#{table} tbody tr')).filter(r => !r.hidden).length"
    ))  # fmt: skip


def test_the_report_renders_filters_and_sorts_in_chromium(page_file: Path) -> None:
    external: list[str] = []

    def guard(route: Route) -> None:
        url = route.request.url
        if url == page_file.as_uri():
            route.continue_()
        else:
            external.append(url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.route("**/*", guard)
            page.goto(page_file.as_uri())
            _check(page)
            shot = Path(os.environ.get("CLAIMLINT_SCREENSHOT", page_file.with_suffix(".png")))
            page.fill("#findings-filter", "cure")  # a view an editor would take
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    assert errors == []
    assert external == []  # nothing fetched: no font, script, style or image from anywhere


def _check(page: Page) -> None:
    # Four charts, each drawn with bars of real size.
    for chart in ("chart-rules", "chart-severity", "chart-scores", "chart-ages"):
        box = page.locator(f"#{chart}").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 20
        assert page.locator(f"#{chart} rect").count() > 0
    assert page.locator("#chart-severity rect").count() == 3
    assert page.locator("#chart-ages rect").count() == 6
    files = ARTICLES + 3
    assert _visible_rows(page, "files") == files
    assert page.locator("#files-count").inner_text() == f"{files} of {files} shown"
    findings = page.locator("#findings tbody tr").count()
    assert findings > ARTICLES
    # Each finding shows its line and flagged text.
    first = page.locator("#findings tbody tr").first.locator("td")
    assert first.nth(1).inner_text().isdigit() and first.nth(5).inner_text() != ""
    # Filtering changes the visible rows.
    page.fill("#files-filter", "turmeric")
    assert _visible_rows(page, "files") == 1
    assert page.locator("#files-count").inner_text() == f"1 of {files} shown"
    page.fill("#files-filter", "")
    assert _visible_rows(page, "files") == files
    page.select_option("#findings-severity", "info")
    info = _visible_rows(page, "findings")
    assert 0 < info < findings
    severities = page.evaluate(
        "Array.from(document.querySelectorAll('#findings tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.cells[3].textContent)"
    )
    assert set(severities) == {"info"}
    page.select_option("#findings-severity", "")
    # Sorting by score, lowest first.
    page.click("#files th:nth-child(2)")
    scores = page.evaluate(
        "Array.from(document.querySelectorAll('#files tbody tr')).map(r => +r.cells[1].textContent)"
    )
    assert scores == sorted(scores) and scores[0] < scores[-1]
    # The grouping by author and by category.
    assert page.locator("#by-author tbody tr").count() > 5
    assert page.locator("#by-category tbody tr").count() == 7  # six topics and "(none)"
