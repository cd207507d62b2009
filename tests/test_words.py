"""Every word in every language: one walk over all the package's word tables.

The word tables (:class:`tenhands.graph.languages.WordTable`) are found by importing
every module of the package, so a new table is checked without being listed here; the
relationship words (:mod:`tenhands.graph.kinship`) are said for every role, sex and
language; the web pages' catalogues go through their own check
(``scripts/web_messages.py --check``).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import tenhands
from tenhands.graph import languages
from tenhands.graph.kinship import Kind, Role, relationships_from
from tenhands.graph.languages import INTERFACE, LANGUAGES, WordTable
from tenhands.graph.model import Basis, Person, Sex, Tie, TieKind
from tenhands.graph.network import build_graph

ROOT = Path(__file__).resolve().parents[1]


def _tables() -> dict[str, WordTable[object, object]]:
    found: dict[str, WordTable[object, object]] = {}
    for info in pkgutil.walk_packages(tenhands.__path__, "tenhands."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, WordTable):
                found[value.name] = value
    return found


TABLES = _tables()


def test_the_tables_were_found() -> None:
    assert {
        "map words",
        "map engagement words",
        "map support words",
        "map risk words",
        "map listing words",
        "map page words",
        "tie words",
        "handout words",
        "handout meeting words",
        "helplines",
        "card words",
        "relation words",
    } <= set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_has_every_word_in_each_of_its_languages(name: str) -> None:
    table = TABLES[name]
    assert table.langs in (LANGUAGES, INTERFACE), f"{name}: languages not from the registry"
    assert table.gaps() == []


def test_a_gap_is_found() -> None:
    table = WordTable("test", INTERFACE, {"a": ("één", ""), "b": ("twee",)}, every=("a", "c"))
    assert table.gaps() == [
        "test: no words for 'c'",
        "test: 'a' has no word in en",
        "test: 'b' has 1 words for 2 languages (nl, en)",
    ]
    with pytest.raises(KeyError, match="no words for 'c'"):
        table.say("c", "nl")


def test_every_tie_kind_is_said_in_every_interface_language() -> None:
    for kind in TieKind:
        for lang in INTERFACE:
            words = {kind.word(sex, lang) for sex in Sex}
            assert all(w.strip() for w in words), (kind, lang)


def _family() -> nx.MultiDiGraph:
    """Three generations on both sides, with half, step, in-law, guardian and other
    relatives; every sex (synthetic persons)."""
    sexes = {
        "kid": Sex.female,
        "mum": Sex.female,
        "dad": Sex.male,
        "oma": Sex.female,
        "opa": Sex.male,
        "tante": Sex.female,
        "oom": Sex.male,
        "nonkel": Sex.unknown,
        "neef": Sex.male,
        "nicht": Sex.female,
        "kind_neef": Sex.unknown,
        "broer": Sex.male,
        "halfzus": Sex.female,
        "stief": Sex.male,
        "stiefzus": Sex.female,
        "lief": Sex.other,
        "kleinkind": Sex.unknown,
        "voogd": Sex.female,
        "verwant": Sex.male,
        "schoonma": Sex.female,
        "ex": Sex.male,
        "overgrootma": Sex.female,
        "adoptiefma": Sex.female,
        "pleegpa": Sex.male,
        "sociale": Sex.unknown,
        "wettelijke": Sex.female,
    }
    persons = [Person(id=pid, given_names=[pid.title()], sex=sex) for pid, sex in sexes.items()]
    ties = [
        ("parent", "mum", "kid"),
        ("parent", "dad", "kid"),
        ("parent", "mum", "broer"),
        ("parent", "dad", "broer"),
        ("parent", "mum", "halfzus"),
        ("parent", "oma", "mum"),
        ("parent", "opa", "mum"),
        ("parent", "oma", "tante"),
        ("parent", "opa", "tante"),
        ("parent", "overgrootma", "oma"),
        ("parent", "overgrootma", "nonkel"),
        ("parent", "tante", "neef"),
        ("parent", "tante", "nicht"),
        ("parent", "neef", "kind_neef"),
        ("parent", "broer", "kleinkind"),
        ("partner", "oom", "tante"),
        ("partner", "stief", "mum"),
        ("parent", "stief", "stiefzus"),
        ("step_sibling", "stiefzus", "kid"),
        ("partner", "broer", "lief"),
        ("parent", "schoonma", "lief"),
        ("ex_partner", "ex", "tante"),
        ("guardian", "voogd", "kid"),
        ("other_relative", "verwant", "kid"),
    ]
    bases = [
        ("adoptiefma", Basis.adoptive),
        ("pleegpa", Basis.foster),
        ("sociale", Basis.social),
        ("wettelijke", Basis.legal),
    ]
    return build_graph(
        persons,
        [
            *(
                Tie(id=f"t{n}", kind=TieKind(kind), source_id=s, target_id=t)
                for n, (kind, s, t) in enumerate(ties)
            ),
            *(
                Tie(id=f"b{n}", kind=TieKind.parent, source_id=s, target_id="broer", basis=b)
                for n, (s, b) in enumerate(bases)
            ),
        ],
    )


def test_every_relationship_is_said_in_every_language() -> None:
    graph = _family()
    roles: set[Role] = set()
    kinds: set[Kind] = set()
    for start in graph.nodes:
        for other, rel in relationships_from(graph, start).items():
            if not rel.related or rel.role is None:
                continue
            roles.add(rel.role)
            kinds.add(rel.kind)
            for lang in languages.LANGUAGES:
                for with_side in (False, True):
                    words = rel.words(lang, with_side=with_side)
                    assert words.strip() and "None" not in words, (start, other, lang)
    assert roles >= set(Role) - {Role.self_}, sorted(set(Role) - roles)
    assert kinds == set(Kind), sorted(set(Kind) - kinds)


def test_the_web_catalogues_hold_every_message_in_both_languages() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/web_messages.py", "--check"],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
