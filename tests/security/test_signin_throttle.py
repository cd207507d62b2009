"""Password guessing is slowed down, but nobody can use it to lock the real user out:
throttled per login and address, per address, and per login over every address with a
short cap; the current password on ``PATCH /auth/me`` the same way. Through the API and
the web sign-in, over both stores, on a clock the test moves."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from signin_helpers import LOGIN, PASSWORD, Clock, client_at, sign_in, started, throttled_app

from tenhands.api.auth.ratelimit import Backoff, LoginThrottle
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

ATTACKER, USER = "203.0.113.7", "198.51.100.20"


def test_an_attacker_failing_50_times_does_not_keep_the_user_out(store: GraphStore) -> None:
    clock = Clock()
    app = throttled_app(store, clock)
    with started(app):
        attacker, user = client_at(app, ATTACKER), client_at(app, USER)
        failures = refusals = 0
        waited = 0.0
        while failures < 50:
            r = sign_in(attacker, f"gok {failures}")
            if r.status_code == 429:
                refusals += 1
                wait = int(r.headers["Retry-After"])
                waited += wait
                clock.advance(wait)
            else:
                assert r.status_code == 401, r.text
                failures += 1
        # the attacker was slowed down: waits doubling up to 15 minutes each
        assert refusals >= 40 and waited > 8 * 3600
        # the user, elsewhere, gets in within the login's short cap (a minute at most)
        r = sign_in(user, PASSWORD)
        if r.status_code == 429:
            assert int(r.headers["Retry-After"]) <= 60
            clock.advance(int(r.headers["Retry-After"]))
            r = sign_in(user, PASSWORD)
        assert r.status_code == 201, r.text
        # and the attacker still waits: the user's success clears only the user's own pair
        r = sign_in(attacker, PASSWORD)
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 60


def test_the_user_gets_in_at_once_when_the_guesser_paused_a_minute(
    sqlite_store: SqliteStore,
) -> None:
    clock = Clock()
    app = throttled_app(sqlite_store, clock)
    with started(app):
        attacker, user = client_at(app, ATTACKER), client_at(app, USER)
        for n in range(6):
            assert sign_in(attacker, f"gok {n}").status_code == 401
        assert sign_in(attacker, "gok 7").status_code == 429
        clock.advance(60)
        assert sign_in(user, PASSWORD).status_code == 201


def test_a_guesser_spread_over_many_addresses_waits_a_minute_at_most(
    sqlite_store: SqliteStore,
) -> None:
    clock = Clock()
    app = throttled_app(sqlite_store, clock)
    with started(app):
        failures, waited, n = 0, 0, 0
        while failures < 30:
            n += 1
            r = sign_in(client_at(app, f"10.1.{n // 250}.{n % 250 + 1}"), f"gok {n}")
            if r.status_code == 429:
                assert int(r.headers["Retry-After"]) <= 60
                waited += int(r.headers["Retry-After"])
                clock.advance(int(r.headers["Retry-After"]))
            else:
                assert r.status_code == 401
                failures += 1
        # slowed to about one guess a minute once the free tries are used, from fresh
        # addresses too
        assert waited >= 60 * (failures - 20)
        r = sign_in(client_at(app, USER), PASSWORD)
        assert r.status_code == 429 and int(r.headers["Retry-After"]) <= 60
        clock.advance(60)
        assert sign_in(client_at(app, USER), PASSWORD).status_code == 201


def test_many_logins_from_one_address_are_slowed_without_touching_the_user(
    sqlite_store: SqliteStore,
) -> None:
    clock = Clock()
    few = Backoff(free=8, first_wait=1.0, longest=900.0, forget_every=300.0)  # 30 by default
    app = throttled_app(sqlite_store, clock, throttle=LoginThrottle(address=few, clock=clock))
    with started(app):
        attacker = client_at(app, ATTACKER)
        codes = [sign_in(attacker, "wachtwoord123", login=f"gok{n}").status_code for n in range(10)]
        assert codes[:9] == [401] * 9 and codes[9] == 429  # the free tries, then waits
        assert sign_in(client_at(app, USER), PASSWORD).status_code == 201
        # the attacker's own account does not clear the address
        assert sign_in(attacker, PASSWORD).status_code == 429


def test_a_right_password_starts_the_pair_afresh(sqlite_store: SqliteStore) -> None:
    clock = Clock()
    app = throttled_app(sqlite_store, clock)
    with started(app):
        user = client_at(app, USER)
        for _ in range(2):
            for n in range(5):
                assert sign_in(user, f"vergeten {n}").status_code == 401
            assert sign_in(user, PASSWORD).status_code == 201


def test_guesses_sent_at_once_do_not_slip_past(sqlite_store: SqliteStore) -> None:
    clock = Clock()  # stands still: no wait ever ends during the test
    app = throttled_app(sqlite_store, clock)
    with started(app):
        attacker = client_at(app, ATTACKER)
        with ThreadPoolExecutor(max_workers=16) as pool:
            codes = list(pool.map(lambda n: sign_in(attacker, f"gok {n}").status_code, range(32)))
    assert set(codes) == {401, 429}
    assert codes.count(401) <= 6  # the free tries and the one after them, not more


def test_wrong_current_passwords_are_throttled_and_change_nothing(
    store: GraphStore,
) -> None:
    clock = Clock()
    app = throttled_app(store, clock)
    with started(app):
        thief = client_at(app, ATTACKER)
        token = sign_in(client_at(app, USER), PASSWORD).json()["token"]
        thief.headers["Authorization"] = f"Bearer {token}"  # a stolen session
        codes = []
        for n in range(8):
            r = thief.patch(
                "/auth/me",
                json={"display_name": "Gestolen", "password": "nieuw wachtwoord 1",
                      "current_password": f"gok {n}"},
            )  # fmt: skip
            codes.append(r.status_code)
        assert codes[:6] == [403] * 6 and codes[6:] == [429, 429]
        assert r.json()["code"] == "too_many_requests" and r.headers["Retry-After"] == "1"
        me = thief.get("/auth/me")
        assert me.status_code == 200 and me.json()["display_name"] == "Lotte Werker"
        # the user, elsewhere, is not kept out (the login's cap: a minute at most)
        clock.advance(60)
        assert sign_in(client_at(app, USER), PASSWORD).status_code == 201
        # the right current password still works once the wait is over
        r = thief.patch(
            "/auth/me", json={"password": "nieuw wachtwoord 1", "current_password": PASSWORD}
        )
        assert r.status_code == 200


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_web_sign_in_follows_the_same_rules(sqlite_store: SqliteStore, lang: str) -> None:
    clock = Clock()
    app = throttled_app(sqlite_store, clock)
    with started(app):
        attacker, user = client_at(app, ATTACKER), client_at(app, USER)
        form = {"login": LOGIN, "lang": lang}
        for n in range(6):
            assert attacker.post("/login", data={**form, "password": f"gok {n}"}).status_code == 401
        r = attacker.post("/login", data={**form, "password": PASSWORD})
        assert r.status_code == 429 and r.headers["Retry-After"] == "1"
        said = {"nl": "probeer het opnieuw over 1 seconde.", "en": "try again in 1 second."}
        assert said[lang] in r.text and "set-cookie" not in r.headers
        r = user.post("/login", data={**form, "password": PASSWORD})
        assert r.status_code == 303 and "set-cookie" in r.headers
