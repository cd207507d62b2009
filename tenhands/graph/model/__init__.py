"""The domain model of a child's world, as DESIGN.md names it."""

from .audit import AuditAction, AuditEvent
from .candidate import Candidate, CandidateKind, Evidence, ReviewStatus
from .case import (
    Case,
    CaseStatus,
    ContactEntry,
    ContactWay,
    Engagement,
    NetworkRole,
    RiskFlag,
    Shared,
    StageChange,
    SupportType,
    WorryKnowledge,
    with_stages,
)
from .change_set import ChangeSet, EntityKind, EntityRef, Snapshot, snapshot
from .common import Id, Model, Provenance, SourceKind, SourceRef, new_id, utcnow
from .dates import DateQualifier, PartialDate
from .erasure import Erasure
from .link import LinkRequest, LinkStatus
from .meeting import Feedback, Meeting, MeetingKind, Question, Respondent
from .person import Address, Confidential, Contact, Person, Sex
from .plan import Plan, ScaleScore, Task, TaskOwner, TaskStatus
from .position import MapPosition, MapView
from .record import Record
from .tie import (
    Basis,
    Circle,
    GedcomCarrier,
    GedcomTie,
    GenogramDrawing,
    PartnerStatus,
    Quality,
    Tie,
    TieCategory,
    TieKind,
)
from .user import AccessToken, Language, Login, TokenKind, User, UserRole

__all__ = [
    "AccessToken",
    "Language",
    "Login",
    "TokenKind",
    "User",
    "UserRole",
    "Address",
    "AuditAction",
    "AuditEvent",
    "Basis",
    "Candidate",
    "CandidateKind",
    "Case",
    "ChangeSet",
    "CaseStatus",
    "Circle",
    "Confidential",
    "Contact",
    "ContactEntry",
    "ContactWay",
    "DateQualifier",
    "Engagement",
    "EntityKind",
    "Erasure",
    "EntityRef",
    "Evidence",
    "Id",
    "LinkRequest",
    "LinkStatus",
    "MapPosition",
    "MapView",
    "Model",
    "NetworkRole",
    "PartialDate",
    "PartnerStatus",
    "Person",
    "Plan",
    "Provenance",
    "Quality",
    "Record",
    "ReviewStatus",
    "RiskFlag",
    "ScaleScore",
    "Sex",
    "Snapshot",
    "SourceKind",
    "SourceRef",
    "SupportType",
    "Task",
    "TaskOwner",
    "TaskStatus",
    "Tie",
    "TieCategory",
    "TieKind",
    "GedcomCarrier",
    "GedcomTie",
    "GenogramDrawing",
    "WorryKnowledge",
    "Feedback",
    "Meeting",
    "MeetingKind",
    "Question",
    "Respondent",
    "Shared",
    "StageChange",
    "with_stages",
    "new_id",
    "snapshot",
    "utcnow",
]
