"""The colours of every map: Okabe–Ito's colour-blind-safe palette.

Colour never carries meaning alone: the side of the family is also the sector (ecomap)
or the position (genogram), tie quality is also the line style and width, sex is the
shape, engagement is also a badge.
"""

from __future__ import annotations

from tenhands.graph.figures.model import Standing

BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"
LIGHT_GREY = "#DDDDDD"
DARK_GREY = "#555555"

Group = Standing
"""Where a person stands around the child (:class:`tenhands.graph.figures.Standing`):
the legend key of a node's fill."""


GROUP_COLOUR: dict[Group, str] = {
    Group.child: YELLOW,
    Group.maternal: REDDISH_PURPLE,
    Group.paternal: SKY_BLUE,
    Group.both: BLUISH_GREEN,
    Group.informal: ORANGE,
    Group.professional: GREY,
}

UNION_COLOUR = DARK_GREY
STRESSFUL_COLOUR = VERMILLION
STRONG_COLOUR = BLUE
TENUOUS_COLOUR = DARK_GREY
PLAIN_COLOUR = GREY
PARENT_LINE_COLOUR = DARK_GREY
UNKNOWN_PARENTS_COLOUR = "#ffffff"
"""The open dot joining siblings whose parents are not known (drawn with a dark rim)."""
HOUSEHOLD_COLOUR = DARK_GREY
"""The dashed line around who lives with the children."""
RING_COLOUR = LIGHT_GREY
