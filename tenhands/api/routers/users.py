"""Users and the cases assigned to them (``/users``): for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response, status
from pydantic import ValidationError

from ..auth.accounts import add_user, changed, set_disabled, set_password
from ..auth.deps import allowed_to
from ..auth.passwords import WeakPassword
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import CaseIdPath, PageDep, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, ID_PATTERN, NOT_FOUND, domain_invalid
from ..schemas.common import Page
from ..schemas.users import UserCreate, UserPublic, UserUpdate

router = APIRouter(
    prefix="/users",
    tags=["users"],
    responses=COMMON_RESPONSES,
    dependencies=[allowed_to(Permission.manage_users)],
)

UserIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a user's id")]
Admin = Annotated[Principal, allowed_to(Permission.manage_users)]


def _weak(exc: WeakPassword) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc))


@router.get("", summary="List users, by login")
def list_users(store: StoreDep, page: PageDep) -> Page[UserPublic]:
    users = store.list_users(limit=page.limit, offset=page.offset)
    return Page[UserPublic].of(
        [UserPublic.of(u, store.cases_of_user(u.id)) for u in users],
        limit=page.limit,
        offset=page.offset,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a user",
    responses={**BAD_JSON, **CONFLICT},
)
def create_user(
    body: UserCreate, store: StoreDep, request: Request, response: Response
) -> UserPublic:
    try:
        user = add_user(
            store, body.login, body.display_name, body.role, body.password.get_secret_value(),
            lang=body.lang,
        )  # fmt: skip
    except WeakPassword as exc:
        raise _weak(exc) from None
    response.headers["Location"] = str(request.url_for("get_user", user_id=user.id))
    return UserPublic.of(user, [])


@router.get("/{user_id}", summary="One user", responses=NOT_FOUND)
def get_user(user_id: UserIdPath, store: StoreDep) -> UserPublic:
    return UserPublic.of(store.get_user(user_id), store.cases_of_user(user_id))


@router.patch(
    "/{user_id}",
    summary="Change a user: name, role, language, password, or disable them",
    description="Disabling or a new password ends the user's sessions and tokens. You "
    "cannot disable yourself or take away your own admin role.",
    responses={**BAD_JSON, **NOT_FOUND},
)
def update_user(
    user_id: UserIdPath, body: UserUpdate, store: StoreDep, principal: Admin
) -> UserPublic:
    user = store.get_user(user_id)
    if user.id == principal.user.id and (body.disabled or body.role not in (None, user.role)):
        raise HTTPException(
            status.HTTP_409_CONFLICT, "You cannot disable yourself or change your own role."
        )
    changes = body.model_dump(exclude_unset=True, exclude={"password", "disabled"})
    if changes:
        try:
            user = store.update_user(changed(user, changes))
        except ValidationError as exc:
            raise domain_invalid(exc) from None
    if body.password is not None:
        try:
            user = set_password(store, user, body.password.get_secret_value())
        except WeakPassword as exc:
            raise _weak(exc) from None
    if body.disabled is not None and body.disabled != user.disabled:
        user = set_disabled(store, user, body.disabled)
    return UserPublic.of(user, store.cases_of_user(user.id))


@router.put(
    "/{user_id}/cases/{case_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Assign a case to a user",
    responses=NOT_FOUND,
)
def assign(user_id: UserIdPath, case_id: CaseIdPath, store: StoreDep) -> Response:
    store.assign_case(user_id, case_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete(
    "/{user_id}/cases/{case_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Take a case away from a user",
    responses=NOT_FOUND,
)
def unassign(user_id: UserIdPath, case_id: CaseIdPath, store: StoreDep) -> Response:
    store.unassign_case(user_id, case_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
