"""The ``tenhands`` command line."""
