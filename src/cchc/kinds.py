"""Kinds of documents (Nghị định 30/2020/NĐ-CP and the legal-document law) and their symbols."""

from __future__ import annotations

from dataclasses import dataclass

from .text import slugify


@dataclass(frozen=True)
class Kind:
    name: str  # as written in a document's heading, sentence case
    code: str  # type code in the symbol: "BC" in 12/BC-UBND; "" for công văn
    periodic: bool = False  # reports and plans cover a period

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
    Kind("Hướng dẫn", "HD"),
    Kind("Đề án", "ĐA"),
    Kind("Phương án", "PA"),
    Kind("Tờ trình", "TTr"),
    Kind("Kết luận", "KL"),
    Kind("Nghị định", "NĐ"),
    Kind("Thông tư", "TT"),
    Kind("Thông tư liên tịch", "TTLT"),
    Kind("Luật", ""),
]

BY_SLUG = {kind.slug: kind for kind in KINDS}
PERIODIC_NAMES = ", ".join(k.name.lower() for k in KINDS if k.periodic)


def find_kind(written: str) -> Kind | None:
    """The kind named by `written`, in any case and with or without tones."""
    return BY_SLUG.get(slugify(written))
