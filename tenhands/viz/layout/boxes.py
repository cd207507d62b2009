"""Boxes on a map and a grid that finds the ones near a point quickly.

A map places a few hundred persons, ring labels and sector titles, each tried at many
positions before one keeps clear of the rest; checking every try against every box
placed is what made a 300-person map slow to build. :class:`BoxGrid` files each box
under the grid cells it covers, so a try reads only the boxes in its own cells.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

Box = tuple[float, float, float, float]
"""``(left, top, right, bottom)`` in map units."""


def overlap(a: Box, b: Box, pad: float = 0.0) -> bool:
    """Whether two boxes come closer than ``pad``.

    >>> overlap((0, 0, 10, 10), (12, 0, 20, 10)), overlap((0, 0, 10, 10), (12, 0, 20, 10), 3)
    (False, True)
    """
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


class BoxGrid:
    """Boxes filed by the square cells (side ``cell``) they cover, padded by ``pad``, so
    that :meth:`touches` answers exactly what checking every box with
    :func:`overlap` (and that ``pad``) would.

    >>> grid = BoxGrid(50.0, pad=3.0, boxes=[(0, 0, 10, 10)])
    >>> grid.touches((12, 0, 20, 10)), grid.touches((14, 0, 20, 10)), len(grid)
    (True, False, 1)
    """

    def __init__(self, cell: float, pad: float = 0.0, boxes: Iterable[Box] = ()) -> None:
        if not cell > 0:
            raise ValueError("a grid cell must be larger than zero")
        self.cell = cell
        self.pad = pad
        self._cells: dict[tuple[int, int], list[Box]] = {}
        self._count = 0
        for box in boxes:
            self.add(box)

    def __len__(self) -> int:
        return self._count

    def _span(self, box: Box, grow: float) -> tuple[int, int, int, int]:
        c = self.cell
        return (
            math.floor((box[0] - grow) / c),
            math.floor((box[1] - grow) / c),
            math.floor((box[2] + grow) / c),
            math.floor((box[3] + grow) / c),
        )

    def add(self, box: Box) -> None:
        x0, y0, x1, y1 = self._span(box, self.pad)
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                self._cells.setdefault((i, j), []).append(box)
        self._count += 1

    def touches(self, box: Box) -> bool:
        """Whether ``box`` comes closer than the grid's pad to any box filed."""
        x0, y0, x1, y1 = self._span(box, 0.0)
        cells = self._cells
        pad = self.pad
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                for b in cells.get((i, j), ()):
                    if (
                        box[0] < b[2] + pad
                        and b[0] < box[2] + pad
                        and box[1] < b[3] + pad
                        and b[1] < box[3] + pad
                    ):
                        return True
        return False
