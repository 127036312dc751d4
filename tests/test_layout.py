"""Imports flow one way: layer folders -> concern packages -> content.

Plain tests (no Plone layer): every module of the package is parsed, never
imported. Content may use vocabularies only by their registered names
(``vocabulary="qgis.certification.Countries"``), never by importing them.
"""

import ast
from pathlib import Path

import pytest

import qgis.certification


PACKAGE = qgis.certification.__name__
ROOT = Path(qgis.certification.__file__).parent
CONCERNS = {
    "application",
    "caching",
    "certificates",
    "indexers",
    "mail",
    "payments",
    "privacy",
    "public",
    "setuphandlers",
    "signup",
    "trainers",
    "work",
}
REQUEST_LAYERS = {"browser", "services", "subscribers"}
FORBIDDEN = {
    "content": REQUEST_LAYERS | {"vocabularies"} | CONCERNS,
    **dict.fromkeys(CONCERNS, REQUEST_LAYERS),
}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


MODULES = {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def top_level(name):
    """The sub-package (or top-level module) a dotted name belongs to, or None."""
    parts = name.split(".")
    if name == PACKAGE or not name.startswith(f"{PACKAGE}."):
        return None
    return parts[2]


def _absolute(module, node):
    """The module a ``from ... import`` statement reads from."""
    if not node.level:
        return node.module
    base = module.split(".")
    is_package = MODULES[module].name == "__init__.py"
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def imported(module):
    """Every module of the package that ``module`` imports (also inside functions)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            found.add(source)
            # ``from qgis.certification import content`` imports a sub-package
            found.update(
                f"{source}.{alias.name}"
                for alias in node.names
                if f"{source}.{alias.name}" in MODULES
            )
    return {name for name in found if top_level(name)}


def dependencies():
    """{sub-package: {sub-package: [an importing module, ...]}}, self-imports left out."""
    graph = {}
    for module in MODULES:
        source = top_level(module)
        if source is None:
            continue
        for name in imported(module):
            target = top_level(name)
            if target != source:
                graph.setdefault(source, {}).setdefault(target, []).append(module)
    return graph


def test_imports_are_found():
    graph = dependencies()
    assert "content" in graph["browser"]
    assert "content" in graph["vocabularies"]
    assert f"{PACKAGE}.content.organisation" in imported(
        f"{PACKAGE}.vocabularies.organisation_items"
    )


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_lower_layer_does_not_import_a_higher_one(layer):
    wrong = {
        target: modules
        for target, modules in dependencies().get(layer, {}).items()
        if target in FORBIDDEN[layer]
    }
    assert wrong == {}


def _cycle_from(graph, start):
    """A list of sub-packages leading from ``start`` back to it, or None."""
    paths = [[start]]
    seen = set()
    while paths:
        path = paths.pop()
        for target in sorted(graph.get(path[-1], {})):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                paths.append([*path, target])
    return None


def test_no_import_loop_between_sub_packages():
    graph = dependencies()
    loops = {}
    for start in sorted(graph):
        cycle = _cycle_from(graph, start)
        if cycle:
            loops[start] = " -> ".join(cycle)
    assert loops == {}


def test_the_loop_finder_finds_loops():
    graph = {"a": {"b": []}, "b": {"c": []}, "c": {"a": []}, "d": {"a": []}}
    assert _cycle_from(graph, "a") == ["a", "b", "c", "a"]
    assert _cycle_from(graph, "d") is None


@pytest.mark.parametrize(
    ("module", "statement", "expected"),
    [
        ("content.course", "from ..vocabularies import countries", "vocabularies"),
        ("content.course", "from .fields import CountryChoice", "content.fields"),
        ("caching", "from .rules import x", "caching.rules"),
        ("caching", "from qgis.certification.content import folders", "content"),
    ],
)
def test_relative_imports_are_read_from_their_package(module, statement, expected):
    node = ast.parse(statement).body[0]
    assert _absolute(f"{PACKAGE}.{module}", node) == f"{PACKAGE}.{expected}"
