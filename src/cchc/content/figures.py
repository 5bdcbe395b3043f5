"""The figures a report gives or a plan sets as targets (`so_lieu`): each names an indicator of the
catalogue and a value as the document writes it. A figure must say what the published words say: its value
is looked for in the body, in a sentence that uses a word of its indicator."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal

from cchc.content import figure_finder
from cchc.content.figure_finder import FoldedSentence, Suggestion
from cchc.content.frontmatter import Value
from cchc.content.indicators import same_unit
from cchc.content.schema import Field, FieldError, Fields
from cchc.model import Document, Figure, Indicator
from cchc.problems import Problem, Severity
from cchc.quantities import Quantity, QuantityError, numbers_in, parse_quantity
from cchc.text import sentences

FIELD_NAME = "so_lieu"


def read_value(value: object) -> Quantity:
    try:
        return parse_quantity(value)
    except QuantityError as exc:
        raise FieldError(str(exc)) from None


FIELD = Field(
    FIELD_NAME,
    "số liệu của báo cáo hoặc chỉ tiêu của kế hoạch: mỗi mục có chi_tieu, gia_tri",
    shape="records",
    fields=(
        Field("chi_tieu", "mã chỉ tiêu trong content/tham-chieu/chi-tieu.yml, ví dụ 'cum-loa'", True),
        Field("gia_tri", "giá trị như văn bản ghi, ví dụ '1.992', 'trên 200', '98,5%'", True, read_value),
        Field("don_vi_tinh", "đơn vị tính như trong danh mục chỉ tiêu, ví dụ 'tin, bài'"),
        Field("ghi_chu", "ghi chú về số liệu"),
    ),
)


def figures_from(records: list[Fields], values: dict[str, Value] | list[Value] | None) -> list[Figure]:
    """Figures from the read records and their front matter values (for lines: the children of `so_lieu`,
    a list once its schema read it as records); unit of measure and the catalogue are checked once the
    catalogue is known (`catalogue_problems`)."""
    assert isinstance(values, list), "so_lieu: not a sequence"
    return [
        Figure(
            record["chi_tieu"],
            record["gia_tri"],
            " ".join(str(value.fields()["gia_tri"].plain()).split()),
            record.get("ghi_chu") or "",
            record.get("don_vi_tinh") or "",
            {name: child.line for name, child in value.fields().items()},
        )
        for record, value in zip(records, values)
    ]


def catalogue_problems(document: Document, catalogue: dict[str, Indicator]) -> list[Problem]:
    """Errors: figures on a kind that takes none, unknown indicators, units that disagree, an indicator
    given twice."""
    found: list[Problem] = []
    seen: dict[str, int] = {}
    for index, figure in enumerate(document.figures, 1):
        field, lines = f"{FIELD_NAME}[{index}]", figure.lines
        if not document.kind.periodic:
            found.append(
                Problem(
                    document.path,
                    lines["chi_tieu"],
                    field,
                    "văn bản loại "
                    f"'{document.kind.name}' không ghi số liệu; chỉ báo cáo, kế hoạch và chương "
                    "trình mới có so_lieu",
                )
            )
            break
        indicator = catalogue.get(figure.indicator)
        if indicator is None:
            close = difflib.get_close_matches(figure.indicator, catalogue, n=1, cutoff=0.5)
            hint = f"; có phải ý bạn là '{close[0]}' ({catalogue[close[0]].name})?" if close else ""
            found.append(
                Problem(
                    document.path,
                    lines["chi_tieu"],
                    f"{field}.chi_tieu",
                    f"không có chỉ tiêu '{figure.indicator}' trong content/tham-chieu/chi-tieu.yml{hint}",
                )
            )
        elif figure.unit and not same_unit(figure.unit, indicator.unit):
            found.append(
                Problem(
                    document.path,
                    lines["don_vi_tinh"],
                    f"{field}.don_vi_tinh",
                    f"đơn vị tính "
                    f"'{figure.unit}' khác danh mục: chỉ tiêu '{indicator.id}' tính bằng "
                    f"'{indicator.unit}'; hãy ghi '{indicator.unit}' hoặc bỏ trường này",
                )
            )
        elif figure.value.percent and indicator.unit != "%":
            found.append(
                Problem(
                    document.path,
                    lines["gia_tri"],
                    f"{field}.gia_tri",
                    f"giá trị "
                    f"'{figure.written}' là tỷ lệ nhưng chỉ tiêu '{indicator.id}' tính bằng "
                    f"'{indicator.unit}'",
                )
            )
        elif figure.indicator in seen:
            found.append(
                Problem(
                    document.path,
                    lines["chi_tieu"],
                    f"{field}.chi_tieu",
                    f"chỉ tiêu "
                    f"'{figure.indicator}' đã ghi ở dòng {seen[figure.indicator]}; mỗi chỉ tiêu "
                    "một lần trong một văn bản",
                )
            )
        seen.setdefault(figure.indicator, lines["chi_tieu"])
    return found


NEAR = 60  # characters: how close to the number a word of its indicator must stand
# "năm 2025", "tháng 6", "quý 2", "mức độ 2", "giai đoạn 2021": a number after these counts no figure.
_CALENDAR_WORDS = ("nam", "thang", "ngay", "quy", "muc do", "giai doan", "so")
_CALENDAR_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(_CALENDAR_WORDS)})\s*$")
_LONGEST_CALENDAR_WORD = max(map(len, _CALENDAR_WORDS))


def _after_calendar_word(folded: str, at: int) -> bool:
    """Whether a calendar word, then perhaps spaces, stands just before `at`. Only the characters before the
    spaces are searched: searching all the text before each number was quadratic in a sentence's numbers."""
    words_end = at
    while words_end and folded[words_end - 1].isspace():
        words_end -= 1
    return _CALENDAR_WORD.search(folded, max(0, words_end - _LONGEST_CALENDAR_WORD), at) is not None


def _figure_places(sentence: FoldedSentence, numbers: list[tuple[Decimal, int]]) -> dict[Decimal, list[int]]:
    """Where each number of a sentence stands, when no calendar word says it is a date or a period."""
    places: dict[Decimal, list[int]] = {}
    for number, at in numbers:
        if not _after_calendar_word(sentence.folded, at):
            places.setdefault(number, []).append(at)
    return places


def _close(starts: list[int], places: list[int]) -> bool:
    """Whether a word starting at one of `starts` (in order) stands within NEAR characters of a place."""
    for at in places:
        index = bisect_left(starts, at - NEAR)
        if index < len(starts) and starts[index] <= at + NEAR:
            return True
    return False


def _near(
    holding: list[tuple[FoldedSentence, dict[Decimal, list[int]]]], figure: Figure, words: tuple[str, ...]
) -> bool:
    """Whether one of the sentences `holding` a figure's value (folded, with where its numbers stand) writes
    it with a word of its indicator close by."""
    wanted = {figure.value.low, figure.value.high}
    for sentence, places_by_number in holding:
        places = [at for number in wanted for at in places_by_number.get(number, ())]
        if places and any(_close(sentence.places(word), places) for word in words):
            return True
    return False


def _folded(
    holding: list[tuple[str, list[tuple[Decimal, int]]]],
) -> Iterator[tuple[FoldedSentence, list[tuple[Decimal, int]]]]:
    return ((FoldedSentence(sentence), numbers) for sentence, numbers in holding)


def body_problems(document: Document, catalogue: dict[str, Indicator]) -> list[Problem]:
    """A warning for each figure the body does not give: its value must stand in the body as that
    indicator's (the finder's reading of a number and its counting word), or, where no counting word says,
    close to a word of the indicator. A figure may never silently contradict the published words."""
    values = {v for f in document.figures for v in (f.value.low, f.value.high)}
    read_sentences = [(s, numbers_in(s)) for s in sentences(document.body)]
    holding = [(s, numbers) for s, numbers in read_sentences if any(n in values for n, _ in numbers)]
    # Only where a figure's value stands: the finder's reading, and each sentence folded once.
    read: dict[tuple[Decimal, Decimal], list[Suggestion]] = {}
    for suggestion in figure_finder.suggest("\n".join(s for s, _ in holding), catalogue):
        read.setdefault((suggestion.value.low, suggestion.value.high), []).append(suggestion)
    folded = [(sentence, _figure_places(sentence, numbers)) for sentence, numbers in _folded(holding)]
    written = {n for _, numbers in holding for n, _ in numbers}
    found = []
    for index, figure in enumerate(document.figures, 1):
        indicator = catalogue[figure.indicator]
        same = read.get((figure.value.low, figure.value.high), [])
        if any(s.indicator == figure.indicator for s in same):
            continue
        others = sorted({catalogue[s.indicator].name for s in same if s.indicator})
        if not others and _near(folded, figure, figure_finder.folded_keywords(indicator)):
            continue
        shown = ", ".join(f"'{word}'" for word in indicator.keywords[:4])
        if others:
            message = (
                f"số {figure.written} trong phần thân là số liệu '{others[0]}', không phải '{indicator.name}'"
            )
        elif figure.value.low in written:
            message = (
                f"số {figure.written} có trong phần thân nhưng không đứng gần từ nào của "
                f"'{indicator.name}' ({shown})"
            )
        else:
            message = f"giá trị {figure.written} không có trong phần thân văn bản"
        found.append(
            Problem(
                document.path,
                figure.lines["gia_tri"],
                f"{FIELD_NAME}[{index}].gia_tri",
                f"{message}; số liệu phải khớp với chữ đã ban hành: hãy sửa giá trị hoặc chỉ tiêu",
                Severity.WARNING,
            )
        )
    return found
