"""The fictional demo case that ``tenhands demo`` seeds into a store."""

from .case import DEMO_CASE_ID, DemoCase, build_demo_case
from .seed import seed_demo

__all__ = ["DEMO_CASE_ID", "DemoCase", "build_demo_case", "seed_demo"]
