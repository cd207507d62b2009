"""How long sign-in tokens last (read by the command line without the rest of the API)."""

SESSION_HOURS = 10
"""A browser session: a working day."""
API_TOKEN_DAYS = 90
"""An API token, unless asked otherwise."""
MAX_API_TOKEN_DAYS = 366
"""The longest an API token may be asked to last."""

__all__ = ["API_TOKEN_DAYS", "MAX_API_TOKEN_DAYS", "SESSION_HOURS"]
