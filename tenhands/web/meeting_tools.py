"""What the meeting page's live tools offer (:mod:`.meeting_live` takes their posts):
the words and choices of the forms for a person named in the room and for marking how
someone takes part, and who may be marked. Nothing here says a person's engagement: the
wall never shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..api.auth.deps import CaseScope
from ..api.auth.permissions import Permission
from ..graph.kinship import Side
from ..graph.model import Engagement, Sex
from ..graph.named import WORDS, Named
from ..graph.store import GraphStore
from ..viz import Mode
from ..viz.build import network_of
from ..viz.redaction import kept_away
from .forms import FormState
from .i18n import N_, translations

NAMED: dict[str, str] = {
    Named.grandmother: N_("grandmother"),
    Named.grandfather: N_("grandfather"),
    Named.aunt: N_("aunt"),
    Named.uncle: N_("uncle"),
    Named.sister: N_("sister"),
    Named.brother: N_("brother"),
    Named.cousin: N_("cousin"),
    Named.other_family: N_("other family"),
    Named.neighbour: N_("neighbour"),
    Named.teacher: N_("teacher"),
    Named.friend: N_("friend"),
    Named.godparent: N_("godparent"),
    Named.coach: N_("coach"),
    Named.other: N_("someone else"),
}
"""The words of :class:`~tenhands.graph.named.Named` on the page."""

SIDES: dict[str, str] = {
    Side.maternal: N_("mother's side"),
    Side.paternal: N_("father's side"),
    Side.none: N_("not family"),
}

SEXES: dict[str, str] = {
    Sex.female: N_("woman or girl"),
    Sex.male: N_("man or boy"),
    Sex.other: N_("otherwise"),
    Sex.unknown: N_("not known"),
}

ENGAGEMENTS: dict[str, str] = {
    Engagement.identified: N_("named, not asked yet"),
    Engagement.contacted: N_("asked"),
    Engagement.engaged: N_("thinking about it"),
    Engagement.committed: N_("takes part"),
    Engagement.declined: N_("does not take part"),
}
"""What may be marked in a meeting, in the room's words (never a person's safety)."""


@dataclass(frozen=True)
class LiveTools:
    """What the meeting page's tools offer: the words and choices of the forms, and who
    may be marked."""

    named: list[tuple[str, str]]
    sides: list[tuple[str, str]]
    sexes: list[tuple[str, str]]
    children: list[tuple[str, str]]
    """The children to tie a person to, when the case has more than one."""
    people: list[tuple[str, str]]
    """Who may be marked: (person id, name)."""
    engagements: list[tuple[str, str]]
    gendered: list[str]
    """The words that say a person's sex."""
    blank: FormState = field(default_factory=FormState)
    """The forms as they start."""


def live_tools(store: GraphStore, scope: CaseScope) -> LiveTools | None:
    """The tools of the meeting page, or None for a role that may not use them."""
    principal = scope.principal
    if not principal.can(Permission.meeting_edit):
        return None
    _ = translations(principal.user.lang).gettext
    case = store.get_case(scope.case_id)
    names = {p.id: p.first_name for p in store.get_persons(case.child_ids)}
    return LiveTools(
        named=[(k, _(v)) for k, v in NAMED.items()],
        sides=[(k, _(v)) for k, v in SIDES.items()],
        sexes=[(k, _(v)) for k, v in SEXES.items()],
        children=[(c, names.get(c, "?")) for c in case.child_ids]
        if len(case.child_ids) > 1
        else [],
        people=markable(store, scope.case_id),
        engagements=[(k, _(v)) for k, v in ENGAGEMENTS.items()],
        gendered=[n.value for n, w in WORDS.items() if w.sex is not None],
    )


def markable(store: GraphStore, case_id: str) -> list[tuple[str, str]]:
    """The network members whose engagement may be marked on the wall: those a family-mode
    map shows (not the children, not the deceased), and never one the children are kept
    away from (:func:`~tenhands.viz.redaction.kept_away`); by name."""
    net, _case = network_of(store, case_id, Mode.family, today=date.today())
    roles = {r.person_id: r for r in store.list_roles(case_id)}
    out = []
    for m in net.members:
        role = roles.get(m.person_id)
        if m.is_child or m.deceased or role is None or kept_away(role):
            continue
        out.append((m.person_id, m.name))
    return sorted(out, key=lambda item: (item[1].casefold(), item[0]))
