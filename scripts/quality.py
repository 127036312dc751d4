"""Quality gates over the product's code: long functions and repeated blocks.

    python -m scripts.quality              # check src/, exit 1 on any finding
    python -m scripts.quality src/qgis/certification/payments

* A function (or method) is too long when it spans more than 60 lines, from its ``def`` line
  to its last line (decorators not counted).
* A block is repeated when six or more consecutive code lines appear again elsewhere, with
  identifiers, strings and numbers replaced by placeholders (so renaming a variable or changing
  a message does not hide a copy; keywords and the names of keyword arguments are kept).
  Blank lines, comments, docstrings, imports and declarations (assignments directly in a module
  or class body: constants, tables, schema fields) are left out before comparing, and so is a
  block of mostly literal data or with fewer than half its lines different (a table written
  as a run of similar statements); a run that only matches itself shifted by a few lines is no
  copy. Both places are reported.

Cyclomatic complexity is ruff's (``make quality`` runs ``ruff check --select C90``).
Only the standard library is used.
"""

import argparse
import ast
import io
import keyword
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 60
MIN_BLOCK_LINES = 6


@dataclass(frozen=True)
class LongFunction:
    path: Path
    name: str
    line: int
    length: int

    def __str__(self):
        return f"{display(self.path)}:{self.line} {self.name}: {self.length} lines"


@dataclass(frozen=True)
class Place:
    path: Path
    first: int
    last: int

    def __str__(self):
        return f"{display(self.path)}:{self.first}-{self.last}"


@dataclass(frozen=True)
class RepeatedBlock:
    first: Place
    second: Place
    lines: int

    def __str__(self):
        return f"{self.first} and {self.second} ({self.lines} code lines)"


def display(path):
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def python_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.rglob("*.py"))
        elif path.suffix == ".py":
            yield path


# Long functions


def _qualified_functions(tree):
    """(qualified name, node) of every function and method, nested ones included."""
    found = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = prefix + child.name
                if not isinstance(child, ast.ClassDef):
                    found.append((name, child))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def long_functions(path, tree, limit=MAX_FUNCTION_LINES):
    # ``lineno`` of a decorated function is its ``def`` line: decorators are not counted.
    return [
        LongFunction(path, name, node.lineno, node.end_lineno - node.lineno + 1)
        for name, node in _qualified_functions(tree)
        if node.end_lineno - node.lineno + 1 > limit
    ]


# Repeated blocks


def _declarations(tree):
    """Assignments directly in a module or class body: constants, tables, schema fields."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, ast.Assign | ast.AnnAssign):
                    yield statement


def _skipped_lines(tree):
    """Lines left out of the comparison: docstrings, imports and declarations."""
    lines = set()
    for node in _declarations(tree):
        lines.update(range(node.lineno, node.end_lineno + 1))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            lines.update(range(node.lineno, node.end_lineno + 1))
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            lines.update(range(body[0].lineno, body[0].end_lineno + 1))
    return lines


_PLACEHOLDERS = {tokenize.STRING: "S", tokenize.NUMBER: "0"}
_OPENING = {"(", "[", "{"}
_CLOSING = {")", "]", "}"}
_SKIPPED = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}


def _normalised_words(tokens):
    """Each token as compared: identifiers, strings and numbers become placeholders. Keywords
    stay, and so do the names of keyword arguments (``title=``): a call passing other arguments
    is other code, while a copy with renamed variables still matches."""
    depth = 0
    for index, token in enumerate(tokens):
        following = tokens[index + 1].string if index + 1 < len(tokens) else ""
        if token.type == tokenize.OP:
            depth += (token.string in _OPENING) - (token.string in _CLOSING)
        if token.type != tokenize.NAME:
            yield _PLACEHOLDERS.get(token.type, token.string)
        elif keyword.iskeyword(token.string):
            yield token.string
        else:
            is_keyword_argument = depth > 0 and following == "="
            yield token.string if is_keyword_argument else "x"


def code_lines(source, tree):
    """[(line number, normalised text, has code)] of the lines that are compared.

    ``has code``: the line holds an identifier or keyword, not only literals."""
    skipped = _skipped_lines(tree)
    tokens = [
        token
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type not in _SKIPPED
    ]
    by_line = {}
    for token, word in zip(tokens, _normalised_words(tokens), strict=True):
        line = token.start[0]
        if line not in skipped:
            words, has_code = by_line.get(line, ([], False))
            by_line[line] = (words + [word], has_code or token.type == tokenize.NAME)
    return [
        (line, " ".join(words), has_code) for line, (words, has_code) in sorted(by_line.items())
    ]


def _windows(files, size):
    """{window of normalised lines: [(path, index of its first line)]}."""
    windows = {}
    for path, lines in files.items():
        for start in range(len(lines) - size + 1):
            window = lines[start : start + size]
            key = tuple(text for _, text, _ in window)
            # Literal data, and runs of one statement shape (a table written as calls), look
            # alike once normalised: a block needs code and some variety.
            if sum(has_code for _, _, has_code in window) * 2 < size or len(set(key)) * 2 < size:
                continue
            windows.setdefault(key, []).append((path, start))
    return windows


def _matching_pairs(files, size):
    pairs = set()
    for places in _windows(files, size).values():
        for index, (path_a, start_a) in enumerate(places):
            for path_b, start_b in places[index + 1 :]:
                pairs.add((path_a, start_a, path_b, start_b))
    return pairs


def repeated_blocks(files, size=MIN_BLOCK_LINES):
    """Maximal repeated blocks among ``{path: code_lines(...)}``, each pair of places once."""
    pairs = _matching_pairs(files, size)
    blocks = []
    for path_a, start_a, path_b, start_b in sorted(pairs):
        if (path_a, start_a - 1, path_b, start_b - 1) in pairs:
            continue  # inside a block found from its start
        extra = 0
        while (path_a, start_a + extra + 1, path_b, start_b + extra + 1) in pairs:
            extra += 1
        length = size + extra
        lines_a = files[path_a][start_a : start_a + length]
        lines_b = files[path_b][start_b : start_b + length]
        first = Place(path_a, lines_a[0][0], lines_a[-1][0])
        second = Place(path_b, lines_b[0][0], lines_b[-1][0])
        if path_a == path_b and second.first <= first.last:
            continue  # a repetitive run matching itself shifted, not a copy
        blocks.append(RepeatedBlock(first, second, length))
    return blocks


def check(paths, max_lines=MAX_FUNCTION_LINES, min_block=MIN_BLOCK_LINES):
    """(long functions, repeated blocks) of the Python files under ``paths``."""
    too_long = []
    files = {}
    for path in python_files(paths):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
        too_long.extend(long_functions(path, tree, max_lines))
        files[path] = code_lines(source, tree)
    return too_long, repeated_blocks(files, min_block)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "src")])
    parser.add_argument("--max-lines", type=int, default=MAX_FUNCTION_LINES)
    parser.add_argument("--min-block", type=int, default=MIN_BLOCK_LINES)
    args = parser.parse_args(argv)
    too_long, repeated = check(args.paths, args.max_lines, args.min_block)
    if too_long:
        print(f"Functions longer than {args.max_lines} lines ({len(too_long)}):")
        for finding in too_long:
            print(f"  {finding}")
    if repeated:
        print(f"Blocks of {args.min_block}+ code lines repeated ({len(repeated)}):")
        for finding in repeated:
            print(f"  {finding}")
    if too_long or repeated:
        return 1
    print(f"quality: no function over {args.max_lines} lines, no repeated block")
    return 0


if __name__ == "__main__":
    sys.exit(main())
