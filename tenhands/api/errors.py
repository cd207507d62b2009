"""Turning domain errors and bad requests into JSON a person can read.

Every error body has the same shape: ``{"detail": "<a sentence>", "code": "<code>"}``;
request validation errors add ``errors``, one entry per field. The codes are
stable for clients to branch on; the sentences are for people.

Nothing from the request body or query goes into the logs: only the method, the
route *template* (``/persons/{person_id}``), the status and the code.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..graph.errors import Conflict, Forbidden, InvalidInput, NotFound, StoreUnavailable
from ..graph.model.common import Id

log = logging.getLogger("tenhands.api")


def _id_pattern() -> str:
    """The pattern of :data:`~tenhands.graph.model.common.Id`, so paths check ids the same way."""
    for meta in Id.__metadata__:  # type: ignore[attr-defined]
        pattern = getattr(meta, "pattern", None)
        if isinstance(pattern, str):
            return pattern
    raise RuntimeError("Id has no pattern")  # pragma: no cover


ID_PATTERN = _id_pattern()

RETRY_AFTER_SECONDS = 5

ErrorCode = Literal[
    "not_found",
    "conflict",
    "invalid_input",
    "store_unavailable",
    "validation_error",
    "invalid_file",
    "too_large",
    "unauthenticated",
    "forbidden",
    "too_many_requests",
    "export_unavailable",
    "http_error",
    "implausible",
    "unconfirmed",
]


class ErrorBody(BaseModel):
    """What every error response carries."""

    detail: str = Field(description="what went wrong, as a sentence for a person")
    code: ErrorCode = Field(description="a stable code for programs")


class FieldError(BaseModel):
    """One invalid value in a request. Pydantic's copy of the offending input is left out
    (it may be personal data); a message may still quote what the sender sent."""

    loc: list[str | int] = Field(description="where: body, query or path, then the field path")
    msg: str
    type: str


class ValidationErrorBody(ErrorBody):
    errors: list[FieldError] = Field(default_factory=list)


class FileProblem(BaseModel):
    """One thing wrong in an uploaded file, where it is, without the personal data in it."""

    line: int | None = Field(description="line number in the file, if known")
    ref: str | None = Field(description="the record it concerns, e.g. a GEDCOM xref")
    message: str


class FileErrorBody(ErrorBody):
    problems: list[FileProblem] = Field(default_factory=list)


class UnreadableFile(Exception):
    """An uploaded file that cannot be read as it is (422); nothing was stored."""

    def __init__(self, detail: str, problems: Sequence[FileProblem] = ()) -> None:
        super().__init__(detail)
        self.detail = detail
        self.problems = list(problems)


class Problem(BaseModel):
    """One thing impossible or unlikely about what was sent (see
    :mod:`tenhands.graph.plausibility`): errors are never stored, warnings are once the
    request is sent again with ``confirm=true``."""

    field: str = Field(description="the field it is about, such as birth_date or contact.phones")
    code: str = Field(description="a stable code, such as born_in_future or lookalike")
    severity: Literal["error", "warning"]
    message: str
    persons: list[str] = Field(
        default_factory=list,
        description="for a lookalike: the ids of the persons you may see who resemble this one",
    )


class CheckErrorBody(ErrorBody):
    problems: list[Problem] = Field(default_factory=list)


class Unconfirmed(Exception):
    """What was sent is impossible (422 ``implausible``) or unlikely and not confirmed
    (422 ``unconfirmed``); nothing was stored."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = list(problems)

    @property
    def impossible(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def _body(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {"model": model, "description": description}


Responses = dict[int | str, dict[str, Any]]

NOT_FOUND: Responses = {404: _body(ErrorBody, "Something named does not exist")}
CONFLICT: Responses = {409: _body(ErrorBody, "Clashes with what is stored")}
BAD_JSON: Responses = {400: _body(ErrorBody, "The request body is not valid JSON")}
BAD_FILE: Responses = {
    413: _body(ErrorBody, "The upload is larger than allowed"),
    422: _body(FileErrorBody, "The file cannot be read as it is; nothing was stored"),
}
CHECKED: Responses = {
    422: _body(
        CheckErrorBody,
        "A value is missing or invalid; or impossible (code implausible), or unlikely and "
        "not confirmed (code unconfirmed: send again with confirm=true to save anyway)",
    )
}
COMMON_RESPONSES: Responses = {
    401: _body(ErrorBody, "Not signed in: send a bearer token or the session cookie"),
    403: _body(ErrorBody, "Signed in, but your role or your cases do not allow this"),
    422: _body(ValidationErrorBody, "A value is missing, of the wrong type or invalid"),
    503: _body(ErrorBody, f"The store does not answer; retry after {RETRY_AFTER_SECONDS}s"),
}
"""Responses every resource route can give, for the OpenAPI document."""


def sentence(text: str) -> str:
    """``"no person with id 'p1'"`` → ``"No person with id 'p1'."``"""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _route(request: Request) -> str:
    """The route template, never the concrete path (which may hold ids)."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "<no route>"


def _reply(
    request: Request,
    status: int,
    code: ErrorCode,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    errors: Sequence[FieldError] | None = None,
) -> JSONResponse:
    log.info("%s %s -> %d %s", request.method, _route(request), status, code)
    body: BaseModel
    if errors is None:
        body = ErrorBody(detail=detail, code=code)
    else:
        body = ValidationErrorBody(detail=detail, code=code, errors=list(errors))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def _message(err: dict[str, Any]) -> str:
    kind = err.get("type")
    if kind == "string_pattern_mismatch" and (err.get("ctx") or {}).get("pattern") == ID_PATTERN:
        return "not an id: use letters, digits and _ . : @ -, at most 80 characters"
    msg = str(err.get("msg", ""))
    return msg.removeprefix("Value error, ")


def field_errors(raw: Sequence[Any]) -> list[FieldError]:
    """Pydantic's error dicts without the offending input (it may be personal data)."""
    out: list[FieldError] = []
    for err in raw:
        loc = [part if isinstance(part, int) else str(part) for part in err.get("loc", ())]
        out.append(FieldError(loc=loc, msg=_message(err), type=str(err.get("type", ""))))
    return out


def domain_invalid(exc: ValidationError) -> RequestValidationError:
    """A domain model refused what the request asked for (e.g. a death date before the
    birth date): report it exactly like a request validation error, located in the body."""
    errors = [
        {**err, "loc": ("body", *err["loc"])}
        for err in exc.errors(include_url=False, include_input=False, include_context=False)
    ]
    return RequestValidationError(errors)


def _describe(errors: Sequence[FieldError]) -> str:
    def where(e: FieldError) -> str:
        parts = [str(p) for p in e.loc[1:]] if len(e.loc) > 1 else [str(p) for p in e.loc]
        return ".".join(parts) or "body"

    first = errors[0]
    text = f"{where(first)}: {first.msg}"
    if len(errors) > 1:
        text += f" (and {len(errors) - 1} more)"
    return f"The request is not valid: {text}."


def _missing(exc: Exception) -> str:
    if isinstance(exc, NotFound) and exc.entity == "network role" and "/" in exc.ident:
        case_id, person_id = exc.ident.split("/", 1)
        return f"Person {person_id!r} has no role in case {case_id!r}."
    return sentence(str(exc))


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    return _reply(request, 404, "not_found", _missing(exc))


async def _conflict(request: Request, exc: Exception) -> JSONResponse:
    return _reply(request, 409, "conflict", sentence(str(exc)))


async def _forbidden(request: Request, exc: Exception) -> JSONResponse:
    return _reply(request, 403, "forbidden", sentence(str(exc)))


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    return _reply(request, 422, "invalid_input", sentence(str(exc)))


async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    # The store's own message names the store, never personal data; it stays in the log.
    log.warning("%s %s: store unavailable: %s", request.method, _route(request), exc)
    return _reply(
        request,
        503,
        "store_unavailable",
        f"The data store does not answer right now; try again in {RETRY_AFTER_SECONDS} seconds.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


async def _request_invalid(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors(exc.errors())
    if any(e.type == "json_invalid" for e in errors):
        return _reply(request, 400, "invalid_input", "The request body is not valid JSON.")
    if not errors:
        return _reply(request, 422, "validation_error", "The request is not valid.", errors=[])
    return _reply(request, 422, "validation_error", _describe(errors), errors=errors)


_HTTP_CODES: dict[int, ErrorCode] = {
    400: "invalid_input",
    401: "unauthenticated",
    403: "forbidden",
    429: "too_many_requests",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    503: "store_unavailable",
}


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "The request failed."
    return _reply(
        request,
        exc.status_code,
        _HTTP_CODES.get(exc.status_code, "http_error"),
        sentence(detail),
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _unreadable(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnreadableFile)
    log.info("%s %s -> 422 invalid_file", request.method, _route(request))
    body = FileErrorBody(detail=sentence(exc.detail), code="invalid_file", problems=exc.problems)
    return JSONResponse(body.model_dump(mode="json"), status_code=422)


async def _unconfirmed(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Unconfirmed)
    code: ErrorCode = "implausible" if exc.impossible else "unconfirmed"
    log.info("%s %s -> 422 %s", request.method, _route(request), code)
    first = exc.problems[0].message if exc.problems else ""
    more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
    detail = (
        f"Nothing was saved: {first}{more}"
        if exc.impossible
        else f"Nothing was saved yet: {first}{more} Send again with confirm=true to save anyway."
    )
    body = CheckErrorBody(detail=detail, code=code, problems=exc.problems)
    return JSONResponse(body.model_dump(mode="json"), status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(Conflict, _conflict)
    app.add_exception_handler(Forbidden, _forbidden)
    app.add_exception_handler(InvalidInput, _invalid)
    app.add_exception_handler(StoreUnavailable, _unavailable)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(UnreadableFile, _unreadable)
    app.add_exception_handler(Unconfirmed, _unconfirmed)
