"""A printed picture of the house (the packages auditor, cosecha and datos), to compare its
structure before and after a refactoring. Printed, sorted so that two runs can be diffed:

1. the rooms (every package directory, one holding an `__init__.py`): modules and lines of each;
2. the imports between rooms, with how many import statements make each arrow (relative imports
   resolved, imports inside functions included, imports within a room left out); the arrows
   against the layering auditor → cosecha → datos (each may import only those after it), and the
   import cycles between modules (strongly connected components of more than one module);
3. the ten largest modules;
4. the totals: modules, lines, rooms.

    .venv/bin/python -m bench.casa

Standard library only: it reads the source with `ast`, it imports nothing of the house.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In layering order: each package may import only those after it.
PACKAGES = ("auditor", "cosecha", "datos")
SKIPPED = {".venv", "tests", "bench", "__pycache__"}


@dataclass(frozen=True)
class Module:
    name: str  # dotted; a package's __init__.py is named as the package
    path: str  # relative to the root, with forward slashes
    room: str  # the directory of the module, relative to the root
    lines: int
    is_package: bool


@dataclass
class House:
    modules: dict[str, Module]
    arrows: Counter[tuple[str, str]]  # (from room, to room) -> import statements
    edges: dict[str, set[str]]  # module name -> names of the modules it imports
    statements: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # "path:line"
    unreadable: list[str] = field(default_factory=list)


def find_modules(root: Path) -> dict[str, Module]:
    """Every .py file directly in a package directory of the three packages."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root)
            folders = relative.parts[:-1]
            if any(part in SKIPPED or part.startswith(".") for part in folders):
                continue
            if not (path.parent / "__init__.py").is_file():
                continue
            is_package = path.name == "__init__.py"
            parts = folders if is_package else (*folders, path.stem)
            text = path.read_text(encoding="utf-8", errors="replace")
            modules[".".join(parts)] = Module(".".join(parts), relative.as_posix(),
                                              "/".join(folders), len(text.splitlines()),
                                              is_package)
    return modules


def resolve(name: str, modules: dict[str, Module]) -> str | None:
    """The module an imported dotted name lands in: its longest prefix that is a module."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in modules:
            return ".".join(parts[:end])
    return None


def statement_targets(node: ast.Import | ast.ImportFrom, module: Module,
                      modules: dict[str, Module]) -> set[str]:
    """The modules of the house one import statement imports from."""
    if isinstance(node, ast.Import):
        found = {resolve(alias.name, modules) for alias in node.names}
        return {name for name in found if name}
    base = node.module or ""
    if node.level:
        package = module.name if module.is_package else module.name.rpartition(".")[0]
        parts = package.split(".")
        if node.level - 1 >= len(parts):
            return set()
        anchor = ".".join(parts[:len(parts) - node.level + 1])
        base = f"{anchor}.{base}" if base else anchor
    targets = set()
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        targets.add(submodule if submodule in modules else resolve(base, modules))
    return {name for name in targets if name}


def survey(root: Path) -> House:
    """Reads every module's imports and gathers them into arrows between rooms and modules."""
    modules = find_modules(root)
    house = House(modules, Counter(), {name: set() for name in modules})
    for module in modules.values():
        try:
            tree = ast.parse((root / module.path).read_bytes(), module.path)
        except (SyntaxError, ValueError):
            house.unreadable.append(module.path)
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = statement_targets(node, module, modules) - {module.name}
            house.edges[module.name] |= targets
            for room in sorted({modules[target].room for target in targets} - {module.room}):
                house.arrows[module.room, room] += 1
                house.statements.setdefault((module.room, room), []).append(
                    f"{module.path}:{node.lineno}")
    return house


def layer(room: str) -> int:
    return PACKAGES.index(room.split("/")[0])


def violations(house: House) -> list[tuple[str, str, int]]:
    """Arrows from a room to one of a package before its own in PACKAGES."""
    return sorted((source, target, count) for (source, target), count in house.arrows.items()
                  if layer(target) < layer(source))


def reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen, pending = {start}, [start]
    while pending:
        for target in edges[pending.pop()] - seen:
            seen.add(target)
            pending.append(target)
    return seen


def cycles(house: House) -> list[list[str]]:
    """Strongly connected components of more than one module, as sorted lists of paths."""
    reach = {name: reachable(name, house.edges) for name in house.edges}
    found, placed = [], set()
    for name in sorted(reach):
        if name in placed:
            continue
        component = {other for other in reach[name] if name in reach[other]}
        placed |= component
        if len(component) > 1:
            found.append(sorted(house.modules[member].path for member in component))
    return sorted(found)


def rooms_lines(house: House) -> list[str]:
    rooms: dict[str, list[Module]] = {}
    for module in house.modules.values():
        rooms.setdefault(module.room, []).append(module)
    width = max((len(room) for room in rooms), default=0)
    lines = ["== Habitaciones (paquetes): módulos y líneas =="]
    for room, members in sorted(rooms.items()):
        lines.append(f"  {room:<{width}}  {len(members):>3} módulos  "
                     f"{sum(m.lines for m in members):>6} líneas")
    return lines


def arrows_lines(house: House) -> list[str]:
    lines = ["== Importaciones entre habitaciones (sentencias import por flecha) =="]
    for source in sorted({module.room for module in house.modules.values()}):
        targets = sorted((target, count) for (origin, target), count in house.arrows.items()
                         if origin == source)
        lines.append(f"  {source} importa de: {'' if targets else 'ninguna'}".rstrip())
        lines += [f"    → {target}: {count}" for target, count in targets]
    lines.append(f"== Flechas contra las capas ({' → '.join(PACKAGES)}) ==")
    wrong = violations(house)
    for source, target, count in wrong:
        lines.append(f"  {source} → {target}: {count}")
        lines += [f"    {where}" for where in sorted(house.statements[source, target])]
    lines += [] if wrong else ["  ninguna"]
    lines.append("== Ciclos de importación entre módulos ==")
    found = cycles(house)
    lines += [f"  {len(cycle)} módulos: {', '.join(cycle)}" for cycle in found]
    return lines + ([] if found else ["  ninguno"])


def largest_lines(house: House, count: int = 10) -> list[str]:
    largest = sorted(house.modules.values(), key=lambda m: (-m.lines, m.path))[:count]
    width = max((len(module.path) for module in largest), default=0)
    return (["== Los diez módulos más grandes (líneas) =="]
            + [f"  {module.path:<{width}}  {module.lines:>6}" for module in largest])


def report(house: House) -> list[str]:
    """The whole picture, as printed lines."""
    lines = rooms_lines(house) + arrows_lines(house) + largest_lines(house)
    if house.unreadable:
        lines.append("== Módulos que no se pudieron analizar (error de sintaxis) ==")
        lines += [f"  {path}" for path in sorted(house.unreadable)]
    rooms = {module.room for module in house.modules.values()}
    lines.append(f"Total: {len(house.modules)} módulos, "
                 f"{sum(m.lines for m in house.modules.values())} líneas, "
                 f"{len(rooms)} habitaciones")
    return lines


def main(root: Path = ROOT) -> None:
    print("\n".join(report(survey(root))))


if __name__ == "__main__":
    main()
