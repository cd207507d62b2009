"""The kin rules' track record: what a search's probability means, measured.

The search's probability (:mod:`.scoring`: a prior and evidence in bits) is a model, and
the bench shows it too sure of itself where the evidence is thin: of records it put at
10–20 %, about 1 in 25 was kin. So before a proposal is ranked and shown, its
probability is mapped to what proposals like it turned out to be on populations with a
known truth (``bench/kin_calibrate.py`` fits the map and writes
``track_record.json`` beside this module)::

    logit2(shown) = slope * logit2(search) + offset(rule) + per_step * steps

``rule`` is the rule and the hop it proposes (``named_parent/child``: a record naming a
known relative as parent, proposed as their child), ``steps`` how many found records the
chain went through. A proposal below :attr:`TrackRecord.floor` is not shown: fewer than
one in twenty such proposals were kin. Per rule the track record also keeps how many
proposals it made on the bench populations and how many were kin, which the candidate's
card says ("such proposals were family 21 times in 100").

Relatives found through the family graph are not mapped: their ties are the workers'.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

TRACK_RECORD = "track_record"
"""The explanation entry of a kin candidate that gives its rule's track record
(``right``: the rule and hop, ``level``: "kin/proposed", ``weight``: the bits the
mapping moved its score)."""

_FILE = "track_record.json"


_HOPS = frozenset({"child", "parent", "sibling", "partner"})


def rule_key(rule: str, hop: str | None) -> str:
    """A rule and the hop it proposes (``named_parent/child``), or the rule alone when
    it proposes no hop to a known relative (``family_name_parent``)."""
    return f"{rule}/{hop}" if hop in _HOPS else rule


def logit2(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log2(p / (1 - p))


@dataclass(frozen=True)
class Tally:
    """One rule's proposals on the bench populations and how many were kin."""

    proposed: int
    kin: int


@dataclass(frozen=True)
class TrackRecord:
    """The map from the search's probability to the shown one (see the module doc)."""

    slope: float = 1.0
    per_step: float = 0.0
    offsets: dict[str, float] = field(default_factory=dict)
    tallies: dict[str, Tally] = field(default_factory=dict)
    floor: float = 0.0
    """Proposals shown below this probability are left out."""
    fitted_on: str = ""

    @classmethod
    def none(cls, floor: float = 0.0) -> TrackRecord:
        """No mapping: the search's own probabilities (for fitting a new one)."""
        return cls(floor=floor)

    def shown(self, rule: str, p: float, steps: int) -> float:
        """The probability shown for a proposal of ``rule`` (``rule/hop``) the search put
        at ``p``, ``steps`` records away from a known relative."""
        if not self.offsets and self.slope == 1.0 and not self.per_step:
            return p
        bits = self.slope * logit2(p) + self.offsets.get(rule, 0.0) + self.per_step * steps
        return float(1.0 / (1.0 + 2.0**-bits))

    def tally(self, rule: str) -> Tally | None:
        return self.tallies.get(rule)

    def to_json(self) -> str:
        return json.dumps(
            {
                "fitted_on": self.fitted_on,
                "slope": round(self.slope, 4),
                "per_step": round(self.per_step, 4),
                "floor": self.floor,
                "rules": {
                    k: {
                        "offset": round(self.offsets.get(k, 0.0), 4),
                        "proposed": t.proposed,
                        "kin": t.kin,
                    }
                    for k, t in sorted(self.tallies.items())
                },
            },
            indent=2,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> TrackRecord:
        data = json.loads(text)
        rules = data.get("rules", {})
        return cls(
            slope=float(data["slope"]),
            per_step=float(data["per_step"]),
            offsets={k: float(v["offset"]) for k, v in rules.items()},
            tallies={k: Tally(int(v["proposed"]), int(v["kin"])) for k, v in rules.items()},
            floor=float(data["floor"]),
            fitted_on=str(data.get("fitted_on", "")),
        )


@cache
def shipped() -> TrackRecord:
    """The track record fitted by ``bench/kin_calibrate.py`` and shipped with TenHands."""
    text = resources.files(__package__).joinpath(_FILE).read_text(encoding="utf-8")
    return TrackRecord.from_json(text)
