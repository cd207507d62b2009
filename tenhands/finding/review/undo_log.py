"""What accept changed, kept on the candidate itself so undo can reverse it.

The log is JSON, base64-encoded (no whitespace, which stored short texts would strip)
and cut into :class:`Evidence` entries with field ``_undo``: the candidate is the one
stored thing accept always writes, so the log and the decision are saved together.
These entries never reach the audit log.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from tenhands.graph.model import Candidate, Evidence

UNDO_FIELD = "_undo"
_CHUNK = 480


def without_log(candidate: Candidate) -> list[Evidence]:
    """The candidate's explanation without undo entries."""
    return [e for e in candidate.explanation if e.field != UNDO_FIELD]


def with_log(candidate: Candidate, log: dict[str, Any]) -> list[Evidence]:
    """The explanation with ``log`` attached (replacing any earlier log)."""
    blob = base64.b64encode(json.dumps(log, sort_keys=True).encode()).decode("ascii")
    chunks = [blob[i : i + _CHUNK] for i in range(0, len(blob), _CHUNK)] or [""]
    return without_log(candidate) + [
        Evidence(field=UNDO_FIELD, left=chunk, level=str(i), weight=0.0)
        for i, chunk in enumerate(chunks)
    ]


def read_log(candidate: Candidate) -> dict[str, Any] | None:
    """The attached log, or None when there is none."""
    parts = sorted(
        (e for e in candidate.explanation if e.field == UNDO_FIELD), key=lambda e: int(e.level)
    )
    if not parts:
        return None
    data = json.loads(base64.b64decode("".join(p.left or "" for p in parts)))
    if not isinstance(data, dict):
        raise ValueError("the undo log is damaged")
    return data
