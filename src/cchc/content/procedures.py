"""Procedures (thủ tục hành chính): `content/thu-tuc/<slug>.md`, their forms in `content/thu-tuc/mau/`
and the list of fields (lĩnh vực) in `content/thu-tuc/linh-vuc.yml`.

The schema covers what Nghị định 63/2010/NĐ-CP (Điều 8) requires every procedure to state.
"""

from __future__ import annotations

import re
from pathlib import Path

from cchc import urls
from cchc.content import files, frontmatter, questions
from cchc.content.frontmatter import Source
from cchc.content.schema import Field, FieldError, matching, read_fields, url
from cchc.model import WAYS, Channel, Form, Paper, Procedure
from cchc.problems import Problem
from cchc.text import slugify

FOLDER = "thu-tuc"
FORMS = "mau"
FIELDS = "linh-vuc.yml"
FORM_FILES = (".pdf", ".docx", ".doc", ".odt")

read_code = matching(
    r"^\d\.\d{6}(?:\.[0-9A-Z.]+)?$",
    "mã thủ tục '{value}' không đúng dạng; cần mã trên "
    "Cổng Dịch vụ công quốc gia, ví dụ '1.001193' hoặc '1.001193.000.00.00.H38'",
)
read_time_limit = matching(
    r"\d+\s*(?:ngày|giờ|tháng|phút|tuần)|trong\s+(?:ngày|giờ)",
    "thời hạn '{value}' thiếu đơn vị; cần số kèm đơn vị như '03 ngày làm việc', "
    "'08 giờ làm việc', hoặc 'trong ngày'",
    re.IGNORECASE,
)
read_fee = matching(
    r"^không|\d[\d.,]*\s*(?:đồng|đ\b)",
    "phí, lệ phí '{value}' không phải số tiền; cần số tiền như '8.000 đồng/bản' hoặc 'Không'",
    re.IGNORECASE,
)
read_url = url(
    ("https",), "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193"
)


def read_way(value: str) -> str:
    for way in WAYS:
        if way.lower() == value.lower():
            return way
    raise FieldError(f"cách thức '{value}' không có; cần một trong: {', '.join(WAYS)}")


def read_count(value: str) -> int:
    if not value.isdigit():
        raise FieldError(f"'{value}' không phải số bản; cần một số như 1")
    return int(value)


CHANNEL = (
    Field("hinh_thuc", f"cách nộp: {', '.join(WAYS)}", True, read_way),
    Field(
        "thoi_han", "thời hạn giải quyết theo cách nộp này, ví dụ '03 ngày làm việc'", True, read_time_limit
    ),
    Field("phi", "phí, lệ phí: số tiền, hoặc 'Không'", True, read_fee),
)

PAPER = (
    Field("ten", "tên giấy tờ", True),
    Field("mau", "mẫu đơn, tờ khai: tệp trong content/thu-tuc/mau/, ví dụ 'mau/to-khai-khai-sinh.md'"),
    Field("ban_chinh", "số bản chính", False, read_count),
    Field("ban_sao", "số bản sao", False, read_count),
)

SCHEMA = (
    Field("ma", "mã thủ tục trên Cổng Dịch vụ công quốc gia, ví dụ '1.001193'", False, read_code),
    Field("ten", "tên thủ tục", True),
    Field("linh_vuc", "lĩnh vực, một tên trong content/thu-tuc/linh-vuc.yml", True),
    Field("cap", "cấp thực hiện, ví dụ 'xã'", True),
    Field("don_vi", "mã các đơn vị thực hiện, ví dụ [xa-nam-sach, phuong-phu-lien]", True, shape="list"),
    Field("co_quan", "cơ quan thực hiện, ví dụ 'Ủy ban nhân dân cấp xã'", True),
    Field("doi_tuong", "đối tượng thực hiện", True),
    Field("truc_tuyen", "đường dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công", False, read_url),
    Field("cach_thuc", "các cách nộp: hinh_thuc, thoi_han, phi", True, shape="records", fields=CHANNEL),
    Field("thoi_han", "thời hạn giải quyết, ví dụ '03 ngày làm việc'", True, read_time_limit),
    Field("ho_so", "thành phần hồ sơ: ten, mau, ban_chinh, ban_sao", True, shape="records", fields=PAPER),
    Field("trinh_tu", "các bước thực hiện, theo thứ tự", True, shape="list"),
    Field("ket_qua", "kết quả thực hiện", True),
    Field("yeu_cau", "yêu cầu, điều kiện (hoặc 'Không có.')", True),
    Field("can_cu", "căn cứ pháp lý, mỗi văn bản một dòng", True, shape="list"),
    questions.FIELD,
)

FORM_SCHEMA = (
    Field("ten", "tên mẫu đơn, tờ khai", True),
    Field("nguon", "văn bản ban hành mẫu, ví dụ 'Thông tư số 04/2020/TT-BTP'"),
)


def load_forms(root: Path, folder: Path, problems: list[Problem]) -> dict[str, Form]:
    """Forms by path relative to content/thu-tuc/: printable Markdown pages and PDF/DOCX files."""
    forms: dict[str, Form] = {}
    directory = folder / FORMS
    for file in files.walk(root, directory, problems, FORM_FILES + (".md",), recursive=False):
        if problem := files.slug_problem(root, file):
            problems.append(problem)
            continue
        relative = f"{FORMS}/{file.name}"
        if file.suffix.lower() in FORM_FILES:
            forms[relative] = Form(
                file.relative_to(root).as_posix(),
                urls.form(slugify(file.stem), file.suffix.lower()),
                file.stem,
                file=str(file),
            )
        else:
            shown, text = frontmatter.read(root, file, problems)
            if text is None:
                continue
            source, found = frontmatter.parse(shown, text)
            problems.extend(found)
            before = len(problems)
            data = read_fields(source, FORM_SCHEMA, source.meta, 1, problems) if not found else {}
            if not found and len(problems) == before:
                forms[relative] = Form(
                    shown,
                    urls.form(slugify(file.stem), ".md"),
                    data["ten"],
                    data.get("nguon") or "",
                    source.body,
                )
    return forms


def load_fields(root: Path, folder: Path, problems: list[Problem]) -> list[str]:
    file = folder / FIELDS
    if not file.is_file():
        return []
    if not files.inside(root, file):
        problems.append(Problem(file.relative_to(root).as_posix(), 0, "", files.outside_message(root, file)))
        return []
    shown, text = frontmatter.read(root, file, problems)
    tree, found = frontmatter.parse_yaml(shown, text or "")
    problems.extend(found)
    if tree is None or not isinstance(tree.children, list):
        if tree is not None:
            problems.append(Problem(shown, 1, "", "cần một danh sách tên lĩnh vực, mỗi tên một dòng '- '"))
        return []
    return [str(item.data) for item in tree.children]


def procedure_from(
    source: Source, file: Path, forms: dict[str, Form], problems: list[Problem]
) -> Procedure | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    papers = []
    for index, item in enumerate(data.get("ho_so") or [], 1):
        form = item.get("mau")
        if form and form not in forms:
            line = source.meta["ho_so"].entries()[index - 1].fields()["mau"].line
            problems.append(
                Problem(
                    source.path,
                    line,
                    f"ho_so[{index}].mau",
                    f"không tìm thấy mẫu '{form}'; "
                    f"cần một tệp trong content/{FOLDER}/{FORMS}/ (.md, .pdf, .docx)",
                )
            )
        papers.append(
            Paper(
                item.get("ten") or "",
                forms[form].src_uri if form in forms else None,
                item.get("ban_chinh", 1) if item.get("ban_chinh") is not None else 1,
                item.get("ban_sao") or 0,
            )
        )
    if len(problems) > before:
        return None
    basis = source.meta["can_cu"].entries()
    return Procedure(
        path=source.path,
        slug=slugify(file.stem),
        name=data["ten"],
        field=data["linh_vuc"],
        level=data["cap"],
        unit_ids=data["don_vi"],
        authority=data["co_quan"],
        applicants=data["doi_tuong"],
        channels=[Channel(c["hinh_thuc"], c["thoi_han"], c["phi"]) for c in data["cach_thuc"]],
        time_limit=data["thoi_han"],
        papers=papers,
        steps=data["trinh_tu"],
        result=data["ket_qua"],
        conditions=data["yeu_cau"],
        legal_basis=data["can_cu"],
        legal_basis_lines=[v.line for v in basis],
        code=data.get("ma") or "",
        online_url=data.get("truc_tuyen") or "",
        notes=source.body.strip(),
        lines=source.lines(),
        questions=questions.read(source, data.get(questions.FIELD.name) or []),
    )
