"""Heading levels in a body: a heading more than one level below the one before it is a warning on its line
(a seed report went from ### to #####, which Lighthouse's accessibility audit counted against the page)."""

from __future__ import annotations

from cchc.content.headings import skipped_levels
from cchc.content.load import load
from cchc.problems import Severity
from tests.conftest import make_project

BODY = """## I. Kết quả

### 1. Tuyên truyền

##### a) Trên cổng thông tin

```
# not a heading
##### nor this
```

#### b) Trên loa truyền thanh

## II. Phương hướng
"""


def test_a_skipped_level_is_a_warning_on_its_line_outside_code():
    found = skipped_levels("a.md", BODY, first_line=10)
    assert [(p.line, p.severity) for p in found] == [(14, Severity.WARNING)]
    assert "tiêu đề cấp 5 ngay sau tiêu đề cấp 3: hãy dùng cấp 4 (####)" in found[0].message
    # Going up any number of levels is fine, and so is a body's first heading.
    assert skipped_levels("a.md", "#### x\n\n## y\n\n### z\n") == []


def test_check_names_the_file_and_line(tmp_path):
    root = make_project(tmp_path / "portal")
    report = root / "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.rstrip("\n") + "\n\n## Phụ lục\n\n#### Bảng 1\n", encoding="utf-8")
    lines = text.rstrip("\n").count("\n") + 1
    found = [str(p) for p in load(root)[1] if "tiêu đề cấp" in p.message]
    assert found == [
        f"content/van-ban/xa-nam-sach/bao-cao-2025.md:{lines + 4}: nội dung: tiêu đề cấp 4 ngay sau tiêu đề "
        "cấp 2: hãy dùng cấp 3 (###) để trình đọc màn hình không báo thiếu một cấp (cảnh báo)"
    ]
