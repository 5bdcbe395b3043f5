"""Kinds of documents (Nghị định 30/2020/NĐ-CP and the legal-document law) and the type code each
takes in a symbol, in one table: the kinds a unit publishes on the portal, and those only cited."""

from __future__ import annotations

from dataclasses import dataclass

from cchc.text import slugify


@dataclass(frozen=True)
class Kind:
    name: str  # as written in a document's heading, sentence case
    code: str  # type code in the symbol: "BC" in 12/BC-UBND; "" for công văn
    periodic: bool = False  # reports and plans cover a period
    published: bool = True  # a unit may publish one on the portal; False: only cited

    @property
    def slug(self) -> str:
        return slugify(self.name)


KINDS = [
    Kind("Báo cáo", "BC", periodic=True),
    Kind("Kế hoạch", "KH", periodic=True),
    Kind("Chương trình", "CTr", periodic=True),
    Kind("Quyết định", "QĐ"),
    Kind("Nghị quyết", "NQ"),
    Kind("Chỉ thị", "CT"),
    Kind("Công văn", ""),
    Kind("Thông báo", "TB"),
    Kind("Công điện", "CĐ"),  # an urgent order or call by telegram (Nghị định 30/2020, Phụ lục III)
    Kind("Hướng dẫn", "HD"),
    Kind("Giấy mời", "GM"),  # an invitation to a meeting (Nghị định 30/2020, Phụ lục III); often no title
    Kind("Đề án", "ĐA"),
    Kind("Phương án", "PA"),
    Kind("Tờ trình", "TTr"),
    Kind("Kết luận", "KL"),
    Kind("Nghị định", "NĐ"),
    Kind("Thông tư", "TT"),
    Kind("Thông tư liên tịch", "TTLT"),
    Kind("Luật", ""),
    Kind("Quy chế", "QC", published=False),
    Kind("Quy định", "QĐi", published=False),
    Kind("Văn bản", "", published=False),
    Kind("Bộ luật", "", published=False),
    Kind("Pháp lệnh", "PL", published=False),
    Kind("Hiến pháp", "", published=False),
]
PUBLISHED = [kind for kind in KINDS if kind.published]
REPORT, PLAN = KINDS[0], KINDS[1]  # the kinds the consolidation and the figures compare

BY_SLUG = {kind.slug: kind for kind in PUBLISHED}
PERIODIC_NAMES = ", ".join(k.name.lower() for k in PUBLISHED if k.periodic)


def find_kind(written: str) -> Kind | None:
    """The kind named by `written`, in any case and with or without tones."""
    return BY_SLUG.get(slugify(written))
