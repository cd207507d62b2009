"""Screenshots of the web pages for ``docs/screens/``: the demo case, in Dutch, 1440×900.

    .venv/bin/python scripts/web_screenshots.py [--out docs/screens]

Seeds the demo case and its users into a throw-away SQLite store, serves the app on a
free loopback port, signs in as the demo worker in headless Chromium (``make browser``)
and saves the sign-in page, the case list, the case page, the review of proposed kin
(after a kin search, and a relative's card), a form with an error, meeting mode (family
and projection, and on 1920×1080 and 1280×720 projectors), the family's plan (its page,
its form, and recorded in meeting mode, before and after it is agreed), the case's network
figures, its meetings, the family's feedback form (tablet-sized) and the case's feedback;
then, signed in as the demo admin, the organisation's feedback summary. Also writes ``index.md``.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import uvicorn
from playwright.sync_api import Frame, Page, sync_playwright

from tenhands.app import create_app
from tenhands.demo.seed import seed_demo
from tenhands.demo.users import seed_demo_users
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.settings import Settings
from tenhands.viz.export import CHROMIUM_FLAGS, find_chromium

WIDTH, HEIGHT = 1440, 900

SHOTS = [
    ("login", "Sign-in page"),
    ("cases", "The worker's case list"),
    ("case", "A case's page: the people, the counter and the ecomap"),
    (
        "case-people",
        "A case's page, further down: each person's relationship, side, circle and engagement",
    ),
    ("review", "Proposed kin after a search, each proposal as its card"),
    (
        "review-card",
        "A relative's card: who, the source and its date, the relative who led there"
        " (zus van Oma Ria), what she would be to the child, the reasons, zeker (95%)",
    ),
    ("person-form-error", "Adding a person: a birth date that is no date, marked at the field"),
    ("meeting", "Meeting mode: the map for the wall, in family mode (the default)"),
    ("meeting-projection", "Meeting mode switched to projection (a network meeting), genogram"),
    (
        "meeting-1920",
        "Meeting mode on a 1920×1080 projector: first names and roles, readable from the back",
    ),
    (
        "meeting-1280",
        "Meeting mode on a 1280×720 projector: one row of controls, the map larger than the "
        "screen and centred on the children",
    ),
    ("plan", "The family's plan: what we worry about, what works well, what needs to happen"),
    ("plan-tasks", "The plan, further down: the safety scale over time and who does what by when"),
    ("plan-form", "Recording the next version of the plan, starting from the current one"),
    (
        "meeting-plan",
        "Meeting mode with the plan as a drawer over the map: a new task being written",
    ),
    ("meeting-plan-error", "The plan panel in a meeting: a task of the network with nobody ticked"),
    (
        "case-figures",
        "A case's page, further down: how strong the network is (ten hands and eyes, "
        "balance, family finding, stale contacts, who brought in whom, the safety scale)",
    ),
    (
        "meeting-plan-recorder",
        "Recording the plan on a 1920×1080 projector: a task's person picker, who came, and the "
        "safety scale for them with each one's previous score",
    ),
    (
        "meeting-plan-agreed",
        "The same meeting after the plan is agreed: the meeting is recorded and the map shows "
        "each person's tasks",
    ),
    ("meetings", "A case's meetings: who took part, the plan agreed, the next review"),
    ("meeting-form-error", "Recording a meeting: a review before the meeting, marked at the field"),
    ("feedback-form", "The family's feedback form, on a tablet"),
    ("feedback-thanks", "After the feedback: thanks, and nothing shown back"),
    ("case-feedback", "The case's feedback, for its workers"),
    (
        "feedback-summary",
        "The organisation's feedback summary (admins): averages only on five answers or more",
    ),
]

TABLET = {"width": 820, "height": 1180}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def drawn(frame: Frame, seconds: float = 20.0) -> None:
    """Wait until a map frame has drawn itself (polled from outside: the map's CSP
    forbids the eval that ``wait_for_function`` needs)."""
    end = time.monotonic() + seconds
    while not frame.evaluate("() => window.tenhandsReady === true"):
        if time.monotonic() > end:
            raise TimeoutError(f"the map at {frame.url} did not draw")
        time.sleep(0.1)


def map_ready(page: Page) -> None:
    """Wait until every loaded map frame has drawn itself."""
    for frame in page.frames:
        if "/map?" in frame.url:
            drawn(frame)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "screens.db")
        store.init_schema()
        case_id = seed_demo(store)
        passwords = {d.login: p for d, p in seed_demo_users(store, case_id)}
        port = free_port()
        app = create_app(Settings(store=store.describe()), store=store)
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            shoot(base, case_id, passwords, args.out)
        finally:
            server.should_exit = True
            thread.join(10)
            store.close()
    lines = ["# Screens of the web pages", "",
             "Made by `scripts/web_screenshots.py` from the fictional demo case, in Dutch, "
             f"at {WIDTH}×{HEIGHT}.", ""]  # fmt: skip
    for name, what in SHOTS:
        lines += [f"## {what}", "", f"![{what}]({name}.png)", ""]
    (args.out / "index.md").write_text("\n".join(lines), encoding="utf-8")


def record_plan(page: Page, base: str, case_id: str, save: Callable[[str], None]) -> None:
    """The plan of a meeting recorded on a 1920×1080 projector, before and after saving."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{base}/cases/{case_id}/meeting?plan=open")
    map_ready(page)
    panel = page.locator("#plan-panel")
    row = panel.locator("details.task-row[open]").first
    row.locator("input[name$='-what']").fill("Lina op vrijdag naar de muziekschool brengen")
    box = row.locator(".pick-filter").first
    box.fill("katr")
    box.press("Enter")
    panel.locator("label[for='f-present-demo-sofie']").click()
    panel.locator("label[for='f-present-demo-ria']").click()
    panel.locator("tr[data-present='demo-sofie'] select").select_option("7")
    save("meeting-plan-recorder")
    panel.locator("form.plan-form button[type=submit]").click()
    page.wait_for_url("**/meeting?**done=plan_agreed**")
    map_ready(page)
    save("meeting-plan-agreed")


def sign_in(page: Page, base: str, login: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#f-login", login)
    page.fill("#f-password", password)
    page.click("button[type=submit]:has-text('Aanmelden')")
    page.wait_for_url(f"{base}/cases")


def shoot(base: str, case_id: str, passwords: dict[str, str], out: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(find_chromium()),
            headless=True,
            args=[f for f in CHROMIUM_FLAGS if f != "--headless"],
        )
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="nl-BE")
        page = context.new_page()

        def save(name: str) -> None:
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")  # noqa: T201

        page.goto(f"{base}/login")
        save("login")
        sign_in(page, base, "werker", passwords["werker"])
        save("cases")
        page.goto(f"{base}/cases/{case_id}")
        map_ready(page)
        save("case")
        page.locator("#people").scroll_into_view_if_needed()
        page.evaluate("document.getElementById('people').scrollIntoView()")
        save("case-people")
        page.goto(f"{base}/cases/{case_id}/review")
        page.click("form.search-form button")
        page.wait_for_url(f"{base}/cases/{case_id}/review?done=searched")
        save("review")
        page.evaluate("document.querySelector('article.candidate-kin').scrollIntoView()")
        save("review-card")
        page.goto(f"{base}/cases/{case_id}/persons/new")
        page.fill("#f-given_names", "Annemie")
        page.fill("#f-surname", "Vermeulen")
        page.fill("#f-birth_date", "1962-13")
        page.click("form.form button[type=submit]")
        page.wait_for_selector(".error-summary")
        save("person-form-error")
        page.goto(f"{base}/cases/{case_id}/meeting")
        map_ready(page)
        save("meeting")
        page.click("a[data-view=genogram]")
        page.click("#family-toggle")
        page.wait_for_timeout(300)
        for frame in page.frames:
            if (
                "/map?" in frame.url
                and "view=genogram" in frame.url
                and "mode=projection" in frame.url
            ):
                drawn(frame)
        save("meeting-projection")
        for width, height in ((1920, 1080), (1280, 720)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{base}/cases/{case_id}/meeting")
            map_ready(page)
            save(f"meeting-{width}")
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        page.goto(f"{base}/cases/{case_id}/plan")
        save("plan")
        page.evaluate("document.getElementById('scale').scrollIntoView()")
        save("plan-tasks")
        page.goto(f"{base}/cases/{case_id}/plan/new")
        save("plan-form")
        page.goto(f"{base}/cases/{case_id}/meeting?plan=open")
        map_ready(page)
        page.click("#add-task")
        task = page.locator("details.task-row").last
        task.locator("input[name$='-what']").fill("Lina op vrijdag naar de muziekschool brengen")
        save("meeting-plan")
        page.click("form.plan-form button[type=submit]")
        page.wait_for_selector("#plan-panel .error-summary")
        save("meeting-plan-error")
        page.goto(f"{base}/cases/{case_id}#figures")
        map_ready(page)
        page.evaluate("document.getElementById('figures').scrollIntoView()")
        save("case-figures")
        page.goto(f"{base}/cases/{case_id}/meetings")
        save("meetings")
        page.goto(f"{base}/cases/{case_id}/meetings/new")
        page.fill("#f-held_on", "2026-12-12")
        page.check("#f-attended-demo-sofie")
        page.fill("#f-next_review_on", "2026-12-01")
        page.click("form.form button[type=submit]")
        page.wait_for_selector(".error-summary")
        save("meeting-form-error")
        record_plan(page, base, case_id, save)
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        tablet = browser.new_context(
            viewport=TABLET, locale="nl-BE", storage_state=context.storage_state()
        )
        page = tablet.new_page()
        page.goto(f"{base}/cases/{case_id}/feedback/new?meeting=demo-meeting-2")
        page.click("label[for=f-respondent-family]")
        page.click("label[for=f-answer_heard-4]")
        page.click("label[for=f-answer_own_plan-5]")
        save("feedback-form")
        page.click("form.feedback-form button[type=submit]")
        page.wait_for_url(f"{base}/cases/{case_id}/feedback/thanks?meeting=demo-meeting-2")
        save("feedback-thanks")
        tablet.close()
        page = context.new_page()
        page.goto(f"{base}/cases/{case_id}/feedback")
        save("case-feedback")
        context.close()
        admin = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="nl-BE")
        page = admin.new_page()
        sign_in(page, base, "beheer", passwords["beheer"])
        page.goto(f"{base}/feedback")
        save("feedback-summary")
        admin.close()
        browser.close()


if __name__ == "__main__":
    main()
