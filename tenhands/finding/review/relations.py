"""Which hypothesised relations imply a direct tie, and in which direction."""

from __future__ import annotations

from dataclasses import dataclass

from tenhands.graph.model import Candidate, CandidateKind, TieKind


@dataclass(frozen=True)
class DirectTie:
    """A tie implied by a relation: ``kind``, and whether the candidate is its source."""

    kind: TieKind
    candidate_is_source: bool


_SIDES = ("maternal_", "paternal_")

# "X is RELATION of Y": the candidate X, the person Y named in ``relation_to``.
_DIRECT: dict[str, DirectTie] = {
    **{r: DirectTie(TieKind.parent, True) for r in ("parent", "mother", "father")},
    **{r: DirectTie(TieKind.parent, False) for r in ("child", "son", "daughter")},
    **{
        r: DirectTie(TieKind.grandparent, True)
        for r in ("grandparent", "grandmother", "grandfather")
    },
    **{
        r: DirectTie(TieKind.grandparent, False)
        for r in ("grandchild", "grandson", "granddaughter")
    },
    **{r: DirectTie(TieKind.sibling, True) for r in ("sibling", "brother", "sister")},
    **{
        r: DirectTie(TieKind.half_sibling, True)
        for r in ("half_sibling", "half_brother", "half_sister")
    },
    **{r: DirectTie(TieKind.partner, True) for r in ("partner", "spouse", "husband", "wife")},
}


def parse_relation(relation: str | None, relation_to: str | None) -> tuple[str | None, str | None]:
    """The relation word and the person it is to; ``"mother_of:p-1"`` is read as
    relation ``mother`` to ``p-1`` (the person named in the text wins over ``relation_to``)."""
    if relation is None:
        return None, relation_to
    text = relation.strip().lower().replace("-", "_").replace(" ", "_")
    if "_of:" in text:
        word, _, target = relation.strip().partition("_of:")
        word = word.strip().lower().replace("-", "_").replace(" ", "_")
        return word, target.strip() or relation_to
    return text, relation_to


def direct_tie(relation: str | None) -> DirectTie | None:
    """The tie a relation implies, or None for indirect kin (aunt, cousin, …)."""
    word, _ = parse_relation(relation, None)
    if not word:
        return None
    for side in _SIDES:
        if word.startswith(side):
            word = word[len(side) :]
            break
    return _DIRECT.get(word)


def through_records(candidate: Candidate) -> bool:
    """Whether a kin candidate was reached through records not reviewed yet: its
    ``relation`` is then to the last of those records' persons, whom the graph does not
    hold, not to ``relation_to`` (a cousin is ``child`` of an aunt known only from her
    record, and the chain starts at the grandmother)."""
    from ..kin.found import VIA_RECORD  # the kin package imports this one

    return candidate.kind is CandidateKind.kin and any(
        e.field == VIA_RECORD and e.right for e in candidate.explanation
    )
