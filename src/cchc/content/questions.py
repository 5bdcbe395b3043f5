"""Questions residents ask and the answers given (hỏi đáp), on a procedure or on a unit: `hoi_dap`, each
answer's legal basis read by the citation engine like any cited text."""

from __future__ import annotations

from cchc.content.documents import read_date
from cchc.content.frontmatter import Source
from cchc.content.schema import Field, Fields
from cchc.model import Question

QUESTION = (
    Field("cau_hoi", "câu hỏi của người dân", True),
    Field("tra_loi", "câu trả lời (Markdown)", True, limit=20_000),
    Field("ngay", "ngày trả lời dạng NN/TT/NNNN", False, read_date),
    Field("can_cu", "căn cứ pháp lý của câu trả lời, ví dụ 'Điều 16 Luật Hộ tịch 2014'"),
)
FIELD = Field(
    "hoi_dap", "câu hỏi thường gặp: cau_hoi, tra_loi, ngay, can_cu", shape="records", fields=QUESTION
)


def read(source: Source, written: list[Fields]) -> list[Question]:
    """The questions as checked (`written`), each answer's basis with its line."""
    items = source.meta[FIELD.name].entries() if written else []
    return [
        Question(
            q["cau_hoi"],
            q["tra_loi"],
            q.get("ngay"),
            q.get("can_cu") or "",
            item.fields()["can_cu"].line if q.get("can_cu") else 0,
        )
        for q, item in zip(written, items, strict=True)
    ]
