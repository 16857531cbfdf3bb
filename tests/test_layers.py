"""The package's layout is its architecture: each subpackage imports only its own layer or lower ones, no module
imports itself back through another, and no folder grows past twelve modules."""

import ast

import pytest

from twokoreas import paths

PACKAGE = paths.ROOT / "src" / "twokoreas"
#: Lowest first: a module may import from its own layer or a lower one, never a higher one.
LAYERS = ["", "text", "data", "analysis", "notebook", "site", "build", "cli"]
#: Root modules that sit above every layer: they only start or present the package.
ENTRY = {"twokoreas", "twokoreas.__main__"}


def _name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path):
    """The modules of the package that ``path`` imports, anywhere in it (top level or inside a function):
    ``from . import x`` imports the module ``x``, ``from .x import y`` the module ``x``."""
    modules = {_name(p) for p in PACKAGE.rglob("*.py")}
    name, found = _name(path), set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            submodules = {f"{base}.{alias.name}" for alias in node.names} & modules
            found |= submodules or {base}
    return {m for m in found if m in modules and m != name}


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: _imports(path) for name, path in MODULES.items()}


def layer(name):
    """The layer of a module: its subpackage's index in LAYERS (0 for the root modules)."""
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else 0


def test_the_layers_are_the_subpackages_and_each_says_what_it_may_import():
    subpackages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert subpackages == sorted(LAYERS[1:])
    for name in LAYERS[1:]:
        docstring = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text()))
        assert docstring and "import" in docstring, f"{name}/__init__.py must say what it may import"


@pytest.mark.parametrize("name", sorted(set(MODULES) - ENTRY))
def test_a_module_imports_nothing_from_a_higher_layer(name):
    higher = sorted(m for m in GRAPH[name] if m not in ENTRY and layer(m) > layer(name))
    assert not higher, f"{name} (layer {LAYERS[layer(name)] or 'root'}) imports {higher}"


def test_no_module_imports_itself_back():
    def cycle_from(start):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in GRAPH.get(node, ()):
                if nxt == start:
                    return trail + [start]
                if nxt not in trail and nxt not in ENTRY:
                    stack.append((nxt, trail + [nxt]))
        return None

    cycles = [cycle_from(name) for name in sorted(set(MODULES) - ENTRY)]
    assert not any(cycles), " -> ".join(next(c for c in cycles if c))


def test_no_folder_holds_more_than_twelve_modules():
    for folder in [PACKAGE, *(p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 12, f"{folder.relative_to(PACKAGE.parent)} holds {len(modules)} modules"


def test_the_check_sees_imports_inside_functions_and_ranks_the_layers():
    """The check itself: the command line imports the runner only when a command runs, and that is seen."""
    assert layer("twokoreas.site.pages") > layer("twokoreas.data.loaders")
    assert "twokoreas.build.runner" in GRAPH["twokoreas.cli.commands"]


def test_the_readme_map_names_every_subpackage_and_module_as_they_are():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("**The package**", 1)[1].split("\n\n", 2)[1]
    rows = [line.split("|")[1:-1] for line in table.splitlines()[2:]]
    named = {row[0].strip().strip("`"): sorted(m.strip("` ") for m in row[2].split(",")) for row in rows}
    assert sorted(named) == sorted(["root", *LAYERS[1:]])
    for subpackage, modules in named.items():
        folder = PACKAGE if subpackage == "root" else PACKAGE / subpackage
        present = sorted(p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__"))
        assert modules == present, f"README's map of {subpackage}: {modules}, the folder: {present}"
