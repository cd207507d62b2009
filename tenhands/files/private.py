"""Writing files that hold person data: readable and writable by their owner only
(0600), in folders only their owner can enter when TenHands makes them (0700), and
written whole or not at all (a temporary file beside the target, then renamed over it).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """Make ``folder`` and any missing folder above it, each 0700; folders that already
    exist are left as they are."""
    folder = Path(folder)
    missing: list[Path] = []
    here = folder
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made at the same moment by someone else: theirs
        os.chmod(made, FOLDER_MODE)  # mkdir's mode passes through the umask
    return folder


def write_private(out: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``out`` as a 0600 file, whole or not at all (its
    folder must exist: :func:`private_folder` makes one). A device or pipe
    (``/dev/stdout``) is written into as it is. Raises OSError when it cannot."""
    out = Path(out)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if out.exists() and not out.is_file():
        with out.open("wb") as handle:
            handle.write(payload)
        return out
    fd, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, out)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return out
