"""A unit's profile (Nghị định 224/2026/NĐ-CP, Điều 9) and reception hours (Luật Tiếp công dân 2013,
Điều 15): read into the model, each mistake a `file:line: field:` message, and shown on the unit's page."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PIL import Image

from cchc.content.load import load
from cchc.content.reception import read_day, read_time
from cchc.content.schema import FieldError
from cchc.site import generate
from tests.conftest import make_project

UNIT_FILE = "content/don-vi/xa-nam-sach.md"
PROFILE = """fax: 0220 3755 001
dau_moi_lien_he:
  ho_ten: Trần Thị Hoa
  chuc_vu: Chánh Văn phòng HĐND và UBND
  dien_thoai: 0220 3755 002
lanh_dao:
  - ho_ten: Phùng Văn Diện
    chuc_vu: Chủ tịch UBND xã
    anh: anh/chu-tich.jpg
    mo_ta_anh: Ảnh chân dung ông Phùng Văn Diện, Chủ tịch UBND xã
    nhiem_vu: |
      Lãnh đạo, điều hành chung; phụ trách **nội chính** và tiếp công dân.
    tieu_su: |
      Sinh năm 1975, quê xã Nam Sách.
  - ho_ten: Nguyễn Văn Bình
    chuc_vu: Phó Chủ tịch UBND xã
co_cau_to_chuc:
  - ten: Văn phòng HĐND và UBND
    nguoi_dung_dau: Trần Thị Hoa
    chuc_vu: Chánh Văn phòng
    truc_thuoc:
      - ten: Bộ phận Một cửa
  - ten: Phòng Kinh tế
lich_su: |
  Xã Nam Sách được thành lập năm 2025.
di_tich: |
  - Đền Cao
lich_tiep_cong_dan:
  - ngay: Thứ Năm hằng tuần
    tu: "7:30"
    den: "11:00"
    nguoi_tiep: Chủ tịch UBND xã
    dia_diem: Phòng tiếp công dân
  - ngay: ngày 15 hằng tháng
    tu: 14h
    den: 16h30
    nguoi_tiep: Phó Chủ tịch UBND xã
---
"""


def _write_unit(root: Path, extra: str) -> None:
    """The project's commune with `extra` front matter lines, and a portrait beside it."""
    path = root / UNIT_FILE
    _, _, rest = path.read_text(encoding="utf-8").partition("---\n")
    meta, _, body = rest.partition("---\n")
    path.write_text(f"---\n{meta}{extra}---\n{body}", encoding="utf-8")
    (root / "content/don-vi/anh").mkdir(exist_ok=True)
    Image.new("RGB", (300, 400), (120, 90, 60)).save(root / "content/don-vi/anh/chu-tich.jpg")


@pytest.fixture
def profiled(tmp_path):
    root = make_project(tmp_path / "portal")
    _write_unit(root, PROFILE.removesuffix("---\n"))
    return root


def test_a_full_profile_is_read(profiled):
    portal, problems = load(profiled)
    assert [p for p in problems if "xa-nam-sach.md" in p.file] == []
    unit = portal.units["xa-nam-sach"]
    assert unit.fax == "0220 3755 001"
    assert unit.contact is not None and unit.contact.position == "Chánh Văn phòng HĐND và UBND"
    assert [leader.name for leader in unit.leaders] == ["Phùng Văn Diện", "Nguyễn Văn Bình"]
    assert unit.leaders[0].photo is not None and unit.leaders[0].photo.file.endswith("anh/chu-tich.jpg")
    assert "**nội chính**" in unit.leaders[0].duties
    assert [o.name for o in unit.offices] == ["Văn phòng HĐND và UBND", "Phòng Kinh tế"]
    assert unit.offices[0].offices[0].name == "Bộ phận Một cửa"
    assert set(unit.profile) == {"lich_su", "di_tich"}
    first, second = unit.reception
    assert (first.weekday, first.start, first.end) == (3, datetime.time(7, 30), datetime.time(11))
    assert (second.monthday, second.start, second.end) == (15, datetime.time(14), datetime.time(16, 30))


def test_the_unit_page_shows_the_profile_and_a_printable_schedule(profiled, tmp_path):
    portal, _ = load(profiled)
    site = generate(portal, tmp_path / "cache")
    pages = {page.src_uri: page.markdown for page in site.pages}
    page = pages["don-vi/xa-nam-sach/index.md"]
    for shown in (
        "## Lịch tiếp công dân",
        "- **Thứ Năm hằng tuần**, 07:30–11:00: Chủ tịch UBND xã tiếp công dân tại Phòng tiếp công dân.",
        "- **Ngày 15 hằng tháng**, 14:00–16:30: Phó Chủ tịch UBND xã tiếp công dân tại trụ sở đơn vị.",
        "### Phùng Văn Diện",
        'alt="Ảnh chân dung ông Phùng Văn Diện, Chủ tịch UBND xã"',
        "phụ trách **nội chính** và tiếp công dân",  # the editor's Markdown, rendered later
        "## Cơ cấu tổ chức",
        "        - **Bộ phận Một cửa**",  # under the Văn phòng, in the organisation chart
        "## Lịch sử",
        "## Di tích",
        "| Fax | 0220 3755 001 |",
        "lich-tiep-cong-dan.md",
    ):
        assert shown in page, shown
    assert "## Điều kiện tự nhiên" not in page  # not given: not shown (the compliance report names it)
    assert page.index("## Lịch tiếp công dân") < page.index("## Liên hệ") < page.index("## Lãnh đạo")
    assert page.index("## Lãnh đạo") < page.index("## Cơ cấu tổ chức")
    sheet = pages["don-vi/xa-nam-sach/lich-tiep-cong-dan.md"]
    assert "- **Thứ Năm hằng tuần**, 07:30–11:00: Chủ tịch UBND xã tiếp công dân" in sheet
    assert any(path.endswith(".webp") for path in site.images)  # the portrait went through the pipeline


def _schedule(day: str, start: str = "7:30", end: str = "11:00", host: str = "Chủ tịch") -> str:
    return (
        f"lich_tiep_cong_dan:\n  - ngay: {day}\n    tu: '{start}'\n    den: '{end}'\n    nguoi_tiep: {host}\n"
    )


def _problems(root: Path) -> list[str]:
    _, problems = load(root)
    return [str(p) for p in problems if "xa-nam-sach.md" in p.file]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            _schedule("Thứ Tám"),
            ":8: lich_tiep_cong_dan[1].ngay: 'Thứ Tám' không phải ngày tiếp công dân đọc được",
        ),
        (
            _schedule("Thứ Hai", "11:00", "7:30"),
            ":10: lich_tiep_cong_dan[1].den: giờ kết thúc 07:30 không sau giờ bắt đầu 11:00",
        ),
        (
            _schedule("Thứ Hai", "25:00", "26:00"),
            ":9: lich_tiep_cong_dan[1].tu: '25:00' không phải giờ trong ngày",
        ),
        (
            _schedule("30/02/2026"),
            ":8: lich_tiep_cong_dan[1].ngay: ngày '30/02/2026' không có thật",
        ),
        (
            "lanh_dao:\n  - chuc_vu: Chủ tịch\n",
            ":8: lanh_dao[1].ho_ten: thiếu trường bắt buộc; cần họ và tên",
        ),
        (
            "lanh_dao:\n  - ho_ten: Phùng Văn Diện\n    chuc_vu: Chủ tịch\n    anh: anh/chu-tich.jpg\n",
            ":8: lanh_dao[1].mo_ta_anh: ảnh cần mô tả",
        ),
        (
            "lanh_dao:\n  - ho_ten: A\n    chuc_vu: Chủ tịch\n    anh: anh/khong-co.jpg\n"
            "    mo_ta_anh: Ảnh chân dung ông A, Chủ tịch UBND xã\n",
            ":10: lanh_dao[1].anh: không tìm thấy tệp ảnh 'khong-co.jpg'",
        ),
        (
            "ban_do:\n  tep: ../../../etc/passwd\n  mo_ta: Bản đồ xã giáp ranh các xã bên cạnh\n",
            ":8: ban_do.tep: tệp 'passwd' nằm ngoài thư mục nội dung",
        ),
        (
            "ban_do:\n  tep: anh/chu-tich.jpg\n  mo_ta: bản đồ\n",
            ":9: ban_do.mo_ta: mô tả ảnh 'bản đồ' chưa nói ảnh cho biết điều gì",
        ),
        (
            "co_cau_to_chuc:\n  - nguoi_dung_dau: Trần Thị Hoa\n",
            ":8: co_cau_to_chuc[1].ten: thiếu trường bắt buộc",
        ),
    ],
)
def test_each_mistake_is_named_on_its_line(tmp_path, extra, expected):
    root = make_project(tmp_path / "portal")
    _write_unit(root, extra)
    found = _problems(root)
    assert any(expected in line for line in found), found
    assert not any("Traceback" in line for line in found)


@pytest.mark.parametrize(
    ("today", "schedule", "warned"),
    [
        # Before 01/7/2026: Luật Tiếp công dân 2013, Điều 15 khoản 2 điểm d, at least one day a week.
        (datetime.date(2026, 3, 1), [("ngày 15 hằng tháng", "Chủ tịch UBND xã")], "Điều 15 khoản 2 điểm d"),
        (datetime.date(2026, 3, 1), [("Thứ Năm", "Phó Chủ tịch UBND xã")], "Điều 15 khoản 2 điểm d"),
        (datetime.date(2026, 3, 1), [("Thứ Năm", "Chủ tịch UBND xã")], None),
        # From 01/7/2026, as amended by Luật số 136/2025/QH15: at least two days a month.
        (datetime.date(2026, 12, 1), [("ngày 15 hằng tháng", "Chủ tịch UBND xã")], "136/2025/QH15"),
        (
            datetime.date(2026, 12, 1),
            [("ngày 5 hằng tháng", "Chủ tịch UBND xã"), ("ngày 20 hằng tháng", "Chủ tịch UBND xã")],
            None,
        ),
        (datetime.date(2026, 12, 1), [("Thứ Năm", "Chủ tịch UBND xã")], None),
        (datetime.date(2026, 12, 1), [("20/12/2026", "Chủ tịch UBND xã")], "136/2025/QH15"),  # once only
    ],
)
def test_a_commune_whose_chairman_receives_too_seldom_is_warned(tmp_path, today, schedule, warned):
    root = make_project(tmp_path / "portal")
    _write_unit(
        root,
        "".join(_schedule(day, host=host) for day, host in schedule).replace("\nlich_tiep_cong_dan:\n", "\n"),
    )
    portal, problems = load(root, today=today)
    found = [str(p) for p in problems if "xa-nam-sach.md" in p.file]
    if warned is None:
        assert found == []
    else:
        assert len(found) == 1 and "(cảnh báo)" in found[0] and warned in found[0], found
    assert len(portal.units["xa-nam-sach"].reception) == len(schedule)  # a warning: still published


@pytest.mark.parametrize("day", ["Thứ Tám", "ngày 0 hằng tháng", "Thứ Hai hằng tháng", "12/2026", "mai"])
def test_days_that_cannot_exist(day):
    with pytest.raises(FieldError):
        read_day(day)


@pytest.mark.parametrize("value", ["24:00", "7:60", "bảy giờ", ""])
def test_hours_that_cannot_exist(value):
    with pytest.raises(FieldError):
        read_time(value)
