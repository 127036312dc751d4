"""scripts/quality.py: long functions and repeated blocks (plain tests, no Plone)."""

import importlib.util
import textwrap
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("quality", ROOT / "scripts" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)


def write(folder, name, source):
    path = folder / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def function_of(lines, name="work", decorators=0):
    """A function spanning ``lines`` lines from its def, under ``decorators`` decorators."""
    body = "".join(f"    value_{index} = {index}\n" for index in range(lines - 2))
    return "@decorate\n" * decorators + f"def {name}():\n{body}    return 1\n"


def test_function_over_the_limit_is_reported_with_its_length(tmp_path):
    write(tmp_path, "fine.py", function_of(60, decorators=3))
    write(tmp_path, "long.py", "\n\n" + function_of(61))
    too_long, _ = quality.check([tmp_path])
    assert [(f.path.name, f.name, f.line, f.length) for f in too_long] == [
        ("long.py", "work", 3, 61)
    ]


def test_methods_and_nested_functions_are_named_by_their_place(tmp_path):
    nested = textwrap.indent(function_of(61, name="inner"), " " * 8)
    write(tmp_path, "module.py", f"class Thing:\n    def outer(self):\n{nested}        return 2\n")
    too_long, _ = quality.check([tmp_path])
    assert [f.name for f in too_long] == ["Thing.outer", "Thing.outer.inner"]


BLOCK = """\
def {name}(request, {arg}):
    data = request.get("body")  # {comment}
    if data is None:
        raise ValueError("{message}")
    total = sum(item["{key}"] for item in data)
    if total > {number}:
        return None
    return total / len(data)
"""


def test_block_repeated_with_other_names_strings_and_numbers_is_reported_in_both_places(tmp_path):
    write(
        tmp_path,
        "a.py",
        '"""Module a."""\n\nimport os\n\n'
        + BLOCK.format(name="first", arg="x", comment="one", message="m", key="k", number=1),
    )
    write(
        tmp_path,
        "b.py",
        "import sys\nimport json\n\nSETTING = 3\n\n\n"
        + BLOCK.format(name="second", arg="y", comment="other", message="n", key="j", number=99),
    )
    _, repeated = quality.check([tmp_path])
    assert len(repeated) == 1
    block = repeated[0]
    assert (block.first.path.name, block.first.first, block.first.last) == ("a.py", 5, 12)
    assert (block.second.path.name, block.second.first, block.second.last) == ("b.py", 7, 14)
    assert block.lines == 8


def test_comments_docstrings_blank_lines_do_not_hide_a_copy(tmp_path):
    values = dict(arg="x", comment="c", message="m", key="k", number=1)
    write(tmp_path, "a.py", BLOCK.format(name="a", **values))
    spaced = BLOCK.format(name="b", **values).replace(":\n", ':\n    """Doc."""\n', 1)
    spaced = spaced.replace("\n    if", "\n\n    # why\n    if")
    write(tmp_path, "b.py", spaced)
    _, repeated = quality.check([tmp_path])
    assert [block.lines for block in repeated] == [8]


def test_five_lines_are_not_a_block(tmp_path):
    five = "".join(BLOCK.splitlines(keepends=True)[:5])
    write(tmp_path, "a.py", five.format(name="a", arg="x", comment="c", message="m", key="k"))
    write(tmp_path, "b.py", five.format(name="b", arg="y", comment="c", message="m", key="k"))
    assert quality.check([tmp_path]) == ([], [])


def test_imports_and_declarations_are_not_compared(tmp_path):
    source = """\
        from a import b
        from a import c
        from a import d
        from a import e
        from a import f
        from a import g

        RED = color("#ff0000")
        GREEN = color("#00ff00")
        BLUE = color("#0000ff")
        GREY = color("#888888")
        BLACK = color("#000000")
        WHITE = color("#ffffff")


        class ISchema(Interface):
            title = schema.TextLine(
                title=_("Title"),
                required=True,
            )
            other = schema.TextLine(
                title=_("Other"),
                required=False,
            )
        """
    write(tmp_path, "a.py", source)
    write(tmp_path, "b.py", source.replace("Title", "Name"))
    assert quality.check([tmp_path]) == ([], [])


def test_literal_data_in_other_code_is_not_a_copy(tmp_path):
    table = "".join(f'        ("{letter}", {index}),\n' for index, letter in enumerate("abcdefg"))
    write(tmp_path, "a.py", f"def rows():\n    return [\n{table}    ]\n")
    method = "class Data:\n    def items(self, extra):\n        values = [\n"
    write(tmp_path, "b.py", f"{method}{table}]\n")
    assert quality.check([tmp_path]) == ([], [])


def test_calls_with_other_keyword_arguments_are_other_code(tmp_path):
    call = """\
        def make(container):
            return create(
                container=container,
                type="Thing",
                id="one",
                {keyword}="Title",
            )
        """
    write(tmp_path, "a.py", call.format(keyword="title"))
    write(tmp_path, "b.py", call.format(keyword="description"))
    assert quality.check([tmp_path]) == ([], [])
    renamed = call.format(keyword="title").replace("(container)", "(folder)")
    write(tmp_path, "c.py", renamed.replace("=container", "=folder"))
    assert len(quality.check([tmp_path])[1]) == 1


def test_a_repetitive_run_is_not_a_copy_of_itself(tmp_path):
    steps = "".join(f"    total = add(total, {index})\n" for index in range(14))
    write(tmp_path, "a.py", f"def run(total):\n{steps}    return total\n")
    assert quality.check([tmp_path]) == ([], [])


def test_main_prints_findings_and_fails(tmp_path, capsys):
    write(tmp_path, "long.py", function_of(70))
    assert quality.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "Functions longer than 60 lines (1):" in out
    assert "long.py:1 work: 70 lines" in out
    (tmp_path / "long.py").write_text(function_of(20), encoding="utf-8")
    assert quality.main([str(tmp_path)]) == 0
    assert "no function over 60 lines" in capsys.readouterr().out
