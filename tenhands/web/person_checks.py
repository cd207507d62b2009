"""The plausibility checks and the lookalike warning on the person and tie forms: what
is impossible is marked at its field like any error; what is unlikely comes back as a
warning beside its field with the choice to save anyway.

The rules are :mod:`tenhands.graph.plausibility` and :mod:`tenhands.finding.lookalikes`
(the API asks the same questions); this module only says them in the reader's
language. Lookalikes are looked for among the persons the user may see
(:func:`tenhands.api.auth.visible.visible_persons`), so a warning never tells of a
person in a case the user may not see.

"Save anyway" holds for the warnings shown: the form sends their keys back
(``seen``), and a warning not among them (after a value was changed) is shown first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from starlette.datastructures import FormData

from ..api.auth.principal import Principal
from ..api.plausible import person_checks
from ..graph.model import Person
from ..graph.plausibility import Finding, Severity
from ..graph.store import GraphStore
from .i18n import N_, Gettext
from .templating import ZONE

CHECKS: dict[str, str] = {
    "born_in_future": N_("The birth date lies in the future."),
    "died_in_future": N_("The death date lies in the future."),
    "death_before_birth": N_("The death date lies before the birth date."),
    "young_parent": N_(
        "A parent is at most %(years)d years older than the child: is the birth date right?"
    ),
    "young_grandparent": N_(
        "A grandparent is at most %(years)d years older than the grandchild: is the birth "
        "date right?"
    ),
    "born_after_child": N_(
        "A parent or grandparent is born after the child: is the birth date right?"
    ),
    "phone_shape": N_("'%(phone)s' does not look like a phone number."),
    "postcode_shape": N_("A Belgian postcode has four digits (such as 9000)."),
}
"""The reader's sentence of each check's code (see
:data:`tenhands.graph.plausibility.SENTENCES`)."""

LOOKALIKE = N_("Someone with a name like this is already known. Is it the same person?")


@dataclass
class Checked:
    """What the checks found, by form field, in the reader's language."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    """One key per warning, to know which were confirmed."""
    lookalikes: list[Person] = field(default_factory=list)

    def confirmed(self, form: FormData) -> bool:
        """Whether the form chose to save anyway with every one of these warnings shown."""
        seen = {str(v) for v in form.getlist("seen")}
        return form.get("confirm") == "yes" and set(self.keys) <= seen

    def holds(self, form: FormData) -> bool:
        """Whether saving must wait: an error, or a warning not confirmed."""
        return bool(self.errors) or (bool(self.warnings) and not self.confirmed(form))


def today() -> date:
    """Today, in Belgium."""
    return datetime.now(ZONE).date() if ZONE else datetime.now().date()


def said(finding: Finding, _: Gettext) -> str:
    return _(CHECKS[finding.code]) % dict(finding.values)


def _key(finding: Finding) -> str:
    values = ",".join(f"{k}={v}" for k, v in sorted(finding.values.items()))
    return f"{finding.code}:{finding.field}:{values}"


def sort_findings(
    findings: Iterable[Finding], where: Mapping[str, str], _: Gettext, into: Checked
) -> Checked:
    """The findings at their form fields (``where`` maps a finding's field to the form's)."""
    for finding in findings:
        name = where.get(finding.field, finding.field)
        if finding.severity is Severity.error:
            into.errors.setdefault(name, said(finding, _))
        else:
            text = said(finding, _)
            into.warnings[name] = f"{into.warnings[name]} {text}" if name in into.warnings else text
            into.keys.append(_key(finding))
    return into


def check_person_form(
    store: GraphStore,
    principal: Principal,
    person: Person,
    where: Mapping[str, str],
    _: Gettext,
    *,
    before: Person | None = None,
) -> Checked:
    """The checks of a person about to be stored (a new one when ``before`` is None,
    which is also compared with the persons the user may see)."""
    findings, alike = person_checks(store, principal, person, today=today(), before=before)
    checked = sort_findings(findings, where, _, Checked())
    if alike:
        checked.lookalikes = alike
        checked.warnings.setdefault("given_names", _(LOOKALIKE))
        checked.keys.extend(f"lookalike:{p.id}" for p in alike)
    return checked
