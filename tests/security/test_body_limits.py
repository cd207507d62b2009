"""Request bodies are held to their limits before anything reads them: a request that is
not signed in may send 64 KiB, a signed-in one the service's maximum (21 MiB).

The uploads go to the service running in its own process, as in production, so the
tests can measure what it did: how long the answer took, how many bytes it read
(``rchar``) and its peak memory (``VmHWM``). Before these limits, an anonymous upload was
read whole (and spooled to disk) before the 401.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, error
from service_process import Service, running_service
from web_helpers import WebClient, make_user

from tenhands.api.limits import ANONYMOUS_BODY, MIB
from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore

UPLOADS = ["/records/import", "/imports/gedcom"]
HUGE = 50 * MIB

QUICK_SECONDS = 3.0
"""An upload is refused well within this (it takes a fraction of a second)."""
READ_BOUND = 1 * MIB
"""Bytes the service may read of a refused body: its headers and a few network buffers."""
MEMORY_BOUND = 16 * MIB
"""How much the service's peak memory may grow over all the refused uploads of a test."""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with running_service(tmp_path_factory.mktemp("service")) as running:
        # One signed-in import first, so what every upload needs is loaded before measuring.
        csv = b"id;voornaam;familienaam\r\nr1;Ankea;Zzyxa\r\n"
        form = _form(csv)
        status, _ = running.request(
            "POST",
            "/records/import",
            form,
            {"Authorization": f"Bearer {running.token}", "Content-Type": FORM_TYPE},
        )
        assert status == 201
        yield running


FORM_TYPE = "multipart/form-data; boundary=xyzzy"


def _form(data: bytes, name: str = "registry.csv") -> bytes:
    return (
        b'--xyzzy\r\nContent-Disposition: form-data; name="file"; filename="'
        + name.encode()
        + b'"\r\nContent-Type: text/plain\r\n\r\n'
        + data
        + b"\r\n--xyzzy--\r\n"
    )


def _refused(service: Service, status: int, code: str, **upload: object) -> None:
    """Upload to both upload routes; each is refused quickly, having read little, and the
    peak memory of the service stays put."""
    peak = service.status("VmHWM")
    for path in UPLOADS:
        read = service.read_bytes()
        sent = service.upload(path, **upload)  # type: ignore[arg-type]
        assert sent.status == status, sent.body
        assert json.loads(sent.body)["code"] == code
        assert sent.seconds < QUICK_SECONDS
        assert service.read_bytes() - read < READ_BOUND
    assert service.status("VmHWM") - peak < MEMORY_BOUND


def test_an_anonymous_upload_over_the_maximum_is_refused_unread(service: Service) -> None:
    _refused(service, 413, "too_large", size=HUGE)


def test_an_anonymous_upload_over_64_kib_is_refused_unread(service: Service) -> None:
    _refused(service, 401, "unauthenticated", size=5 * MIB)


def test_an_anonymous_chunked_upload_is_cut_off_at_64_kib(service: Service) -> None:
    _refused(service, 401, "unauthenticated", size=HUGE, chunked=True)


def test_a_wrong_token_counts_as_not_signed_in(service: Service) -> None:
    _refused(
        service, 401, "unauthenticated", size=5 * MIB, headers={"Authorization": "Bearer nope"}
    )


def test_a_signed_in_upload_over_the_maximum_is_refused_unread(service: Service) -> None:
    _refused(
        service,
        413,
        "too_large",
        size=HUGE,
        headers={"Authorization": f"Bearer {service.token}"},
    )


def test_a_signed_in_chunked_upload_is_cut_off_at_the_maximum(service: Service) -> None:
    peak = service.status("VmHWM")
    read = service.read_bytes()
    sent = service.upload(
        "/records/import", HUGE, chunked=True, headers={"Authorization": f"Bearer {service.token}"}
    )
    assert sent.status == 413, sent.body
    assert json.loads(sent.body)["code"] == "too_large"
    assert sent.seconds < QUICK_SECONDS
    # Read up to the maximum (21 MiB), then no more; the form parser spools it to disk.
    assert service.read_bytes() - read < 21 * MIB + READ_BOUND
    assert service.status("VmHWM") - peak < MEMORY_BOUND


def test_a_signed_in_upload_within_the_maximum_is_read(service: Service) -> None:
    rows = b"".join(b"r%d;Ankea;Zzyxa\r\n" % i for i in range(20_000))
    status, body = service.request(
        "POST",
        "/records/import",
        _form(b"id;voornaam;familienaam\r\n" + rows, "big-registry.csv"),
        {"Authorization": f"Bearer {service.token}", "Content-Type": FORM_TYPE},
    )
    assert len(rows) > ANONYMOUS_BODY
    assert status == 201, body
    assert json.loads(body)["imported"] == 20_000


def test_a_small_anonymous_body_still_reaches_sign_in(store: GraphStore) -> None:
    """The sign-in form is far below the anonymous limit: a wrong password is answered by
    sign-in itself, not by the limit."""
    with ApiClient.over(store) as client:
        client.headers.pop("Authorization")
        r = client.post("/auth/token", json={"login": "nobody", "password": "x" * 20})
        body = error(r, 401, "unauthenticated")
        assert "64 KiB" not in body["detail"]
        r = client.post("/auth/token", json={"login": "nobody", "password": "x" * 70_000})
        body = error(r, 401, "unauthenticated")
        assert "64 KiB" in body["detail"]
        assert r.headers["connection"] == "close"


def test_a_signed_in_web_form_keeps_its_form_token_rule(store: GraphStore) -> None:
    """A large form by a valid session cookie passes the limit; the form token is still
    asked for (403 without it), and an unknown cookie is not signed in (401)."""
    user = make_user(store, "wendy.werker", UserRole.worker)
    with WebClient.over(store) as client:
        csrf = client.sign_in(store, user)
        big = {"lang": "en", "padding": "x" * 100_000}
        assert client.post_form("/language", big, None).status_code == 403
        assert client.post_form("/language", big, csrf).status_code == 303
        assert store.get_user(user.id).lang == "en"
        client.cookies.set("tenhands_session", "not-a-session")
        r = client.post_form("/language", big, csrf)
        assert r.status_code == 401
        assert "64 KiB" in r.json()["detail"]


def test_a_deeply_nested_json_body_is_a_400(store: GraphStore) -> None:
    with ApiClient.over(store) as client:
        nested = b"[" * 100_000 + b"]" * 100_000
        r = client.post("/persons", content=nested, headers={"Content-Type": "application/json"})
        error(r, 400, "invalid_input")
