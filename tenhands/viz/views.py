"""The map views, one row each: how a view is laid out and how wide its labels are.

Every part that treats views differently reads this table (:func:`view_drawing`), so
adding a view is adding its :class:`~tenhands.viz.scene.View` member, its row here (a
layout module under :mod:`tenhands.viz.layout`) and its words; a view without a row
fails when this module is imported, never falls back to another view.

>>> view_drawing("genogram").wrap, view_drawing(View.ecomap).rows
(13, False)
>>> view_drawing("treemap")
Traceback (most recent call last):
...
ValueError: 'treemap' is not a valid View
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .labels import NARROW_WRAP, WRAP
from .layout import Geometry, Placed, circles, ecomap, genogram
from .redaction import Network
from .scene import View


@dataclass(frozen=True)
class ViewDrawing:
    """How one view is drawn."""

    layout: Callable[[Network, Geometry], Placed]
    """Places a redacted network (:mod:`tenhands.viz.layout`)."""
    wrap: int
    """Characters on one drawn label line before it is wrapped (:func:`.labels.wrap`)."""
    rows: bool
    """Whether persons stand in rows (generations): a person moved by hand keeps to a row
    (:mod:`.layout.pinned`)."""


VIEWS: dict[View, ViewDrawing] = {
    View.ecomap: ViewDrawing(ecomap.layout, WRAP, rows=False),
    View.genogram: ViewDrawing(genogram.layout, NARROW_WRAP, rows=True),
    View.circles: ViewDrawing(circles.layout, WRAP, rows=False),
}
"""Every view's drawing; :class:`View` members without a row fail at import."""


def check_views(table: dict[View, ViewDrawing]) -> None:
    """RuntimeError when a view has no row in ``table``; run on :data:`VIEWS` at import.

    >>> check_views({View.ecomap: VIEWS[View.ecomap]})
    Traceback (most recent call last):
    ...
    RuntimeError: map views without a row in VIEWS: genogram, circles
    """
    missing = [v.value for v in View if v not in table]
    if missing:
        raise RuntimeError(f"map views without a row in VIEWS: {', '.join(missing)}")


check_views(VIEWS)


def view_drawing(view: View | str) -> ViewDrawing:
    """The drawing of ``view``; ValueError for a name that is not a view."""
    return VIEWS[View(view)]


def wrap_width(view: View | str) -> int:
    """How many characters a label line of ``view`` may hold."""
    return view_drawing(view).wrap
