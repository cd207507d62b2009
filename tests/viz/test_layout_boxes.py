"""The box grid answers exactly what checking every box would."""

from __future__ import annotations

import random

import pytest

from tenhands.viz.layout.boxes import Box, BoxGrid, overlap


def _box(rng: random.Random) -> Box:
    x, y = rng.uniform(-500, 500), rng.uniform(-400, 400)
    w, h = rng.uniform(1, 180), rng.uniform(1, 90)
    return (x, y, x + w, y + h)


@pytest.mark.parametrize("cell", [7.0, 60.0, 400.0])
@pytest.mark.parametrize("pad", [0.0, 5.6])
def test_grid_agrees_with_every_pair(cell: float, pad: float) -> None:
    rng = random.Random(f"{cell}/{pad}")
    filed = [_box(rng) for _ in range(150)]
    grid = BoxGrid(cell, pad, filed)
    tries = [_box(rng) for _ in range(2000)]
    answers = [grid.touches(t) for t in tries]
    assert answers == [any(overlap(t, b, pad) for b in filed) for t in tries]
    assert 0 < sum(answers) < len(tries)  # both answers occur


def test_a_box_just_outside_the_pad_is_clear_and_just_inside_is_not() -> None:
    grid = BoxGrid(10.0, 2.0, [(0.0, 0.0, 10.0, 10.0)])
    assert not grid.touches((12.0, 0.0, 20.0, 10.0))
    assert grid.touches((11.9, 0.0, 20.0, 10.0))
    assert not grid.touches((-30.0, -30.0, -2.0, -2.0))  # diagonal, at the pad
    assert grid.touches((-30.0, -30.0, -1.9, -1.9))


def test_boxes_added_later_count() -> None:
    grid = BoxGrid(50.0)
    assert not grid.touches((0.0, 0.0, 5.0, 5.0))
    grid.add((4.0, 4.0, 8.0, 8.0))
    assert grid.touches((0.0, 0.0, 5.0, 5.0)) and len(grid) == 1


def test_a_grid_needs_a_cell_size() -> None:
    with pytest.raises(ValueError, match="cell"):
        BoxGrid(0.0)
