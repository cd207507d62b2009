"""Running the web service."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..settings import Settings


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's options for proxies: the forwarded client address and scheme are
    believed from ``TENHANDS_TRUSTED_PROXIES`` only, and from nobody when it is empty
    (uvicorn itself would believe 127.0.0.1)."""
    from ..settings import proxy_networks

    trusted = [str(n) for n in proxy_networks(settings.trusted_proxies)]
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}


def run_server(
    settings: Settings,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
) -> None:
    """Serve the API until interrupted. Access lines are off: URLs can hold names.

    With more than one worker process, each keeps its own sign-in throttle and kept
    answers; they share the store, and the kin index kept beside it (each process
    loads it again when the store's records change)."""
    import uvicorn

    uvicorn.run(
        "tenhands.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        access_log=False,
        log_level="info",
        **proxy_options(settings),
    )
