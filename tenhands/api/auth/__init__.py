"""Accounts, sign-in, permissions and per-case access for the API and the web pages."""
