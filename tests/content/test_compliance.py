"""The compliance report (cchc tuan-thu, /tuan-thu/): each requirement of the law, with the text it quotes
and its source, against each unit: present, missing with the file and field to add, or not applicable to
the unit's level; --strict fails while a required item is missing."""

from __future__ import annotations

import subprocess
import sys

from cchc.content.compliance import MISSING, NOT_APPLICABLE, PRESENT, findings, requirements
from cchc.content.load import load
from cchc.settings import Rating, Settings
from cchc.site import generate
from tests.conftest import make_project


def test_every_requirement_names_its_text_and_source():
    for r in requirements():
        assert r.quote and r.basis.startswith("Điều ") and r.source.startswith("https://"), r
        assert r.reliability in ("văn bản", "nguồn thứ cấp")
        assert r.required or "42/2022" in r.basis  # only the repealed decree's items are recommendations


def _by(found, requirement, unit_id):
    return next(
        f for f in found if f.requirement.id == requirement and (f.unit.id if f.unit else "") == unit_id
    )


def test_a_commune_is_checked_for_what_a_commune_must_publish(tmp_path):
    root = make_project(tmp_path / "portal")
    unit = root / "content/don-vi/xa-nam-sach.md"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace(
            "cap: xã\n",
            "cap: xã\ndi_tich: |\n  Đền Cao\nlich_tiep_cong_dan:\n  - ngay: Thứ Năm\n"
            "    tu: '7:30'\n    den: '11:00'\n    nguoi_tiep: Chủ tịch UBND xã\n",
        ),
        encoding="utf-8",
    )
    portal, _ = load(root)
    found = findings(portal, Settings(site_url="https://namsach.haiphong.gov.vn/"))
    assert _by(found, "relics", "xa-nam-sach").status == PRESENT
    assert _by(found, "reception-schedule", "xa-nam-sach").status == PRESENT
    assert _by(found, "org-structure", "xa-nam-sach").status == NOT_APPLICABLE  # a sở's item
    missing = _by(found, "admin-map", "xa-nam-sach")
    assert (missing.status, missing.where) == (MISSING, "content/don-vi/xa-nam-sach.md: ban_do")
    assert _by(found, "domain-gov-vn-ipv6", "").status == PRESENT
    assert _by(found, "rating", "").where == "mkdocs.yml: extra.rating_url hoặc extra.rating_email"
    rated = findings(portal, Settings(rating=Rating("mailto:a@b.gov.vn")))
    assert _by(rated, "rating", "").status == PRESENT


def test_the_page_and_the_command_say_what_to_add(tmp_path):
    root = make_project(tmp_path / "portal")
    portal, _ = load(root)
    site = generate(portal, tmp_path / "cache")
    page = next(p for p in site.pages if p.src_uri == "tuan-thu.md").markdown
    assert "| Bản đồ địa giới hành chính | ✗ thiếu | ✗ thiếu |" in page  # the city and the commune
    assert "**UBND xã Nam Sách**: Bản đồ địa giới hành chính: content/don-vi/xa-nam-sach.md: ban\\_do" in page
    assert "Điều 9 khoản 1 điểm c Nghị định số 224/2026/NĐ-CP" in page
    run = [sys.executable, "-m", "cchc", "--root", str(root), "tuan-thu"]
    plain = subprocess.run(run, capture_output=True, text=True)
    assert plain.returncode == 0 and "UBND xã Nam Sách: thiếu Bản đồ địa giới hành chính" in plain.stdout
    strict = subprocess.run([*run, "--strict"], capture_output=True, text=True)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
