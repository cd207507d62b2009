"""Fictional data: the demo case that ``tenhands demo`` seeds into a store, and a seeded
synthetic population with its ground truth (:mod:`.population`, imported on its own) for
the benchmarks and their tests."""

from .case import DEMO_CASE_ID, DemoCase, build_demo_case
from .seed import seed_demo

__all__ = ["DEMO_CASE_ID", "DemoCase", "build_demo_case", "seed_demo"]
