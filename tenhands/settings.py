"""Settings from the environment (``TENHANDS_*``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from hashlib import sha256
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .graph.contact_weeks import STALE_WEEKS

if TYPE_CHECKING:
    from .graph.store import GraphStore


def default_store_url() -> str:
    """The embedded store in the user's data directory."""
    return f"sqlite:///{Path(user_data_dir('tenhands')) / 'tenhands.db'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TENHANDS_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = "development"
    """``production``: the session cookie is always ``Secure`` (the service is reached
    over https, through the agency's TLS proxy)."""
    store: str = ""
    """``sqlite:///path/file.db`` (default: under the user's data directory) or
    ``neo4j://host:7687``."""
    neo4j_user: str | None = None
    neo4j_password: SecretStr | None = None
    neo4j_database: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(default=1, ge=1, le=64)
    """Service processes (``tenhands serve``); about one per core."""
    trusted_proxies: str = ""
    """Comma-separated addresses or networks (``172.30.87.1``, ``10.0.0.0/8``) of the
    proxies whose ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed: requests
    from them count as coming from the client they name, over the scheme they say.
    Empty (the default): nobody's."""
    max_body_mib: int = Field(default=21, ge=1, le=1024)
    """The largest request body the service reads, in MiB; larger ones are answered 413
    before they are read (see :mod:`tenhands.api.limits`). The default holds the 20 MiB
    record and family-tree uploads with the form around them."""
    kin_index_dir: Path | None = None
    """Folder of the kin index kept between runs (see
    :mod:`tenhands.finding.kin.saved`); by default beside the embedded store's file, or,
    for Neo4j, in the user's data directory."""
    stale_weeks: int = Field(default=STALE_WEEKS, ge=1, le=104)
    """Weeks without contact after which a network member is listed as a stale contact
    (``GET /cases/{case_id}/figures`` unless the request says otherwise)."""

    @model_validator(mode="after")
    def _checked(self) -> Settings:
        if not self.store:
            self.store = default_store_url()
        proxy_networks(self.trusted_proxies)  # refused here, not when the service starts
        return self


def proxy_networks(value: str) -> list[IPv4Network | IPv6Network]:
    """The addresses and networks of a ``TENHANDS_TRUSTED_PROXIES`` value (a ValueError
    naming the first that is neither).

    >>> [str(n) for n in proxy_networks(" 172.30.87.1, 10.0.0.0/8,::1 ")]
    ['172.30.87.1/32', '10.0.0.0/8', '::1/128']
    >>> proxy_networks("proxy.example")
    Traceback (most recent call last):
    ValueError: TENHANDS_TRUSTED_PROXIES: 'proxy.example' is not an IP address or network
    """
    found = []
    for part in value.split(","):
        if not part.strip():
            continue
        try:
            found.append(ip_network(part.strip(), strict=False))
        except ValueError:
            raise ValueError(
                f"TENHANDS_TRUSTED_PROXIES: {part.strip()!r} is not an IP address or network"
            ) from None
    return found


@lru_cache
def get_settings() -> Settings:
    return Settings()


def kin_index_file(settings: Settings, store: GraphStore) -> Path | None:
    """Where the kin index of ``store`` is kept between runs: in
    ``TENHANDS_KIN_INDEX_DIR`` if set, else beside an SQLite store's file
    (``tenhands.db.kin-index.npz``), else in the user's data directory under a name drawn
    from the store's address. ``None`` for a store in memory (nothing is kept).

    >>> from tenhands.graph.stores.sqlite import SqliteStore
    >>> kin_index_file(Settings(), SqliteStore(":memory:")) is None
    True
    """
    where = store.describe()
    if store.kind == "sqlite":
        path = where.removeprefix("sqlite:///")
        if path == ":memory:" or not path:
            return None
        beside = Path(path)
        folder = settings.kin_index_dir or beside.parent
        return folder / f"{beside.name}.kin-index.npz"
    folder = settings.kin_index_dir or Path(user_data_dir("tenhands"))
    return folder / f"kin-index-{sha256(where.encode()).hexdigest()[:16]}.npz"


def open_configured_store(settings: Settings) -> GraphStore:
    """Open the store the settings name (not yet initialised)."""
    from .graph.stores import open_store

    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    return open_store(
        settings.store,
        user=settings.neo4j_user,
        password=password,
        database=settings.neo4j_database,
    )
