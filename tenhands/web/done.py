"""What a page says after a form did its work (Post/Redirect/Get): the form redirects
with ``?done=<code>`` and the page shows the code's message. Codes carry no data."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from .i18n import N_

DONE: dict[str, str] = {
    "person_added": N_("The person was added. Tie them to someone in the network below."),
    "person_placed": N_("The person was added, with the ties that say what they are to the child."),
    "removed": N_("Removed."),
    "restored": N_("Undone: everything that was removed is back."),
    "undo_gone": N_("There is nothing to undo any more."),
    "person_saved": N_("The changes were saved."),
    "tie_added": N_("The tie was added."),
    "tie_saved": N_("The tie was saved."),
    "contact_logged": N_("The contact was logged."),
    "plan_agreed": N_("The plan was saved as a new version. The map shows each person's tasks."),
    "task_status": N_("The task's status was saved."),
    "searched": N_("The search is done: new proposals are in the list below."),
    "accepted": N_("Accepted: the person is in the network now."),
    "rejected": N_("Rejected: this proposal will not come back."),
    "undone": N_("The decision was undone."),
    "already_decided": N_("Someone already decided on this proposal."),
    "not_shared": N_(
        "This person is known in another case: ask its worker to share them first, then accept."
    ),
    "asked": N_("Asked: the other case's worker will grant or refuse."),
    "already_asked": N_("This was asked already, or the proposal was decided."),
    "granted": N_("Granted: the other case may now link this person."),
    "refused": N_("Refused: the other case was told your reason."),
    "already_answered": N_("This request was answered already."),
    "person_named": N_("The person was added: the maps show them now."),
    "engagement_marked": N_("Saved."),
    "positions_reset": N_("Everyone is back where the map places them."),
    "undo_refused": N_(
        "This cannot be undone: the person was changed or tied to others since. "
        "Change it by hand instead."
    ),
}

DoneQuery = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")]


def done_message(code: str | None) -> str | None:
    """The message id of a code, or None for no code or an unknown one."""
    return DONE.get(code) if code else None
