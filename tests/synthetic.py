"""Synthetic content for tests and benchmarks: units and documents that pass `cchc check`.

`generate(root, documents, seed)` writes `root/content/don-vi/*.md`,
`root/content/van-ban/<unit>/*.md` and a copy of the repository's procedures (whose
residents' searches a portal of that size must still answer). Same arguments, same bytes:
all randomness comes from `random.Random(seed)`.

Bodies are sampled from the five real documents in the repository's `content/van-ban/`
(read at generation time), with the issuing unit's name, level and years swapped in,
and with legal references in the forms of the domain brief inserted.

    python -m tests.synthetic OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from cchc.content import frontmatter
from cchc.text import slugify

REPO = Path(__file__).resolve().parent.parent
REAL_CONTENT = REPO / "content"

MIN_WORDS, MAX_WORDS = 400, 900
DOCUMENTS_PER_UNIT = 50
MAX_DEPARTMENTS = 10
YEARS = (2024, 2025)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]

# --- names ---------------------------------------------------------------------------------

# (name, short name, code in symbols); the city's departments after the 2025 reorganisation.
DEPARTMENTS = [
    ("Sở Nội vụ", "Sở Nội vụ", "SNV"),
    ("Sở Tài chính", "Sở Tài chính", "STC"),
    ("Sở Tư pháp", "Sở Tư pháp", "STP"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "SVHTTDL"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN", "SKHCN"),
    ("Sở Xây dựng", "Sở Xây dựng", "SXD"),
    ("Sở Y tế", "Sở Y tế", "SYT"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "SGDĐT"),
    ("Sở Công Thương", "Sở Công Thương", "SCT"),
    ("Sở Nông nghiệp và Môi trường", "Sở NN&MT", "SNNMT"),
    ("Sở Ngoại vụ", "Sở Ngoại vụ", "SNgV"),
    ("Sở Dân tộc và Tôn giáo", "Sở DT&TG", "SDTTG"),
]

# Syllables of place names in the Red River delta, with their tones.
PLACE_SYLLABLES = [
    "An",
    "Bình",
    "Cát",
    "Đại",
    "Đông",
    "Hà",
    "Hải",
    "Hòa",
    "Hồng",
    "Hưng",
    "Khánh",
    "Kiến",
    "Lạc",
    "Long",
    "Minh",
    "Nam",
    "Ninh",
    "Phú",
    "Phúc",
    "Quang",
    "Tân",
    "Thanh",
    "Thành",
    "Thịnh",
    "Thủy",
    "Tiên",
    "Trung",
    "Vĩnh",
    "Việt",
    "Xuân",
    "Yên",
    "Đồng",
    "Hiệp",
    "Lợi",
    "Mỹ",
    "Nghĩa",
    "Phong",
    "Quý",
    "Sơn",
    "Tây",
    "Thái",
    "Thuận",
    "Tiến",
    "Trường",
    "Văn",
    "Vinh",
    "Liễn",
    "Sách",
    "Miện",
    "Lãng",
    "Thụy",
    "Bảo",
    "Lâm",
    "Đằng",
    "Hợp",
    "Kinh",
    "Môn",
    "Chí",
    "Linh",
    "Tứ",
    "Kỳ",
    "Gia",
    "Lộc",
    "Cẩm",
    "Giàng",
    "Bạch",
    "Cầu",
    "Dương",
    "Quảng",
    "Thượng",
    "Hạ",
    "Lê",
    "Lưu",
    "Kiều",
    "Trà",
    "Vân",
    "Đức",
    "Nhân",
    "Hậu",
    "Tràng",
    "Ngọc",
    "Tuấn",
    "Chính",
    "Mai",
    "Diên",
]

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Phan",
    "Đỗ",
    "Bùi",
    "Đặng",
    "Ngô",
    "Dương",
    "Đinh",
    "Lương",
    "Phùng",
    "Đào",
    "Mạc",
    "Hà",
    "Trịnh",
    "Lưu",
]
MIDDLE = [
    "Văn",
    "Văn",
    "Văn",
    "Đức",
    "Quang",
    "Minh",
    "Hữu",
    "Xuân",
    "Thanh",
    "Khắc",
    "Đình",
    "Ngọc",
    "Thị",
    "Thị",
    "Thu",
    "Hồng",
    "Đại",
    "Công",
    "Mạnh",
]
GIVEN = [
    "Hưng",
    "Dũng",
    "Thắng",
    "Hùng",
    "Nam",
    "Tuấn",
    "Long",
    "Sơn",
    "Hải",
    "Thủy",
    "Hương",
    "Lan",
    "Hà",
    "Diện",
    "Thù",
    "Nguyên",
    "Cường",
    "Phương",
    "Hạnh",
    "Bình",
    "Quân",
    "Khải",
    "Toàn",
    "Trung",
    "Nghĩa",
    "Huyền",
    "Thảo",
    "Duy",
    "Hiếu",
    "Tùng",
    "Lực",
    "Việt",
]
STREETS = (
    "Lạch Tray",
    "Lê Hồng Phong",
    "Trần Phú",
    "Điện Biên Phủ",
    "Hoàng Văn Thụ",
    "Lê Lợi",
    "Nguyễn Trãi",
    "Trần Hưng Đạo",
    "Tô Hiệu",
    "Minh Khai",
    "Nguyễn Văn Linh",
    "Lê Thánh Tông",
)
UNIT_OFFICES = ("VHXH", "VP", "KT", "NV")

# --- legal references (forms of the domain brief) -------------------------------------------

# (text, first year it may be cited in, last year); laws and decrees replaced in 2025 stop then.
LAWS = (
    ("Luật Tổ chức chính quyền địa phương năm 2015", 2016, 2024),
    ("Luật Tổ chức Chính phủ năm 2015", 2016, 2024),
    ("Luật Tổ chức chính quyền địa phương năm 2025", 2025, 9999),
    ("Luật Tổ chức Chính phủ năm 2025", 2025, 9999),
    ("Luật Ban hành văn bản quy phạm pháp luật năm 2025", 2025, 9999),
    ("Luật Cán bộ, công chức năm 2025", 2025, 9999),
    ("Luật Tiếp cận thông tin năm 2016", 2017, 9999),
)
DECREES = (
    (
        "Nghị định 118/2025/NĐ-CP",
        "về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên "
        "thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
        2025,
        9999,
    ),
    (
        "Nghị định số 61/2018/NĐ-CP",
        "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        2018,
        2024,
    ),
    ("Nghị định số 30/2020/NĐ-CP", "về công tác văn thư", 2020, 9999),
    (
        "Nghị định 42/2022/NĐ-CP",
        "quy định về việc cung cấp thông tin và dịch vụ công trực tuyến "
        "của cơ quan nhà nước trên môi trường mạng",
        2022,
        9999,
    ),
    ("Nghị định số 63/2010/NĐ-CP", "về kiểm soát thủ tục hành chính", 2010, 9999),
    ("Nghị định 107/2021/NĐ-CP", "sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP", 2021, 2024),
    ("Nghị định số 45/2020/NĐ-CP", "về thực hiện thủ tục hành chính trên môi trường điện tử", 2020, 9999),
)
GOVERNMENT_RESOLUTIONS = (
    (
        "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng "
        "thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
        2021,
        9999,
    ),
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", 2021, 9999),
)
PARTY = (
    (
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        2025,
        9999,
    ),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", 2025, 9999),
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương", 2018, 9999),
    ("Kết luận số 62-KL/TW ngày 08/12/2023 của Bộ Chính trị", 2024, 9999),
)
STANDARD = "TCVN ISO 9001:2015"
PROGRAMME = (
    "Đề án 06 của Chính phủ về phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực "
    "điện tử phục vụ chuyển đổi số quốc gia",
    "Đề án 06",
)

TOPICS = (
    "công tác tuyên truyền cải cách hành chính",
    "công tác cải cách hành chính nhà nước",
    "công tác kiểm soát thủ tục hành chính",
    "công tác chuyển đổi số",
    "việc thực hiện cơ chế một cửa, một cửa liên thông",
    "việc thực hiện Đề án 06",
    "công tác tuyên truyền cải cách hành chính",
    "công tác cải cách hành chính nhà nước",
)


def _valid(table, year: int) -> list:
    return [row for row in table if row[-2] <= year <= row[-1]]


# --- reading the real documents ----------------------------------------------------------------

# Placeholders put in place of the source unit's own names when the real texts are read.
LOCAL, PLACE, ORG, LEVEL_LOWER, LEVEL_UPPER = "\x01", "\x02", "\x03", "\x04", "\x05"
_PLACEHOLDERS = (LOCAL, PLACE, ORG, LEVEL_LOWER, LEVEL_UPPER)
_NUMBERING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s*")
_YEAR_AFTER_NAM = re.compile(r"(?i)(năm\s+)(20\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
SCOPES = ("local", "department", "city")  # which units a text fits: see Corpus.view


def _sentences(text: str) -> list[str]:
    """Split after '.' or ';' where the next word starts with a capital letter."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if out and not piece[:1].isupper():
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


@dataclass
class Block:
    # "p" paragraph, "li" list item, "num" numbered paragraph, "let" lettered paragraph, "h" heading
    kind: str
    text: str
    words: int
    year: int  # year of the source document's period, for shifting "năm 2025"
    scope: str = "any"  # "local": names a commune or ward; "department": a department speaking of itself


@dataclass
class Section:
    """A '## I.' part of a real document with its '### 1.' items and their '#### 2.1.' items."""

    title: Block
    position: float  # where it stood in its document, 0 to 1: keeps I., II., III. in a natural order
    items: list[tuple[Block, list[Block]]] = field(default_factory=list)


@dataclass
class Pools:
    blocks: dict[str, list[Block]]
    sentences: list[Block]
    sections: dict[str, list[Section]]  # by class of document: "report", "plan"
    subheadings: list[Block]


@dataclass
class Corpus:
    blocks: dict[str, list[Block]] = field(default_factory=lambda: {"p": [], "li": [], "num": [], "let": []})
    sentences: list[Block] = field(default_factory=list)
    sections: dict[str, list[Section]] = field(default_factory=lambda: {"report": [], "plan": []})
    subheadings: list[Block] = field(default_factory=list)
    views: dict[str, Pools] = field(default_factory=dict)

    def view(self, scope: str) -> Pools:
        """The texts that fit a commune or ward ("local"), a department, or the city."""
        if scope not in self.views:

            def fits(block: Block) -> bool:
                if scope == "local":
                    return block.scope != "department"
                if scope == "department":
                    return block.scope != "local"
                return block.scope == "any"

            def keep(blocks: list[Block]) -> list[Block]:
                return [b for b in blocks if fits(b)] or blocks

            sections = {}
            for klass, found in self.sections.items():
                sections[klass] = [
                    Section(
                        s.title, s.position, [(h, [c for c in cs if fits(c)]) for h, cs in s.items if fits(h)]
                    )
                    for s in found
                    if fits(s.title)
                ]
            self.views[scope] = Pools(
                {k: keep(v) for k, v in self.blocks.items()},
                keep(self.sentences),
                sections,
                keep(self.subheadings),
            )
        return self.views[scope]


def _mark_names(text: str, unit_meta: dict[str, str]) -> str:
    level, name, short = unit_meta["cap"], unit_meta["ten"], unit_meta["ten_ngan"]
    if level in ("xã", "phường"):
        place = short.split(f" {level} ", 1)[1]
        for written in (
            f"Ủy ban nhân dân {level} {place}",
            f"Uỷ ban nhân dân {level} {place}",
            f"UBND {level} {place}",
        ):
            text = text.replace(written, ORG)
        text = text.replace(f"{level} {place}", LOCAL).replace(place, PLACE)
        text = re.sub(rf"\b{level}\b(?! hội)", LEVEL_LOWER, text)
        text = re.sub(rf"\b{level.capitalize()}\b(?! hội)", LEVEL_UPPER, text)
        text = re.sub(rf"\b{level.upper()}\b(?! HỘI)", LEVEL_UPPER + LEVEL_UPPER, text)
    else:
        bare = name.replace(" thành phố Hải Phòng", "")
        text = text.replace(name, ORG).replace(bare, ORG)
    return text


def _scope(text: str, department_source: bool) -> str:
    if any(mark in text for mark in (LOCAL, PLACE, LEVEL_LOWER, LEVEL_UPPER)):
        return "local"
    if department_source and (ORG in text or re.search(r"\bSở\b", text)):
        return "department"
    return "any"


def _read_unit(folder: Path, unit_id: str) -> dict[str, str]:
    path = folder / "don-vi" / f"{unit_id}.md"
    source, _ = frontmatter.parse(path.name, path.read_text(encoding="utf-8"))
    return {key: str(value.data) for key, value in source.meta.items() if value.data is not None}


def read_corpus(content: Path = REAL_CONTENT) -> Corpus:
    """Paragraphs, list items, sentences and headings of the real documents under `content/van-ban/`."""
    corpus = Corpus()
    for path in sorted((content / "van-ban").glob("*/*.md")):
        source, problems = frontmatter.parse(path.name, path.read_text(encoding="utf-8"))
        if problems:
            continue
        meta = {key: value.data for key, value in source.meta.items()}
        year = int(re.search(r"20\d\d", str(meta.get("ky") or "2025")).group())
        klass = "report" if slugify(str(meta["loai"])) == "bao-cao" else "plan"
        unit_meta = _read_unit(content, str(meta["don_vi"]))
        department = unit_meta["cap"] not in ("xã", "phường")

        def block(kind: str, text: str, year: int = year, department: bool = department) -> Block:
            return Block(kind, text, len(text.split()), year, _scope(text, department))

        sections: list[Section] = []
        raws = re.split(r"\n\s*\n", source.body.strip())
        for raw in raws:
            raw = raw.strip()
            if not raw.startswith("- "):
                raw = " ".join(line.strip() for line in raw.split("\n"))
            text = _mark_names(raw, unit_meta)
            if text.startswith("#"):
                level = len(text) - len(text.lstrip("#"))
                heading = block("h", _NUMBERING.sub("", text.lstrip("#").strip()))
                if level == 2:
                    sections.append(Section(heading, 0.0))
                elif sections and level == 3:
                    sections[-1].items.append((heading, []))
                elif sections:
                    corpus.subheadings.append(heading)
                    if sections[-1].items:
                        sections[-1].items[-1][1].append(heading)
                continue
            if not sections or text.startswith("Trên đây"):
                continue  # the opening "Căn cứ …" and the closing lines are written per document
            if text.startswith("- "):
                for item in text.split("\n"):
                    item = item.strip()[2:].strip()
                    if item:
                        corpus.blocks["li"].append(block("li", item))
                continue
            if match := re.match(r"^\d+\\\.\s+", text):
                kind, text = "num", text[match.end() :]
            elif match := re.match(r"^[a-zđ]\)\s+", text):
                kind, text = "let", text[match.end() :]
            else:
                kind = "p"
            corpus.blocks[kind].append(block(kind, text))
            for sentence in _sentences(text):
                if sentence[-1:] in (".", ";") and 8 <= len(sentence.split()) <= 70:
                    corpus.sentences.append(block("s", sentence.rstrip(".;") + "."))
        for index, section in enumerate(sections):
            section.position = index / max(1, len(sections) - 1)
        corpus.sections[klass] += sections
    # Long blocks would make body lengths hard to keep in range.
    for kind, items in corpus.blocks.items():
        corpus.blocks[kind] = [b for b in items if b.words <= 110] or items
    return corpus


# --- the synthetic portal --------------------------------------------------------------------


@dataclass
class SynUnit:
    id: str
    name: str  # ten
    short: str  # ten_ngan
    level: str  # cap
    place: str  # "An Khánh", "Hải Phòng"
    code: str  # issuer in symbols: UBND, SNV …
    org: str  # how the unit names itself in a sentence
    aliases: list[str]
    leaders: list[tuple[str, list[str]]]  # (name, positions)
    address: str
    phone: str
    hotline: str

    @property
    def local(self) -> bool:
        return self.level in ("xã", "phường")


@dataclass
class SynDocument:
    unit: SynUnit
    kind: str
    year: int
    period: str  # "" for kinds without a period
    period_months: tuple[int, int]
    date: tuple[int, int, int]  # (year, month, day)
    number: int = 0
    topic: str = ""


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _phone(rng: random.Random) -> str:
    return f"0225 3{rng.randint(100, 999)} {rng.randint(100, 999)}"


def _local_leaders(rng: random.Random) -> list[tuple[str, list[str]]]:
    chair = (_person(rng), rng.choice((["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["CHỦ TỊCH"])))
    vices = [(_person(rng), ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]) for _ in range(2)]
    return [chair] + vices


def make_units(rng: random.Random, count: int) -> list[SynUnit]:
    city = SynUnit(
        "hai-phong",
        "Ủy ban nhân dân thành phố Hải Phòng",
        "UBND thành phố Hải Phòng",
        "thành phố",
        "Hải Phòng",
        "UBND",
        "Ủy ban nhân dân thành phố",
        ["UBND thành phố", "Ủy ban nhân dân thành phố", "UBND thành phố Hải Phòng"],
        _local_leaders(rng),
        "Số 18 đường Hoàng Diệu, phường Hồng Bàng, thành phố Hải Phòng",
        _phone(rng),
        "0225 1022",
    )
    units = [city]
    departments = min(MAX_DEPARTMENTS, len(DEPARTMENTS), (count - 1) // 2)
    taken = {"hai-phong"}
    for name, short, code in rng.sample(DEPARTMENTS, departments):
        director = (_person(rng), ["GIÁM ĐỐC"])
        vices = [(_person(rng), ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) for _ in range(2)]
        unit_id = slugify(name)
        taken.add(unit_id)
        units.append(
            SynUnit(
                unit_id,
                f"{name} thành phố Hải Phòng",
                short,
                "sở",
                "Hải Phòng",
                code,
                name,
                [name, code],
                [director] + vices,
                f"Số {rng.randint(1, 200)} đường {rng.choice(STREETS)}, thành phố Hải Phòng",
                _phone(rng),
                _phone(rng),
            )
        )
    places: set[str] = set()
    while len(units) < count:
        syllables = 3 if rng.random() < 0.08 else 2
        words = rng.sample(PLACE_SYLLABLES, syllables)
        place = " ".join(words)
        level = "phường" if rng.random() < 0.4 else "xã"
        unit_id = slugify(f"{level} {place}")
        if slugify(place) in places or unit_id in taken:
            continue
        places.add(slugify(place))
        taken.add(unit_id)
        units.append(
            SynUnit(
                unit_id,
                f"Ủy ban nhân dân {level} {place}",
                f"UBND {level} {place}",
                level,
                place,
                "UBND",
                f"Ủy ban nhân dân {level} {place}",
                [f"UBND {level} {place}", f"Ủy ban nhân dân {level} {place}"],
                _local_leaders(rng),
                f"Số {rng.randint(1, 120)} đường {rng.choice(STREETS)}, {level} {place}, thành phố Hải Phòng",
                _phone(rng),
                _phone(rng),
            )
        )
    return units


PERIODS = (("nam", 30), ("6-dau", 20), ("6-cuoi", 20), ("quy", 20), ("9", 10))
KINDS = (("Báo cáo", 40), ("Kế hoạch", 35), ("Quyết định", 10), ("Công văn", 10), ("Thông báo", 5))


def _weighted(rng: random.Random, table) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _period(rng: random.Random, year: int) -> tuple[str, tuple[int, int]]:
    kind = _weighted(rng, PERIODS)
    if kind == "nam":
        return f"năm {year}", (1, 12)
    if kind == "6-dau":
        return f"6 tháng đầu năm {year}", (1, 6)
    if kind == "6-cuoi":
        return f"6 tháng cuối năm {year}", (7, 12)
    if kind == "9":
        return f"9 tháng năm {year}", (1, 9)
    quarter = rng.randint(1, 4)
    return f"quý {ROMAN[quarter - 1]} năm {year}", (3 * quarter - 2, 3 * quarter)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def make_document(rng: random.Random, unit: SynUnit) -> SynDocument:
    kind = _weighted(rng, KINDS)
    year = rng.choice(YEARS)
    if kind == "Báo cáo":
        period, months = _period(rng, year)
        if rng.random() < 0.5:  # in the period's last month, or early in the next one
            y, m, d = year, months[1], rng.randint(10, 28)
        else:
            (y, m), d = _shift_month(year, months[1], 1), rng.randint(1, 20)
    elif kind == "Kế hoạch":
        period, months = _period(rng, year)
        if rng.random() < 0.5:  # the month before the period, or early in its first month
            (y, m), d = _shift_month(year, months[0], -1), rng.randint(5, 28)
        else:
            y, m, d = year, months[0], rng.randint(1, 20)
    else:
        period, months = "", (1, 12)
        y, m, d = year, rng.randint(1, 12), rng.randint(1, 28)
    return SynDocument(unit, kind, year, period, months, (y, m, d), topic=rng.choice(TOPICS))


def _date(rng: random.Random, year: int, before: tuple[int, int, int] | None = None) -> str:
    """A real date in `year`, earlier than `before` when given."""
    last_month = 12
    if before and before[0] == year:
        if before[1] == 1:
            year -= 1
        else:
            last_month = before[1] - 1
    month = rng.randint(1, last_month)
    return f"{rng.randint(1, 28)}/{month}/{year}"


def _symbol(document: SynDocument, rng: random.Random) -> str:
    unit, n = document.unit, document.number
    code = {"Báo cáo": "BC", "Kế hoạch": "KH", "Quyết định": "QĐ", "Thông báo": "TB"}.get(document.kind)
    if code:
        return f"{n}/{code}-{unit.code}"
    office = rng.choice(UNIT_OFFICES) if unit.code == "UBND" else "VP"
    return f"{n}/{unit.code}-{office}"


class References:
    """Legal references in the forms of the domain brief, dated before the citing document."""

    def __init__(self, rng: random.Random, document: SynDocument):
        self.rng, self.document = rng, document
        year = document.date[0]
        self.laws = [row[0] for row in _valid(LAWS, year)]
        self.decrees = _valid(DECREES, year)
        self.government = [row[0] for row in _valid(GOVERNMENT_RESOLUTIONS, year)]
        self.party = [row[0] for row in _valid(PARTY, year)]

    def _earlier(self) -> str:
        """A date this year (before the document) or last year."""
        year = self.document.date[0] - self.rng.choice((0, 0, 1))
        return _date(self.rng, year, self.document.date)

    def law(self) -> str:
        return self.rng.choice(self.laws)

    def government_resolution(self) -> str:
        return self.rng.choice(self.government)

    def party_document(self) -> str:
        return self.rng.choice(self.party)

    def city_decision(self) -> str:
        return (
            f"Quyết định số {self.rng.randint(100, 5999)}/QĐ-UBND ngày {self._earlier()} của UBND thành phố"
        )

    def city_plan(self) -> str:
        return f"Kế hoạch số {self.rng.randint(10, 399)}/KH-UBND ngày {self._earlier()} của UBND thành phố"

    def department_letter(self) -> str:
        if self.rng.random() < 0.5:
            return (
                f"Công văn số {self.rng.randint(100, 6999)}/UBND-VHXH ngày {self._earlier()} "
                "của UBND thành phố"
            )
        return (
            f"Công văn số {self.rng.randint(100, 6999)}/SVHTTDL-TTBCXB ngày {self._earlier()} "
            "của Sở Văn hóa, Thể thao và Du lịch"
        )

    def decree(self) -> str:
        name, topic, _, _ = self.rng.choice(self.decrees)
        return f"{name} của Chính phủ {topic}" if self.rng.random() < 0.5 else name

    def any(self) -> str:
        return self.rng.choice(
            (
                self.city_decision,
                self.city_plan,
                self.department_letter,
                self.decree,
                self.government_resolution,
                self.party_document,
                self.law,
                lambda: self.rng.choice(PROGRAMME),
            )
        )()


def _reference_sentence(rng: random.Random, refs: References, org: str) -> str:
    return rng.choice(
        (
            lambda: (
                f"Triển khai {refs.any()}, {org} đã ban hành văn bản chỉ đạo, phân công nhiệm vụ cụ thể cho "
                "các cơ quan, đơn vị và cán bộ, công chức phụ trách."
            ),
            lambda: (
                f"Tổ chức quán triệt, tuyên truyền nội dung {refs.any()} đến toàn thể cán bộ, công chức, "
                "viên chức, người lao động và Nhân dân trên địa bàn."
            ),
            lambda: (
                f"Tiếp tục duy trì, áp dụng và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia "
                f"{STANDARD} trong hoạt động của cơ quan, đơn vị."
            ),
            lambda: (
                f"Đẩy mạnh thực hiện {rng.choice(PROGRAMME)}; hướng dẫn người dân sử dụng tài khoản "
                "định danh điện tử mức độ 2 để thực hiện dịch vụ công trực tuyến."
            ),
            lambda: (
                f"Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông theo đúng quy định "
                f"tại {refs.decree()}; công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa."
            ),
            lambda: (
                f"Bám sát {refs.party_document()} và {refs.government_resolution()}, gắn cải cách hành chính "
                "với chuyển đổi số, xây dựng chính quyền số."
            ),
            lambda: (
                f"Tuyên truyền {refs.law()} và các văn bản hướng dẫn thi hành, chú trọng những nội dung mới "
                "về tổ chức bộ máy và phân cấp, phân quyền."
            ),
        )
    )()


def _fill(text: str, unit: SynUnit, year: int, source_year: int) -> str:
    """The sampled text with the target unit's names, level and years."""
    if unit.local:
        level = unit.level
        text = (
            text.replace(ORG, unit.org)
            .replace(LOCAL, f"{level} {unit.place}")
            .replace(PLACE, unit.place)
            .replace(LEVEL_UPPER + LEVEL_UPPER, level.upper())
            .replace(LEVEL_UPPER, level.capitalize())
            .replace(LEVEL_LOWER, level)
        )
    else:
        text = text.replace(ORG, unit.org)

    def shift(match: re.Match) -> str:
        written = int(match.group(2))
        before = match.string[max(0, match.start() - 80) : match.start()]
        if abs(written - source_year) > 1 or "Luật" in before:  # a law's name keeps its year
            return match.group(0)
        return f"{match.group(1)}{written - source_year + year}"

    def shift_date(match: re.Match) -> str:
        day, month, written = match.groups()
        if abs(int(written) - source_year) > 1:
            return match.group(0)
        if (day, month) in (("29", "2"), ("29", "02")):
            day = "28"
        return f"{day}/{month}/{int(written) - source_year + year}"

    return _NUMERIC_DATE.sub(shift_date, _YEAR_AFTER_NAM.sub(shift, text))


def _plan_topic(topic: str) -> str:
    """'công tác chuyển đổi số' -> 'chuyển đổi số', as in 'Kế hoạch chuyển đổi số năm 2025'."""
    return topic.removeprefix("công tác ").removeprefix("việc ")


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


class BodyWriter:
    """The body of one document: opening, parts I., II. … with items 1., 2.1., closing line."""

    def __init__(self, rng: random.Random, corpus: Corpus, document: SynDocument):
        self.rng, self.document, self.unit = rng, document, document.unit
        scope = "local" if self.unit.local else "department" if self.unit.level == "sở" else "city"
        self.pools = corpus.view(scope)
        self.refs = References(rng, document)

    def text(self, block: Block) -> str:
        return _fill(block.text, self.unit, self.document.year, block.year)

    def content(self, budget: int) -> list[str]:
        """A run of paragraphs and lists of about `budget` words under one heading."""
        rng, pools = self.rng, self.pools
        out: list[str] = []
        used = 0
        while used < budget or not out:
            choice = rng.choices(("p", "s", "li", "num", "let", "ref"), weights=(28, 20, 25, 10, 5, 12))[0]
            if choice == "p":
                block = self.text(rng.choice(pools.blocks["p"]))
            elif choice == "s":
                sentences = [self.text(rng.choice(pools.sentences)) for _ in range(rng.randint(2, 3))]
                if rng.random() < 0.25:
                    sentences[0] = f"Thực hiện {self.refs.any()}, {_lower_first(sentences[0])}"
                block = " ".join(sentences)
            elif choice == "li":
                items, size = [], 0
                while len(items) < 2 or (size < min(120, budget - used) and len(items) < 6):
                    item = self.text(rng.choice(pools.blocks["li"]))
                    if rng.random() < 0.1:
                        item = f"Tuyên truyền nội dung {self.refs.any()};"
                    items.append(f"- {item}")
                    size += len(item.split())
                block = "\n".join(items)
            elif choice in ("num", "let"):
                run = [self.text(rng.choice(pools.blocks[choice])) for _ in range(rng.randint(2, 3))]
                marks = (
                    [f"{i}\\." for i in range(1, 10)]
                    if choice == "num"
                    else ["a)", "b)", "c)", "d)", "đ)", "e)"]
                )
                block = "\n\n".join(f"{mark} {text}" for mark, text in zip(marks, run))
            else:
                block = _reference_sentence(rng, self.refs, self.unit.org)
            out.append(block)
            used += len(block.split())
        return out

    def intro(self) -> str:
        d, u, r = self.document, self.unit, self.refs
        ky = d.period
        if d.kind == "Báo cáo":
            own = (
                f"Kế hoạch số {self.rng.randint(5, 199)}/KH-{u.code} ngày {r._earlier()} "
                f"của {u.org} về {d.topic} {ky}"
            )
            lead = self.rng.choice(("Thực hiện", "Căn cứ"))
            return (
                f"{lead} {r.city_decision()} về việc ban hành Kế hoạch cải cách hành chính nhà nước "
                f"thành phố Hải Phòng năm {d.year}; {own}. "
                f"{u.org} báo cáo kết quả {d.topic} {ky} như sau:"
            )
        if d.kind == "Kế hoạch":
            return (
                f"Căn cứ {r.law()}; căn cứ {r.decree()}; thực hiện {r.city_plan()}, {u.org} "
                f"xây dựng Kế hoạch {_plan_topic(d.topic)} {ky} với những nội dung sau:"
            )
        if d.kind == "Quyết định":
            proposer = "Trưởng phòng Văn hóa - Xã hội" if u.local else "Chánh Văn phòng"
            return "\n\n".join(
                [
                    f"Căn cứ {r.law()};",
                    f"Căn cứ {r.decree()};",
                    f"Căn cứ {r.government_resolution()};",
                    f"Căn cứ {r.city_decision()};",
                    f"Theo đề nghị của {proposer}.",
                    "**QUYẾT ĐỊNH:**",
                ]
            )
        if d.kind == "Công văn":
            return (
                f"Thực hiện {r.department_letter()} về {d.topic} năm {d.year}, {u.org} đề nghị "
                "các cơ quan, đơn vị triển khai thực hiện một số nội dung sau:"
            )
        return (
            f"Ngày {d.date[2]}/{d.date[1]}/{d.date[0]}, {u.org} tổ chức hội nghị đánh giá {d.topic}. "
            f"Căn cứ {r.any()}, {u.org} thông báo kết luận như sau:"
        )

    def closing(self) -> str:
        d, u = self.document, self.unit
        if d.kind == "Báo cáo":
            return f"Trên đây là báo cáo kết quả {d.topic} {d.period} của {u.org}./."
        if d.kind == "Kế hoạch":
            return (
                f"Trên đây là Kế hoạch {_plan_topic(d.topic)} {d.period} của {u.org}. Trong quá trình "
                "thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để được "
                "hướng dẫn, giải quyết./."
            )
        if d.kind == "Quyết định":
            return (
                "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ quan, "
                "đơn vị và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."
            )
        return "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."

    def body(self) -> str:
        for _ in range(100):
            text = self._attempt()
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                return text
        raise AssertionError(f"no body of {MIN_WORDS}–{MAX_WORDS} words for {self.unit.id}")

    def _sections(self) -> list[Section]:
        d, rng = self.document, self.rng
        klass = {"Báo cáo": "report", "Kế hoạch": "plan", "Quyết định": "plan"}.get(d.kind) or rng.choice(
            ("report", "plan")
        )
        pool = self.pools.sections[klass]
        wanted = rng.randint(3, 4) if d.kind in ("Báo cáo", "Kế hoạch") else 2
        chosen: dict[str, Section] = {}
        for section in rng.sample(pool, min(len(pool), 3 * wanted)):
            title = section.title.text.upper()
            if title not in chosen and len(chosen) < wanted:
                chosen[title] = section
        return sorted(chosen.values(), key=lambda s: s.position)

    def _attempt(self) -> str:
        rng = self.rng
        target = rng.randint(MIN_WORDS - 60, MAX_WORDS - 200)
        parts = [self.intro()]
        closing = self.closing()
        left = target - len(parts[0].split()) - len(closing.split())
        sections = self._sections()
        for i, section in enumerate(sections):
            parts.append(f"## {ROMAN[i]}. {self.text(section.title).upper()}")
            budget = max(40, left // len(sections))
            count = min(len(section.items), rng.choice((0, 1, 2, 2, 3)))
            if count == 0:
                parts += self.content(budget)
                continue
            picked = sorted(rng.sample(range(len(section.items)), count))
            share = max(30, budget // count)
            for j, index in enumerate(picked, 1):
                heading, subheadings = section.items[index]
                parts.append(f"### {j}. {self.text(heading)}")
                if not subheadings and j == count and rng.random() < 0.2:
                    subheadings = rng.sample(self.pools.subheadings, 2)
                if subheadings and rng.random() < 0.7:  # smaller items: "#### 2.1. …"
                    shown = subheadings[: rng.randint(1, min(2, len(subheadings)))]
                    for k, subheading in enumerate(shown, 1):
                        parts.append(f"#### {j}.{k}. {self.text(subheading)}")
                        parts += self.content(share // len(shown))
                else:
                    parts += self.content(share)
        parts.append(closing)
        return "\n\n".join(parts) + "\n"


def _recipients(rng: random.Random, unit: SynUnit, kind: str) -> list[str]:
    if unit.local:
        up = rng.choice(
            (
                "Sở Văn hóa, Thể thao và Du lịch;",
                "Sở Nội vụ, Sở VH&TT (để b/c);",
                "Sở Văn hóa, Thể thao và Du lịch thành phố;",
            )
        )
        rows = [
            up,
            f"TT Đảng ủy {unit.level} (để b/c);",
            f"TT HĐND {unit.level};",
            f"CT, các PCT UBND {unit.level};",
            f"Các cơ quan, đơn vị thuộc {unit.level};",
        ]
        office = rng.choice(("VHXH", "VHXH (2b)", "VP"))
    elif unit.level == "sở":
        rows = [
            "UBND thành phố (để b/c);",
            "Sở Nội vụ;" if unit.code != "SNV" else "Bộ Nội vụ (để b/c);",
            "GĐ, các PGĐ Sở;",
            "Các phòng, đơn vị thuộc Sở;",
        ]
        office = "VP"
    else:
        rows = [
            "Văn phòng Chính phủ;",
            "Bộ Nội vụ;",
            "TT Thành ủy, TT HĐND thành phố;",
            "CT, các PCT UBND thành phố;",
            "Các sở, ban, ngành thành phố;",
            "UBND các xã, phường, đặc khu;",
        ]
        office = "VHXH"
    rows = rows[: rng.randint(2, len(rows))]
    return rows + [f"Lưu: VT, {office}."]


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _title(rng: random.Random, document: SynDocument) -> str:
    d, u = document, document.unit
    if d.kind == "Báo cáo":
        title = f"Kết quả {d.topic} {d.period}"
        if rng.random() < 0.4:
            if d.period_months[1] == 12:
                following = f"năm {d.year + 1}"
            elif d.period_months[1] <= 6:
                following = f"6 tháng cuối năm {d.year}"
            else:
                following = f"những tháng cuối năm {d.year}"
            title += f"; phương hướng, nhiệm vụ {following}"
        return title
    if d.kind == "Kế hoạch":
        where = f" trên địa bàn {u.level} {u.place}" if u.local and rng.random() < 0.5 else ""
        topic = _plan_topic(d.topic)
        return f"{topic[0].upper()}{topic[1:]}{where} {d.period}"
    if d.kind == "Quyết định":
        return rng.choice(
            (
                f"Về việc ban hành Kế hoạch cải cách hành chính nhà nước năm {d.year}",
                "Về việc kiện toàn Tổ công tác cải cách hành chính",
                f"Về việc áp dụng Hệ thống quản lý chất lượng theo {STANDARD}",
                f"Về việc công bố danh mục thủ tục hành chính thực hiện tại {u.org}",
                f"Về việc ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị của người dân năm {d.year}",
            )
        )
    if d.kind == "Công văn":
        return rng.choice(
            (
                f"V/v triển khai công tác thông tin, tuyên truyền cải cách hành chính năm {d.year}",
                f"V/v đôn đốc báo cáo kết quả cải cách hành chính năm {d.year}",
                "V/v tăng cường kỷ luật, kỷ cương hành chính trong giải quyết thủ tục hành chính",
                f"V/v triển khai {PROGRAMME[1]} năm {d.year}",
            )
        )
    return rng.choice(
        (
            f"Kết luận của Chủ tịch {u.short} tại hội nghị đánh giá {d.topic} năm {d.year}",
            f"Kết quả kiểm tra công tác cải cách hành chính năm {d.year}",
            f"Lịch tiếp công dân tháng {d.date[1]} năm {d.date[0]}",
        )
    )


# Figures a synthetic report gives: the sentence that says it, and the range of its value.
FIGURES = (
    (
        "tin-bai-cong-thong-tin",
        "Đăng tải {} tin, bài về cải cách hành chính trên Cổng thông tin điện tử.",
        (5, 400),
    ),
    ("luot-phat-thanh", "Hệ thống truyền thanh đã phát {} lượt tin, bài về cải cách hành chính.", (20, 2500)),
    (
        "hoi-nghi-tuyen-truyen",
        "Tổ chức {} buổi tuyên truyền, hội nghị lồng ghép nội dung cải cách hành chính.",
        (1, 40),
    ),
    ("bang-ron-khau-hieu", "Treo {} băng rôn, khẩu hiệu tuyên truyền tại trụ sở và nhà văn hóa.", (2, 120)),
    ("tin-bai-zalo", "Chia sẻ {} tin, bài trên Zalo OA của đơn vị.", (3, 600)),
    ("cum-loa", "Duy trì {} cụm loa truyền thanh hoạt động thường xuyên.", (5, 150)),
    ("ho-so-truc-tuyen", "Tỷ lệ hồ sơ nộp trực tuyến đạt {}.", (40, 100)),
)


def _spelled(rng: random.Random, number: int, percent: bool) -> str:
    """As reports write numbers: '1.992', a leading zero under ten, 'trên 200' now and then, '87,5%'."""
    if percent:
        return f"{number},{rng.randint(1, 9)}%" if rng.random() < 0.5 else f"{number}%"
    written = f"{number:,}".replace(",", ".") if number >= 1000 else f"{number:02d}"
    return f"trên {written}" if number >= 100 and rng.random() < 0.15 else written


def report_figures(document: SynDocument) -> list[tuple[str, str, str]]:
    """(indicator, value as written, sentence) for a report; their own random stream, so that adding them
    left every other byte of the corpus as it was."""
    rng = random.Random(f"so-lieu {document.unit.id} {document.number} {document.period}")
    chosen = rng.sample(FIGURES, rng.randint(2, 5))
    found = []
    for indicator, sentence, (low, high) in sorted(chosen, key=FIGURES.index):
        value = _spelled(rng, rng.randint(low, high), indicator == "ho-so-truc-tuyen")
        found.append((indicator, value, sentence.format(value)))
    return found


def document_file(rng: random.Random, corpus: Corpus, document: SynDocument) -> str:
    d, u = document, document.unit
    name, positions = rng.choice(u.leaders)
    lines = [
        "---",
        f"loai: {d.kind}",
        f"so_ky_hieu: {_q(_symbol(d, rng))}",
        f"ngay_ban_hanh: {_q(f'{d.date[2]:02d}/{d.date[1]:02d}/{d.date[0]}')}",
        f"dia_danh: {_q(u.place)}",
        f"don_vi: {u.id}",
        f"trich_yeu: {_q(_title(rng, d))}",
    ]
    if d.period:
        lines.append(f"ky: {_q(d.period)}")
    lines += ["nguoi_ky:", f"  ho_ten: {name}", "  chuc_vu:"] + [f"    - {p}" for p in positions]
    lines += ["noi_nhan:"] + [f"  - {_q(r)}" for r in _recipients(rng, u, d.kind)]
    body = BodyWriter(rng, corpus, d).body()
    if d.kind == "Báo cáo":
        figures = report_figures(d)
        lines += ["so_lieu:"] + [f"  - chi_tieu: {i}\n    gia_tri: {_q(v)}" for i, v, _ in figures]
        main, closing = body.rstrip("\n").rsplit("\n\n", 1)
        body = "\n\n".join([main, " ".join(s for _, _, s in figures), closing]) + "\n"
    lines += ["---", "", body]
    text = "\n".join(lines)
    if any(mark in text for mark in _PLACEHOLDERS):
        raise AssertionError(f"placeholder left in a document of {u.id}")
    return text


def unit_file(unit: SynUnit, parent: str | None) -> str:
    website = "https://haiphong.gov.vn" if unit.id == "hai-phong" else f"https://{unit.id}.haiphong.gov.vn"
    lines = (
        [
            "---",
            f"id: {unit.id}",
            f"ten: {_q(unit.name)}",
            f"ten_ngan: {_q(unit.short)}",
            f"cap: {unit.level}",
            f"don_vi_cap_tren: {parent or ''}".rstrip(),
            f"dia_chi: {_q(unit.address)}",
            f"dien_thoai: {_q(unit.phone)}",
            f"duong_day_nong: {_q(unit.hotline)}",
            f"email: {_q(unit.id + '@haiphong.gov.vn')}",
            f"website: {_q(website)}",
            "ten_goi_khac:",
        ]
        + [f"  - {_q(alias)}" for alias in unit.aliases]
        + ["---", ""]
    )
    return "\n".join(lines)


def _file_name(document: SynDocument) -> str:
    return slugify(f"{document.kind} {document.number} {document.period or document.date[0]}")


def news_file(rng: random.Random, corpus: Corpus, unit: SynUnit, number: int) -> str:
    """A news item of the unit: a title, a day, a summary and a few paragraphs of real administrative
    sentences (the words a commune's news about its reform work uses)."""
    year = rng.choice((2024, 2025, 2026))
    pool = corpus.view("local" if unit.local else "department").sentences
    sentences = [_fill(b.text, unit, year, b.year) for b in rng.sample(pool, 6)]
    title = _q(f"{unit.short} {rng.choice(NEWS_TOPICS)} (tin số {number})")
    body = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(1, 6, 2))
    return (
        f'---\ntieu_de: {title}\nngay: "{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"\n'
        f"don_vi: {unit.id}\ntom_tat: {_q(sentences[0])}\n---\n\n{body}\n"
    )


NEWS_TOPICS = (
    "tổ chức hội nghị tuyên truyền cải cách hành chính",
    "ra quân hỗ trợ người dân nộp hồ sơ trực tuyến",
    "kiểm tra công tác cải cách hành chính tại bộ phận một cửa",
    "tập huấn chuyển đổi số cho cán bộ, công chức",
    "đối thoại với người dân về thủ tục hành chính",
)


def generate(root: Path, documents: int, seed: int = 0, news: int = 0) -> None:
    """Write a complete synthetic `root/content/` with `documents` documents and `news` news items (replacing
    any there)."""
    root = Path(root)
    content = root / "content"
    if content.resolve() == REAL_CONTENT.resolve():
        raise ValueError(f"{content} is the repository's own content; generate somewhere else")
    corpus = read_corpus()
    rng = random.Random(seed)
    units = make_units(rng, max(3, round(documents / DOCUMENTS_PER_UNIT)))
    if content.exists():
        shutil.rmtree(content)
    (content / "don-vi").mkdir(parents=True)
    for unit in units:
        parent = None if unit.id == "hai-phong" else "hai-phong"
        (content / "don-vi" / f"{unit.id}.md").write_bytes(unit_file(unit, parent).encode("utf-8"))

    copy_procedures(content / "thu-tuc", [unit.id for unit in units if unit.local][:4])
    (content / "tham-chieu").mkdir()
    for table in ("chi-tieu.yml", "ky-bao-cao.yml"):  # the figures' catalogue and the reporting calendar
        shutil.copy(REAL_CONTENT / "tham-chieu" / table, content / "tham-chieu" / table)

    base, extra = divmod(documents, len(units))
    for index, unit in enumerate(units):
        docs = [make_document(rng, unit) for _ in range(base + (index < extra))]
        if not docs:
            continue
        # Numbers run through a unit's register each year, in date order.
        docs.sort(key=lambda d: (d.date, d.kind, d.period))
        counters: dict[int, int] = {}
        for d in docs:
            year = d.date[0]
            if year not in counters:
                counters[year] = rng.randint(0, 30)
            counters[year] += rng.randint(1, 12)
            d.number = counters[year]
        folder = content / "van-ban" / unit.id
        folder.mkdir(parents=True)
        names: dict[str, int] = {}
        for d in docs:
            name = _file_name(d)
            if name in names:
                names[name] += 1
                name = f"{name}-{names[name]}"
            else:
                names[name] = 1
            (folder / f"{name}.md").write_bytes(document_file(rng, corpus, d).encode("utf-8"))
    for number in range(news):
        unit = units[number % len(units)]
        folder = content / "tin-tuc" / unit.id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"tin-{number}.md").write_bytes(news_file(rng, corpus, unit, number).encode("utf-8"))


def copy_procedures(target: Path, unit_ids: list[str]) -> None:
    """The real procedures and forms, offered by the given units instead of the real ones."""
    shutil.copytree(REAL_CONTENT / "thu-tuc", target)
    for path in target.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^don_vi: .*$", f"don_vi: [{', '.join(unit_ids)}]", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.synthetic",
        description="Write a synthetic content/ tree for tests and benchmarks.",
    )
    parser.add_argument("out_dir", type=Path, help="project folder; content/ is written inside it")
    parser.add_argument("documents", type=int, help="number of documents")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    generate(args.out_dir, args.documents, args.seed)
    units = len(list((args.out_dir / "content" / "don-vi").glob("*.md")))
    print(
        f"{args.documents} văn bản, {units} đơn vị trong {args.out_dir / 'content'} "
        f"({time.perf_counter() - start:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
