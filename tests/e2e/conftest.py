"""Fixtures for the end-to-end journeys: one Chromium per session, a fresh context per persona.

The network is closed: every context refuses requests to anything but the live server (and
the addresses a test serves itself with ``context.route``), and records what it refused.
"""

import importlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

# Serve on 127.0.0.1 rather than "localhost", so that nothing ever leaves the loopback address.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = os.environ.get("NEARER_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULTS_DIR = Path(settings.BASE_DIR) / "test-results"
SERIOUS = {"serious", "critical"}
AXE_OPTIONS = {"resultTypes": ["violations"]}  # as Axe.run passes them
TIMEOUT_MS = 10_000


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failure at teardown."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# The migrations that load content (the program, the crisis lines, the journal's prompts).
CONTENT_MIGRATIONS = [
    "nearer.program.migrations.0002_load_content",
    "nearer.safety.migrations.0002_default_crisis_resources",
    "nearer.journal.migrations.0002_more_prompts",
    "nearer.community.migrations.0002_default_groups",
]


@pytest.fixture(autouse=True)
def _migrated_content(transactional_db) -> None:
    """The live server needs a transactional database, which is emptied after each test, so
    load again what the data migrations load. Their loaders are idempotent (update_or_create).

    Django's serialized rollback would do this too, but on PostgreSQL its restore collides with
    the content types that an earlier transactional test's flush has re-created.
    """
    from django.apps import apps

    for name in CONTENT_MIGRATIONS:
        for operation in importlib.import_module(name).Migration.operations:
            operation.code(apps, None)


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in this
# thread while it lives, and async tests that the same worker runs later need it gone.
@pytest.fixture(scope="session", autouse=True)
def _safety_model_trained() -> None:
    """The served app trains the safety reader's model when it starts (``nearer/asgi.py``); the
    test server does not, so train it here, before a journey waits on its first autosave."""
    from nearer.safety import model

    model.trained()


@pytest.fixture(scope="module")
def playwright(django_db_setup) -> Iterator[Playwright]:
    with pytest.MonkeyPatch.context() as env, sync_playwright() as p:
        # Playwright's sync API runs an event loop in this thread; the ORM must still work here.
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make chromium` first.")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _closed_contexts(
    browser: Browser, request, origin: str, *, ws_origin: str = "", log: Callable[[], str] = str
) -> Iterator[Callable[..., BrowserContext]]:
    """Fresh browser contexts (one per persona) that reach only ``origin`` (and, when given,
    WebSockets on ``ws_origin``); at the end, screenshots of a failed test, then the checks:
    nothing left for elsewhere, and no forbidden or failing response."""
    contexts: list[BrowserContext] = []
    refused: list[str] = []
    troubles: list[str] = []  # forbidden or failing responses: never part of a happy journey

    # Only requests for elsewhere are routed here: Playwright matches this pattern itself, so
    # the live server's own pages and files go straight through rather than each waiting for
    # this process to answer (about a tenth of a second a page).
    elsewhere = re.compile(rf"^(?!{re.escape(origin + '/')}|data:|about:)")

    def guard(route) -> None:
        url = route.request.url
        if url.startswith((origin + "/", "data:", "about:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort("blockedbyclient")

    def refuse_socket(ws) -> None:
        refused.append(ws.url)
        ws.close()

    def make(**options) -> BrowserContext:
        context = browser.new_context(base_url=origin, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.route(elsewhere, guard)
        if ws_origin:
            context.route_web_socket(lambda url: not url.startswith(ws_origin + "/"), refuse_socket)
        context.on(
            "response",
            lambda r: (
                troubles.append(f"{r.status} {r.request.method} {r.url}")
                if r.status == 403 or r.status >= 500
                else None
            ),
        )
        contexts.append(context)
        return context

    yield make

    failed = any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    for n, context in enumerate(contexts):
        if failed:
            RESULTS_DIR.mkdir(exist_ok=True)
            for m, page in enumerate(context.pages):
                name = re.sub(r"[^\w.-]+", "_", f"{request.node.name}-{n}-{m}.png")
                try:
                    page.screenshot(path=RESULTS_DIR / name, full_page=True)
                except Exception as e:  # a closed or navigating page; the failure matters more
                    print(f"Could not take a screenshot of {page.url}: {e}")
        context.close()
    if failed and log():
        print(f"The server's log, last lines:\n{log()}")
    assert not refused, f"The browser tried to leave {origin}: {refused}"
    assert not troubles, f"The server refused or failed: {troubles}"


@pytest.fixture
def new_context(browser: Browser, live_server, request) -> Iterator[Callable[..., BrowserContext]]:
    """Make a fresh browser context (one per persona) that can reach only the live server."""
    yield from _closed_contexts(browser, request, live_server.url)


@pytest.fixture
def logged_in_page(new_context, live_server) -> Callable[..., Page]:
    """A page in a fresh context, already logged in as ``user`` (no form, no password hash)."""

    def make(user, **options) -> Page:
        client = Client()
        client.force_login(user)
        context = new_context(**options)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        return context.new_page()

    return make


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()  # axe-core ships inside the package and is injected into the page


@pytest.fixture
def assert_accessible(axe: Axe) -> Callable[[Page], None]:
    """Fail on any axe-core violation of impact "serious" or "critical" on the current page."""

    def check(page: Page) -> None:
        # What Axe.run does, less two costs: axe-core is loaded once per document (a later
        # check of the same document finds it there), and only the violations come back.
        if not page.evaluate("() => typeof window.axe?.run === 'function'"):
            page.evaluate(axe.axe_script)
        violations = page.evaluate(
            "(options) => axe.run(options).then((results) => results.violations)", AXE_OPTIONS
        )
        for v in violations:  # shown with -s, or beside a failure
            print(f"axe on {page.url}: {v['id']} ({v['impact']}), {len(v['nodes'])} element(s)")
        serious = [v for v in violations if v["impact"] in SERIOUS]
        if serious:
            lines = [f"Accessibility violations on {page.url}:"]
            for v in serious:
                lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
                for node in v["nodes"]:
                    lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html']}")
                    lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' ')}")
            pytest.fail("\n".join(lines), pytrace=False)

    return check


@pytest.fixture
def confirmation_link() -> Callable[[str], str]:
    """The email-confirmation link in the newest email sent to ``address``."""

    def find(address: str) -> str:
        sent = [m for m in mail.outbox if address in m.to]
        assert sent, f"No email was sent to {address}; outbox: {[m.to for m in mail.outbox]}"
        links = re.findall(r"https?://\S+/accounts/confirm-email/[^\s<>\"']+", sent[-1].body)
        assert len(links) == 1, f"Expected one confirmation link, found: {sent[-1].body}"
        return links[0]

    return find


# -- Neighbor Chat: pages and WebSockets from a real ASGI server ------------------------------
#
# Django's live_server speaks WSGI, which has no WebSockets, so chat journeys use uvicorn
# serving nearer.asgi in a process of its own (bench/chat_harness.py), on a database of the
# module's own, a copy of a migrated one (root conftest): a SQLite file in a temporary
# directory, or, when DATABASE_URL names a PostgreSQL server, a database made for the module
# and dropped after it. (Serving the ASGI app from a thread of this process would share the
# in-memory SQLite test database through its shared cache, but every request runs in a thread
# of its own there, and shared-cache connections fail at once with "database table is locked"
# rather than waiting their turn.)
# People and chats are made in that database by bench/chat_seed.py, logged in by cookie.


@pytest.fixture(scope="module")
def chat_site(tmp_path_factory, migrated_site_database):
    from bench.chat_harness import Site

    site = Site(tmp_path_factory.mktemp("chat-e2e"), **migrated_site_database)
    site.create_database()
    try:
        site.prepare(static=True)
        yield site
    finally:
        site.drop()


@pytest.fixture(scope="module")
def chat_server(chat_site):
    from bench.chat_harness import ServerProcess

    with ServerProcess(chat_site) as server:
        yield server


@pytest.fixture
def chat_context(browser: Browser, chat_server, request) -> Iterator[Callable[..., BrowserContext]]:
    """Like ``new_context``, for the chat server: a fresh browser context that can reach only
    that server (pages and its WebSockets), with the same closed network and checks."""
    yield from _closed_contexts(
        browser,
        request,
        chat_server.origin,
        ws_origin=chat_server.ws_origin,
        log=chat_server.log,
    )


@pytest.fixture
def chat_page(chat_context, chat_server) -> Callable[..., Page]:
    """A page on the chat server, logged in by the session key that bench/chat_seed.py made."""

    def make(session_key: str, **options) -> Page:
        context = chat_context(**options)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session_key,
                    "url": chat_server.origin,
                }
            ]
        )
        return context.new_page()

    return make
