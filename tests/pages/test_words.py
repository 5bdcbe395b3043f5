"""Every word a reader sees comes from a template or the named table of labels (src/cchc/labels.yml), never
from a Python string: the modules that make pages and published files hold none, and every label is used."""

from __future__ import annotations

import ast
import re

from cchc import labels
from tests.conftest import REPO

_VIETNAMESE = re.compile(r"[À-ỹĐđ]")
# Calls whose strings are not a page's words: messages to editors and publishers, patterns that read text.
_NOT_WORDS = re.compile(
    r"^(?:Problem|_warn|\w*Error|print|info|warning|error|debug|compile|fullmatch|match|search|sub)$"
)
# Modules that make pages and published files; not those that only word messages to editors and
# publishers (what the sanitiser removed, why the site could not be swapped in, which files clash, why
# the preview polls).
_MESSAGES = {"sanitize.py", "site_swap.py", "placement.py", "watching.py"}
_MODULES = [
    module
    for folder in ("pages", "publish")
    for module in (REPO / "src/cchc" / folder).glob("*.py")
    if module.name not in _MESSAGES
]


def _words(tree: ast.Module) -> list[tuple[int, str]]:
    """Vietnamese string literals of a module (f-strings' parts too), but docstrings and the arguments of
    _NOT_WORDS calls."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))
        name = getattr(getattr(node, "func", None), "attr", None) or getattr(
            getattr(node, "func", None), "id", ""
        )
        if isinstance(node, (ast.Call, ast.Raise)) and (
            isinstance(node, ast.Raise) or _NOT_WORDS.match(name)
        ):
            skipped.update(id(inner) for inner in ast.walk(node))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and _VIETNAMESE.search(node.value)
    ]


def test_pages_and_published_files_take_their_words_from_templates_or_labels():
    found = [
        f"{module.relative_to(REPO)}:{line}: {text!r}"
        for module in _MODULES
        for line, text in _words(ast.parse(module.read_text(encoding="utf-8")))
    ]
    assert not found, "\n".join(found)


def test_the_model_and_the_citation_index_word_their_labels_through_the_table():
    """The shared model and the citation index name documents, procedures and cited texts for pages: no
    Vietnamese string of theirs but messages to editors and the vocabulary of the content's own fields."""
    for module in ("model.py", "periods.py", "refs/index.py", "publish/web_files.py"):
        tree = ast.parse((REPO / "src/cchc" / module).read_text(encoding="utf-8"))
        found = [line for line, _ in _words(tree) if line not in _module_constants(tree)]
        assert not found, (module, found)


def _module_constants(tree: ast.Module) -> set[int]:
    """Lines of module-level names (a field's vocabulary: WAYS = ("Trực tiếp", …)), which are data."""
    return {
        inner.lineno
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for inner in ast.walk(node)
        if hasattr(inner, "lineno")
    }


def test_every_label_is_used_and_every_used_label_exists():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src/cchc").rglob("*.py"))
    table = labels.table()
    # A key is named whole ("title.units") or by its group in an f-string (f"period.{kind}").
    unused = {key for key in table if f'"{key}"' not in code and f'"{key.split(".")[0]}.{{' not in code}
    assert not unused, f"labels no code names: {unused}"
    groups = "|".join(sorted({key.split(".")[0] for key in table}))
    named = set(re.findall(rf"""["']((?:{groups})\.[a-z_]+)["']""", code))
    assert not {key for key in named if not key.endswith((".md", ".html", ".xml"))} - set(table)  # templates
