"""A case's people with what each is to the children, in the reader's language."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ...graph.figures import Standing
from ...graph.kinship import Relationship
from ...graph.model.common import Id
from ..language import Lang
from .common import PUBLIC_CONFIG
from .network import NetworkNode


class KinRelation(BaseModel):
    """What a person is to one child of the case."""

    model_config = PUBLIC_CONFIG

    child_id: Id
    related: bool
    words: str | None = Field(description="e.g. 'grootmoeder', in the language asked for")
    side: str | None = Field(description="maternal, paternal, both or none, seen from the child")
    kind: str | None = Field(
        description="blood, adoptive, foster, step, social, in_law, partner, legal"
    )
    up: int | None = Field(description="generations from the child up to the common ancestor")
    down: int | None = Field(description="generations from there down to this person")

    @classmethod
    def of(cls, child_id: str, rel: Relationship | None, lang: Lang) -> KinRelation:
        if rel is None or not rel.related:
            return cls(
                child_id=child_id,
                related=False,
                words=None,
                side=None,
                kind=None,
                up=None,
                down=None,
            )
        facts = rel.to_json()
        return cls(
            child_id=child_id,
            related=True,
            words=rel.words(lang),
            side=facts.get("side"),
            kind=facts.get("kind"),
            up=facts.get("up"),
            down=facts.get("down"),
        )


class CasePerson(NetworkNode):
    side: str = Field(
        description="side of the family of the closest relationship to a child: maternal, "
        "paternal, both or none (the children, kin whose side is not known, everyone else)"
    )
    standing: Standing = Field(
        description="where the person stands around the children, as the maps and the figures "
        "group them: child, maternal, paternal, both, informal or professional"
    )
    relations: list[KinRelation] = Field(description="what this person is to each child")


class CasePeople(BaseModel):
    model_config = PUBLIC_CONFIG

    case_id: Id
    lang: Lang
    people: list[CasePerson] = Field(description="the children first, then by name")
