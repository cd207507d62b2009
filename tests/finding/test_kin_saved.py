"""The kin index kept on disk: loaded back equal to what was built, used only while the
store's records are at the revision it was built at, and never when the file is broken,
stale, of another format or of another layout."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from kin_helpers import AUNT, CASE, fillers, outside_records, seed

from tenhands.finding.kin import KinFinder, RecordIndex, build_index
from tenhands.finding.kin.saved import FORMAT, load_index, save_index
from tenhands.graph.model import Record
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore


def same(a: Any, b: Any, where: str = "index") -> None:
    """``a`` and ``b`` hold the same values, field by field, array dtypes included."""
    assert type(a) is type(b), where
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape, where
        assert a.tolist() == b.tolist(), where
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    else:
        assert a == b, where


@pytest.fixture
def built() -> RecordIndex:
    return build_index([*outside_records(), *fillers()])


def kin_records() -> list[Record]:
    """The outside records of the family, without the unrelated ones."""
    return [r for r in outside_records() if not r.id.startswith("r-fill-")]


def found(finder: KinFinder, store: GraphStore) -> list[tuple[str | None, float]]:
    return [(f.record_id, round(f.probability, 9)) for f in finder.search(store, CASE).kin]


def test_a_saved_index_loads_back_the_same(built: RecordIndex, tmp_path: Path) -> None:
    assert len(built) > 100
    path = tmp_path / "data" / "kin-index.npz"
    save_index(built, path, "epoch:3")
    loaded = load_index(path, "epoch:3")
    assert loaded is not None
    same(built, loaded)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["kin-index.npz"]  # no temporary left


def test_it_is_used_only_at_its_revision(built: RecordIndex, tmp_path: Path) -> None:
    path = tmp_path / "kin-index.npz"
    save_index(built, path, "epoch:3")
    assert load_index(path, "epoch:4") is None
    assert load_index(path, "other:3") is None
    assert load_index(tmp_path / "missing.npz", "epoch:3") is None


def rewrite_manifest(path: Path, change: Any) -> None:
    with np.load(path, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    manifest = json.loads(arrays["__manifest__"].tobytes())
    change(manifest)
    arrays["__manifest__"] = np.frombuffer(json.dumps(manifest).encode(), dtype=np.uint8)
    with path.open("wb") as handle:
        np.savez(handle, **arrays)


def test_another_format_code_or_layout_is_built_anew(built: RecordIndex, tmp_path: Path) -> None:
    path = tmp_path / "kin-index.npz"
    save_index(built, path, "r")
    rewrite_manifest(path, lambda m: m.update(format=FORMAT + 1))
    assert load_index(path, "r") is None

    save_index(built, path, "r")
    rewrite_manifest(path, lambda m: m.update(code="an older build"))
    assert load_index(path, "r") is None

    save_index(built, path, "r")  # as saved before RecordIndex had a column it has now
    rewrite_manifest(path, lambda m: m["layout"]["fields"].pop("scope"))
    assert load_index(path, "r") is None

    save_index(built, path, "r")  # a column since removed
    rewrite_manifest(path, lambda m: m["layout"]["fields"].update(gone={"kind": "array"}))
    assert load_index(path, "r") is None

    save_index(built, path, "r")
    assert load_index(path, "r") is not None  # untouched, it loads


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty"])
def test_a_broken_file_is_never_used(built: RecordIndex, tmp_path: Path, damage: str) -> None:
    path = tmp_path / "kin-index.npz"
    save_index(built, path, "r")
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":  # one byte inside the largest array's data
        with zipfile.ZipFile(path) as z:
            member = max(z.infolist(), key=lambda i: i.file_size)
            at = member.header_offset + 30 + len(member.filename) + 200
        data[at] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(b"not an index at all" * 100)
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert load_index(path, "r") is None


def test_a_finder_builds_once_then_every_finder_loads(tmp_path: Path) -> None:
    path = tmp_path / "tenhands.db"
    saved = tmp_path / "tenhands.db.kin-index.npz"
    first_store, second_store = SqliteStore(path), SqliteStore(path)
    try:
        first_store.init_schema()
        seed(first_store)
        first, second = KinFinder(saved), KinFinder(saved)
        assert found(first, first_store) and (first.builds, first.loads) == (1, 0)
        assert saved.is_file()
        assert found(second, second_store) == found(first, first_store)
        assert (second.builds, second.loads) == (0, 1)
        assert found(KinFinder(), first_store) == found(second, second_store)  # as if built
    finally:
        first_store.close()
        second_store.close()


def test_an_import_through_one_finder_is_seen_by_the_others_next_search(tmp_path: Path) -> None:
    path = tmp_path / "tenhands.db"
    saved = tmp_path / "tenhands.db.kin-index.npz"
    here, there = SqliteStore(path), SqliteStore(path)
    try:
        here.init_schema()
        seed(here, records=fillers())
        mine, theirs = KinFinder(saved), KinFinder(saved)
        assert AUNT not in dict(found(theirs, there))

        here.add_records(kin_records())  # an import in this "process"
        assert AUNT in dict(found(mine, here))  # built here at the new revision, saved
        assert AUNT in dict(found(theirs, there))  # the other loads it, without being told
        assert (theirs.builds, theirs.loads) == (1, 1)
    finally:
        here.close()
        there.close()


def test_a_broken_saved_file_is_built_anew_and_replaced(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "tenhands.db")
    saved = tmp_path / "kin.npz"
    try:
        store.init_schema()
        seed(store)
        expected = found(KinFinder(saved), store)
        saved.write_bytes(saved.read_bytes()[:1000])
        again = KinFinder(saved)
        assert found(again, store) == expected and again.builds == 1
        third = KinFinder(saved)
        assert found(third, store) == expected and third.loads == 1
    finally:
        store.close()


SEARCHER = """
import sys
from tenhands.finding.kin import KinFinder
from tenhands.graph.stores.sqlite import SqliteStore

store = SqliteStore(sys.argv[1])
finder = KinFinder(__import__("pathlib").Path(sys.argv[2]))
for line in sys.stdin:
    found = {f.record_id for f in finder.search(store, sys.argv[3]).kin}
    print(sys.argv[4] in found, finder.builds, finder.loads, flush=True)
"""


def test_a_running_process_sees_an_import_made_by_another(tmp_path: Path) -> None:
    path = tmp_path / "tenhands.db"
    saved = tmp_path / "kin.npz"
    store = SqliteStore(path)
    store.init_schema()
    seed(store, records=fillers())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen(
        [sys.executable, "-c", SEARCHER, str(path), str(saved), CASE, AUNT],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as other:
        assert other.stdin is not None and other.stdout is not None

        def ask() -> str:
            assert other.stdin is not None and other.stdout is not None
            other.stdin.write("search\n")
            other.stdin.flush()
            return other.stdout.readline().strip()

        try:
            assert ask() == "False 1 0"  # built: no aunt among the records yet
            store.add_records(kin_records())
            KinFinder(saved).search(store, CASE)  # this process builds and saves
            assert ask() == "True 1 1"  # the other loaded it at its next search
            assert ask() == "True 1 1"  # and keeps it while nothing changes
        finally:
            other.stdin.close()
            other.wait(timeout=60)
            store.close()


def test_a_place_that_cannot_be_written_leaves_the_index_in_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqliteStore(tmp_path / "tenhands.db")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    try:
        store.init_schema()
        seed(store)
        finder = KinFinder(blocked / "kin.npz")
        assert AUNT in dict(found(finder, store))
        assert AUNT in dict(found(finder, store)) and finder.builds == 1  # kept in memory
        assert "not kept on disk" in caplog.text
        assert "Hanne" not in caplog.text and "Vermeulen" not in caplog.text
    finally:
        store.close()
