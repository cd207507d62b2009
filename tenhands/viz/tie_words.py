"""Which tie names an informal supporter, and its word (the words themselves are the
tie kinds' own: :data:`tenhands.graph.model.tie.TIE_FACTS`).

>>> tie_word(TieKind.neighbour, Sex.female, "nl"), tie_word(TieKind.godparent, Sex.male, "en")
('buurvrouw', 'godfather')
"""

from __future__ import annotations

from tenhands.graph.model import Sex, TieCategory, TieKind

INFORMAL_ORDER: tuple[TieKind, ...] = (
    TieKind.godparent,
    TieKind.teacher,
    TieKind.coach,
    TieKind.neighbour,
    TieKind.family_friend,
    TieKind.friend,
    TieKind.colleague,
    TieKind.professional,
    TieKind.other,
)
"""Which tie names a supporter when they have several (a godmother who is a neighbour)."""

_outside = {k for k in TieKind if k.category in (TieCategory.informal, TieCategory.professional)}
if set(INFORMAL_ORDER) != _outside:  # a new informal kind must be placed in the order
    raise RuntimeError(
        "INFORMAL_ORDER must list every informal and professional tie kind once: "
        + ", ".join(sorted(_outside ^ set(INFORMAL_ORDER)))
    )


def tie_word(kind: TieKind, sex: Sex, lang: str = "nl") -> str:
    """What a tie of ``kind`` makes a person of ``sex``, in ``lang``; KeyError for a kind
    without words (a test keeps every kind worded)."""
    return kind.word(sex, lang)
