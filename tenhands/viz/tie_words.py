"""What an informal or professional tie makes a person on a map, as a child would say it.

The words and the order are the tie kinds' own (:data:`tenhands.graph.model.tie.TIE_FACTS`,
:data:`~tenhands.graph.model.tie.INFORMAL_ORDER`); this module is where the maps and the
pages take them from.

>>> tie_word(TieKind.neighbour, Sex.female, "nl"), tie_word(TieKind.godparent, Sex.male, "en")
('buurvrouw', 'godfather')
"""

from __future__ import annotations

from tenhands.graph.model import Sex, TieKind
from tenhands.graph.model.tie import INFORMAL_ORDER

__all__ = ["INFORMAL_ORDER", "tie_word"]


def tie_word(kind: TieKind, sex: Sex, lang: str = "nl") -> str:
    """What a tie of ``kind`` makes a person of ``sex``, in ``lang``; KeyError for a kind
    without words (``tests/graph/test_tie_kinds.py`` keeps every kind worded)."""
    return kind.word(sex, lang)
