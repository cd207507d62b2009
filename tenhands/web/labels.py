"""The names the pages give to the domain's values (engagement, circle, tie kinds…),
as message ids for the catalogues; a template says ``_(labels.engagement[value])``.

A proposal's card (its reasons, relation words and score band) is worded by
:mod:`tenhands.finding.review.card`, which the command line says too.
"""

from __future__ import annotations

from ..graph.model import (
    Basis,
    CaseStatus,
    Circle,
    ContactWay,
    Engagement,
    MeetingKind,
    PartnerStatus,
    Quality,
    Question,
    Respondent,
    ReviewStatus,
    RiskFlag,
    Sex,
    Shared,
    SourceKind,
    SupportType,
    TaskOwner,
    TaskStatus,
    TieKind,
    WorryKnowledge,
)
from ..graph.placing import Relation
from ..viz import View
from .i18n import N_

ENGAGEMENT: dict[str, str] = {
    Engagement.identified: N_("identified"),
    Engagement.located: N_("located"),
    Engagement.contacted: N_("contacted"),
    Engagement.engaged: N_("engaged"),
    Engagement.committed: N_("committed"),
    Engagement.declined: N_("declined"),
    Engagement.not_safe: N_("not safe"),
    Engagement.no_contact: N_("no contact allowed"),
    Engagement.deceased: N_("deceased"),
}

CIRCLE: dict[str, str] = {
    Circle.inner: N_("inner circle"),
    Circle.middle: N_("middle circle"),
    Circle.outer: N_("outer circle"),
}

SIDE: dict[str, str] = {
    "child": N_("child of the case"),
    "maternal": N_("mother's side"),
    "paternal": N_("father's side"),
    "both": N_("both sides"),
    "family": N_("family"),
    "informal": N_("informal network"),
    "professional": N_("professional"),
}

SEX: dict[str, str] = {
    Sex.female: N_("female"),
    Sex.male: N_("male"),
    Sex.other: N_("other sex"),
    Sex.unknown: N_("not known"),
}

TIE_KIND: dict[str, str] = {
    TieKind.parent: N_("parent of"),
    TieKind.step_parent: N_("step-parent of"),
    TieKind.guardian: N_("guardian of"),
    TieKind.grandparent: N_("grandparent of"),
    TieKind.sibling: N_("sibling of"),
    TieKind.half_sibling: N_("half-sibling of"),
    TieKind.step_sibling: N_("step-sibling of"),
    TieKind.other_relative: N_("other relative of"),
    TieKind.partner: N_("partner of"),
    TieKind.ex_partner: N_("ex-partner of"),
    TieKind.friend: N_("friend of"),
    TieKind.neighbour: N_("neighbour of"),
    TieKind.teacher: N_("teacher of"),
    TieKind.coach: N_("coach of"),
    TieKind.godparent: N_("godparent of"),
    TieKind.family_friend: N_("family friend of"),
    TieKind.colleague: N_("colleague of"),
    TieKind.professional: N_("professional working with"),
    TieKind.other: N_("otherwise tied to"),
}

BASIS: dict[str, str] = {
    Basis.biological: N_("biological"),
    Basis.adoptive: N_("adoptive"),
    Basis.foster: N_("foster"),
    Basis.legal: N_("legal"),
    Basis.social: N_("social"),
}

QUALITY: dict[str, str] = {
    Quality.strong: N_("strong"),
    Quality.tenuous: N_("tenuous"),
    Quality.stressful: N_("stressful"),
}

PARTNER_STATUS: dict[str, str] = {
    PartnerStatus.married: N_("married"),
    PartnerStatus.cohabiting: N_("living together"),
    PartnerStatus.relationship: N_("in a relationship"),
    PartnerStatus.separated: N_("separated"),
    PartnerStatus.divorced: N_("divorced"),
    PartnerStatus.widowed: N_("widowed"),
}

SUPPORT: dict[str, str] = {
    SupportType.emotional: N_("emotional support"),
    SupportType.practical: N_("practical help"),
    SupportType.respite: N_("respite care"),
    SupportType.placement: N_("a place to live"),
    SupportType.safety_monitoring: N_("keeping an eye on safety"),
    SupportType.transport: N_("transport"),
    SupportType.financial: N_("financial help"),
}

RISK: dict[str, str] = {
    RiskFlag.violence: N_("violence"),
    RiskFlag.abuse_allegation: N_("abuse allegation"),
    RiskFlag.substance_use: N_("substance use"),
    RiskFlag.contact_restriction: N_("contact restriction"),
    RiskFlag.criminal_record: N_("criminal record"),
    RiskFlag.other: N_("other risk"),
}

WORRIES: dict[str, str] = {
    WorryKnowledge.full: N_("knows the worries"),
    WorryKnowledge.partial: N_("knows a little"),
    WorryKnowledge.none: N_("knows nothing yet"),
}

CONTACT_WAY: dict[str, str] = {
    ContactWay.phone: N_("phone call"),
    ContactWay.visit: N_("visit"),
    ContactWay.meeting: N_("meeting"),
    ContactWay.message: N_("message"),
    ContactWay.letter: N_("letter"),
    ContactWay.other: N_("another way"),
}

CASE_STATUS: dict[str, str] = {
    CaseStatus.open: N_("open"),
    CaseStatus.on_hold: N_("on hold"),
    CaseStatus.closed: N_("closed"),
}

SOURCE_KIND: dict[str, str] = {
    SourceKind.manual: N_("entered by hand"),
    SourceKind.registry: N_("registry"),
    SourceKind.case_file: N_("case file"),
    SourceKind.school_list: N_("school list"),
    SourceKind.family_tree: N_("family tree"),
    SourceKind.gedcom: N_("GEDCOM file"),
    SourceKind.import_file: N_("imported file"),
    SourceKind.interview: N_("interview"),
    SourceKind.other: N_("other source"),
}

REVIEW_STATUS: dict[str, str] = {
    ReviewStatus.pending: N_("waiting"),
    ReviewStatus.accepted: N_("accepted"),
    ReviewStatus.rejected: N_("rejected"),
}

VIEW: dict[str, str] = {
    View.ecomap: N_("Ecomap"),
    View.genogram: N_("Genogram"),
    View.circles: N_("Circles of safety and support"),
}

VIEW_SHORT: dict[str, str] = {
    View.ecomap: N_("Ecomap"),
    View.genogram: N_("Genogram"),
    View.circles: N_("Circles"),
}
"""A view's name on a button of the meeting mode's bar."""

MEETING_KIND: dict[str, str] = {
    MeetingKind.family_group_conference: N_("family group conference"),
    MeetingKind.network_meeting: N_("network meeting"),
    MeetingKind.review: N_("review meeting"),
    MeetingKind.closure: N_("closing meeting"),
}

RESPONDENT: dict[str, str] = {
    Respondent.child: N_("a child"),
    Respondent.parent: N_("a parent"),
    Respondent.family: N_("family"),
    Respondent.network: N_("someone of the network"),
    Respondent.other: N_("someone else"),
}

QUESTION: dict[str, str] = {
    Question.heard: N_("We were listened to."),
    Question.own_plan: N_("The plan is our own plan."),
    Question.clear: N_("We know who does what, and what happens next."),
    Question.respected: N_("We were treated with respect."),
    Question.stronger: N_("Our network is stronger than before."),
}
"""The feedback form's statements, each answered 1 (not at all) to 5 (completely)."""

TASK_STATUS: dict[str, str] = {
    TaskStatus.agreed: N_("agreed"),
    TaskStatus.done: N_("done"),
    TaskStatus.not_done: N_("not done"),
    TaskStatus.changed: N_("changed"),
}

TASK_OWNER: dict[str, str] = {
    TaskOwner.network: N_("the family and network do it themselves"),
    TaskOwner.professional: N_("professional help we ask for"),
}

SHARED: dict[str, str] = {
    Shared.phone: N_("phone number"),
    Shared.email: N_("e-mail address"),
    Shared.address: N_("address"),
}

RELATION: dict[str, str] = {
    Relation.parent: N_("parent"),
    Relation.grandparent: N_("grandparent (through a parent)"),
    Relation.aunt_uncle: N_("aunt or uncle (through a parent or grandparent)"),
    Relation.sibling: N_("brother or sister"),
    Relation.half_sibling: N_("half-brother or half-sister"),
    Relation.friend: N_("friend"),
    Relation.neighbour: N_("neighbour"),
    Relation.teacher: N_("teacher"),
    Relation.coach: N_("coach"),
    Relation.godparent: N_("godparent"),
    Relation.family_friend: N_("friend of the family"),
    Relation.professional: N_("professional helper"),
}
"""What a new person is to the child, as the add-person form offers it."""

ALL: dict[str, dict[str, str]] = {
    "engagement": ENGAGEMENT,
    "circle": CIRCLE,
    "side": SIDE,
    "sex": SEX,
    "tie_kind": TIE_KIND,
    "basis": BASIS,
    "quality": QUALITY,
    "partner_status": PARTNER_STATUS,
    "support": SUPPORT,
    "risk": RISK,
    "worries": WORRIES,
    "contact_way": CONTACT_WAY,
    "case_status": CASE_STATUS,
    "source_kind": SOURCE_KIND,
    "review_status": REVIEW_STATUS,
    "view": VIEW,
    "view_short": VIEW_SHORT,
    "meeting_kind": MEETING_KIND,
    "respondent": RESPONDENT,
    "question": QUESTION,
    "task_status": TASK_STATUS,
    "task_owner": TASK_OWNER,
    "shared": SHARED,
    "relation": RELATION,
}
"""Every table by name, as the templates see them (``labels.engagement``)."""
