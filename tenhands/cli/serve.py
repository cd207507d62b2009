"""Running the web service."""

from __future__ import annotations

import uvicorn

from ..settings import Settings


def run_server(
    settings: Settings,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
) -> None:
    """Serve the API until interrupted. Access lines are off: URLs can hold names.

    With more than one worker process, each keeps its own sign-in throttle, kin index
    and kept answers; they share the store."""
    uvicorn.run(
        "tenhands.api.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        access_log=False,
        log_level="info",
    )
