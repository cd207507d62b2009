"""The closure handout as data: only what may be printed for everyone in the network.

A :class:`Handout` is the one thing the renderer receives; it is built by
:func:`~tenhands.viz.handout.gather.handout_of`, which decides what may be in it. Names
are the names the maps use (children by their first name only); nothing in it is an id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tenhands.graph.model import MeetingKind


@dataclass(frozen=True)
class HandoutPerson:
    """One listed person: who they are to the children, what they agreed to, and how to
    reach them (only what they agreed to share)."""

    name: str
    relation: str | None
    """What the person is to the children, in the map's words (e.g. ``grootmoeder,
    mama's kant``, ``buurvrouw``), or None when not known."""
    agreed_role: str | None
    """What the person agreed to be for the children, in their own plain words."""
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    addresses: tuple[str, ...]
    """Current addresses only, each on one line."""
    tasks: tuple[str, ...]
    """What the person does in the current plan."""
    professional: bool
    call: bool
    """One to call when you are worried: agreed to keep an eye on safety, or their agreed
    role says so."""

    @property
    def reachable(self) -> bool:
        return bool(self.phones or self.emails or self.addresses)


@dataclass(frozen=True)
class HandoutTask:
    """One line of the plan: what, who does it, who checks it, by when (only listed
    names), and for professional help the service asked."""

    what: str
    who: tuple[str, ...]
    checked_by: tuple[str, ...]
    due: date | None
    service: str | None


@dataclass(frozen=True)
class Handout:
    """Everything the closure handout shows, in ``lang`` (``nl`` or ``en``)."""

    lang: str
    made_on: date
    children: tuple[str, ...]
    """The children's first names."""
    people: tuple[HandoutPerson, ...]
    """The family and informal network, inner circle first."""
    professionals: tuple[HandoutPerson, ...]
    """Professionals who do a task of the current plan."""
    tasks: tuple[HandoutTask, ...]
    """What the family and network do themselves."""
    help: tuple[HandoutTask, ...]
    """Professional help asked of a service or a professional."""
    last_meeting: date | None
    last_meeting_kind: MeetingKind | None
    next_review: date | None
    """When the plan is looked at again (today or later), if that is agreed."""

    @property
    def who_to_call(self) -> tuple[HandoutPerson, ...]:
        """The people to call when you are worried about the children."""
        return tuple(p for p in self.people if p.call)

    def names(self) -> set[str]:
        """Every name the handout holds (for tests and checks)."""
        out = set(self.children) | {p.name for p in (*self.people, *self.professionals)}
        for task in (*self.tasks, *self.help):
            out |= set(task.who) | set(task.checked_by)
        return out
