"""A case's network strength figures, as returned (see :mod:`tenhands.graph.figures`)."""

from __future__ import annotations

from ...graph.figures import CaseFigures
from .common import PUBLIC_CONFIG


class CaseFiguresPublic(CaseFigures):
    """Ten hands and eyes, the balance of the network, the family-finding funnel, stale
    contacts, who named whom and the safety scale over time, for one case on one day.
    Persons are named by id only."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, figures: CaseFigures) -> CaseFiguresPublic:
        return cls.model_validate(figures, from_attributes=True)
