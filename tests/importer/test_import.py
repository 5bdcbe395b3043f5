"""`cchc nhap`: the five seeds' texts (../shared/seeds, copied in tests/seeds) give the kind, number, date,
place, title, signer and recipients of their hand-made content files wherever the text shows them, keep
every word in order, and pass `cchc check` but for the fields the text does not show."""

from __future__ import annotations

import difflib
import html
import json
import re
import subprocess
import sys

import pytest
import yaml

from cchc.content.load import load
from cchc.importer.body import markdown
from cchc.importer.content_file import content_file, period
from cchc.importer.layout import read_layout
from cchc.importer.sources import read_lines
from tests.conftest import REPO, cchc_check

SEEDS = REPO / "tests" / "seeds"
# Each seed's text and the content file made from it by hand.
MADE_BY_HAND = {
    "000_a9659aed3b8e34ff.txt": "xa-nam-thanh-mien/bao-cao-tuyen-truyen-cchc-nam-2025.md",
    "001_5d67d44ffc9b3dc7.txt": "xa-nam-sach/ke-hoach-tuyen-truyen-cchc-6-thang-cuoi-nam-2025.md",
    "002_5a9650c9ae9f1301.txt": "phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026.md",
    "003_1ca549996485953f.txt": "xa-an-khanh/ke-hoach-tuyen-truyen-cchc-nam-2026.md",
    "004_296eb25d9921d084.txt": "so-khcn/bao-cao-tuyen-truyen-cchc-nam-2025.md",
}
_WORD = re.compile(r"[\w/.,;:%()–-]+")


@pytest.fixture(scope="module")
def units():
    portal, _ = load(REPO)
    return portal.units


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def words(text: str) -> list[str]:
    """Words with Markdown's own marks taken off, for comparing a source with its import."""
    text = re.sub(r"[*#\\]|^\s*[-+•]\s", " ", text, flags=re.M)
    return [w.strip(".,;:") for w in _WORD.findall(text) if w.strip(".,;:-–")]


def in_order(source: list[str], imported: list[str]) -> float:
    """The share of the source's words found in the import in the same order (longest common
    subsequence, as difflib's matching blocks)."""
    blocks = difflib.SequenceMatcher(None, source, imported, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(source)


@pytest.mark.parametrize("seed", sorted(MADE_BY_HAND))
def test_a_seed_imports_as_its_hand_made_content_file(seed, units):
    layout = read_layout((SEEDS / seed).read_text(encoding="utf-8").splitlines())
    imported = front_matter(content_file(layout, units).text)
    made = front_matter((REPO / "content" / "van-ban" / MADE_BY_HAND[seed]).read_text(encoding="utf-8"))
    for key in ("loai", "so_ky_hieu", "dia_danh", "trich_yeu", "nguoi_ky", "noi_nhan"):
        if imported.get(key):  # wherever the text shows it, it is what the hand-made file says
            assert imported[key] == made[key], key
    assert imported["trich_yeu"] and imported["nguoi_ky"] and imported["noi_nhan"]  # every seed shows these
    if imported["ngay_ban_hanh"]:
        assert imported["ngay_ban_hanh"] == made["ngay_ban_hanh"]
    assert period(imported["trich_yeu"]).lstrip("0") == str(made["ky"]).lstrip("0")


@pytest.mark.parametrize("seed", sorted(MADE_BY_HAND))
def test_every_word_of_a_seed_is_kept_in_order(seed, units):
    source = (SEEDS / seed).read_text(encoding="utf-8")
    imported = content_file(read_layout(source.splitlines()), units).text
    data, body = front_matter(imported), imported.split("---\n", 2)[2]
    signer = data["nguoi_ky"]
    # The import in the document's own order: kind and title, body, recipients, then the signature.
    dateline = f"{data['dia_danh']}, ngày tháng năm {data['ngay_ban_hanh']}"
    document = " ".join(
        [
            data["so_ky_hieu"],
            dateline,
            data["loai"] or "",
            data["trich_yeu"],
            body,
            *data["noi_nhan"],
            *signer.get("chuc_vu", []),
            signer["ho_ten"],
        ]
    )
    share = in_order(words(source), words(document))
    assert share >= 0.995, f"{seed}: {share:.2%} of the words kept in order"


HEADER = """UBND THÀNH PHỐ HẢI PHÒNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND XÃ NAM SÁCH                  Độc lập - Tự do - Hạnh phúc
Số: 123/KH-UBND                   Nam Sách, ngày 15 tháng 8 năm 2025

KẾ HOẠCH
TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025

Căn cứ Kế hoạch số 167/KH-SVHTTDL ngày 12 tháng 8 năm 2025 của Sở Văn hóa, Thể thao và Du lịch
về cải cách hành chính, Ủy ban nhân dân xã ban hành Kế hoạch tuyên truyền như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Tuyên truyền sâu rộng đến cán bộ, công chức và nhân dân trên địa bàn xã.
Nơi nhận:                                 TM. ỦY BAN NHÂN DÂN
- Sở Văn hóa, Thể thao và Du lịch;        CHỦ TỊCH
- Lưu: VT, VHXH.
                                          Phùng Văn Diện
"""


def test_a_two_column_header_and_footer(units):
    layout = read_layout(HEADER.splitlines())
    assert layout.issuer == ["UBND THÀNH PHỐ HẢI PHÒNG", "UBND XÃ NAM SÁCH"]
    assert (layout.number, layout.place, layout.day, layout.month, layout.year) == (
        "123/KH-UBND",
        "Nam Sách",
        15,
        8,
        2025,
    )
    assert layout.kind == "Kế hoạch" and layout.title == "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    assert layout.recipients == ["Sở Văn hóa, Thể thao và Du lịch;", "Lưu: VT, VHXH."]
    assert layout.positions == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and layout.signer == "Phùng Văn Diện"
    imported = content_file(layout, units)
    data = front_matter(imported.text)
    assert data["don_vi"] == "xa-nam-sach" and data["ngay_ban_hanh"] == "15/08/2025"
    assert data["ky"] == "năm 2025"
    assert imported.missing == [] and any("viết thường" in note for note in imported.notes)
    assert "## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\nTuyên truyền sâu rộng" in imported.text
    assert "CỘNG HÒA" not in imported.text and "Độc lập" not in imported.text


def test_cchc_nhap_writes_a_file_that_passes_the_checks(project):
    source = project / "ke-hoach.txt"
    source.write_text(HEADER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    written = project / "content/van-ban/xa-nam-sach/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2025.md"
    assert written.is_file() and "Đã ghi content/van-ban/xa-nam-sach/" in done.stderr
    check = cchc_check(project)
    assert check.returncode == 0, check.stdout
    again = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(source)],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1 and "không ghi đè (thêm --ghi-de" in again.stderr
    written.write_text("sửa tay", encoding="utf-8")
    forced = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(source), "--ghi-de"],
        capture_output=True,
        text=True,
    )
    assert forced.returncode == 0 and written.read_text(encoding="utf-8").startswith("---\nloai: Kế hoạch")


def test_a_seed_without_its_unit_fails_the_checks_only_on_what_it_lacks(project):
    seed = SEEDS / "001_5d67d44ffc9b3dc7.txt"
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(seed), "--don-vi", "xa-nam-sach"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "chưa tìm thấy: loại văn bản, số, ký hiệu, ngày ban hành, địa danh" in done.stderr
    check = cchc_check(project)
    fields = {line.split(": ")[1] for line in check.stdout.splitlines() if "van-ban" in line}
    assert check.returncode == 1 and fields == {"loai"}, check.stdout


def test_a_signature_without_recipients_closes_the_body(units):
    text = HEADER.split("Nơi nhận:")[0] + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhùng Văn Diện\n"
    layout = read_layout(text.splitlines())
    assert layout.recipients == [] and layout.signer == "Phùng Văn Diện"
    assert layout.positions == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert layout.body[-1].startswith("Tuyên truyền sâu rộng")


def _docx_of(made: dict, body: str, unit, path) -> None:
    """A Word file laid out as Nghị định 30 asks, from a hand-made content file: the header table (issuer
    and number beside the motto and dateline), kind and title, the body's paragraphs with bold headings,
    a table, and the footer table (recipients beside the signature)."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = f"UBND THÀNH PHỐ HẢI PHÒNG\n{unit.name.upper()}"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = f"Số: {made['so_ky_hieu']}"
    date = str(made["ngay_ban_hanh"])
    header.cell(1, 1).text = f"{made['dia_danh']}, ngày     tháng     năm {date}" if made["dia_danh"] else ""
    document.add_paragraph().add_run(made["loai"].upper()).bold = True
    document.add_paragraph().add_run(made["trich_yeu"]).bold = True
    for block in body.split("\n\n"):
        text = block.strip()
        if text.startswith("#"):
            document.add_paragraph().add_run(text.lstrip("# ")).bold = True
        elif text:
            for line in text.splitlines():
                document.add_paragraph(line.replace("\\", ""))
    table = document.add_table(rows=2, cols=3)
    for column, word in enumerate(("Kênh", "Số tin, bài", "Ghi chú")):
        table.cell(0, column).text = word
    for column, word in enumerate(("Cổng thông tin điện tử", "241", "tin | bài")):
        table.cell(1, column).text = word
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "Nơi nhận:\n" + "\n".join(f"- {r}" for r in made["noi_nhan"])
    signer = made["nguoi_ky"]
    footer.cell(0, 1).text = "\n".join([*signer.get("chuc_vu", []), "", "", signer["ho_ten"]])
    document.save(path)


@pytest.mark.parametrize("seed", sorted(MADE_BY_HAND))
def test_a_word_file_laid_out_by_the_decree_imports_every_field(seed, units, tmp_path):
    text = (REPO / "content" / "van-ban" / MADE_BY_HAND[seed]).read_text(encoding="utf-8")
    made, body = front_matter(text), text.split("---\n", 2)[2]
    unit = units[made["don_vi"]]
    path = tmp_path / "van-ban.docx"
    _docx_of(made, body, unit, path)
    imported = content_file(read_layout(read_lines(path)), units, originals=[path.name])
    data = front_matter(imported.text)
    for key in ("loai", "so_ky_hieu", "dia_danh", "don_vi", "trich_yeu", "nguoi_ky", "noi_nhan"):
        assert data[key] == made[key], key
    assert str(data["ngay_ban_hanh"]) == str(made["ngay_ban_hanh"]) and data["tep_goc"] == ["van-ban.docx"]
    assert (
        "| Kênh | Số tin, bài | Ghi chú |\n|---|---|---|\n| Cổng thông tin điện tử | 241 | tin \\| bài |"
        in imported.text
    )
    assert "CỘNG HÒA" not in imported.text and imported.missing == [
        label
        for label, key in (
            ("số, ký hiệu", "so_ky_hieu"),
            ("ngày ban hành", "ngay_ban_hanh"),
            ("địa danh", "dia_danh"),
        )
        if not made[key]
    ]
    share = in_order(words(body), words(imported.text.split("---\n", 2)[2]))
    assert share >= 0.995, f"{seed}: {share:.2%}"


def _html_of(made: dict, body: str, unit) -> str:
    """The same document as a page to print: header and footer as two-column tables, as offices lay them."""
    signer = made["nguoi_ky"]
    date = f"{made['dia_danh']}, ngày     tháng     năm {made['ngay_ban_hanh']}" if made["dia_danh"] else ""
    paragraphs = []
    for block in body.split("\n\n"):
        text = html.escape(block.strip().replace("\\", ""))
        if text.startswith("#"):
            paragraphs.append(f"<p><b>{text.lstrip('# ')}</b></p>")
        elif text:
            paragraphs += [f"<p>{line}</p>" for line in text.splitlines()]
    recipients = "".join(f"<br>- {html.escape(r)}" for r in made["noi_nhan"])
    positions = "<br>".join(html.escape(p) for p in signer.get("chuc_vu", []))
    issuer = f"UBND THÀNH PHỐ HẢI PHÒNG<br><b>{html.escape(unit.name.upper())}</b>"
    motto = "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b>"
    title = f"<b>{made['loai'].upper()}<br>{html.escape(made['trich_yeu'])}</b>"
    signature = f"<b>{positions}</b><br><br><br><b>{html.escape(signer['ho_ten'])}</b>"
    return "\n".join(
        [
            '<html><head><meta charset="utf-8"><style>body {font: 13pt serif}',
            "td {vertical-align: top; width: 50%; text-align: center}</style></head><body>",
            f'<table style="width:100%"><tr><td>{issuer}<br>Số: {made["so_ky_hieu"]}</td>',
            f"<td>{motto}<br><i>{date}</i></td></tr></table>",
            f'<p style="text-align:center">{title}</p>',
            *paragraphs,
            '<table style="width:100%"><tr><td style="text-align:left">'
            f"<b><i>Nơi nhận:</i></b>{recipients}</td>",
            f"<td>{signature}</td></tr></table></body></html>",
        ]
    )


@pytest.mark.parametrize("seed", sorted(MADE_BY_HAND))
def test_a_printed_pdf_imports_every_field(seed, units, browser, tmp_path):
    text = (REPO / "content" / "van-ban" / MADE_BY_HAND[seed]).read_text(encoding="utf-8")
    made, body = front_matter(text), text.split("---\n", 2)[2]
    page = browser.new_page()
    page.set_content(_html_of(made, body, units[made["don_vi"]]))
    page.pdf(path=str(tmp_path / "van-ban.pdf"), format="A4")
    page.close()
    imported = content_file(read_layout(read_lines(tmp_path / "van-ban.pdf")), units)
    data = front_matter(imported.text)
    for key in ("loai", "so_ky_hieu", "dia_danh", "don_vi", "trich_yeu", "nguoi_ky", "noi_nhan"):
        assert data[key] == made[key], key
    assert str(data["ngay_ban_hanh"]) == str(made["ngay_ban_hanh"])
    share = in_order(words(body), words(imported.text.split("---\n", 2)[2]))
    assert share >= 0.995, f"{seed}: {share:.2%}"


def test_a_scan_or_a_broken_file_gets_a_message_not_a_traceback(project, tmp_path):
    from PIL import Image
    from pypdf import PdfReader, PdfWriter

    scan = tmp_path / "ban-quet.pdf"
    Image.new("RGB", (600, 800), "white").save(scan)
    locked = tmp_path / "mat-khau.pdf"
    writer = PdfWriter()
    writer.append(PdfReader(scan))
    writer.encrypt("bi-mat")
    writer.write(locked)
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("đi chợ\nmua rau\n", encoding="utf-8")
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    for path, message in (
        (scan, "không có lớp chữ (có lẽ là bản quét)"),
        (broken, "không mở được tệp Word"),
        (locked, "tệp PDF có mật khẩu"),
        (notes, "không đọc được phần đầu văn bản"),
        (tmp_path / "x.odt", "chưa đọc được tệp loại '.odt'"),
    ):
        path.touch()
        before = sorted(project.rglob("*"))
        done = subprocess.run(
            [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(path)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and path.name in done.stderr
        assert sorted(project.rglob("*")) == before  # nothing written


MOTTO = re.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc"
)
REAL = sorted((REPO / "tests" / "data" / "imports").glob("real-*.txt"))


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_a_real_document_imports_with_its_fields_right(path, units):
    """Five real documents from public sources (each .json names its source and holds the fields read by
    hand): every field as read, and the words kept in order."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["expected"]
    layout = read_layout(path.read_text(encoding="utf-8").splitlines())
    signer = {"ho_ten": layout.signer, "chuc_vu": layout.positions} if layout.signer else None
    found = {
        "loai": layout.kind,
        "so_ky_hieu": layout.number,
        "dia_danh": layout.place,
        "ngay": [layout.day, layout.month, layout.year] if layout.year else None,
        "co_quan": layout.issuer,
        "trich_yeu": layout.title,
        "nguoi_ky": signer,
        "noi_nhan": layout.recipients or None,
    }
    assert {key: found[key] for key in expected} == expected
    # The import in the document's order (an appendix after the signature); the motto is left out on purpose.
    source = MOTTO.sub(" ", path.read_text(encoding="utf-8"))
    dateline = f"{layout.place}, ngày {layout.day or ''} tháng {layout.month or ''} năm {layout.year}"
    share = in_order(
        words(source),
        words(
            " ".join(
                [
                    *layout.issuer,
                    f"Số: {layout.number}" if layout.number is not None else "",
                    dateline if layout.year else "",
                    (layout.kind or "").upper(),
                    layout.title or "",
                    markdown(layout.body),
                    "Nơi nhận:",
                    *layout.recipients,
                    *layout.positions,
                    layout.signer or "",
                    markdown(layout.appendix),
                ]
            )
        ),
    )
    assert share >= 0.99, f"{path.stem}: {share:.2%}"


def test_cchc_nhap_attaches_the_word_file_it_read(project, units, tmp_path):
    made = front_matter(
        (REPO / "content/van-ban" / MADE_BY_HAND["001_5d67d44ffc9b3dc7.txt"]).read_text(encoding="utf-8")
    )
    made["loai"], made["so_ky_hieu"] = "Kế hoạch", "09/KH-UBND"
    source = tmp_path / "KH 09.docx"
    _docx_of(made, "## I. MỤC ĐÍCH\n\nTuyên truyền cải cách hành chính.\n", units["xa-nam-sach"], source)
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    folder = project / "content/van-ban/xa-nam-sach"
    written = next(folder.glob("ke-hoach-*.md"))
    assert front_matter(written.read_text(encoding="utf-8"))["tep_goc"] == ["KH 09.docx"]
    assert (folder / "KH 09.docx").read_bytes() == source.read_bytes()
    check = cchc_check(project)
    assert check.returncode == 0, check.stdout


def _nhap(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", *map(str, args)],
        capture_output=True,
        text=True,
    )


def _word_file(units, path, title: str) -> None:
    made = front_matter(
        (REPO / "content/van-ban" / MADE_BY_HAND["001_5d67d44ffc9b3dc7.txt"]).read_text(encoding="utf-8")
    )
    made.update(loai="Kế hoạch", so_ky_hieu="09/KH-UBND", trich_yeu=title)
    _docx_of(made, "## I. MỤC ĐÍCH\n\nTuyên truyền cải cách hành chính.\n", units["xa-nam-sach"], path)


def test_a_second_original_of_the_same_name_is_not_overwritten(project, units, tmp_path):
    """Two Word files called alike, from two folders: the second is refused, and nothing of it written,
    unless --ghi-de."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "KH.docx", tmp_path / "b" / "KH.docx"
    _word_file(units, first, "Tuyên truyền cải cách hành chính năm 2025")
    _word_file(units, second, "Kiểm tra cải cách hành chính năm 2025")
    assert _nhap(project, first).returncode == 0
    folder = project / "content/van-ban/xa-nam-sach"
    before = {path: path.read_bytes() for path in folder.iterdir()}
    refused = _nhap(project, second)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "content/van-ban/xa-nam-sach/KH.docx đã có và khác tệp đang nhập; không ghi đè" in refused.stderr
    assert {path: path.read_bytes() for path in folder.iterdir()} == before  # not even the .md
    forced = _nhap(project, second, "--ghi-de")
    assert forced.returncode == 0, forced.stderr
    assert (folder / "KH.docx").read_bytes() == second.read_bytes()
    assert (folder / "ke-hoach-kiem-tra-cai-cach-hanh-chinh-nam-2025.md").is_file()
    again = _nhap(project, second)  # the same file again: only the content file is in the way
    assert again.returncode == 1 and "KH.docx" not in again.stderr and "đã có; không ghi đè" in again.stderr


def test_an_original_already_in_the_unit_folder_stays_there(project, units):
    """The README's way: upload the PDF or DOCX to content/van-ban/<unit>/, then import it there."""
    folder = project / "content/van-ban/xa-nam-sach"
    original = folder / "KH 09.docx"
    _word_file(units, original, "Tuyên truyền cải cách hành chính năm 2025")
    content = original.read_bytes()
    done = _nhap(project, original)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    written = folder / "ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2025.md"
    assert front_matter(written.read_text(encoding="utf-8"))["tep_goc"] == ["KH 09.docx"]
    assert original.read_bytes() == content and sorted(p.name for p in folder.iterdir()) == [
        "KH 09.docx",
        "bao-cao-2025.md",
        written.name,
    ]
    assert cchc_check(project).returncode == 0


def test_a_title_of_one_endless_word_gets_a_short_file_name(project, tmp_path):
    source = tmp_path / "dai.txt"
    source.write_text(HEADER.replace("CẢI CÁCH HÀNH CHÍNH NĂM 2025", "A" * 3000), encoding="utf-8")
    done = _nhap(project, source)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    written = project / "content/van-ban/xa-nam-sach/ke-hoach-tuyen-truyen.md"
    assert written.is_file() and "tên tệp rút gọn còn 21 ký tự (ke-hoach-tuyen-truyen.md)" in done.stderr
    assert front_matter(written.read_text(encoding="utf-8"))["trich_yeu"] == "TUYÊN TRUYỀN " + "A" * 3000


def test_a_footer_table_inside_a_frame_table_and_runs_split_by_edits(tmp_path):
    """Word may put the footer's table inside a cell of a frame table (the frame's own cells read empty),
    and split a run wherever the text was edited ("c" / "hính" in italics): the footer is read, and the
    runs of one emphasis are marked as one ("*chính*", not "*c**hính*")."""
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    document.add_paragraph().add_run("Kết quả triển khai Đề án 06").bold = True
    paragraph = document.add_paragraph()
    for text in ("Căn cứ Luật Tổ chức ", "c", "hính quyền địa phương."):
        paragraph.add_run(text).italic = True
    frame = document.add_table(rows=1, cols=2).cell(0, 0).add_table(rows=1, cols=2)
    frame.cell(0, 0).text = "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT."
    frame.cell(0, 1).text = "TM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\n\nNguyễn Ngọc Phúc"
    document.save(tmp_path / "bc.docx")
    layout = read_layout(read_lines(tmp_path / "bc.docx"))
    assert layout.body[0] == "*Căn cứ Luật Tổ chức chính quyền địa phương.*"
    assert layout.recipients == ["Văn phòng Chính phủ;", "Lưu: VT."] and layout.signer == "Nguyễn Ngọc Phúc"
    assert layout.positions == ["TM. BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN"]


def test_a_symbol_the_line_broke_after_its_hyphen_is_one_word_in_the_body():
    lines = [
        "Căn cứ Nghị định số 126/2024/NĐ-",
        "CP của Chính phủ về hội, giai đoạn 2021 -",
        "2025, phát triển kinh tế - xã hội -",
        "văn hóa của tỉnh.",
    ]
    assert markdown(lines) == (
        "Căn cứ Nghị định số 126/2024/NĐ-CP của Chính phủ về hội, giai đoạn 2021 - 2025, phát triển kinh tế"
        " - xã hội - văn hóa của tỉnh.\n"
    )


def test_spaces_typed_inside_a_footer_cell_do_not_part_it(tmp_path):
    """A Word footer whose cells hold runs of typed spaces ("Nơi  nhận :", "- Như  trên;"): a cell is one
    column, so its words stay together and the recipients and signature are read."""
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("TỜ TRÌNH").bold = True
    document.add_paragraph().add_run("Về việc thành lập Ban").bold = True
    document.add_paragraph("Căn cứ Luật Tổ chức chính quyền địa phương.")
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "Nơi  nhận :\n- Như  trên;\n- Ban Giám  đốc  Sở ;\n- Lưu: VT."
    footer.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Thị Thêu"
    document.save(tmp_path / "ttr.docx")
    layout = read_layout(read_lines(tmp_path / "ttr.docx"))
    assert layout.recipients == ["Như trên;", "Ban Giám đốc Sở ;", "Lưu: VT."]
    assert (layout.positions, layout.signer) == (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Lê Thị Thêu")


def _wrapped(paragraph, tag: str, text: str) -> None:
    """A run of `text` inside a `tag` element of the paragraph, as Word writes a smart tag or a hyperlink."""
    from docx.oxml import OxmlElement

    wrapper = OxmlElement(tag)
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = text
    run.append(run_text)
    wrapper.append(run)
    paragraph._p.append(wrapper)


def test_words_inside_a_smart_tag_or_a_hyperlink_are_read(tmp_path):
    """Word wraps a country or a place in a smart tag ("VIỆT <smartTag>NAM</smartTag>") and a link in a
    hyperlink; python-docx reads a paragraph's direct runs only: the wrapped words are read too, in a
    table's cell as in a paragraph."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    motto = header.cell(0, 1).paragraphs[0]
    motto.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT ")
    _wrapped(motto, "w:smartTag", "NAM")
    paragraph = document.add_paragraph("Xem tại ")
    _wrapped(paragraph, "w:hyperlink", "dichvucong.gov.vn")
    _wrapped(paragraph, "w:ins", ".")
    document.save(tmp_path / "cv.docx")
    lines = read_lines(tmp_path / "cv.docx")
    assert "ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Xem tại dichvucong.gov.vn." in lines


def _text_box(paragraph, lines: list[str]) -> None:
    """A floating text box holding `lines`, anchored in the paragraph as Word writes one: a drawing, and
    the same box again as the VML copy older readers fall back to."""
    from docx.oxml import parse_xml

    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    paragraph._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
            ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
            ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
            f"<mc:Choice Requires='wps'><w:drawing><wps:txbx><w:txbxContent>{inner}</w:txbxContent>"
            "</wps:txbx></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )


def test_a_subject_in_a_text_box_under_the_number_is_read_once(tmp_path):
    """A letter whose "V/v" subject floats in a text box anchored in the number's paragraph of the header
    table: the subject is read, once (not again from the box's VML copy), under the number."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    number = header.cell(0, 0).add_paragraph("Số: /UBND-NC")
    _text_box(number, ["V/v tập trung triển khai thực hiện", "công tác cai nghiện ma túy"])
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLâm Đồng, ngày tháng 10 năm 2025"
    document.add_paragraph("Kính gửi: Sở Y tế.")
    document.add_paragraph("Hiện nay, trên địa bàn tỉnh có nhiều người nghiện ma túy.")
    document.save(tmp_path / "cv.docx")
    lines = read_lines(tmp_path / "cv.docx")
    layout = read_layout(lines)
    assert sum("V/v" in line for line in lines) == 1
    assert (layout.kind, layout.number) == ("Công văn", "")
    assert layout.title == "V/v tập trung triển khai thực hiện công tác cai nghiện ma túy"
