"""The portal's content as plain data: units and their documents."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from cchc import urls
from cchc.dates import PartialDate
from cchc.kinds import Kind
from cchc.labels import label
from cchc.periods import Period
from cchc.quantities import Quantity

# The ways to submit a procedure, as its file names them (Nghị định 63/2010/NĐ-CP, Điều 8).
IN_PERSON, ONLINE, BY_POST = WAYS = ("Trực tiếp", "Trực tuyến", "Bưu chính")


@dataclass(frozen=True)
class Variant:
    name: str  # file name in the cache and in the site
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Rendition:
    """An infographic encoded for the web: its sizes and formats."""

    width: int  # of the largest variant
    height: int
    variants: tuple[Variant, ...]  # widest last within each format
    thumbnail: tuple[Variant, ...]


@dataclass
class Body:
    """An issuing body that is not a unit of the portal: Chính phủ, Bộ Chính trị … (content.references)"""

    name: str
    group: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Alias:
    """A named programme that stands for a numbered document: "Đề án 06" = 06/QĐ-TTg."""

    phrase: str
    kind: str
    symbol: str
    date: str  # as written, e.g. "06/01/2022"
    title: str = ""
    issuer: str = ""


@dataclass(frozen=True)
class Validity:
    """What content/tham-chieu/hieu-luc.yml records of one cited text: when it took force, and what replaced,
    repealed or amended it. Documents are named as texts cite them ("Nghị định 61/2018/NĐ-CP"); the
    reference index reads them."""

    path: str  # the table, for messages
    line: int
    document: str
    issued: PartialDate | None = None
    in_force: PartialDate | None = None
    replaced_by: str = ""
    repealed_by: str = ""
    ended: PartialDate | None = None  # the day it ceased wholly
    amended_by: tuple[str, ...] = ()
    partly_repealed_by: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # each field's line


@dataclass(frozen=True)
class Picture:
    """An editor's image (a leader's portrait, a boundary map) and what it shows, for readers who cannot
    see it; published through the image pipeline like an infographic."""

    file: str  # the image file
    alt: str


@dataclass
class Person:
    """A unit's leader or its contact point (Nghị định 224/2026/NĐ-CP, Điều 9)."""

    name: str
    position: str
    phone: str = ""
    email: str = ""
    photo: Picture | None = None
    biography: str = ""  # tiểu sử tóm tắt, Markdown
    duties: str = ""  # nhiệm vụ đảm nhiệm, Markdown


@dataclass
class Office:
    """A division of a unit (phòng, ban, đơn vị trực thuộc), with the divisions under it."""

    name: str
    head: str = ""
    head_position: str = ""
    phone: str = ""
    email: str = ""
    offices: list[Office] = field(default_factory=list)


@dataclass(frozen=True)
class Reception:
    """A time the unit receives citizens (lịch tiếp công dân): every week on a weekday, every month on a
    day, or once on a date."""

    shown: str  # "Thứ Năm hằng tuần", "Ngày 15 hằng tháng", "20/12/2026"
    start: datetime.time
    end: datetime.time
    host: str  # who receives: "Chủ tịch UBND xã"
    place: str = ""
    weekday: int | None = None  # 0 Monday … 6 Sunday
    monthday: int | None = None
    date: datetime.date | None = None


@dataclass(frozen=True)
class English:
    """What a unit gives in English (`en:`): its name, functions and organisation, Markdown."""

    name: str
    functions: str = ""
    organisation: str = ""


@dataclass
class Unit:
    id: str
    name: str  # "Ủy ban nhân dân xã Nam Thanh Miện"
    short_name: str  # "UBND xã Nam Thanh Miện"
    level: str  # "xã", "phường", "sở", "thành phố" …
    path: str  # the content file, relative to the project
    lines: dict[str, int] = field(default_factory=dict)  # front matter field -> line
    parent: str | None = None
    address: str = ""
    phone: str = ""
    hotline: str = ""  # for phản ánh – kiến nghị
    email: str = ""
    website: str = ""
    aliases: list[str] = field(default_factory=list)  # names other documents use for it
    intro: str = ""  # Markdown
    fax: str = ""
    contact: Person | None = None  # đầu mối liên hệ
    leaders: list[Person] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)  # cơ cấu tổ chức
    boundary_map: Picture | None = None  # bản đồ địa giới hành chính
    profile: dict[str, str] = field(default_factory=dict)  # Markdown by field (units.PROFILE)
    reception: list[Reception] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)  # about the unit itself (hỏi đáp)
    sources: list[str] = field(default_factory=list)  # where the profile's facts come from
    english: English | None = None

    unit_id = None  # citing, its page speaks for itself: lists of citing pages name it by its label

    def cited_texts(self) -> list[tuple[str, int]]:
        """(text, its line) of every passage that may cite: each answer's basis."""
        return _answer_bases(self.questions)

    def cited_field(self, passage: int) -> str:
        return _answer_field(self.questions, passage)

    @property
    def label(self) -> str:
        """How lists of citing pages name it."""
        return label("unit.label", name=self.short_name)

    def pictures(self) -> list[Picture]:
        """Every image the unit's page shows."""
        photos = [leader.photo for leader in self.leaders if leader.photo]
        return [*([self.boundary_map] if self.boundary_map else []), *photos]

    @property
    def src_uri(self) -> str:
        return urls.unit(self.id)


@dataclass
class Signer:
    name: str
    positions: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" …

    @property
    def summary(self) -> str:
        """'Vũ Văn Nguyễn, KT. Chủ tịch – Phó Chủ tịch'; the collective 'TM.' line is left out."""
        roles = [_sentence_case(p) for p in self.positions if not p.upper().startswith("TM.")]
        return f"{self.name}, {' – '.join(roles)}" if roles else self.name


DEPUTY = "phó"  # "PHÓ GIÁM ĐỐC" -> "Phó Giám đốc": the office after it keeps its capital


def _sentence_case(role: str) -> str:
    """'KT. CHỦ TỊCH' -> 'KT. Chủ tịch'; 'PHÓ GIÁM ĐỐC' -> 'Phó Giám đốc'."""
    prefix, _, rest = role.rpartition(". ")
    words = rest.lower().split()
    for i, word in enumerate(words):
        if i == 0 or words[i - 1].lower() == DEPUTY:
            words[i] = word[:1].upper() + word[1:]
    return f"{prefix.upper()}. {' '.join(words)}" if prefix else " ".join(words)


@dataclass(frozen=True)
class Indicator:
    """A figure the department consolidates (content/tham-chieu/chi-tieu.yml)."""

    id: str
    name: str
    unit: str  # of measure: "tin, bài", "lượt", "%"
    group: str
    aggregate: str  # "cộng" (values add up across units), "trung bình" (ratios: averaged) or "không"
    keywords: tuple[str, ...]  # words a sentence giving this figure uses, as written


@dataclass
class Figure:
    """One figure a report gives (or a plan sets as its target)."""

    indicator: str  # Indicator.id
    value: Quantity
    written: str  # the value as the editor wrote it
    note: str = ""
    unit: str = ""  # of measure, when the editor wrote one
    lines: dict[str, int] = field(default_factory=dict)  # its fields' lines in the content file


@dataclass
class Attachment:
    source: str  # absolute path of the file in content/
    name: str  # file name as offered for download


@dataclass
class Document:
    path: str  # the content file, relative to the project
    slug: str
    kind: Kind
    unit_id: str
    title: str  # trích yếu
    body: str  # Markdown
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)  # front matter field -> line
    number_symbol: str = ""  # as written: "09/KH-UBND", "/BC-UBND" for a draft, "" unknown
    date: PartialDate | None = None
    effective: PartialDate | None = None  # ngày hiệu lực, when the document states it
    comment_until: PartialDate | None = None  # a draft for comment: the last day (hạn góp ý)
    comment_to: str = ""  # where comments go: an e-mail address or a web page ('' : the unit's e-mail)
    place: str = ""
    period: Period | None = None
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return urls.document(self.unit_id, self.slug)

    @property
    def year(self) -> int | None:
        """The year the document belongs to in archives: its period's, else its date's."""
        if self.period:
            return self.period.year
        return self.date.year if self.date else None

    @property
    def has_number(self) -> bool:
        """False for an unknown number and for a draft's '/BC-UBND'."""
        return bool(self.number_symbol) and not self.number_symbol.startswith("/")

    @property
    def number_label(self) -> str:
        if not self.number_symbol:
            return label("document.unknown")
        return (
            self.number_symbol
            if self.has_number
            else label("document.number_unset", number=self.number_symbol)
        )

    @property
    def label(self) -> str:
        """How lists of citing pages name it: 'Kế hoạch: Tuyên truyền …'."""
        return f"{self.kind.name}: {self.title}"

    @property
    def date_label(self) -> str:
        if self.date is None:
            return label("document.unknown")
        return (
            self.date.vietnamese()
            if self.date.day
            else label("document.undated", year=self.date.vietnamese())
        )


@dataclass
class Channel:
    """One way to submit: in person, online or by post, each with its own time limit and fee."""

    way: str  # one of WAYS
    time_limit: str
    fee: str


@dataclass
class Paper:
    """A document to bring."""

    name: str
    form: str | None = None  # src_uri of the form's page or file in the site
    originals: int = 1
    copies: int = 0


@dataclass
class Form:
    """A published form (mẫu tờ khai): a printable page, or a PDF/DOCX offered for download."""

    path: str  # content file
    src_uri: str
    name: str
    source_note: str = ""  # the legal text that issues it
    body: str = ""
    file: str | None = None  # absolute path, for a PDF/DOCX


@dataclass(frozen=True)
class Question:
    """A question residents ask of a procedure, and the unit's answer (hỏi đáp)."""

    question: str
    answer: str  # Markdown
    date: PartialDate | None = None
    basis: str = ""  # the legal basis of the answer, cited text (run through the citation engine)
    basis_line: int = 0


def _answer_bases(questions: list[Question]) -> list[tuple[str, int]]:
    return [(q.basis, q.basis_line) for q in questions if q.basis]


def _answer_field(questions: list[Question], passage: int) -> str:
    """The field of the `passage`-th answer basis among `questions` (those without one are skipped)."""
    number = [n for n, q in enumerate(questions, 1) if q.basis][passage]
    return f"hoi_dap[{number}].can_cu"


@dataclass
class Procedure:
    path: str
    slug: str
    name: str
    field: str  # lĩnh vực
    level: str  # cấp thực hiện
    unit_ids: list[str]
    authority: str  # cơ quan thực hiện
    applicants: str  # đối tượng thực hiện
    channels: list[Channel]
    time_limit: str
    papers: list[Paper]
    steps: list[str]
    result: str
    conditions: str
    legal_basis: list[str]
    legal_basis_lines: list[int]
    code: str = ""  # mã thủ tục on the national public-service portal
    online_url: str = ""
    notes: str = ""  # Markdown body
    lines: dict[str, int] = dataclasses.field(default_factory=dict)  # `field` here is the lĩnh vực above
    questions: list[Question] = dataclasses.field(default_factory=list)

    def cited_texts(self) -> list[tuple[str, int]]:
        """(text, its line) of every passage that may cite: each line of the legal basis, then each answer's
        basis; a passage's number is its place in this list."""
        basis = list(zip(self.legal_basis, self.legal_basis_lines, strict=True))
        return basis + _answer_bases(self.questions)

    def cited_field(self, passage: int) -> str:
        """The field a passage of cited_texts is written in."""
        if passage < len(self.legal_basis):
            return f"can_cu[{passage + 1}]"
        return _answer_field(self.questions, passage - len(self.legal_basis))

    unit_id = None  # procedures cite on behalf of no single unit
    date = None

    @property
    def src_uri(self) -> str:
        return urls.procedure(self.slug)

    @property
    def poster_uri(self) -> str:
        return urls.poster(self.slug)

    @property
    def label(self) -> str:
        return label("procedure.label", name=self.name)

    @property
    def online(self) -> bool:
        return bool(self.online_url) or any(c.way == ONLINE for c in self.channels)

    @property
    def fees(self) -> str:
        """The fee as written when every way of submitting costs the same, else each way's."""
        if len({c.fee for c in self.channels}) == 1:
            return self.channels[0].fee
        return "; ".join(label("procedure.fees_by_way", way=c.way.lower(), fee=c.fee) for c in self.channels)


@dataclass
class Infographic:
    path: str
    slug: str
    image: str  # absolute path of the image file
    title: str
    alt: str  # what the image tells
    unit_id: str
    caption: str = ""
    date: PartialDate | None = None
    procedures: list[str] = field(default_factory=list)  # slugs
    documents: list[str] = field(default_factory=list)  # '<unit>/<file name>' under content/van-ban/
    tags: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def src_uri(self) -> str:
        return urls.infographic(self.slug)


@dataclass
class News:
    """A news item (tin tức) of a unit: `content/tin-tuc/<unit>/<name>.md`."""

    path: str
    slug: str
    unit_id: str
    title: str
    date: PartialDate
    body: str  # Markdown
    body_line: int = 1
    summary: str = ""
    photo: Picture | None = None
    procedures: list[str] = field(default_factory=list)  # slugs
    documents: list[str] = field(default_factory=list)  # '<unit>/<file name>' under content/van-ban/
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def src_uri(self) -> str:
        return urls.news(self.unit_id, self.slug)

    @property
    def label(self) -> str:
        return f"{label('search.news')}: {self.title}"


@dataclass
class JourneyStep:
    """A step of a journey: the procedures it takes (all of them), those that may stand in for them
    ("hoặc"), or a plain instruction when no procedure of the portal does it."""

    title: str
    text: str = ""  # what to do or know, Markdown
    procedures: list[str] = field(default_factory=list)  # slugs, all of them
    alternatives: list[str] = field(default_factory=list)  # slugs, any one of them instead
    line: int = 1


@dataclass
class Journey:
    """A life event's procedures in order (hành trình): `content/hanh-trinh/<name>.md`, a page in the manner
    of GOV.UK's step-by-step navigation, named on each procedure page it joins."""

    path: str
    slug: str
    title: str
    intro: str  # Markdown body
    steps: list[JourneyStep]
    legal_basis: list[str] = field(default_factory=list)
    legal_basis_lines: list[int] = field(default_factory=list)
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)

    unit_id = None  # a journey cites on behalf of no single unit
    date = None

    @property
    def src_uri(self) -> str:
        return urls.journey(self.slug)

    @property
    def label(self) -> str:
        return label("journey.label", name=self.title)

    def cited_texts(self) -> list[tuple[str, int]]:
        """(text, its line) of each line of the legal basis."""
        return list(zip(self.legal_basis, self.legal_basis_lines, strict=True))

    def cited_field(self, passage: int) -> str:
        return f"can_cu[{passage + 1}]"

    def place_of(self, slug: str) -> int | None:
        """The number of the step (from 1) that takes the procedure `slug`, itself or as an alternative."""
        taking = (n for n, step in enumerate(self.steps, 1) if slug in (*step.procedures, *step.alternatives))
        return next(taking, None)


@dataclass(frozen=True)
class Rule:
    """A rule of the reporting calendar (content.calendar): which kind of document the units of `levels`
    owe for each period of a kind, by which day."""

    kind: Kind
    period: Period  # its kind and quarter; the year is the one each due report covers
    levels: tuple[str, ...]
    day: int
    month: int
    next_year: bool  # due in the year after the period's ("15/01 năm sau")
    first_year: int | None

    def due(self, year: int) -> tuple[Period, datetime.date]:
        return (
            Period(self.period.kind, year, self.period.quarter),
            datetime.date(year + self.next_year, self.month, self.day),
        )


@dataclass
class Portal:
    units: dict[str, Unit] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)  # issuing bodies outside the portal (content.references)
    aliases: tuple[Alias, ...] = ()  # named programmes standing for numbered documents
    validity: tuple[Validity, ...] = ()  # what is known of cited texts' force (content.references)
    procedures: list[Procedure] = field(default_factory=list)
    forms: dict[str, Form] = field(default_factory=dict)  # by path relative to content/thu-tuc/
    fields: list[str] = field(default_factory=list)  # lĩnh vực of procedures
    infographics: list[Infographic] = field(default_factory=list)
    news: list[News] = field(default_factory=list)  # newest first
    journeys: list[Journey] = field(default_factory=list)  # in the order of their titles
    indicators: dict[str, Indicator] = field(default_factory=dict)  # the catalogue, in its order
    calendar: list[Rule] = field(default_factory=list)  # the reporting calendar (content.calendar)

    def procedures_by_unit(self) -> dict[str, list[Procedure]]:
        """The procedures each unit performs, in the order of `procedures`."""
        grouped: dict[str, list[Procedure]] = {unit_id: [] for unit_id in self.units}
        for procedure in self.procedures:
            for unit_id in procedure.unit_ids:
                grouped.setdefault(unit_id, []).append(procedure)
        return grouped

    def documents_by_unit(self) -> dict[str, list[Document]]:
        grouped: dict[str, list[Document]] = {unit_id: [] for unit_id in self.units}
        for document in self.documents:
            grouped.setdefault(document.unit_id, []).append(document)
        return grouped
