"""Network strength figures of a case, computed with networkx on what the store holds.

>>> from tenhands.graph.figures import case_figures, CaseFigures, Standing

- **ten hands and eyes** (:mod:`.hands`): the committed adults against the case's goal,
  and which of the plan's safety goals ('needs to happen') the tasks serve;
- **balance** (:mod:`.balance`): active members per side of the family, informal and
  professional, and professionals per unpaid adult;
- **funnel** (:mod:`.funnel`): how far members got from identified to committed, and at
  which stage those who left dropped out;
- **stale contacts** (:mod:`.contacts`): active adults nobody reached for
  :data:`STALE_WEEKS` weeks, or ever;
- **who named whom** (:mod:`.naming`): the chains along which the network was found;
- **safety scale** (:mod:`.scale`): each participant's scores across the plan versions;
- **standing** (:mod:`.standing`): what each person is to the children and where they
  stand, the one rule (:func:`case_people`) the API, the web pages, the maps and the
  handout use too.

Decisions, in short: an adult is 18 or older, or of unknown age; the children of the
case are counted nowhere but in ``standing`` (they may start a naming chain);
professionals never count as hands; deceased persons (as the person or their role says)
are never committed adults nor active; only the current (latest) plan version's tasks
cover needs, whatever their status; the safety scale reads every version; where each
person stands is computed as on the worker's map (every tie, confidential ones too).
"""

from .balance import balance
from .case import case_figures
from .contacts import STALE_WEEKS, last_reached, stale_contacts
from .funnel import funnel
from .hands import (
    committed_adults,
    counts_as_hands,
    is_adult,
    is_deceased,
    needs_covered,
    ten_hands,
)
from .model import (
    Balance,
    CaseFigures,
    Funnel,
    FunnelStage,
    Naming,
    NamingChain,
    NeedCover,
    ScalePoint,
    ScaleSeries,
    StaleContact,
    Standing,
    TenHands,
)
from .naming import naming, naming_graph
from .scale import scale_series
from .standing import NAMING_ORDER, PeopleInCase, PersonStanding, case_people, standing_in

__all__ = [
    "NAMING_ORDER",
    "STALE_WEEKS",
    "Balance",
    "CaseFigures",
    "Funnel",
    "FunnelStage",
    "Naming",
    "NamingChain",
    "NeedCover",
    "PeopleInCase",
    "PersonStanding",
    "ScalePoint",
    "ScaleSeries",
    "StaleContact",
    "Standing",
    "TenHands",
    "balance",
    "case_figures",
    "case_people",
    "committed_adults",
    "counts_as_hands",
    "funnel",
    "is_adult",
    "is_deceased",
    "last_reached",
    "naming",
    "naming_graph",
    "needs_covered",
    "scale_series",
    "stale_contacts",
    "standing_in",
    "ten_hands",
]
