"""Network maps: ecomap, genogram and circles of safety and support, redacted per mode.

:func:`build_scene` turns a stored case into a :class:`Scene` (what is drawn where,
already redacted for its :class:`Mode`); a renderer draws the scene.
"""

from .build import build_scene
from .scene import Mode, Scene, View

__all__ = ["Mode", "Scene", "View", "build_scene"]
