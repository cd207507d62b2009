"""The kin index kept on disk between runs, so a command or a new service process loads it
instead of building it again from every record in the store.

One file (an uncompressed ``.npz``: numpy arrays in a zip) holds a
:class:`~.index.RecordIndex` with what it was built from: the store's
:meth:`~tenhands.graph.store.GraphStore.records_revision`, the file format, and a
fingerprint of the code that builds an index (the modules that normalise and index
records). It is written whole or not at all (a 0600 temporary file beside it, renamed
over it, in a folder made 0700) and read only when all three still match and every
array is whole (the zip's checksums); otherwise :func:`load_index` says ``None`` and
the caller builds the index anew. Nothing in it is ever unpickled.

The file is written by walking the index's dataclass fields, whatever they are, so a
column added to :class:`~.index.RecordIndex` is kept without a change here: numeric
arrays are stored as they are, text columns as a table of distinct strings and a code
per row, lists of strings as one text, ``dict`` fields as their keys and values, nested
dataclasses field by field. The layout is stored beside the arrays and must name the
same fields as the class has now, or the file counts as stale.

Between processes, one builds while the others wait (:func:`building`, an advisory lock
on a file beside the index), then they load what it wrote.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import tempfile
import typing
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ... import __version__
from ...files.private import private_folder
from .index import RecordIndex

FORMAT = 1
"""The file format; a file of another format is built anew."""

_MANIFEST = "__manifest__"
_SEP = "\x00"
"""Joins the strings of a text entry (a string holding it is not saved; see
:class:`Unsaveable`)."""

FILE_MODE = 0o600

Layout = dict[str, Any]
Arrays = dict[str, npt.NDArray[Any]]


class Unsaveable(ValueError):
    """The index holds a value this format cannot keep (then it is not kept on disk)."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the code that turns records into an index (this package's version, the
    index and name modules, the normalisers and their tables): an index saved by other
    code is built anew."""
    digest = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    parts = [
        ("tenhands.finding.kin", ("index.py", "names.py")),
        ("tenhands.finding.normalize", None),
    ]
    for package, names in parts:
        try:
            folder = resources.files(package)
            entries = sorted(
                (e for e in folder.iterdir() if e.is_file() and (names is None or e.name in names)),
                key=lambda e: e.name,
            )
            for entry in entries:
                if entry.name.endswith((".py", ".tsv", ".csv", ".json", ".txt")):
                    digest.update(entry.name.encode())
                    digest.update(entry.read_bytes())
        except (OSError, ModuleNotFoundError):
            digest.update(b"?")
    return digest.hexdigest()[:32]


# -- writing ----------------------------------------------------------------------------


def _join(strings: list[str]) -> npt.NDArray[np.uint8]:
    if any(not isinstance(s, str) for s in strings):
        raise Unsaveable("a text column holds something else than text")
    text = _SEP.join(strings)
    if text.count(_SEP) != max(len(strings) - 1, 0):
        raise Unsaveable("a text holds the separator")
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _put(value: object, name: str, out: Arrays) -> Layout:
    """Store ``value`` under ``name`` (and names below it) in ``out``; its layout."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "kind": "dataclass",
            "fields": {
                f.name: _put(getattr(value, f.name), f"{name}.{f.name}", out)
                for f in dataclasses.fields(value)
            },
        }
    if isinstance(value, np.ndarray):
        if value.dtype == np.object_:
            table: dict[str, int] = {}
            codes = np.fromiter(
                (table.setdefault(s, len(table)) for s in value.tolist()), np.int64, len(value)
            )
            out[f"{name}.table"] = _join(list(table))
            out[f"{name}.codes"] = codes.astype(np.int32 if len(table) < 2**31 else np.int64)
            return {"kind": "texts", "size": len(table)}
        if value.dtype.hasobject or value.dtype.kind not in "biuf":
            raise Unsaveable(f"{name}: arrays of {value.dtype} are not kept")
        out[name] = value
        return {"kind": "array"}
    if isinstance(value, list):
        out[name] = _join(value)
        return {"kind": "strings", "size": len(value)}
    if isinstance(value, dict):
        keys = list(value)
        out[f"{name}.keys"] = _join(keys)
        values = list(value.values())
        if values and all(isinstance(v, np.ndarray) for v in values):
            return {
                "kind": "dict",
                "size": len(keys),
                "values": [_put(v, f"{name}.{i}", out) for i, v in enumerate(values)],
            }
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            out[f"{name}.values"] = np.asarray(values, dtype=np.int64)
            return {"kind": "int_dict", "size": len(keys)}
        raise Unsaveable(f"{name}: a dict of other values than ints or arrays")
    raise Unsaveable(f"{name}: {type(value).__name__} is not kept")


def save_index(index: RecordIndex, path: Path, revision: str) -> None:
    """Write ``index`` to ``path`` as built at ``revision`` of the store's records, whole
    or not at all. :class:`Unsaveable` if it holds what the format cannot keep; OSError
    when the file cannot be written."""
    arrays: Arrays = {}
    layout = _put(index, "index", arrays)
    manifest = {
        "format": FORMAT,
        "code": code_fingerprint(),
        "revision": revision,
        "layout": layout,
    }
    arrays[_MANIFEST] = np.frombuffer(json.dumps(manifest).encode("utf-8"), dtype=np.uint8)
    private_folder(path.parent)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, allow_pickle=False, **arrays)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# -- reading ----------------------------------------------------------------------------


class _Broken(ValueError):
    """The file does not hold a whole index of this code's layout."""


def _split(data: npt.NDArray[Any], size: int) -> list[str]:
    if size == 0:
        return []
    parts = data.tobytes().decode("utf-8").split(_SEP)
    if len(parts) != size:
        raise _Broken("a text entry has the wrong number of strings")
    return parts


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _get(layout: Layout, name: str, hint: Any, arrays: Any) -> object:
    """The value stored under ``name`` with ``layout``; ``hint`` is the field's type now."""
    kind = layout.get("kind")
    if kind == "dataclass":
        cls = hint if isinstance(hint, type) and dataclasses.is_dataclass(hint) else None
        if cls is None:
            raise _Broken(f"{name} is no longer a dataclass")
        fields = {f.name for f in dataclasses.fields(cls)}
        stored = layout["fields"]
        if set(stored) != fields:
            raise _Broken(f"{name} has other fields now")
        hints = _hints(cls)
        return cls(**{f: _get(stored[f], f"{name}.{f}", hints[f], arrays) for f in stored})
    if kind == "array":
        array: npt.NDArray[Any] = arrays[name]
        return array
    if kind == "texts":
        table = np.empty(layout["size"], dtype=object)
        table[:] = _split(arrays[f"{name}.table"], layout["size"])
        codes = arrays[f"{name}.codes"]
        if len(codes) and (codes.min() < 0 or codes.max() >= layout["size"]):
            raise _Broken(f"{name}: a code outside its table")
        return table[codes]
    if kind == "strings":
        return _split(arrays[name], layout["size"])
    if kind == "int_dict":
        keys = _split(arrays[f"{name}.keys"], layout["size"])
        values = arrays[f"{name}.values"]
        if len(values) != len(keys):
            raise _Broken(f"{name}: keys and values differ in number")
        return dict(zip(keys, values.tolist(), strict=True))
    if kind == "dict":
        keys = _split(arrays[f"{name}.keys"], layout["size"])
        parts = layout["values"]
        if len(parts) != len(keys):
            raise _Broken(f"{name}: keys and values differ in number")
        inner = typing.get_args(hint)[1] if typing.get_args(hint) else None
        return {
            k: _get(p, f"{name}.{i}", inner, arrays)
            for i, (k, p) in enumerate(zip(keys, parts, strict=True))
        }
    raise _Broken(f"{name}: unknown kind {kind!r}")


def load_index(path: Path, revision: str) -> RecordIndex | None:
    """The index saved at ``path`` if it was built at ``revision`` by this code and is
    whole; ``None`` if the file is missing, stale, of another format or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as arrays:
            manifest = json.loads(arrays[_MANIFEST].tobytes().decode("utf-8"))
            if (
                manifest.get("format") != FORMAT
                or manifest.get("code") != code_fingerprint()
                or manifest.get("revision") != revision
            ):
                return None
            index = _get(manifest["layout"], "index", RecordIndex, arrays)
    except (OSError, EOFError, ValueError, KeyError, TypeError, zipfile.BadZipFile):
        return None  # _Broken is a ValueError
    return index if isinstance(index, RecordIndex) else None


@contextmanager
def building(path: Path) -> Iterator[None]:
    """Hold the lock beside ``path`` (``<name>.lock``) while loading or building the index
    there: another process doing the same waits, then finds what this one saved. Without a
    writable folder, nothing is held."""
    try:
        private_folder(path.parent)
        fd = os.open(path.with_name(path.name + ".lock"), os.O_CREAT | os.O_RDWR, FILE_MODE)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
