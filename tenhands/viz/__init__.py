"""Network maps: ecomap, genogram and circles of safety and support, redacted per mode.

:func:`build_scene` turns a stored case into a :class:`Scene` (what is drawn where,
already redacted for its :class:`Mode`); a renderer draws the scene.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .scene import Mode, Scene, View

if TYPE_CHECKING:
    from .build import build_scene

__all__ = ["Mode", "Scene", "View", "build_scene"]


def __getattr__(name: str) -> Any:
    """:func:`build_scene` is imported when first used (the command line reads
    :class:`View` and :class:`Mode` without the layout's numpy and networkx)."""
    if name == "build_scene":
        from .build import build_scene

        return build_scene
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
