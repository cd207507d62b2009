"""What a kin search found: proposals with their evidence, ready for the review queue."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...graph.kinship import Relationship
from ...graph.kinship import Side as KinSide
from ...graph.model import Candidate, CandidateKind, Evidence

VIA_RECORD = "via_record"
"""The explanation entry of a kin candidate for each record on the way from the known
relative to them, in order (``right``: the record's id, ``left``: its person's hop to
the link before), or, without either, for a known relative's own record on the way."""

RELATION_TO_CHILD = "relation_to_child"
"""The explanation entry of a kin candidate that says what they would be to the child
(a code such as ``maternal_aunt``; weight 0)."""

ELSEWHERE = "other_case"
"""The one explanation entry of a finding about a person another case holds: it says
that they may be known there, and nothing of theirs."""
ELSEWHERE_TEXT = "may also be known in another case; ask its worker to share them"


@dataclass(frozen=True)
class Found:
    """One proposal, best first in :class:`KinSearch`; ids only, no values but evidence."""

    kind: CandidateKind
    probability: float
    evidence: list[Evidence]
    rule: str
    record_id: str | None = None
    person_id: str | None = None
    other_person_id: str | None = None
    relation: str | None = None
    """For kin: what the person would be to ``relation_to`` (``child``, ``sibling``…)."""
    relation_to: str | None = None
    kinship: Relationship | None = None
    """For kin: what the person would be to the (first) child."""
    elsewhere: bool = False
    """About a person another case holds: a link to ask for, with no values of theirs."""

    def across(self) -> Found:
        """The same finding about a person another case holds: the evidence becomes one
        entry without values (the weights summed), so nothing of theirs is stored in
        this case's queue."""
        weight = sum(e.weight for e in self.evidence)
        only = Evidence(field=ELSEWHERE, level=ELSEWHERE_TEXT, weight=weight)
        return replace(self, evidence=[only], elsewhere=True)

    @property
    def relation_code(self) -> str | None:
        """What the person would be to the child, e.g. ``maternal_aunt``."""
        if self.kinship is not None and self.kinship.related:
            return relation_code(self.kinship)
        return self.relation if self.relation and self.relation.endswith("_relative") else None

    def words(self, lang: str = "nl") -> str | None:
        """The relation to the child in words, with the side of the family."""
        if self.kinship is not None and self.kinship.related:
            return self.kinship.words(lang, with_side=True)
        return None

    def candidate(self, case_id: str) -> Candidate:
        explanation = list(self.evidence)
        code = self.relation_code
        if code:
            explanation.append(Evidence(field=RELATION_TO_CHILD, level=code, weight=0.0))
        return Candidate(
            kind=self.kind,
            case_id=case_id,
            record_id=self.record_id,
            person_id=self.person_id,
            other_person_id=self.other_person_id,
            relation=self.relation,
            relation_to=self.relation_to,
            score=float(min(max(self.probability, 0.0), 1.0)),
            explanation=explanation,
        )


@dataclass
class KinSearch:
    """What one search found for a case."""

    case_id: str
    child_id: str
    kin: list[Found] = field(default_factory=list)
    """Possible kin not yet in the network, best first."""
    matches: list[Found] = field(default_factory=list)
    """Records that are probably persons already in the network."""
    duplicates: list[Found] = field(default_factory=list)
    """Persons elsewhere in the store who are probably persons of this case."""

    def candidates(self) -> list[Candidate]:
        return [f.candidate(self.case_id) for f in [*self.kin, *self.matches, *self.duplicates]]


def relation_code(rel: Relationship) -> str:
    """A relationship as a code: ``maternal_aunt``, ``paternal_great_grandfather``,
    ``half_brother``, ``sister``."""
    words = rel.words("en").lower().replace("-", "_").replace(" ", "_").replace("'", "")
    if rel.side in (KinSide.maternal, KinSide.paternal) and (rel.up or 0) >= 2:
        return f"{rel.side.value}_{words}"
    return words
