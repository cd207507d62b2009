"""Why two records match: per field, the compared values, the level hit, the weight added.

The evidence list starts with the prior (how likely any two records are the same
person) and its weights sum to the pair's match weight: a waterfall a worker can read.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ...graph.model import Evidence
from .em import Model
from .prepare import Prepared

PRIOR = "prior"
MISSING = "missing"
_MAX = 500


def _text(value: object) -> str | None:
    text = str(value)
    return text[:_MAX] if text else None


def explain_pair(
    model: Model,
    left: Prepared,
    right: Prepared,
    i: int,
    j: int,
    levels: npt.NDArray[np.int8],
    contributions: npt.NDArray[np.float64],
) -> list[Evidence]:
    """Evidence for left row ``i`` against right row ``j``, given that pair's level row
    and contribution row. Values are shown as folded from the field's own column (the
    surname as written, not its joined form), when both tables have it."""
    evidence = [Evidence(field=PRIOR, level="base rate", weight=model.prior_weight)]
    for f, comparison in enumerate(model.comparisons):
        shown = comparison.field in left.columns and comparison.field in right.columns
        column = comparison.field if shown else comparison.sources[0]
        level = int(levels[f])
        evidence.append(
            Evidence(
                field=comparison.field,
                left=_text(left.column(column)[i]),
                right=_text(right.column(column)[j]),
                level=MISSING if level < 0 else comparison.level_names[level],
                weight=float(contributions[f]),
            )
        )
    return evidence
