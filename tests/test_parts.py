"""The parts import one another in one direction only (README, "The parts").

Read from the source with :mod:`ast`, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
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


# -- cycles hidden by an import inside a function ---------------------------------------

UNTANGLED = ("tenhands.graph.kinship", "tenhands.graph.stores.neo4j")
"""Packages whose modules import one another only at the top, without a cycle (an
import inside a function that dodges a cycle is not allowed there; elsewhere the command
line imports lazily on purpose, to start fast)."""


def _type_checking(node: ast.stmt) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(path: Path) -> set[str]:
    """The modules ``path`` imports when it is loaded: its top-level imports, without
    those made for the type checker only (``if TYPE_CHECKING:``) or inside a function."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _module_graph(package: str) -> nx.DiGraph:
    """The package's modules (not the package itself), each pointing at those it imports."""
    folder = PACKAGE.parent.joinpath(*package.split("."))
    paths = {_module_name(p): p for p in sorted(folder.glob("*.py")) if p.name != "__init__.py"}
    graph = nx.DiGraph()
    graph.add_nodes_from(paths)
    for module, path in paths.items():
        graph.add_edges_from((module, t) for t in _runtime_imports(path) if t in paths)
    return graph


def _imports_in_functions(package: str) -> list[str]:
    """``module: line`` of every relative import inside a function of the package."""
    folder = PACKAGE.parent.joinpath(*package.split("."))
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{_module_name(path)}: line {inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.ImportFrom) and inner.level
                ]
    return found


def test_the_module_graphs_were_read() -> None:
    kinship = _module_graph("tenhands.graph.kinship")
    assert kinship.has_edge(*(f"tenhands.graph.kinship.{m}" for m in ("calculator", "sides")))
    assert kinship.has_edge(*(f"tenhands.graph.kinship.{m}" for m in ("relationship", "words_nl")))
    neo4j = _module_graph("tenhands.graph.stores.neo4j")
    assert neo4j.has_edge(*(f"tenhands.graph.stores.neo4j.{m}" for m in ("store", "subject")))


@pytest.mark.parametrize("package", UNTANGLED)
def test_no_import_cycle_among_the_modules(package: str) -> None:
    assert sorted(sorted(c) for c in nx.simple_cycles(_module_graph(package))) == []


@pytest.mark.parametrize("package", UNTANGLED)
def test_no_module_imports_a_sibling_inside_a_function(package: str) -> None:
    assert _imports_in_functions(package) == []
