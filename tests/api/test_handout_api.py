"""``GET /cases/{case_id}/handout``: the closure handout over HTTP, as a page or a PDF,
per case and audited (both stores)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import ApiClient, bearer, error
from handout_builders import GRANDMA, GRANDMA_PHONE, HIDDEN, HIDDEN_PHONE, MOTHER, SURNAME
from handout_builders import seed_handout_case as seed

from tenhands.graph.model import AuditAction, UserRole
from tenhands.graph.store import GraphStore

URL = "/cases/ho-case/handout"


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    seed(store)
    with ApiClient.over(store) as c:
        yield c


def test_the_page(client: ApiClient) -> None:
    r = client.get(URL)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "frame-ancestors 'self'" in csp
    assert r.headers["content-disposition"] == "inline"
    assert r.headers["cache-control"] == "no-store"
    assert '<html lang="nl">' in r.text and "Wie er is voor Noor en Milan" in r.text
    assert GRANDMA in r.text and GRANDMA_PHONE in r.text and MOTHER in r.text
    for name in HIDDEN:
        assert name not in r.text, name
    assert HIDDEN_PHONE not in r.text and SURNAME not in r.text
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", r.text)


def test_english_by_query_or_browser(client: ApiClient) -> None:
    en = client.get(URL, params={"lang": "en", "format": "html"})
    assert en.status_code == 200 and "Who is there for Noor and Milan" in en.text
    browser = client.get(URL, headers={"Accept-Language": "fr-BE, en;q=0.5"})
    assert '<html lang="en">' in browser.text
    only_french = client.get(URL, headers={"Accept-Language": "fr-BE"})
    assert '<html lang="nl">' in only_french.text


@pytest.mark.browser
def test_the_pdf(client: ApiClient, chromium_executable: str) -> None:
    from pypdf import PdfReader

    r = client.get(URL, params={"format": "pdf", "lang": "en"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    disposition = r.headers["content-disposition"]
    assert disposition == 'attachment; filename="handout-ho-case-en.pdf"'
    assert r.headers["cache-control"] == "no-store"
    assert r.content.startswith(b"%PDF-")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert GRANDMA in text and "Kobe" not in text


def test_the_pdf_without_chromium_is_503_with_a_reason(
    client: ApiClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TENHANDS_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    body = error(client.get(URL, params={"format": "pdf"}), 503, "export_unavailable")
    assert "needs Chromium" in body["detail"] and "format=html" in body["detail"]
    assert client.get(URL).status_code == 200  # the page needs no Chromium


def test_unknown_case_is_404(client: ApiClient) -> None:
    error(client.get("/cases/ho-nobody/handout"), 404, "not_found")


@pytest.mark.parametrize(
    "params", [{"lang": "fr"}, {"format": "docx"}, {"format": "PDF "}, {"lang": ""}]
)
def test_bad_language_or_format_is_422(client: ApiClient, params: dict[str, str]) -> None:
    body = error(client.get(URL, params=params), 422, "validation_error")
    assert body["errors"][0]["loc"][0] == "query"


def test_signed_in_only(client: ApiClient) -> None:
    r = client.get(URL, headers={"Authorization": "Bearer not-a-token"})
    error(r, 401, "unauthenticated")
    assert GRANDMA not in r.text


@pytest.mark.parametrize("role", [UserRole.worker, UserRole.facilitator, UserRole.viewer])
def test_per_case_access_and_audit(client: ApiClient, store: GraphStore, role: UserRole) -> None:
    stranger = bearer(store, f"{role.value}.elders", role)
    r = client.get(URL, headers=stranger)
    error(r, 403, "forbidden")
    assert GRANDMA not in r.text
    # an unknown case is 403 too for them: others' case ids cannot be probed
    error(client.get("/cases/ho-nobody/handout", headers=stranger), 403, "forbidden")

    own = bearer(store, f"{role.value}.eigen", role, ("ho-case",))
    assert client.get(URL, headers=own).status_code == 200
    events = store.list_audit(actor=f"{role.value}.eigen")
    assert [(e.action, e.entity, e.entity_id, e.case_id) for e in events] == [
        (AuditAction.read, "handout", "ho-case", "ho-case")
    ]
    assert not store.list_audit(actor=f"{role.value}.elders")
    assert all(GRANDMA not in e.model_dump_json() for e in events)
