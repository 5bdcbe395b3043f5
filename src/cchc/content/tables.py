"""The portal's tables in content/tham-chieu/ (issuing bodies, aliases, indicators, the reporting
calendar): YAML lists of mappings, each entry read with its line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cchc.content import files, frontmatter
from cchc.content.frontmatter import Source, Value
from cchc.problems import Problem


def table_items(
    root: Path, folder: Path, name: str, problems: list[Problem]
) -> Iterator[tuple[Source, Value]]:
    """Each entry of the list in `folder/name` (absent: none) with a Source naming the file; what is not a
    list of mappings becomes a problem."""
    file = folder / name
    if not file.is_file():
        return
    if not files.inside(root, file):
        problems.append(Problem(file.relative_to(root).as_posix(), 0, "", files.outside_message(root, file)))
        return
    shown, text = frontmatter.read(root, file, problems)
    if text is None:
        return
    tree, found = frontmatter.parse_yaml(shown, text)
    problems.extend(found)
    if tree is None or (tree.children is None and tree.data is None):
        return
    if not isinstance(tree.children, list):
        problems.append(Problem(shown, tree.line, "", "cần một danh sách, mỗi mục bắt đầu bằng '- '"))
        return
    for item in tree.children:
        if not isinstance(item.children, dict):
            problems.append(Problem(shown, item.line, "", "mỗi mục cần các dòng 'tên_trường: giá trị'"))
            continue
        yield Source(shown), item
