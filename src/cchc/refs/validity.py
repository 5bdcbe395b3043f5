"""Whether a cited text still holds.

Collect what is known of each cited text's force: the entries of hieu-luc.yml and the relations the
portal's own documents state ("Nghị định này thay thế …"). Settle each into a status with its evidence;
then check every citation against it: a text that had ceased before the citing text was written is a
warning (a note where the sentence speaks of the past), and a cycle of replacements is a mistake.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc.dates import PartialDate
from cchc.model import Alias, Document, Validity
from cchc.problems import Problem, Severity
from cchc.refs.citation import Citation
from cchc.refs.extract import extract
from cchc.refs.resolve import Directory, identity, resolve

# Statuses, as labels.yml names them (status.<key>).
IN_FORCE, ENDED, PARTLY, NOT_YET, UNKNOWN = "in-force", "ended", "partly", "not-yet", "unknown"
EXPIRES = "expires"  # a text that ceased with no other named: a plan's period over, a fixed term
ENDING = ("replaces", "repeals", EXPIRES)

# A sentence that speaks of the past: "giai đoạn 2018 - 2020", "đã thực hiện theo …", "trước đây".
_PAST = re.compile(
    r"(?i:giai\s+đoạn|năm|thời\s+kỳ)\s+(?:\d{4}\s*[-–]\s*)?(?P<year>\d{4})(?!\d)"
    r"|(?i:đã\s+(?:thực\s+hiện|triển\s+khai|áp\s+dụng)\s+theo|trước\s+đây|trước\s+khi|quy\s+định\s+cũ)"
)
_SENTENCE_END = re.compile(r"[.;\n]")
_SENTENCE_REACH = 300


@dataclass(frozen=True)
class Named:
    """A document as a relation or the table names it: its identity, how pages name it, and its page."""

    id: str | None  # None: one of the portal's own documents without a number
    label: str
    uri: str | None = None


@dataclass(frozen=True)
class Change:
    """One thing known of a document's force: `subject` `relation` `object` from `effective`."""

    relation: str  # replaces | amends | repeals | implements | guides | expires
    subject: Named | None  # None for EXPIRES
    object: Named
    effective: PartialDate | None
    partial: bool  # some of its units only (a pinpoint, or bai_bo_mot_phan_boi)
    source: str  # the file that says so
    line: int
    source_uri: str | None = None  # its page, when the portal publishes it
    source_label: str | None = None

    @property
    def subject_uri(self) -> str | None:
        return self.subject.uri if self.subject is not None else None


@dataclass
class Status:
    key: str  # IN_FORCE, ENDED, PARTLY, NOT_YET or UNKNOWN
    since: PartialDate | None = None  # when it ended, or will take force
    by: Change | None = None  # what ended it
    evidence: list[Change] = field(default_factory=list)


def historical(text: str, start: int, end: int, ended: PartialDate) -> bool:
    """Whether the sentence around text[start:end] speaks of a time before `ended`."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - _SENTENCE_REACH), start)]
    after = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    sentence_start = before[-1] if before else max(0, start - _SENTENCE_REACH)
    sentence_end = after.start() if after else min(len(text), end + _SENTENCE_REACH)
    for m in _PAST.finditer(text, sentence_start, sentence_end):
        if m.group("year") is None or int(m.group("year")) < ended.year:
            return True
    return False


def settle(changes: Iterable[Change], recorded: Validity | None, today: PartialDate) -> Status:
    """The status of one document from what is known of it."""
    evidence = sorted(changes, key=lambda c: (c.effective or today, c.relation, c.source, c.line))
    endings = [c for c in evidence if c.relation in ENDING and not c.partial]
    dated = [c for c in endings if c.effective is not None]
    if dated and dated[0].effective is not None and dated[0].effective <= today:
        return Status(ENDED, dated[0].effective, dated[0], evidence)
    if endings and not dated:
        return Status(ENDED, None, endings[0], evidence)
    if recorded is not None and recorded.in_force is not None and today < recorded.in_force:
        return Status(NOT_YET, recorded.in_force, None, evidence)
    if any(c.relation == "repeals" and c.partial for c in evidence):
        return Status(PARTLY, None, None, evidence)
    if recorded is not None:
        return Status(IN_FORCE, None, None, evidence)
    return Status(UNKNOWN, None, None, evidence)


def read_named(text: str, aliases: tuple[Alias, ...], directory: Directory) -> tuple[Named, Citation] | None:
    """The one document `text` names ("Nghị định 118/2025/NĐ-CP"), or None when it names none or many."""
    found = resolve(extract(text, aliases), directory, None)
    if len(found) != 1 or found[0].id is None:
        return None
    return Named(found[0].id, ""), found[0]


@dataclass
class Table:
    """What hieu-luc.yml says, read once."""

    changes: list[Change] = field(default_factory=list)
    recorded: dict[str, Validity] = field(default_factory=dict)  # its entries, by document id
    # The ids a law of the table is also cited by, name only ("Luật Hộ tịch", "Luật Hộ tịch năm 2014"), to
    # the id of its number; a name that two laws of the table share ("Luật Ban hành văn bản quy phạm pháp
    # luật" of 2015 and of 2025) stands for neither.
    same_laws: dict[str, str] = field(default_factory=dict)


def _law_aliases(law: Citation, numbered: str) -> set[str]:
    """The ids of a law read with its number, cited by its name alone, with its year and without."""
    found = {identity(dataclasses.replace(law, symbol=None, year=year)) for year in (None, law.year)}
    return {alias for alias in found if alias is not None and alias != numbered}


def table_changes(
    entries: Iterable[Validity],
    aliases: tuple[Alias, ...],
    directory: Directory,
    labelled: dict[str, str],
    problems: list[Problem],
) -> Table:
    """What hieu-luc.yml records; a name that reads as no one document is a problem on its line.
    `labelled` gets each named document's label as pages show it."""
    table = Table()
    changes, recorded = table.changes, table.recorded
    laws: dict[str, set[str]] = {}

    def named(entry: Validity, name: str, field_name: str) -> Named | None:
        read = read_named(name, aliases, directory)
        if read is None:
            problems.append(
                Problem(
                    entry.path,
                    entry.lines.get(field_name, entry.line),
                    field_name,
                    f"không đọc được một văn bản trong '{name}'; cần loại và số, ký hiệu như khi trích dẫn, "
                    "ví dụ 'Nghị định 118/2025/NĐ-CP' hoặc 'Luật Hộ tịch 60/2014/QH13'",
                )
            )
            return None
        document, citation = read
        assert document.id is not None
        if field_name == "van_ban" and citation.name is not None:
            for alias in _law_aliases(citation, document.id):
                laws.setdefault(alias, set()).add(document.id)
        return Named(document.id, labelled.setdefault(document.id, citation.label))

    for entry in entries:
        subject_of = named(entry, entry.document, "van_ban")
        if subject_of is None or subject_of.id is None:
            continue
        if subject_of.id in recorded:
            problems.append(
                Problem(
                    entry.path,
                    entry.line,
                    "van_ban",
                    f"'{entry.document}' đã có ở dòng {recorded[subject_of.id].line}; "
                    "mỗi văn bản chỉ ghi một lần",
                )
            )
            continue
        recorded[subject_of.id] = entry
        made = [
            ("replaces", entry.replaced_by, "thay_the_boi", entry.ended, False),
            ("repeals", entry.repealed_by, "bai_bo_boi", entry.ended, False),
            *[("amends", name, "sua_doi_boi", None, True) for name in entry.amended_by],
            *[("repeals", name, "bai_bo_mot_phan_boi", None, True) for name in entry.partly_repealed_by],
        ]
        for relation, name, field_name, effective, partial in made:
            if name and (by := named(entry, name, field_name)) is not None:
                line = entry.lines.get(field_name, entry.line)
                changes.append(Change(relation, by, subject_of, effective, partial, entry.path, line))
        if entry.ended and not entry.replaced_by and not entry.repealed_by:
            line = entry.lines.get("het_hieu_luc_tu", entry.line)
            changes.append(Change(EXPIRES, None, subject_of, entry.ended, False, entry.path, line))
    table.same_laws = {alias: ids.pop() for alias, ids in laws.items() if len(ids) == 1}
    return table


def cycles(changes: Iterable[Change]) -> list[list[Change]]:
    """Each cycle of replacements and repeals (A replaces B replaces A), as the changes along it; each edge
    is walked once (iterative depth-first search: a long chain cannot exhaust the stack)."""
    edges: dict[str, list[Change]] = {}
    for change in changes:
        if (
            change.relation in ("replaces", "repeals")
            and not change.partial
            and change.subject
            and change.subject.id
        ):
            edges.setdefault(change.object.id or "", []).append(change)
    found: list[list[Change]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(edges):
        if state.get(root):
            continue
        path: list[Change] = []  # the changes from `root` to the node on top of the stack
        nodes: list[str] = [root]  # the nodes along it
        stack: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            node, next_edge = stack[-1]
            out = edges.get(node, [])
            if next_edge >= len(out):
                stack.pop()
                nodes.pop()
                state[node] = 2
                if path:
                    path.pop()
                continue
            stack[-1] = (node, next_edge + 1)
            change = out[next_edge]
            target = change.subject.id if change.subject and change.subject.id else ""
            if state.get(target) == 1:
                found.append([*path[nodes.index(target) :], change])
            elif not state.get(target):
                state[target] = 1
                path.append(change)
                nodes.append(target)
                stack.append((target, 0))
    return found


def cycle_problem(cycle: list[Change]) -> Problem:
    steps = ", ".join(f"{c.object.label} được thay thế bởi {c.subject.label}" for c in cycle if c.subject)
    first = cycle[0]
    return Problem(
        first.source, first.line, "hiệu lực", f"vòng thay thế: {steps}; kiểm tra lại", Severity.WARNING
    )


def ceased_message(label: str, status: Status) -> str:
    """'Nghị định số 61/2018/NĐ-CP đã được thay thế bởi Nghị định số 118/2025/NĐ-CP từ 01/7/2025'."""
    by = status.by
    day = status.since
    since = f" từ {day.day:02d}/{day.month}/{day.year}" if day is not None and day.day and day.month else ""
    if by is None or by.subject is None:
        return f"{label} đã hết hiệu lực{since}"
    verb = "được thay thế bởi" if by.relation == "replaces" else "bị bãi bỏ bởi"
    return f"{label} đã {verb} {by.subject.label}{since}"


def citing_day(page: object, today: PartialDate) -> PartialDate:
    """The day a citing text speaks from: a document's date, else the build's (a procedure is read now)."""
    if isinstance(page, Document) and page.date is not None and page.date.day:
        return page.date
    return today
