"""Runs the test programs under CPython to check their `# expect` lines.

Not part of the test suite (tests need no Python): a tool for authors. Each
program is split into cells at `# %%` lines and run like a Jupyter kernel runs
cells: print output, then the repr of a final bare expression unless it is
None, and for an uncaught exception its `Type: message` line. Differences are
printed; some are litbook's documented limits (64-bit ints, MemoryError for
huge allocations, deterministic addresses), which the author judges.

    python3 Tests/CellLanguageTests/Programs/_check_with_cpython.py [NAME.py ...]
"""
import ast
import contextlib
import io
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent


def run_cell(source, namespace, out):
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        out.write(f"{type(e).__name__}: {e.msg}\n")
        return
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(tree, "cell", "exec"), namespace)
            if last is not None and not source.rstrip().endswith(";"):
                value = eval(compile(ast.Expression(last.value), "cell", "eval"), namespace)
                if value is not None:
                    out.write(repr(value) + "\n")
    except BaseException as e:  # noqa: BLE001 - every exception is an expected output
        message = e.msg if isinstance(e, SyntaxError) else str(e)
        out.write(f"{type(e).__name__}: {message}\n" if message else f"{type(e).__name__}\n")


def check(path):
    source = path.read_text()
    expected = [m.group(2) for m in re.finditer(r"# expect(-error)?: ?(.*)", source)]
    cells = re.split(r"^# %%.*\n", source, flags=re.M)
    namespace, out = {"__name__": "__main__"}, io.StringIO()
    for cell in cells:
        run_cell(cell, namespace, out)
    actual = out.getvalue().split("\n")
    if actual and actual[-1] == "":
        actual.pop()
    differences = [(i + 1, a, e) for i, (a, e) in enumerate(zip(actual, expected)) if a != e]
    if len(actual) != len(expected):
        differences.append((min(len(actual), len(expected)) + 1, f"<{len(actual)} lines>", f"<{len(expected)} lines>"))
    for line, a, e in differences:
        print(f"{path.name}: line {line}: CPython {a!r}, expected {e!r}")
    return not differences


if __name__ == "__main__":
    names = sys.argv[1:] or sorted(p.name for p in HERE.glob("*.py") if not p.name.startswith("_"))
    sys.setrecursionlimit(1000)
    results = [check(HERE / name) for name in names]
    print(f"{sum(results)} passed, {len(results) - sum(results)} with differences")
