"""Words for the kinds of informal and professional ties, as a child would say them.

>>> tie_word(TieKind.neighbour, Sex.female, "nl"), tie_word(TieKind.godparent, Sex.male, "en")
('buurvrouw', 'godfather')
"""

from __future__ import annotations

from tenhands.graph.model import Sex, TieKind

# kind: (female, male, neutral) per language
_WORDS: dict[str, dict[TieKind, tuple[str, str, str]]] = {
    "nl": {
        TieKind.friend: ("vriendin", "vriend", "vriend(in)"),
        TieKind.neighbour: ("buurvrouw", "buurman", "buur"),
        TieKind.teacher: ("juf", "meester", "leerkracht"),
        TieKind.coach: ("coach", "coach", "coach"),
        TieKind.godparent: ("meter", "peter", "meter/peter"),
        TieKind.family_friend: (
            "vriendin van de familie",
            "vriend van de familie",
            "vriend(in) van de familie",
        ),
        TieKind.colleague: ("collega", "collega", "collega"),
        TieKind.professional: ("hulpverlener", "hulpverlener", "hulpverlener"),
        TieKind.other: ("kent het gezin", "kent het gezin", "kent het gezin"),
    },
    "en": {
        TieKind.friend: ("friend", "friend", "friend"),
        TieKind.neighbour: ("neighbour", "neighbour", "neighbour"),
        TieKind.teacher: ("teacher", "teacher", "teacher"),
        TieKind.coach: ("coach", "coach", "coach"),
        TieKind.godparent: ("godmother", "godfather", "godparent"),
        TieKind.family_friend: ("family friend", "family friend", "family friend"),
        TieKind.colleague: ("colleague", "colleague", "colleague"),
        TieKind.professional: ("professional", "professional", "professional"),
        TieKind.other: ("knows the family", "knows the family", "knows the family"),
    },
}


def tie_word(kind: TieKind, sex: Sex, lang: str = "nl") -> str | None:
    """What an informal or professional tie makes a person, or None for family kinds."""
    words = _WORDS["en" if lang == "en" else "nl"].get(kind)
    if words is None:
        return None
    female, male, neutral = words
    return female if sex is Sex.female else male if sex is Sex.male else neutral
