"""The dashboard in a real browser: Playwright for Python driving Debian's /usr/bin/chromium headless
(never `playwright install`), against `detente serve`'s app on 127.0.0.1 (uvicorn in a thread).
Screenshots go to test-output/."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

from detente.web import create_app
from detente.web.sample import build_sample_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUT = Path(__file__).resolve().parents[1] / "test-output"
TIMEOUT_MS = 10_000

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install chromium")]


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    import uvicorn

    path = build_sample_store(tmp_path_factory.mktemp("web-browser") / "sample.duckdb", coder)
    app = create_app(path, coder=coder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    ready = False
    while time.monotonic() < deadline and thread.is_alive():
        try:
            ready = httpx.get(f"{base}/api/health", timeout=1).status_code == 200
        except httpx.HTTPError:
            ready = False
        if ready:
            break
        time.sleep(0.05)
    assert ready, "the server did not become ready within 20 s"
    yield base
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.db.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    page = ctx.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    yield page
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not outside, f"requests beyond the server: {outside}"


def shot(page, name):
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_overview_then_dyad_then_article(tab):
    tab.goto("/")
    tab.wait_for_selector("#volume-chart[data-drawn=true] svg rect.bar")
    assert tab.locator("#volume-chart svg rect.bar").count() > 20
    assert tab.locator("#top-volume tbody tr").count() == 10
    assert tab.locator("#top-shifts span.shift.escalation").count() >= 1
    shot(tab, "overview-volume-chart-top-dyads-recent-shifts.png")

    tab.locator('#top-volume a[href="/dyad/CHN/IND"]').click()
    tab.wait_for_url("**/dyad/CHN/IND")
    chart = tab.locator("#dyad-chart[data-drawn=true] svg")
    chart.wait_for()
    assert chart.locator("rect.bar").count() > 10
    for q in (1, 2, 3, 4):
        assert chart.locator(f"rect.bar.q{q}").count() > 0, q
    assert chart.locator("path.goldstein").count() == 1
    assert chart.locator("line.shift.escalation").count() >= 1
    assert "escalation" in chart.locator("text.shift-label").first.text_content()
    box = chart.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 150
    assert tab.locator("table.events tr.event-row").count() == 50
    shot(tab, "dyad-CHN-IND-by-week-quad-bars-goldstein-line-escalation-marked.png")

    # filters: QuadClass 4 only
    tab.select_option('select[name="quad_class"]', "4")
    tab.click('form.filters button[type="submit"]')
    tab.wait_for_url("**quad_class=4**")
    quads = tab.locator("table.events tr.event-row .quad").all_text_contents()
    assert quads and set(quads) == {"material conflict"}

    tab.goto("/dyad/CHN/IND")
    tab.locator("tr.event-row", has_text="Chinese and Indian diplomats").locator("a.article-link").click()
    tab.wait_for_url("**/article/**")
    trigger = tab.locator("#article-text mark.hl.trigger", has_text="met")
    trigger.wait_for()
    assert trigger.is_visible()
    colour = trigger.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert tab.locator("#article-text mark.hl.source").count() >= 3
    assert tab.locator("#article-text mark.hl.target").count() >= 3
    card = tab.locator(".card:target")                 # the link's #m<mention> anchor
    assert "040" in card.text_content() and "lexicon entry" in card.text_content()
    assert tab.locator(".card").count() >= 5
    shot(tab, "article-tariffs-talks-evidence-highlighted-event-cards-with-why.png")


def test_code_a_text(tab):
    tab.goto("/code")
    tab.fill("#code-text", "The U.S. recently levied tariffs on China, Canada, and Mexico.")
    tab.fill("#code-date", "2025-02-04")
    tab.click("#code-submit")
    tab.wait_for_selector("#coded-text mark.hl.trigger")
    assert tab.locator("#coded-text mark.hl.trigger").first.text_content() == "levied"
    targets = tab.locator("#coded-text mark.hl.target").all_text_contents()
    assert targets == ["China", "Canada", "Mexico"]
    assert tab.locator(".card").count() == 3
    assert "163" in tab.locator(".card").first.text_content()
    assert tab.input_value("#code-text").startswith("The U.S.")   # the text stays for editing
    shot(tab, "code-a-text-tariffs-three-events-highlighted.png")


def test_network_draws_nodes_and_coloured_edges(tab):
    tab.goto("/network")
    svg = tab.locator("#network-chart[data-drawn=true] svg")
    svg.wait_for()
    assert svg.locator("circle.node").count() >= 10
    edges = svg.locator("line.edge")
    assert edges.count() >= 10
    colours = {edges.nth(i).get_attribute("stroke") for i in range(edges.count())}
    assert len(colours) > 3                                     # coloured by mean Goldstein
    widths = {edges.nth(i).get_attribute("stroke-width") for i in range(edges.count())}
    assert len(widths) > 1                                      # sized by volume
    shot(tab, "network-dyads-coloured-by-goldstein.png")
