"""Candidates: proposed matches and kin hypotheses, with why, and the decisions on them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, cast

from pydantic import BaseModel, Field

from ...finding.kin.found import RELATION_TO_CHILD
from ...finding.review import Acceptance, Shown
from ...finding.review.card import Card
from ...finding.review.relation_words import relation_label
from ...finding.review.relations import through_records
from ...graph.model import (
    Candidate,
    CandidateKind,
    LinkRequest,
    LinkStatus,
    Provenance,
    ReviewStatus,
)
from ...graph.model.common import Id, ShortText
from ..language import Lang
from .common import PUBLIC_CONFIG, ApiInput

INTERNAL = "_"
"""Explanation entries whose field starts so are the software's own bookkeeping (candidates
decided by earlier versions kept what accept changed there), never shown."""


# -- candidates --------------------------------------------------------------------------


class EvidencePublic(BaseModel):
    """One step of the explanation waterfall: a field compared, the values, the level hit
    and the weight it added to the score."""

    model_config = PUBLIC_CONFIG

    field: str
    left: str | None
    right: str | None
    level: str
    weight: float


class LinkAsked(BaseModel):
    """The case's request to share a person another case holds, as the asking case sees
    it: only the answer."""

    model_config = PUBLIC_CONFIG

    id: Id
    status: LinkStatus
    requested_by: str
    requested_at: datetime
    decided_at: datetime | None
    reason: str | None = Field(description="why it was granted or refused")

    @classmethod
    def of(cls, link: LinkRequest) -> LinkAsked:
        return cls(
            id=link.id,
            status=link.status,
            requested_by=link.requested_by,
            requested_at=link.requested_at,
            decided_at=link.decided_at,
            reason=link.reason,
        )


BandKey = Literal["certain", "probable", "possible"]


class CardFact(BaseModel):
    """One line of a card: a label and its value, both in words."""

    model_config = PUBLIC_CONFIG

    label: str
    value: str


class CardReason(BaseModel):
    """One sentence of why, and whether it speaks for or against the proposal."""

    model_config = PUBLIC_CONFIG

    text: str
    stance: Literal["for", "against", "neutral"]


class CardPublic(BaseModel):
    """The candidate as a worker reads it, in Dutch or English (French reads the Dutch
    card): the review page's card, without ids, weights or rule codes."""

    model_config = PUBLIC_CONFIG

    lang: Literal["nl", "en"]
    title: str = Field(description='e.g. "Oudtante langs moederskant: Annemie De Smet"')
    band: str = Field(description="the score in a word: zeker, waarschijnlijk, mogelijk")
    band_key: BandKey
    percent: str = Field(description='the score as a percentage, e.g. "72%"')
    facts: list[CardFact] = Field(
        description="who they are, the source record, who led there, what they would be"
    )
    reasons: list[CardReason] = Field(description="why, the rule first, in plain sentences")

    @classmethod
    def of(cls, card: Card) -> CardPublic:
        return cls(
            lang=card.lang,
            title=card.title,
            band=card.band,
            band_key=cast(BandKey, card.band_key),
            percent=card.percent,
            facts=[CardFact(label=f.label, value=f.value) for f in card.facts],
            reasons=[CardReason(text=r.text, stance=r.stance) for r in card.reasons],
        )


class CandidatePublic(BaseModel):
    """A proposed match, kin hypothesis or duplicate, with why and its review status.

    A candidate about a person another case holds (``elsewhere``) shows neither their
    id nor any value of theirs: ask that case to share them (``POST
    /candidates/{id}/link``); it can be accepted once they did (``link.status``
    granted)."""

    model_config = PUBLIC_CONFIG

    id: Id
    kind: CandidateKind
    case_id: Id | None
    record_id: Id | None
    person_id: Id | None
    other_person_id: Id | None
    relation: str | None = Field(
        description="the hypothesised relation code to `relation_to`, e.g. child, "
        "maternal_aunt; when `through_records` is true it is the hop to the last record "
        "on the way (a person not in the network), and `relation_to_child` says what they "
        "would be to the child"
    )
    relation_label: str | None = Field(
        description="the relation in words in the answer's language, when known"
    )
    relation_to: Id | None = Field(
        description="the person the relation is to; with `through_records`, the known "
        "relative the chain of records starts from"
    )
    through_records: bool = Field(
        default=False,
        description="for kin: reached through records not reviewed yet (the `via_record` "
        "entries of the explanation, from the known relative outward); accepting it ties "
        "it by `relation_to_child` alone",
    )
    relation_to_child: str | None = Field(
        default=None, description="for kin: what the person would be to the child, as a code"
    )
    relation_to_child_label: str | None = Field(
        default=None, description="the same in the language asked for"
    )
    elsewhere: bool = Field(
        default=False,
        description="about a person another case holds: a link to ask for, without their data",
    )
    link: LinkAsked | None = Field(default=None, description="the request to share them")
    score: float
    card: CardPublic | None = Field(
        default=None, description="the candidate as a worker reads it, in the answer's language"
    )
    explanation: list[EvidencePublic] = Field(
        description="per field: the values compared, the level and the weight added"
    )
    status: ReviewStatus
    reviewed_by: str | None
    reviewed_at: datetime | None
    reason: str | None
    provenance: Provenance

    @classmethod
    def of(cls, seen: Shown, lang: Lang, card: Card | None = None) -> CandidatePublic:
        """A candidate as those on its case may see it (:func:`~tenhands.finding.review.shown`),
        with its card (:func:`~tenhands.finding.review.card.cards_of`) when given."""
        candidate = seen.candidate
        to_child = next(
            (e.level for e in candidate.explanation if e.field == RELATION_TO_CHILD), None
        )
        return cls(
            id=candidate.id,
            kind=candidate.kind,
            case_id=candidate.case_id,
            record_id=None if seen.record_outside else candidate.record_id,
            person_id=seen.shown_id(candidate.person_id),
            other_person_id=seen.shown_id(candidate.other_person_id),
            elsewhere=seen.elsewhere,
            link=None if seen.link is None else LinkAsked.of(seen.link),
            relation=candidate.relation,
            relation_label=relation_label(candidate.relation, lang),
            relation_to=candidate.relation_to,
            through_records=through_records(candidate),
            relation_to_child=to_child,
            relation_to_child_label=relation_label(to_child, lang),
            score=candidate.score,
            card=None if card is None else CardPublic.of(card),
            explanation=[
                EvidencePublic(
                    field=e.field, left=e.left, right=e.right, level=e.level, weight=e.weight
                )
                for e in candidate.explanation
                if not e.field.startswith(INTERNAL)
            ],
            status=candidate.status,
            reviewed_by=candidate.reviewed_by,
            reviewed_at=candidate.reviewed_at,
            reason=candidate.reason,
            provenance=candidate.provenance,
        )


class CandidateList(BaseModel):
    """A case's candidates of one status: pending ones best first (the review queue)."""

    model_config = PUBLIC_CONFIG

    case_id: Id
    status: ReviewStatus
    total: int = Field(description="how many there are in all")
    items: list[CandidatePublic]
    limit: int
    offset: int
    next_offset: int | None = Field(description="the offset of the next page, or null")


# -- decisions ---------------------------------------------------------------------------


class AcceptBody(ApiInput):
    """Accepting a candidate; a kin hypothesis may be corrected as it is accepted."""

    relation: ShortText | None = Field(
        default=None, description="the corrected relation code (kin candidates only)"
    )
    relation_to: Id | None = Field(
        default=None, description="the person the corrected relation is to (kin only)"
    )
    note: ShortText | None = Field(default=None, description="added to the new role's note")


class RejectBody(ApiInput):
    reason: ShortText = Field(min_length=1, description="why this is not a match or not kin")


class Decision(BaseModel):
    """A candidate's review status after a decision, by id only."""

    model_config = PUBLIC_CONFIG

    candidate_id: Id
    kind: CandidateKind
    status: ReviewStatus
    reviewed_by: str | None
    reviewed_at: datetime | None

    @classmethod
    def of(cls, candidate: Candidate) -> Decision:
        return cls(
            candidate_id=candidate.id,
            kind=candidate.kind,
            status=candidate.status,
            reviewed_by=candidate.reviewed_by,
            reviewed_at=candidate.reviewed_at,
        )


class AcceptancePublic(Decision):
    """What accepting did, by id: the person linked or created, the tie and the role made,
    the fields filled, or the persons merged."""

    person_id: Id = Field(description="the person the candidate now is")
    created_person: bool
    tie_id: Id | None
    role_case_id: Id | None = Field(description="the case the person got a role in")
    relation: str | None = Field(description="the relation as accepted (kin)")
    relation_to: Id | None
    filled: list[str] = Field(description="names of the person's fields filled from the record")
    merged_person_id: Id | None = Field(description="the duplicate merged into person_id")
    moved_ties: list[Id]
    moved_roles: list[Id]

    @classmethod
    def of_acceptance(cls, done: Acceptance) -> AcceptancePublic:
        c = done.candidate
        return cls(
            candidate_id=c.id,
            kind=c.kind,
            status=c.status,
            reviewed_by=c.reviewed_by,
            reviewed_at=c.reviewed_at,
            person_id=done.person_id,
            created_person=done.created_person,
            tie_id=done.tie_id,
            role_case_id=done.role_case_id,
            relation=c.relation,
            relation_to=c.relation_to,
            filled=list(done.filled),
            merged_person_id=done.merged_person_id,
            moved_ties=list(done.moved_ties),
            moved_roles=list(done.moved_roles),
        )
