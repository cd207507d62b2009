"""TenHands: a family-network graph and family-finding service for youth care."""

__version__ = "0.1.0"
