"""A portal written by a hostile editor, and a scan of a built site for anything that could run.

`write_portal` puts one string into every free-text front-matter field of every collection, into
every body, into heading attributes and into a content file's name; `dangers` lists what in a built site
could run script, leave the site or widen its policy; every feed and JSON file must still parse.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from cchc.publish import web_files as publish
from tests.conftest import copy_config

# What attackers paste into fields and bodies.
HOSTILE = [
    "<script>alert(document.domain)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</title><script>alert(2)</script>",
    "javascript:alert(3)",
    "[x](javascript:alert(4))",
    ")",
    '">',
    "' onmouseover='alert(5)",
    '{ onclick="alert(6)" }',
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    '<meta http-equiv="refresh" content="0;url=//evil.example">',
    "<form action=//evil.example><input name=p></form>",
    "]]></title><entry>",
    "&lt;script&gt;",
    "\\",
    "</script><script>alert(7)</script>",
    "{{ config }}",
    "{% raw %}",
    "\u202eevil",
    "\x00",
    "\x1b[31m",
]
_YAML_SAFE = re.compile(r"^[^\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]*$")


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def write_portal(root: Path, repo: Path, s: str) -> None:
    """The repository's config and templates with content in which every free text field holds `s`."""
    copy_config(root)
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(repo / folder, root / folder)
    q = quoted(s)
    content = root / "content"
    for folder in ("don-vi", "van-ban/xa-a", "thu-tuc/mau", "infographic", "tham-chieu"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "don-vi/xa-a.md").write_text(
        f"---\nid: xa-a\nten: {quoted('Ủy ban nhân dân xã A ' + s)}\nten_ngan: {quoted('UBND xã A ' + s)}\n"
        f"cap: xã\ndon_vi_cap_tren: hai-phong\ndia_chi: {q}\nemail: ubnd@xa-a.gov.vn\n"
        "website: https://xa-a.gov.vn\n"
        f"ten_goi_khac:\n  - {q}\n"
        # The profile the law asks for (content.units): people, offices, texts, reception hours, sources.
        f"dau_moi_lien_he:\n  ho_ten: {q}\n  chuc_vu: {q}\n"
        f"lanh_dao:\n  - ho_ten: {q}\n    chuc_vu: {q}\n    nhiem_vu: {q}\n    tieu_su: {q}\n"
        f"co_cau_to_chuc:\n  - ten: {q}\n    nguoi_dung_dau: {q}\n    chuc_vu: {q}\n"
        f"    truc_thuoc:\n      - ten: {q}\n"
        f"lich_su: {q}\ndi_tich: {q}\n"
        f"lich_tiep_cong_dan:\n  - ngay: Thứ Hai\n    tu: '7:30'\n    den: '11:00'\n"
        f"    nguoi_tiep: {quoted('Chủ tịch ' + s)}\n    dia_diem: {q}\n"
        f"nguon:\n  - {q}\n"
        f"hoi_dap:\n  - cau_hoi: {q}\n    tra_loi: {q}\n"
        f"    can_cu: {quoted('Điều 15 Luật Tiếp công dân số 42/2013/QH13 ngày 25/11/2013 ' + s)}\n"
        f"en:\n  ten: {q}\n  chuc_nang_nhiem_vu: {q}\n  co_cau_to_chuc: {q}\n---\n\n{s}\n",
        encoding="utf-8",
    )
    (content / "don-vi/hai-phong.md").write_text(  # the unit xã A reports to
        "---\nid: hai-phong\nten: Ủy ban nhân dân thành phố Hải Phòng\nten_ngan: UBND thành phố Hải Phòng\n"
        "cap: thành phố\n---\n",
        encoding="utf-8",
    )
    (content / "van-ban/xa-a/bao-cao.md").write_text(
        f'---\nloai: Báo cáo\nso_ky_hieu: "25/BC-UBND"\nngay_ban_hanh: "10/12/2025"\ndia_danh: {q}\n'
        f"don_vi: xa-a\ntrich_yeu: {quoted('Kết quả ' + s)}\nky: năm 2025\n"
        f"nguoi_ky:\n  ho_ten: {q}\n  chuc_vu:\n    - {q}\nnoi_nhan:\n  - {q}\n"
        f'so_lieu:\n  - chi_tieu: tin-bai\n    gia_tri: "12"\n    ghi_chu: {q}\n---\n\n'
        f"## I. {s}\n\nTheo Kế hoạch số 09/KH-UBND ngày 15/7/2025 {s}\n\n[liên kết]({s})\n\n"
        "Đã đăng 12 tin bài.\n"
        # Heading attributes: the id reaches the table of contents and the skip link, the label the former.
        f"\n## Mục {{: id='{s.replace(chr(39), '')}' }}\n"
        f'\n## Mục 2 {{: data-toc-label="{s.replace(chr(34), "")}" }}\n',
        encoding="utf-8",
    )
    # A file name reaches the edit link (a name holds no '/' and no NUL).
    named = s.replace("/", "-").replace("\x00", "").encode()[:200].decode(errors="ignore")
    (content / f"van-ban/xa-a/z{named}.md").write_text(
        (content / "van-ban/xa-a/bao-cao.md").read_text(encoding="utf-8").replace("25/BC-UBND", "26/BC-UBND"),
        encoding="utf-8",
    )
    # The figures' catalogue: its names reach the dashboard's tables, its charts and the workbook.
    (content / "tham-chieu/chi-tieu.yml").write_text(
        f"- id: tin-bai\n  ten: {quoted('Tin bài ' + s)}\n  don_vi_tinh: {quoted('tin ' + s)}\n  nhom: {q}\n"
        # A keyword needs two letters (a shorter one is an error the editor is told of): the text follows one.
        f"  tong_hop: cộng\n  tu_khoa:\n    - tin bài\n    - {quoted('bài ' + s)}\n",
        encoding="utf-8",
    )
    (content / "tham-chieu/ky-bao-cao.yml").write_text(
        '- loai: Báo cáo\n  ky: năm\n  cap: [xã]\n  han: "10/12"\n', encoding="utf-8"
    )
    (content / "thu-tuc/mau/to-khai.md").write_text(
        f"---\nten: {quoted('Tờ khai ' + s)}\nnguon: {q}\n---\n\n{s}\n", encoding="utf-8"
    )
    (content / "thu-tuc/thu-tuc-a.md").write_text(
        f"---\nten: {quoted('Đăng ký ' + s)}\nlinh_vuc: {q}\ncap: {q}\ndon_vi: [xa-a]\nco_quan: {q}\n"
        f"doi_tuong: {q}\ncach_thuc:\n  - hinh_thuc: Trực tiếp\n"
        f"    thoi_han: {quoted('03 ngày làm việc ' + s)}\n"
        f"    phi: {quoted('Không ' + s)}\nthoi_han: {quoted('03 ngày làm việc ' + s)}\n"
        f"ho_so:\n  - ten: {q}\n    mau: mau/to-khai.md\ntrinh_tu:\n  - {q}\nket_qua: {q}\nyeu_cau: {q}\n"
        f"can_cu:\n  - {quoted('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ ' + s)}\n"
        f"hoi_dap:\n  - cau_hoi: {q}\n    tra_loi: {q}\n"
        f"    can_cu: {quoted('Điều 3 Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ ' + s)}\n"
        f"---\n\n{s}\n",
        encoding="utf-8",
    )
    shutil.copy(
        repo / "content/infographic/phu-lien-tuyen-truyen-6-thang-dau-2026.png", content / "infographic/a.png"
    )
    (content / "infographic/a.md").write_text(
        f"---\ntep: a.png\ntieu_de: {quoted('Tuyên truyền ' + s)}\n"
        f"alt: {quoted('Năm 2025 xã đã phát nhiều tin bài ' + s)}\nchu_thich: {q}\n"
        f'ngay: "2026"\ndon_vi: xa-a\n'
        f"thu_tuc: [thu-tuc-a]\nthe:\n  - {q}\n---\n",
        encoding="utf-8",
    )
    (content / "tham-chieu/bi-danh.yml").write_text(
        f'- ten: Đề án 06\n  loai: Quyết định\n  so_ky_hieu: "06/QĐ-TTg"\n  ngay: "06/01/2022"\n'
        f"  co_quan: {q}\n  trich_yeu: {q}\n",
        encoding="utf-8",
    )
    (content / "tin-tuc/xa-a").mkdir(parents=True)
    (content / "tin-tuc/xa-a/tin.md").write_text(
        f'---\ntieu_de: {quoted("Tin " + s)}\nngay: "15/10/2025"\ndon_vi: xa-a\ntom_tat: {q}\n'
        f"thu_tuc: [thu-tuc-a]\n---\n\n{s}\n",
        encoding="utf-8",
    )
    (content / "hanh-trinh").mkdir(parents=True)
    (content / "hanh-trinh/a.md").write_text(
        f"---\ntieu_de: {quoted('Khi ' + s)}\n"
        f"can_cu:\n  - {quoted('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ ' + s)}\n"
        f"buoc:\n  - ten: {q}\n    mo_ta: {q}\n    thu_tuc: [thu-tuc-a]\n"
        f"  - ten: {q}\n    hoac: [thu-tuc-a]\n"
        f"---\n\n{s}\n",
        encoding="utf-8",
    )
    # A hand-written page titled by its first heading: the theme prints it in <title> through striptags.
    (root / "docs/trang-b.md").write_text(f"# Trang {s}\n\n{s}\n", encoding="utf-8")
    (root / "docs/trang-a.md").write_text(
        f"---\ntitle: {q}\ndescription: {q}\n---\n\n{s}\n", encoding="utf-8"
    )


def accepted(s: str) -> bool:
    """Whether the portal publishes `s` at all: control and bidi characters are refused."""
    return bool(_YAML_SAFE.match(s))


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if (
            tag == "script"
            and "src" not in attributes
            and attributes.get("type") not in ("application/json", "application/ld+json")
        ):
            self.found.append("inline <script>")
        if (
            tag == "script"
            and "src" in attributes
            and not re.match(r"(?:\.\./)*/?(?:assets|pagefind)/", attributes["src"])
        ):
            self.found.append(f"script from {attributes['src']}")
        if tag in ("iframe", "object", "embed", "base", "style", "frame", "applet"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() not in ("", "content-security-policy"):
            self.found.append(f"<meta http-equiv={attributes['http-equiv']}>")
        # The theme's own search forms (the header's, the home page's), sent within the site only.
        if tag == "form" and (
            attributes.get("class") not in ("cchc-search", "cchc-home-search")
            or re.match(r"\s*(?:[a-z][a-z0-9+.-]*:|//)", attributes.get("action", ""), re.I)
        ):
            self.found.append("<form>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if (
                name in ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href")
                and value
                and re.match(r"\s*(?:javascript|vbscript|data):", value, re.I)
            ):
                self.found.append(f"{name}={value[:40]} on <{tag}>")


def dangers(site: Path) -> list[str]:
    """Everything in `site` that could run script, reach another host or widen the policy."""
    found = []
    for page in sorted(site.rglob("*.html")):
        scan = _Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {what}" for what in scan.found]
        for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(), re.S):
            json.loads(data)  # data stays data
    for feed in sorted(site.rglob("*.xml")):
        ET.fromstring(feed.read_bytes())  # well-formed: nothing broke out of an element
    for data in sorted(site.rglob("*.json")):
        json.loads(data.read_bytes())  # open data and search metadata: still data
    headers = (site / "_headers").read_text(encoding="utf-8")
    if publish.content_security_policy() not in headers or "sha256-" in headers:
        found.append("_headers: policy widened")
    return found
