"""Hand-made scenes for the renderer's tests (independent of the scene builder)."""

from __future__ import annotations

import math
from datetime import date

from tenhands.viz.scene import (
    Counter,
    LegendEntry,
    LineStyle,
    Mode,
    Ring,
    Scene,
    SceneEdge,
    SceneNode,
    Sector,
    Shape,
    View,
)

# Okabe–Ito
ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILION, PURPLE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)

HOSTILE_LABEL = "Tante </script><script>alert(1)</script> & co"


def _at(angle_deg: float, radius: float) -> tuple[float, float]:
    a = math.radians(angle_deg)
    return round(radius * math.cos(a), 3), round(-radius * math.sin(a), 3)


def ecomap_scene(lang: str = "nl", *, hostile: bool = False) -> Scene:
    """A small ecomap: a child, both sides of the family, a neighbour, a professional."""
    nl = lang == "nl"
    people = [
        ("child", "Noor\n(" + ("het kind" if nl else "the child") + ")", 0, 0, Shape.circle,
         YELLOW, None),
        ("mother", "Sara\n(" + ("mama" if nl else "mum") + ")", 150, 200, Shape.circle,
         VERMILION, "✓"),
        ("father", "Tom\n(" + ("papa" if nl else "dad") + ")", 30, 200, Shape.square, BLUE, "?"),
        ("oma", "Oma Ria\n(" + ("grootmoeder, mama's kant" if nl else "grandmother, mum's side")
         + ")", 165, 380, Shape.circle, VERMILION, "✓"),
        ("opa", "Opa Jef\n(" + ("grootvader, mama's kant" if nl else "grandfather, mum's side")
         + ")", 195, 380, Shape.square, VERMILION, None),
        ("uncle", "Karim\n(" + ("oom, papa's kant" if nl else "uncle, dad's side") + ")", 15, 380,
         Shape.square, BLUE, "✕"),
        ("neighbour", "Lies\n(" + ("buurvrouw" if nl else "neighbour") + ")", 250, 200,
         Shape.circle, GREEN, "✓"),
        ("friend", "Sam\n(" + ("vriend" if nl else "friend") + ")", 290, 380, Shape.diamond,
         GREEN, None),
        ("teacher", "Juf An\n(" + ("leerkracht" if nl else "teacher") + ")", 320, 560,
         Shape.circle, PURPLE, None),
    ]  # fmt: skip
    if hostile:
        people.append(("hostile", HOSTILE_LABEL, 100, 560, Shape.circle, VERMILION, None))
    nodes = []
    for pid, label, angle, radius, shape, colour, badge in people:
        x, y = _at(angle, radius)
        nodes.append(
            SceneNode(
                id=pid,
                label=label,
                x=x,
                y=y,
                shape=shape,
                colour=colour,
                size=34 if pid == "child" else 26,
                border_width=3,
                double_border=pid == "child",
                deceased=pid == "opa",
                badge=badge,
                tooltip=f"{label.splitlines()[0]} <b>not bold</b>",
                group="child" if pid == "child" else "family",
                tasks=(
                    ("Haalt Noor op woensdag van school", "Belt elke zondag")
                    if pid == "oma"
                    else ("Past op in de vakanties",)
                    if pid == "neighbour"
                    else ()
                ),
                font_size=22,
            )
        )
    edges = [
        SceneEdge("e1", "child", "mother", LineStyle.solid, "#222222", 6),
        SceneEdge("e2", "child", "father", LineStyle.zigzag, VERMILION, 4),
        SceneEdge("e3", "child", "oma", LineStyle.solid, "#222222", 5),
        SceneEdge("e4", "child", "uncle", LineStyle.dashed, "#555555", 2),
        SceneEdge("e5", "child", "neighbour", LineStyle.solid, "#222222", 4),
        SceneEdge("e6", "child", "friend", LineStyle.dotted, "#555555", 3),
        SceneEdge("e7", "child", "teacher", LineStyle.dashed, "#555555", 2),
        SceneEdge("e8", "mother", "father", LineStyle.solid, "#555555", 2, marks=("divorced",)),
        # a parallel edge between the same two persons must survive pyvis
        SceneEdge("e9", "mother", "father", LineStyle.dotted, PURPLE, 2, label="co-ouders"),
        SceneEdge("e10", "oma", "opa", LineStyle.solid, "#555555", 2, marks=("separated",)),
    ]
    legend = [
        LegendEntry("Mama's kant" if nl else "Mum's side", shape=Shape.circle, colour=VERMILION),
        LegendEntry("Papa's kant" if nl else "Dad's side", shape=Shape.square, colour=BLUE),
        LegendEntry("Informeel" if nl else "Informal", shape=Shape.diamond, colour=GREEN),
        LegendEntry("Professioneel" if nl else "Professional", colour=PURPLE),
        LegendEntry("Sterk" if nl else "Strong", style=LineStyle.solid, colour="#222222", width=4),
        LegendEntry("Zwak" if nl else "Tenuous", style=LineStyle.dashed, colour="#555555"),
        LegendEntry("Stroef" if nl else "Stressful", style=LineStyle.zigzag, colour=VERMILION),
        LegendEntry("Los" if nl else "Loose", style=LineStyle.dotted, colour="#555555"),
    ]
    rings = [
        Ring(250, "binnenste cirkel" if nl else "inner circle", "#bbbbbb"),
        Ring(430, "middelste cirkel" if nl else "middle circle", "#cccccc"),
        Ring(610, "buitenste cirkel" if nl else "outer circle", "#dddddd"),
    ]
    sectors = [
        Sector(math.pi / 2, math.pi * 1.25, "Mama's kant" if nl else "Mum's side"),
        Sector(-math.pi / 4, math.pi / 2, "Papa's kant" if nl else "Dad's side"),
        Sector(math.pi * 1.25, math.pi * 1.75, "Informeel" if nl else "Informal"),
    ]
    return Scene(
        view=View.ecomap,
        mode=Mode.projection,
        lang=lang,
        title="Netwerk van Noor" if nl else "Noor's network",
        made_on=date(2026, 11, 23),
        nodes=nodes,
        edges=edges,
        counter=Counter(committed=3, goal=5),
        legend=legend,
        rings=rings,
        sectors=sectors,
        notes=[
            "2 personen niet getoond in deze modus" if nl else "2 persons not shown in this mode"
        ],
    )


def genogram_scene() -> Scene:
    """Two generations with a union point, numeric-looking ids and no rings."""
    nodes = [
        SceneNode("1", "Jan", -100, 0, Shape.square, BLUE, deceased=True),
        SceneNode("2", "Mia", 100, 0, Shape.circle, VERMILION),
        SceneNode("10", "", 0, 0, Shape.dot, "#222222", size=4),
        SceneNode("3", "Noor", 0, 150, Shape.circle, YELLOW, double_border=True),
        SceneNode("4", "Alex", 120, 150, Shape.diamond, SKY),
    ]
    edges = [
        SceneEdge("1", "1", "10"),
        SceneEdge("2", "10", "2"),
        SceneEdge("3", "10", "3"),
        SceneEdge("4", "10", "4", LineStyle.dashed),
    ]
    return Scene(
        view=View.genogram,
        mode=Mode.work,
        lang="en",
        title="Genogram",
        made_on=date(2026, 1, 5),
        nodes=nodes,
        edges=edges,
        counter=Counter(committed=0),
    )
