"""Procedures: schema and messages, resident pages, poster with QR, directory, JSON-LD, open data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, cchc_check, mkdocs_build
from tests.htmltext import article_text

PROCEDURE = """---
ma: "1.001193"
ten: Đăng ký khai sinh
linh_vuc: Hộ tịch
cap: xã
don_vi: [xa-nam-sach]
co_quan: Ủy ban nhân dân cấp xã
doi_tuong: Cha, mẹ, ông, bà hoặc người thân thích của trẻ.
truc_tuyen: "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"
cach_thuc:
  - hinh_thuc: Trực tiếp
    thoi_han: Ngay trong ngày làm việc
    phi: Không
  - hinh_thuc: Trực tuyến
    thoi_han: Ngay trong ngày làm việc
    phi: Không
thoi_han: Ngay trong ngày làm việc
ho_so:
  - ten: Tờ khai đăng ký khai sinh theo mẫu.
    mau: mau/to-khai-khai-sinh.md
    ban_chinh: 1
  - ten: Giấy chứng sinh.
    ban_chinh: 1
trinh_tu:
  - Nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã.
  - Nhận Giấy khai sinh.
ket_qua: Giấy khai sinh.
yeu_cau: Không có.
can_cu:
  - Luật Hộ tịch số 60/2014/QH13 ngày 20 tháng 11 năm 2014 của Quốc hội.
  - Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ.
---
"""

FORM = """---
ten: Tờ khai đăng ký khai sinh
nguon: Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP
---

Họ, chữ đệm, tên người yêu cầu: ……………………
"""

P = "content/thu-tuc/dang-ky-khai-sinh.md"


@pytest.fixture
def with_procedure(project: Path) -> Path:
    folder = project / "content/thu-tuc"
    (folder / "mau").mkdir(parents=True)
    (folder / "dang-ky-khai-sinh.md").write_text(PROCEDURE, encoding="utf-8")
    (folder / "mau/to-khai-khai-sinh.md").write_text(FORM, encoding="utf-8")
    (folder / "linh-vuc.yml").write_text("- Hộ tịch\n- Chứng thực\n", encoding="utf-8")
    return project


def edit(project: Path, old: str, new: str) -> None:
    path = project / P
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


BAD = {
    "no steps": (
        (
            "trinh_tu:\n  - Nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã.\n"
            "  - Nhận Giấy khai sinh.\n",
            "trinh_tu: []\n",
        ),
        f"{P}:24: trinh_tu: trường bắt buộc đang để trống",
    ),
    "fee": (
        ("    phi: Không\n  - hinh_thuc: Trực tuyến", "    phi: miễn phí đi\n  - hinh_thuc: Trực tuyến"),
        f"{P}:13: cach_thuc[1].phi: phí, lệ phí 'miễn phí đi' không phải số tiền; cần số tiền như "
        "'8.000 đồng/bản' hoặc 'Không'",
    ),
    "unknown unit": (
        ("don_vi: [xa-nam-sach]", "don_vi: [xa-nam-sachh]"),
        f"{P}:6: don_vi[1]: không có đơn vị mã 'xa-nam-sachh'",
    ),
    "unknown field": (
        ("linh_vuc: Hộ tịch", "linh_vuc: Hộ tich"),
        f"{P}:4: linh_vuc: không có lĩnh vực 'Hộ tich' trong content/thu-tuc/linh-vuc.yml; "
        "có phải ý bạn là 'Hộ tịch'?",
    ),
    "missing form": (
        ("mau: mau/to-khai-khai-sinh.md", "mau: mau/khong-co.md"),
        f"{P}:20: ho_so[1].mau: không tìm thấy mẫu 'mau/khong-co.md'",
    ),
    "unreadable legal basis": (
        (
            "  - Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ.",
            "  - Nghị định về hộ tịch của Chính phủ.",
        ),
        f"{P}:31: can_cu[2]: không đọc được văn bản nào trong 'Nghị định về hộ tịch",
    ),
    "time limit without unit": (
        ("thoi_han: Ngay trong ngày làm việc\nho_so", 'thoi_han: "3"\nho_so'),
        f"{P}:17: thoi_han: thời hạn '3' thiếu đơn vị",
    ),
}


def test_valid_procedure_passes(with_procedure):
    result = cchc_check(with_procedure)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_procedure_is_reported(with_procedure, case):
    (old, new), expected = BAD[case]
    edit(with_procedure, old, new)
    result = cchc_check(with_procedure)
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout


def test_unreadable_legal_basis_stops_the_build(with_procedure, tmp_path):
    (old, new), expected = BAD["unreadable legal basis"]
    edit(with_procedure, old, new)
    result = mkdocs_build(with_procedure, tmp_path / "site")
    assert result.returncode == 1
    assert expected in result.stderr and "Chưa xây dựng trang nào" in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.fixture
def built(with_procedure, tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(with_procedure, site, "--strict")
    assert result.returncode == 0, result.stderr
    return site


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_procedure_page_order_summary_checklist_steps(built):
    html = read(built, "thu-tuc/dang-ky-khai-sinh")
    text = " ".join(article_text(html).split())
    positions = [
        text.index(s)
        for s in (
            "Thời gian giải quyết: Ngay trong ngày làm việc",
            "Phí, lệ phí: Không",
            "Nộp trực tuyến: Có",
            "Giấy tờ cần mang",
            "Các bước thực hiện",
        )
    ]
    assert positions == sorted(positions)
    assert (
        'href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html'
        '?ma_thu_tuc=1.001193"'
    ) in html
    assert 'href="../mau/to-khai-khai-sinh/"' in html
    assert (
        '<a href="../../tham-chieu/123-2015-nd-cp/">Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015</a>'
    ) in html


def test_json_ld_is_a_government_service(built):
    html = read(built, "thu-tuc/dang-ky-khai-sinh")
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "GovernmentService" and data["name"] == "Đăng ký khai sinh"
    assert data["provider"][0] == {
        "@type": "GovernmentOrganization",
        "name": "Ủy ban nhân dân xã Nam Sách",
        "url": "http://127.0.0.1:8000/don-vi/xa-nam-sach/",
    }
    assert data["serviceType"] == "Hộ tịch"
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "xã Nam Sách"}]
    assert data["url"] == "http://127.0.0.1:8000/thu-tuc/dang-ky-khai-sinh/"
    online = [c for c in data["availableChannel"] if c["name"] == "Trực tuyến"]
    assert online[0]["serviceUrl"].startswith("https://dichvucong.gov.vn/")


def test_directory_and_unit_listing(built):
    for page in ("thu-tuc", "thu-tuc/theo-don-vi", "thu-tuc/theo-cap", "thu-tuc/truc-tuyen", "thu-tuc/a-z"):
        assert 'href="../' in read(built, page) or 'href="dang-ky-khai-sinh/"' in read(built, page)
        assert "Đăng ký khai sinh" in article_text(read(built, page))
    assert "Đăng ký khai sinh" in article_text(read(built, "don-vi/xa-nam-sach"))
    assert "Nộp trực tuyến được" in article_text(read(built, "thu-tuc/truc-tuyen"))


def test_open_data(built):
    rows = json.loads((built / "du-lieu/thu-tuc.json").read_text(encoding="utf-8"))
    assert rows[0]["code"] == "1.001193" and rows[0]["online"] is True
    assert (built / "du-lieu/thu-tuc.csv").read_text(encoding="utf-8").startswith("slug,code,name,")


def _rasterize(svg: str, scale: int = 8):
    """Draw segno's SVG path (M/m moves, h runs of one module) into a Pillow image."""
    from PIL import Image, ImageDraw

    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, a, b in re.findall(
        r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", re.search(r' d="([^"]+)"', svg).group(1)
    ):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            draw.rectangle(
                [x * scale, int(y) * scale, (x + float(a)) * scale - 1, int(y) * scale + scale - 1], fill=0
            )
            x += float(a)
    return image


def test_poster_qr_decodes_to_the_page_url(built):
    zxingcpp = pytest.importorskip("zxingcpp")
    html = read(built, "thu-tuc/dang-ky-khai-sinh/in")
    [svg] = re.findall(r'<svg[^>]*class="cchc-qr".*?</svg>', html, re.S)
    [result] = zxingcpp.read_barcodes(_rasterize(svg))
    assert result.text == "http://127.0.0.1:8000/thu-tuc/dang-ky-khai-sinh/"
    assert "Giấy tờ cần mang" in article_text(html)


REAL = sorted(p.stem for p in (REPO / "content/thu-tuc").glob("*.md"))


def test_at_least_twelve_real_procedures_tied_to_units():
    from cchc.content import load as loader

    portal, problems = loader.load(REPO)
    assert not [p for p in problems if p.file.startswith("content/thu-tuc")]
    assert len(portal.procedures) >= 12
    for procedure in portal.procedures:
        assert procedure.unit_ids and all(
            portal.units[u].level in ("xã", "phường") for u in procedure.unit_ids
        )
        assert procedure.legal_basis and procedure.steps and procedure.papers


@pytest.mark.parametrize("slug", REAL)
def test_every_real_procedure_has_government_service_json_ld(built_site, slug):
    html = read(built_site, f"thu-tuc/{slug}")
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "GovernmentService"
    assert data["name"] and data["serviceType"] and data["provider"] and data["areaServed"]
    assert data["url"].endswith(f"/thu-tuc/{slug}/")
    assert {c["name"] for c in data["availableChannel"]} <= {"Trực tiếp", "Trực tuyến", "Bưu chính"}


@pytest.mark.parametrize("slug", REAL)
def test_every_real_poster_qr_decodes(built_site, slug):
    zxingcpp = pytest.importorskip("zxingcpp")
    [svg] = re.findall(r'<svg[^>]*class="cchc-qr".*?</svg>', read(built_site, f"thu-tuc/{slug}/in"), re.S)
    [result] = zxingcpp.read_barcodes(_rasterize(svg))
    assert result.text == f"http://127.0.0.1:8000/thu-tuc/{slug}/"
