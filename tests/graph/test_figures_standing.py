"""Where a person stands: one classification for the figures and the maps."""

from __future__ import annotations

from builders import person, role, tie
from figures_helpers import CASE, TODAY, family

from tenhands.demo.seed import seed_demo
from tenhands.graph.figures import Standing, case_figures
from tenhands.graph.model import Sex
from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.labels import display_name

S = Standing


def _map_groups(store: GraphStore, case_id: str) -> dict[str, str]:
    """The colour group of each person on the worker's map, by the name on the map."""
    scene = build_scene(store, case_id, View.ecomap, Mode.work, "en", today=TODAY)
    return {n.label.split("\n")[0]: str(n.group) for n in scene.people}


def test_kin_first_then_professionals_then_everyone_else(store: GraphStore) -> None:
    family(store)
    store.upsert_persons(
        [
            person("zus", "Zoe", "Testzus", sex=Sex.female),  # a full sister
            person("oom", "Omer", "Testoom", sex=Sex.male),  # the aunt's husband
            person("maat", "Max", "Testmaat", sex=Sex.male),  # dad's friend
        ]
    )
    store.upsert_ties(
        [
            tie("t9", "mum", "zus", "parent"),
            tie("t10", "dad", "zus", "parent"),
            tie("t11", "tante", "oom", "partner"),
            tie("t12", "oom", "kid", "professional"),  # kin stays kin
            tie("t13", "maat", "dad", "friend"),
        ]
    )
    pids = ["mum", "dad", "opa", "tante", "neef", "buur", "pro", "zus", "oom", "maat"]
    store.upsert_roles([role(CASE, pid) for pid in pids])
    standing = case_figures(store, CASE, today=TODAY).standing
    assert standing == {
        "kid": S.child,
        "mum": S.maternal,
        "tante": S.maternal,
        "neef": S.maternal,
        "oom": S.maternal,
        "dad": S.paternal,
        "opa": S.paternal,
        "zus": S.both,
        "buur": S.informal,
        "maat": S.informal,
        "pro": S.professional,
    }
    names = {p.id: display_name(p) for p in store.get_persons(list(standing))}
    assert _map_groups(store, CASE) == {names[pid]: s.value for pid, s in standing.items()}


def test_the_demo_map_and_figures_agree(store: GraphStore) -> None:
    case_id = seed_demo(store)
    figures = case_figures(store, case_id, today=TODAY)
    names = {p.id: display_name(p) for p in store.get_persons(list(figures.standing))}
    assert len(set(names.values())) == len(names)  # names tell the persons apart here
    assert _map_groups(store, case_id) == {
        names[pid]: s.value for pid, s in figures.standing.items()
    }
    assert figures.standing["demo-ria"] is S.maternal
    assert figures.standing["demo-fatima"] is S.paternal
    assert figures.standing["demo-hatice"] is S.informal
    assert figures.standing["demo-eline"] is S.professional
    # The map's counter counts who the figures count.
    scene = build_scene(store, case_id, View.ecomap, Mode.work, "en", today=TODAY)
    assert scene.counter.committed == figures.ten_hands.committed
    assert scene.counter.goal == figures.ten_hands.goal
