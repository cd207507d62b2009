"""The network strength figures of one case, as the API returns them and the web shows them.

Every list is in a fixed order and every dictionary has all its keys, so the same store
and the same day give the same figures.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ..model import Engagement, Model


class Standing(StrEnum):
    """Where a person stands around the children: the map's colour groups.

    Kin first (by the side of the family of their closest relationship to a child),
    then professionals (anyone with a professional tie in the case), then everyone else.
    """

    child = "child"
    maternal = "maternal"
    paternal = "paternal"
    both = "both"
    """Family on both sides (full siblings), or family whose side is not known."""
    informal = "informal"
    professional = "professional"


class NeedCover(Model):
    """One 'needs to happen' line of the current plan and the tasks that serve it."""

    need: int = Field(ge=1, description="the line's number in the plan, from 1")
    text: str
    people: list[str] = Field(
        default_factory=list,
        description="ids of the persons doing tasks that serve it, in plan order, once each",
    )
    tasks: list[str] = Field(default_factory=list, description="ids of the tasks serving it")
    services: list[str] = Field(
        default_factory=list,
        description="services asked for professional help serving it, in plan order, once each",
    )
    network: bool = Field(
        default=False,
        description="whether a task the family and network do themselves serves it "
        "(professionals are passers-by, the network stays)",
    )


class TenHands(Model):
    """Ten hands and eyes: committed adults of the network against the case's goal."""

    committed: int = Field(ge=0)
    goal: int = Field(ge=1, description="the case's hands_goal")
    met: bool
    adults: list[str] = Field(
        default_factory=list, description="ids of the committed adults counted, by id"
    )
    needs: list[NeedCover] = Field(
        default_factory=list, description="the current plan's 'needs to happen', in order"
    )
    uncovered: list[int] = Field(
        default_factory=list, description="numbers of the needs no task serves"
    )


class Balance(Model):
    """Who carries the network: each standing, and professionals against unpaid adults."""

    counts: dict[Standing, int] = Field(
        description="active network members (on the way or committed) per standing; "
        "the children of the case are not counted"
    )
    professionals: int = Field(ge=0)
    unpaid: int = Field(ge=0, description="active adults who are not professionals")
    ratio: float | None = Field(
        default=None,
        description="professionals per unpaid adult, 2 decimals; null when there is no "
        "unpaid adult",
    )


class FunnelStage(Model):
    """One stage of family finding."""

    stage: Engagement
    reached: int = Field(ge=0, description="members whose furthest stage is at least this")
    now: int = Field(ge=0, description="members at this stage now")
    dropped: int = Field(
        ge=0,
        description="members now off the way (declined, not safe, no contact) whose "
        "furthest stage was this",
    )


class Funnel(Model):
    """The way from identified to committed, and where people leave it."""

    stages: list[FunnelStage] = Field(description="identified … committed, in order")
    off: dict[Engagement, int] = Field(
        description="members now declined, not safe, no contact or deceased"
    )
    most_dropped: Engagement | None = Field(
        default=None,
        description="the stage most members dropped out at (the earliest on a tie); null "
        "when nobody did",
    )
    untraced: int = Field(
        default=0,
        ge=0,
        description="members off the way whose history shows no stage on it (e.g. "
        "recorded as declined from the start): their dropout stage is not known",
    )


class StaleContact(Model):
    """An active network member nobody has reached for a while (or ever)."""

    person_id: str
    last_contact: datetime | None = Field(
        default=None,
        description="the later of the role's last contact and the newest contact-log "
        "entry that reached them",
    )
    weeks: int | None = Field(default=None, description="whole weeks since; null if never")
    engagement: Engagement = Engagement.identified
    standing: Standing = Standing.informal


class NamingChain(Model):
    """Who named whom: each person was named to the worker by the one before."""

    path: list[str] = Field(min_length=2)


class Naming(Model):
    """How the network was found, through whom."""

    chains: list[NamingChain] = Field(
        default_factory=list, description="maximal chains, longest first, then by ids"
    )
    named: dict[str, int] = Field(
        default_factory=dict, description="for each person who named others: how many"
    )
    unknown: int = Field(
        default=0, ge=0, description="network members with no recorded namer in the network"
    )


class ScalePoint(Model):
    on: date
    score: int = Field(ge=0, le=10)
    version: int = Field(ge=1, description="the plan version the score was recorded in")


class ScaleSeries(Model):
    """One participant's safety scale scores across the plan versions."""

    person_id: str | None = None
    label: str | None = None
    points: list[ScalePoint] = Field(default_factory=list, description="in date order")


class CaseFigures(Model):
    """Every network strength figure of one case, on one day."""

    case_id: str
    on: date
    standing: dict[str, Standing] = Field(description="where each child and network member stands")
    ten_hands: TenHands
    balance: Balance
    funnel: Funnel
    stale: list[StaleContact] = Field(
        description="never contacted first, then the longest without contact"
    )
    stale_weeks: int = Field(ge=1)
    naming: Naming
    scale: list[ScaleSeries]
