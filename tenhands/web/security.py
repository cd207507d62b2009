"""What every page response says to the browser about itself.

Pages load only the package's own stylesheet and script, embed only the service's own
maps, post forms only to the service, and are never cached (they hold person data).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import RedirectResponse, Response

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "Vary": "Accept, Accept-Language, Cookie",
}


def secured(response: Response) -> Response:
    """``response`` with the pages' headers."""
    response.headers.update(PAGE_HEADERS)
    return response


def see_other(url: str) -> Response:
    """Post/Redirect/Get: a 303 to ``url`` (a local path)."""
    return secured(RedirectResponse(url, status_code=303))


def local_path(target: str | None, default: str = "/cases") -> str:
    """``target`` when it is a path on this service, else ``default`` (a sign-in page must
    not send anyone to another site).

    >>> local_path("/cases/c-1?view=genogram"), local_path("//evil.example/x")
    ('/cases/c-1?view=genogram', '/cases')
    >>> local_path("https://evil.example/"), local_path("/\\\\evil.example"), local_path(None)
    ('/cases', '/cases', '/cases')
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in target):
        return default
    return target


def same_origin(headers: Headers, host: str) -> bool:
    """Whether a form post came from a page of this service, as far as the browser says
    (``Origin``, else ``Sec-Fetch-Site``; a client that says neither is let through)."""
    origin = headers.get("origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == host
    if origin == "null":
        return False
    site = headers.get("sec-fetch-site")
    return site in (None, "same-origin", "none")
