"""Documents (văn bản): `content/van-ban/<unit>/<name>.md`, attachments beside them."""

from __future__ import annotations

import re
from pathlib import Path

from cchc.content import files, frontmatter
from cchc.content.figures import FIELD as FIGURES
from cchc.content.figures import figures_from
from cchc.content.frontmatter import Source
from cchc.content.schema import Field, FieldError, read_email, read_fields, url
from cchc.dates import DateError, PartialDate, parse_date
from cchc.kinds import PERIODIC_NAMES, PUBLISHED, Kind, find_kind
from cchc.model import Attachment, Document, Signer
from cchc.periods import Period, PeriodError, parse_period
from cchc.problems import Problem
from cchc.text import slugify

FOLDER = "van-ban"
ATTACHMENT_TYPES = (".pdf", ".docx", ".doc", ".odt", ".xlsx", ".xls")

# "09/KH-UBND", "/BC-UBND" (draft), "118/2025/NĐ-CP", "57-NQ/TW", "1453/UBND-VHXH".
_NUMBER_SYMBOL = re.compile(
    r"^(?:\d*[a-z]?(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9&.,]*(?:-[A-Za-zĐđ0-9&.,]+)*"
    r"|\d+-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-Za-zĐđ0-9&.,]*(?:-[A-Za-zĐđ0-9&.,]+)*)$"
)


def read_kind(value: str) -> Kind:
    kind = find_kind(value)
    if kind is None:
        raise FieldError(
            f"loại văn bản '{value}' không có trong danh sách; cần một trong: "
            + ", ".join(k.name for k in PUBLISHED)
        )
    return kind


# As offices print them: a space left after the number ("545 /HD-BTV", "156 -CV/TĐTN") and the drafting
# unit in brackets ("409 /TTr-CAT(PC04)"); the value is kept as written.
_AS_PRINTED = re.compile(r"\s+(?=[/-])|\([A-Za-zĐđ0-9.]+\)$")


def read_number_symbol(value: str) -> str:
    if not _NUMBER_SYMBOL.match(_AS_PRINTED.sub("", value)):
        raise FieldError(
            f"số, ký hiệu '{value}' không đúng dạng; cần dạng '09/KH-UBND', "
            "'/BC-UBND' khi chưa có số, hoặc để trống \"\" khi chưa biết"
        )
    return value


def read_date(value: str) -> PartialDate:
    try:
        return parse_date(value)
    except DateError as exc:
        raise FieldError(str(exc)) from None


def read_period(value: str) -> Period:
    try:
        return parse_period(value)
    except PeriodError as exc:
        raise FieldError(str(exc)) from None


_WEB = url(("https", "http"), "https://dichvucong.gov.vn/…")


def read_channel(value: str) -> str:
    """Where comments on a draft go: an e-mail address or a web page."""
    try:
        return str(read_email(value) if "@" in value and "://" not in value else _WEB(value))
    except FieldError:
        raise FieldError(
            f"'{value}' không phải địa chỉ thư điện tử hay trang web; cần dạng gopy@coquan.gov.vn hoặc "
            "https://…"
        ) from None


SIGNER = (
    Field("ho_ten", "họ và tên người ký", True),
    Field("chuc_vu", "các dòng chức vụ phía trên tên, ví dụ '- KT. CHỦ TỊCH'", shape="list"),
)

SCHEMA = (
    Field("loai", "loại văn bản, ví dụ 'Báo cáo', 'Kế hoạch', 'Quyết định'", True, read_kind),
    Field("so_ky_hieu", "số, ký hiệu như '09/KH-UBND'", False, read_number_symbol),
    Field("ngay_ban_hanh", "ngày ban hành dạng NN/TT/NNNN", False, read_date),
    Field("ngay_hieu_luc", "ngày văn bản có hiệu lực dạng NN/TT/NNNN, khi văn bản ghi", False, read_date),
    Field("dia_danh", "địa danh ở dòng ngày tháng, ví dụ 'Phù Liễn'"),
    Field("don_vi", "mã đơn vị ban hành, ví dụ 'xa-nam-sach'", True),
    Field("trich_yeu", "trích yếu (tên) của văn bản", True),
    Field("ky", "kỳ báo cáo hoặc kỳ kế hoạch, ví dụ 'năm 2025', '6 tháng đầu năm 2026'", False, read_period),
    Field("nguoi_ky", "người ký: ho_ten và chuc_vu", shape="mapping", fields=SIGNER),
    Field("noi_nhan", "danh sách nơi nhận, mỗi nơi một dòng bắt đầu bằng '- '", shape="list"),
    Field("tep_goc", "tệp gốc (PDF, DOCX) đặt cạnh tệp này, mỗi tệp một dòng '- ten-tep.pdf'", shape="list"),
    Field("han_gop_y", "với dự thảo lấy ý kiến: hạn góp ý dạng NN/TT/NNNN", False, read_date),
    Field(
        "gop_y",
        "với dự thảo: nơi nhận góp ý, thư điện tử hoặc trang web (mặc định: thư điện tử của đơn vị)",
        False,
        read_channel,
    ),
    FIGURES,
)


def _attachments(
    root: Path, source: Source, folder: Path, names: list[str], problems: list[Problem]
) -> list[Attachment]:
    found = []
    for index, name in enumerate(names, 1):
        line = source.meta["tep_goc"].entries()[index - 1].line
        field = f"tep_goc[{index}]"
        file = folder / name
        if Path(name).suffix.lower() not in ATTACHMENT_TYPES:
            problems.append(
                Problem(
                    source.path,
                    line,
                    field,
                    f"tệp '{name}' không phải loại được phép; cần một trong: {', '.join(ATTACHMENT_TYPES)}",
                )
            )
        elif Path(name).name != name or not file.is_file():
            problems.append(
                Problem(
                    source.path,
                    line,
                    field,
                    f"không tìm thấy tệp '{name}'; cần đặt tệp "
                    "cùng thư mục với tệp văn bản này và ghi đúng tên (không kèm thư mục)",
                )
            )
        elif not files.inside(root, file):
            problems.append(Problem(source.path, line, field, files.outside_message(root, file)))
        else:
            found.append(Attachment(str(file), file.name))
    return found


def document_from(root: Path, source: Source, file: Path, problems: list[Problem]) -> Document | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    kind: Kind | None = data.get("loai")
    period: Period | None = data.get("ky")
    if kind and period and not kind.periodic:
        problems.append(
            Problem(
                source.path,
                source.meta["ky"].line,
                "ky",
                f"văn bản loại '{kind.name}' không có kỳ; chỉ {PERIODIC_NAMES} mới ghi kỳ. "
                "Hãy xóa trường này hoặc sửa loại văn bản",
            )
        )
    if missing := frontmatter.missing_body(source, "văn bản"):
        problems.append(missing)
    attachments = _attachments(root, source, file.parent, data.get("tep_goc") or [], problems)
    issued, effective = data.get("ngay_ban_hanh"), data.get("ngay_hieu_luc")
    if issued and effective and issued.day and effective.day and effective.iso() < issued.iso():
        problems.append(
            Problem(
                source.path,
                source.meta["ngay_hieu_luc"].line,
                "ngay_hieu_luc",
                f"ngày hiệu lực {effective.vietnamese()} trước ngày ban hành {issued.vietnamese()}; "
                "cần ngày từ ngày ban hành trở đi",
            )
        )
    deadline = data.get("han_gop_y")
    if deadline and not deadline.day:
        problems.append(_at(source, "han_gop_y", "hạn góp ý cần đủ ngày, tháng, năm dạng NN/TT/NNNN"))
    elif deadline and issued and issued.day and deadline.iso() < issued.iso():
        problems.append(
            _at(
                source,
                "han_gop_y",
                f"hạn góp ý {deadline.vietnamese()} trước ngày của dự thảo {issued.vietnamese()}; "
                "cần ngày sau",
            )
        )
    if data.get("gop_y") and not deadline:
        problems.append(_at(source, "gop_y", "nơi nhận góp ý chỉ dùng cho dự thảo; cần thêm han_gop_y"))
    if len(problems) > before:
        return None
    signer = data.get("nguoi_ky")
    return Document(
        path=source.path,
        slug=slugify(file.stem),
        kind=data["loai"],  # required: there when no problem was found
        unit_id=data["don_vi"],
        title=data["trich_yeu"],
        body=source.body,
        body_line=source.body_line,
        lines=source.lines(),
        number_symbol=data.get("so_ky_hieu") or "",
        date=issued,
        effective=effective,
        comment_until=deadline,
        comment_to=data.get("gop_y") or "",
        place=data.get("dia_danh") or "",
        period=period,
        signer=Signer(signer["ho_ten"], signer.get("chuc_vu") or []) if signer else None,
        recipients=data.get("noi_nhan") or [],
        attachments=attachments,
        figures=figures_from(
            data.get("so_lieu") or [], source.meta["so_lieu"].children if data.get("so_lieu") else []
        ),
    )


def _at(source: Source, name: str, message: str) -> Problem:
    return Problem(source.path, source.meta[name].line, name, message)
