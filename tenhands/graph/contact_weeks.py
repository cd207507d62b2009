"""How many weeks without contact make a network member a stale contact, by default.

Kept apart from :mod:`tenhands.graph.figures` so that the settings read it without the
figures' graph analytics."""

STALE_WEEKS = 6
"""Weeks without contact after which a network member is listed as a stale contact."""
