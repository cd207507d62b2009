"""Everything known about a tie kind is one row of ``TIE_FACTS``: words in every
interface language, a GEDCOM mapping and a genogram drawing for every kind."""

from __future__ import annotations

import pytest

from tenhands.graph.languages import INTERFACE
from tenhands.graph.model import (
    Basis,
    GedcomCarrier,
    GenogramDrawing,
    Sex,
    Tie,
    TieCategory,
    TieKind,
)
from tenhands.graph.model.tie import TIE_FACTS, TIE_WORDS


@pytest.mark.parametrize("kind", list(TieKind))
def test_every_kind_has_words_a_gedcom_mapping_and_a_genogram_drawing(kind: TieKind) -> None:
    assert kind in TIE_FACTS
    for lang in INTERFACE:
        female, male, neutral = (
            kind.word(sex, lang) for sex in (Sex.female, Sex.male, Sex.unknown)
        )
        assert female.strip() and male.strip() and neutral.strip(), (kind, lang)
    assert isinstance(kind.gedcom.carrier, GedcomCarrier)
    if kind.gedcom.carrier is GedcomCarrier.association:
        assert kind.gedcom.word, f"{kind}: an association needs the word written for it"
    assert isinstance(kind.genogram, GenogramDrawing)


def test_the_tie_words_have_no_gaps() -> None:
    assert TIE_WORDS.gaps() == []
    assert set(TIE_WORDS) == set(TieKind)


def test_a_kind_without_words_raises_instead_of_saying_nothing() -> None:
    with pytest.raises(KeyError, match="tie words"):
        TIE_WORDS.say("no_such_kind", "nl")  # type: ignore[arg-type]


def test_the_kinds_groups_agree_with_their_drawing_and_mapping() -> None:
    couples = {k for k in TieKind if k.is_couple}
    assert couples == {TieKind.partner, TieKind.ex_partner}
    assert couples == {k for k in TieKind if k.genogram is GenogramDrawing.couple}
    assert couples == {k for k in TieKind if k.gedcom.carrier is GedcomCarrier.couple}
    parents = {k for k in TieKind if k.is_parent}
    assert parents == {TieKind.parent, TieKind.step_parent, TieKind.guardian}
    assert parents == {k for k in TieKind if k.gedcom.carrier is GedcomCarrier.child}
    assert all(k.directed and k.genogram.rows == 1 for k in parents)
    siblings = {k for k in TieKind if k.is_sibling}
    assert siblings == {TieKind.sibling, TieKind.half_sibling, TieKind.step_sibling}
    assert not any(k.directed for k in siblings | couples)
    # only family is drawn in a genogram
    drawn = {k for k in TieKind if k.genogram is not GenogramDrawing.not_drawn}
    assert all(k.category in (TieCategory.family, TieCategory.partner) for k in drawn)


def test_the_basis_follows_the_kind() -> None:
    said = {
        kind: Tie(source_id="a", target_id="b", kind=kind).basis
        for kind in (TieKind.parent, TieKind.guardian, TieKind.step_sibling, TieKind.friend)
    }
    assert said == {
        TieKind.parent: Basis.biological,
        TieKind.guardian: Basis.legal,
        TieKind.step_sibling: Basis.social,
        TieKind.friend: Basis.social,
    }
