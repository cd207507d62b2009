"""Building a map's :class:`~tenhands.viz.scene.Scene` from a stored case.

>>> from tenhands.graph.stores.sqlite import SqliteStore
>>> from tenhands.demo.seed import seed_demo
>>> store = SqliteStore(":memory:"); store.init_schema(); case_id = seed_demo(store)
>>> scene = build_scene(store, case_id, View.ecomap, Mode.projection, "en")
>>> scene.counter.committed, scene.counter.hands
(5, 10)
>>> [n.label for n in scene.nodes if n.label.startswith("Oma")]
['Oma Ria\\n(grandmother)']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

from tenhands.graph.model import Case, Engagement, Sex
from tenhands.graph.model.case import HANDS_GOAL
from tenhands.graph.network import surroundings
from tenhands.graph.store import GraphStore

from . import labels
from .layout import WALL, Geometry, Placed
from .layout.pinned import pin
from .palette import (
    GROUP_COLOUR,
    HOUSEHOLD_COLOUR,
    PARENT_LINE_COLOUR,
    PLAIN_COLOUR,
    STRESSFUL_COLOUR,
    STRONG_COLOUR,
    TENUOUS_COLOUR,
    UNION_COLOUR,
    UNKNOWN_PARENTS_COLOUR,
    Group,
)
from .redaction import Member, Network, redact
from .scene import (
    Counter,
    LegendEntry,
    LineStyle,
    Mark,
    Mode,
    Scene,
    SceneNode,
    Shape,
    View,
)
from .views import view_drawing

GEOMETRY: dict[bool, Geometry] = {
    False: Geometry(gap=90.0, row=160.0, width=1.0, font=14.0, node=18.0),
    True: Geometry(gap=80.0, row=250.0, width=1.6, font=26.0, node=18.0, wall=WALL),
}
"""By ``Policy.large``: projection is read from 5 m away, on a 1920×1080 wall (an ecomap
or circles map is laid out to fit it with names at 24 px, see :data:`.layout.WALL`)."""

_SHAPE: dict[Sex, Shape] = {Sex.male: Shape.square, Sex.female: Shape.circle}

_LINES: dict[str, tuple[LineStyle, str, float]] = {
    "line.strong": (LineStyle.solid, STRONG_COLOUR, 6.0),
    "line.tenuous": (LineStyle.dashed, TENUOUS_COLOUR, 3.5),
    "line.stressful": (LineStyle.zigzag, STRESSFUL_COLOUR, 3.5),
    "line.plain": (LineStyle.solid, PLAIN_COLOUR, 1.5),
    "line.closeness": (LineStyle.solid, PLAIN_COLOUR, 6.0),
    "line.parent": (LineStyle.solid, PARENT_LINE_COLOUR, 2.0),
    "line.adoptive": (LineStyle.dashed, PARENT_LINE_COLOUR, 2.0),
    "line.foster": (LineStyle.dotted, PARENT_LINE_COLOUR, 2.0),
    "line.couple": (LineStyle.solid, UNION_COLOUR, 2.0),
    "mark.divorced": (LineStyle.solid, UNION_COLOUR, 2.0),
    "mark.separated": (LineStyle.solid, UNION_COLOUR, 2.0),
    "line.household": (LineStyle.dashed, HOUSEHOLD_COLOUR, 2.0),
}


_LINE_MARKS = {"mark.divorced": Mark.divorced, "mark.separated": Mark.separated}


def build_scene(
    store: GraphStore,
    case_id: str,
    view: View | str,
    mode: Mode | str,
    lang: str = "nl",
    *,
    today: date | None = None,
) -> Scene:
    """The map of a case in ``view`` for the audience of ``mode``, in ``lang`` (nl, en).

    Redaction happens here, before anything is placed: see :mod:`.redaction`. The same
    store and ``today`` give the same scene. Persons the facilitator moved stand where
    they were left (:mod:`.layout.pinned`), the others around them. Raises
    :class:`~tenhands.graph.errors.NotFound` for an unknown case and ValueError for an
    unknown view, mode or language.
    """
    return build(store, case_id, view, mode, lang, today=today)[0]


def build(
    store: GraphStore,
    case_id: str,
    view: View | str,
    mode: Mode | str,
    lang: str = "nl",
    *,
    today: date | None = None,
) -> tuple[Scene, Network]:
    """:func:`build_scene`, with the redacted network the scene was drawn from (for the
    service's own use: it knows which person each map key stands for)."""
    view = View(view)
    today = today or date.today()
    net, case = network_of(store, case_id, mode, lang, today=today)
    pinned = {p.person_id: (p.x, p.y) for p in store.list_positions(case_id, view.value)}
    scene = scene_of(net, case.title, view, today, goal=case.hands_goal, pinned=pinned)
    return scene, net


def network_of(
    store: GraphStore, case_id: str, mode: Mode | str, lang: str = "nl", *, today: date
) -> tuple[Network, Case]:
    """A case's network as a map of ``mode`` may show it, and the case."""
    mode = Mode(mode)
    labels.check_lang(lang)
    graph = store.case_subgraph(case_id)
    case: Case = graph.graph["case"]
    kin = surroundings(store, case.child_ids)
    plans = store.list_plans(case_id)
    plan = plans[-1] if plans else None
    return redact(graph, kin, plan, mode, lang, today), case


def scene_of(
    net: Network,
    case_title: str,
    view: View,
    made_on: date,
    *,
    goal: int = HANDS_GOAL,
    pinned: Mapping[str, tuple[float, float]] | None = None,
) -> Scene:
    """The scene of an already redacted network; ``goal`` is the case's hands goal;
    ``pinned``: where persons were left on this view (by person id, see
    :mod:`.layout.pinned`)."""
    geo = GEOMETRY[net.policy.large]
    drawing = view_drawing(view)
    placed = drawing.layout(net, geo)
    if pinned:
        pin(placed, net, pinned, geo, width=drawing.wrap, rows=drawing.rows)
    drawn = [m for m in net.members if m.key in placed.positions]
    nodes = [
        _node(
            dataclasses.replace(m, label=placed.labels.get(m.key, m.label)),
            placed,
            net.policy.large,
        )
        for m in drawn
    ]
    nodes += placed.extra_nodes
    notes = list(placed.notes)  # never how many were left out: see redaction
    return Scene(
        view=view,
        mode=net.mode,
        lang=net.lang,
        title=labels.title(case_title, view, net.mode, net.lang),
        made_on=made_on,
        nodes=nodes,
        edges=placed.edges,
        counter=counter(net, goal),
        legend=_legend(drawn, placed, net.lang, "line.couple" in placed.used),
        rings=placed.rings,
        sectors=placed.sectors,
        boundaries=placed.boundaries,
        notes=notes,
    )


def counter(net: Network, goal: int = HANDS_GOAL) -> Counter:
    """Committed adults among the persons this mode shows, as the figures count them
    (:func:`tenhands.graph.figures.case_people`: not the children, not the
    professionals, not the deceased; an adult is 18 or older, or of unknown age),
    against the case's ``goal``, with their names as the map writes them."""
    names = sorted((m.name for m in net.members if m.counts), key=str.casefold)
    return Counter(committed=len(names), goal=goal, names=tuple(names))


def _node(m: Member, placed: Placed, large: bool) -> SceneNode:
    x, y = placed.positions[m.key]
    geo = GEOMETRY[large]
    border = (
        5.0
        if m.engagement is Engagement.committed
        else 3.0
        if m.engagement is Engagement.engaged
        else 2.0
    )
    return SceneNode(
        id=m.key,
        label=m.label,
        x=x,
        y=y,
        shape=_SHAPE.get(m.sex, Shape.diamond),
        colour=GROUP_COLOUR[m.group],
        size=geo.child if m.is_child else geo.node,
        border_width=round(border * (1.5 if large else 1.0), 2),
        double_border=m.is_child,
        deceased=m.deceased,
        badge=None if m.engagement is None else labels.BADGES[m.engagement],
        tooltip=m.tooltip or None,
        group=m.group.value,
        tasks=m.tasks,
        font_size=geo.font,
        circle=None if m.is_child else m.circle.value,
        relation=m.relation,
    )


def _legend(drawn: list[Member], placed: Placed, lang: str, unions: bool) -> list[LegendEntry]:
    out: list[LegendEntry] = []
    groups = {m.group for m in drawn}
    for g in Group:
        if g in groups:
            out.append(
                LegendEntry(label=labels.say(f"group.{g.value}", lang), colour=GROUP_COLOUR[g])
            )
    shapes = {_SHAPE.get(m.sex, Shape.diamond) for m in drawn}
    for s in (Shape.square, Shape.circle, Shape.diamond):
        if s in shapes:
            out.append(LegendEntry(label=labels.say(f"shape.{s.value}", lang), shape=s))
    if unions:
        out.append(
            LegendEntry(label=labels.say("shape.dot", lang), shape=Shape.dot, colour=UNION_COLOUR)
        )
    if "junction.unknown" in placed.used:  # a mark of the lines, not a person
        out.append(
            LegendEntry(
                label=labels.say("junction.unknown", lang),
                shape=Shape.dot,
                colour=UNKNOWN_PARENTS_COLOUR,
            )
        )
    if any(m.is_child for m in drawn):
        out.append(
            LegendEntry(
                label=labels.say("child.double", lang),
                shape=Shape.circle,
                mark=Mark.double_border,
            )
        )
    if any(m.deceased for m in drawn):
        out.append(
            LegendEntry(
                label=labels.say("deceased", lang),
                shape=Shape.square,
                mark=Mark.deceased,
                badge=labels.BADGES[Engagement.deceased],
            )
        )
    engagements = {m.engagement for m in drawn if m.engagement is not None}
    for e in Engagement:
        if e in engagements and e is not Engagement.deceased:
            out.append(
                LegendEntry(
                    label=labels.engagement_word(e, lang),
                    mark=Mark.badge,
                    badge=labels.BADGES[e],
                )
            )
    for key, (style, colour, width) in _LINES.items():
        if key in placed.used:
            out.append(
                LegendEntry(
                    label=labels.say(key, lang),
                    style=style,
                    colour=colour,
                    width=width,
                    mark=_LINE_MARKS.get(key),
                )
            )
    return out
