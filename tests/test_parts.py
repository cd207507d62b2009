"""The parts import one another in one direction only (README, "The parts").

Read from the source with :mod:`ast`, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tenhands"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, as absolute names."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


IMPORTS = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _offenders(importer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in IMPORTS.items()
        if module == importer or module.startswith(importer + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    )


def test_the_source_was_read() -> None:
    assert "tenhands.graph.store" in IMPORTS
    assert "tenhands.graph.model" in IMPORTS["tenhands.graph.store"]


@pytest.mark.parametrize(
    ("part", "forbidden"),
    [
        (
            "tenhands.graph",
            (
                "tenhands.finding",
                "tenhands.viz",
                "tenhands.api",
                "tenhands.web",
                "tenhands.cli",
                "tenhands.app",
            ),
        ),
        ("tenhands.files", ("tenhands.graph", "tenhands.finding", "tenhands.viz", "tenhands.api")),
        ("tenhands.finding", ("tenhands.viz", "tenhands.api", "tenhands.web", "tenhands.cli")),
        ("tenhands.viz", ("tenhands.api", "tenhands.web", "tenhands.cli", "tenhands.finding")),
        ("tenhands.api", ("tenhands.web", "tenhands.cli", "tenhands.app")),
        ("tenhands.web", ("tenhands.api.routers", "tenhands.cli")),
    ],
)
def test_a_part_imports_nothing_above_it(part: str, forbidden: tuple[str, ...]) -> None:
    assert _offenders(part, forbidden) == []


def test_only_the_graph_part_talks_to_neo4j() -> None:
    outside = sorted(
        module
        for module, targets in IMPORTS.items()
        if not module.startswith("tenhands.graph.")
        and any(t == "neo4j" or t.startswith("neo4j.") for t in targets)
    )
    assert outside == []
