r"""Rewrite the old top-level `scoring` and `api` names to the installed package's `copydesk.scoring` and `copydesk.api`.

The repository keeps scoring/ and api/ where they are; the wheel installs them as
copydesk.scoring and copydesk.api (pyproject.toml's package-dir). This script moves the code
and the documents over, mechanically, so that branches still written against the old names
can be merged and then converted by running it again:

    python3 tools/rename_imports.py            # rewrite, print each file it changed
    python3 tools/rename_imports.py --check    # change nothing; exit 1 when a file would change

It is idempotent: a second run changes nothing (nothing it writes matches what it rewrites).

Python files (under scoring/ api/ tests/ bench/ tools/, and setup.py):
- `import scoring` -> `from copydesk import scoring` (the name `scoring` stays bound, so the
  code using it is unchanged); `import api as a` -> `from copydesk import api as a`;
  `import scoring.text as t` -> `import copydesk.scoring.text as t`; `import api.batch` ->
  `import copydesk.api.batch`, plus `from copydesk import api` when the file uses the name `api`;
- `from scoring.x import y` -> `from copydesk.scoring.x import y` (absolute, everywhere:
  relative imports inside the packages are left as they are);
- string literals: module paths such as "scoring.analyze" (monkeypatch targets),
  "api.wsgi:app", "python:api.gunicorn_conf", "-m api.cli", r"api\.worker" (a regular
  expression), "scoring." (a prefix), and Python code run by `python -c` ("import scoring;
  scoring.analyze(...)"); in docstrings, module paths only (they are prose).
  A dotted name is a module path only when its first part after `scoring.`/`api.` is a module,
  subpackage or public name of that package in this tree, so "api.health" (a Flask endpoint
  of the blueprint named "api") stays.
Other files (README, docs, Dockerfile, compose, deploy/, .ci/run, tools/*.sh): the same
import statements and module paths, line by line. File paths (`api/gunicorn_conf.py`) and
comments in Python files are left alone: the folders keep their names.

Afterwards it lists, as "check by hand", Python lines naming a bare "scoring" or "api"
string (a package name given to importlib or compared with a module's first part). A line
with the comment `# rename-imports: ok` is neither rewritten nor listed (a folder's name, a
test about the old names); a file with `# rename-imports: file ok` is skipped whole.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "copydesk"
OLD = ("scoring", "api")
PYTHON_DIRS = ("scoring", "api", "tests", "bench", "tools")
PYTHON_FILES = ("setup.py",)
# files that name modules in commands and examples (globs, relative to the root)
OTHER_FILES = ("pyproject.toml", "README.md", "docs/*.md", "Dockerfile", "compose.yaml", "deploy/**/*.yaml", "deploy/**/*.conf", ".ci/run", "tools/*.sh")
SELF = Path(__file__).resolve()
# a line holding this (in a comment) is left as it is, and not listed to check by hand
KEEP = "rename-imports: ok"
# a file holding this is left as it is (the script's own tests: a table of old and new code)
KEEP_FILE = "rename-imports: file ok"

DOTTED = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*"
ALIAS = rf"{DOTTED}(?:\s+as\s+[A-Za-z_]\w*)?"
# an import statement inside text: `from X import` (its names are not modules) or `import A, B as C`
STATEMENT_RE = re.compile(rf"(?<![\w.])(?:from(\s+)({DOTTED})(\s+import)\b|import[ \t]+({ALIAS}(?:[ \t]*,[ \t]*{ALIAS})*))")
# a module path: scoring.x..., api.x...[:attr], not after a word character, a dot, a slash or a dash
# (in a regular expression's source the dots are escaped: api\.wsgi)
PATH_RE = re.compile(r"(?<![\w./\\\-])(scoring|api)((?:\\?\.[A-Za-z_]\w*)+)(:[A-Za-z_]\w*)?")
# a string that is exactly the prefix "scoring." or "api."
PREFIX_RE = re.compile(r"""(?<=["'])(scoring|api)\.(?=["'])""")
BARE_RE = re.compile(r"""(?<![\w.])["'](scoring|api)["']""")
# ROOT / "scoring" / ...: a folder of the repository, which keeps its name
PATH_JOIN_RE = re.compile(r"""/\s*["'](scoring|api)["']\s*/""")


def _public_names(init: Path) -> set[str]:
    """Names a package's __init__.py defines, imports or lists in __all__."""
    names: set[str] = set()
    if not init.is_file():
        return names
    tree = ast.parse(init.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets) and isinstance(node.value, (ast.List, ast.Tuple)):
                names.update(e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))
    return {n for n in names if not n.startswith("__")}


def _endpoints(package: Path) -> set[str]:
    """View functions of a Flask blueprint named like the package (its endpoints read "api.<name>")."""
    names: set[str] = set()
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for var in re.findall(rf"""(\w+)\s*=\s*Blueprint\(\s*["']{package.name}["']""", text):
            names.update(re.findall(rf"@{var}\.\w+\([^\n]*\)\s*\n(?:@[^\n]*\n)*def (\w+)", text))
    return names


def known_names(root: Path) -> dict[str, set[str]]:
    """For each old package: the names that make `<package>.<name>` a module path (modules, subpackages, public names)."""
    known: dict[str, set[str]] = {}
    for old in OLD:
        package = root / old
        names = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
        names |= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()} if package.is_dir() else set()
        names |= _public_names(package / "__init__.py")
        clash = names & _endpoints(package)
        if clash:
            print(f"rename_imports: {old}.{sorted(clash)} are both modules and endpoints; left as modules", file=sys.stderr)
        known[old] = names - (_endpoints(package) - clash)
    return known


class Rewriter:
    """The rewriting rules, given the tree's module names."""

    def __init__(self, known: dict[str, set[str]]) -> None:
        self.known = known

    # --- text: string literals and lines of other files ------------------------------------
    def _statements(self, text: str, separator: str, used: set[str] | None) -> tuple[str, set[str]]:
        """Rewrite the import statements in `text`; return it and the old names it now binds."""
        bound: set[str] = set()

        def one(match: re.Match[str]) -> str:
            if match.group(2) is not None:  # from X import ...
                module = match.group(2)
                if module == PACKAGE:  # written by an earlier run: `from copydesk import scoring` binds `scoring`
                    after = text[match.end():]
                    bound.update(h for h in OLD if re.match(rf"[ \t]+(?:\w+[ \t]*,[ \t]*)*{h}\b(?![ \t]+as\b)", after))
                if module.split(".")[0] not in OLD:
                    return match.group(0)
                return f"from{match.group(1)}{PACKAGE}.{module}{match.group(3)}"
            aliases = [a.strip() for a in match.group(4).split(",")]
            heads = [re.split(r"[.\s]", a)[0] for a in aliases]
            if not any(h in OLD for h in heads):
                return match.group(0)
            plain: list[str] = []
            others: list[str] = []
            dotted: list[str] = []
            for alias, head in zip(aliases, heads):
                if head not in OLD:
                    others.append(alias)
                elif re.fullmatch(r"(scoring|api)(\s+as\s+\w+)?", alias):
                    plain.append(alias)
                    bound.add(alias.split()[-1] if " as " in alias else head)
                else:
                    dotted.append(f"{PACKAGE}.{alias}")
                    rest = text[: match.start()] + text[match.end():]
                    needed = head in used if used is not None else re.search(rf"(?<![\w.]){head}\.", rest) is not None
                    if " as " not in alias and needed and head not in plain:
                        plain.append(head)
                        bound.add(head)
            parts = []
            if others:
                parts.append("import " + ", ".join(others))
            if plain:
                parts.append(f"from {PACKAGE} import " + ", ".join(plain))
            if dotted:
                parts.append("import " + ", ".join(dotted))
            return separator.join(parts)

        return STATEMENT_RE.sub(one, text), bound

    def _paths(self, text: str, skip: set[str], prefix: bool) -> str:
        def one(match: re.Match[str]) -> str:
            head, rest = match.group(1), match.group(2)
            if head in skip or rest.replace("\\.", ".").split(".")[1] not in self.known[head]:
                return match.group(0)
            return PACKAGE + ("\\." if rest.startswith("\\.") else ".") + match.group(0)

        text = PATH_RE.sub(one, text)
        if prefix:
            text = PREFIX_RE.sub(lambda m: m.group(0) if m.group(1) in skip else f"{PACKAGE}.{m.group(0)}", text)
        return text

    def text(self, text: str, separator: str = "; ", prefix: bool = False, statements: bool = True) -> str:
        """A string literal's source or a line: import statements, then module paths (not of names the imports bind)."""
        bound: set[str] = set()
        if statements:
            text, bound = self._statements(text, separator, None)
        return self._paths(text, bound, prefix)

    # --- Python source ------------------------------------------------------------------------
    def python(self, source: str) -> str:
        tree = ast.parse(source)
        lines = source.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))

        def offset(lineno: int, col: int) -> int:
            # ast columns are UTF-8 byte offsets
            line = lines[lineno - 1]
            return starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8"))

        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        # names already bound at module level (`import scoring`, `from copydesk import scoring`) need no second binding
        for node in tree.body:
            if isinstance(node, ast.Import):
                used -= {a.name for a in node.names if a.name in OLD and a.asname is None}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == PACKAGE:
                used -= {a.name for a in node.names if a.name in OLD and a.asname is None}
        docstrings = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                    docstrings.add(id(first.value))

        edits: list[tuple[int, int, str]] = []
        kept = {number for number, line in enumerate(lines, 1) if KEEP in line}

        def visit(node: ast.AST) -> None:
            if getattr(node, "lineno", None) in kept:
                return
            if isinstance(node, ast.ImportFrom):
                if node.level == 0 and node.module and node.module.split(".")[0] in OLD:
                    start = offset(node.lineno, node.col_offset)
                    match = re.compile(r"from(\s+)").match(source, start)
                    assert match, source[start : start + 40]
                    edits.append((match.end(), match.end(), f"{PACKAGE}."))
                return
            if isinstance(node, ast.Import):
                if any(a.name.split(".")[0] in OLD for a in node.names):
                    start = offset(node.lineno, node.col_offset)
                    end = offset(node.end_lineno, node.end_col_offset)  # type: ignore[arg-type]
                    line_start = starts[node.lineno - 1]
                    alone = source[line_start:start].strip() == ""
                    separator = "\n" + source[line_start:start] if alone else "; "
                    new, _ = self._statements(source[start:end], separator, used)
                    edits.append((start, end, new))
                return
            if isinstance(node, (ast.Constant, ast.JoinedStr)):
                if isinstance(node, ast.Constant) and not isinstance(node.value, str):
                    return
                start = offset(node.lineno, node.col_offset)
                end = offset(node.end_lineno, node.end_col_offset)  # type: ignore[arg-type]
                old = source[start:end]
                # a docstring is prose: its module paths only ("`import scoring` fails" stays)
                prose = id(node) in docstrings
                new = self.text(old, prefix=not prose, statements=not prose)
                if new != old:
                    edits.append((start, end, new))
                return  # an f-string's parts are rewritten with it
            for child in ast.iter_child_nodes(node):
                visit(child)

        visit(tree)
        for start, end, new in sorted(edits, reverse=True):
            source = source[:start] + new + source[end:]
        ast.parse(source)  # the result must still be Python
        return source

    def other(self, text: str) -> str:
        return "".join(line if KEEP in line else self.text(line) for line in text.splitlines(keepends=True))


def targets(root: Path) -> list[tuple[Path, bool]]:
    """(file, is Python) for every file the script rewrites."""
    found: dict[Path, bool] = {}
    for folder in PYTHON_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            if path.resolve() != SELF and ".venv" not in path.parts and "build" not in path.relative_to(root).parts[:1]:
                found[path] = True
    for name in PYTHON_FILES:
        if (root / name).is_file():
            found[root / name] = True
    for pattern in OTHER_FILES:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                found.setdefault(path, False)
    return list(found.items())


def leftovers(root: Path, files: list[tuple[Path, bool]]) -> list[str]:
    """Python lines with a bare "scoring" or "api" string: a package name the script cannot judge."""
    found = []
    for path, is_python in files:
        text = path.read_text(encoding="utf-8")
        if not is_python or KEEP_FILE in text:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if BARE_RE.search(line) and not PATH_JOIN_RE.search(line) and "Blueprint(" not in line and KEEP not in line:
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file would change")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project's root (default: this checkout)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    rewriter = Rewriter(known_names(root))
    files = targets(root)
    changed = []
    for path, is_python in files:
        old = path.read_text(encoding="utf-8")
        if KEEP_FILE in old:
            continue
        try:
            new = rewriter.python(old) if is_python else rewriter.other(old)
        except SyntaxError as exc:
            print(f"rename_imports: {path.relative_to(root)}: {exc}", file=sys.stderr)
            return 2
        if new != old:
            changed.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
            print(("would rewrite " if args.check else "rewrote ") + str(path.relative_to(root)))
    for line in leftovers(root, files):
        print(f"check by hand: {line}", file=sys.stderr)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
