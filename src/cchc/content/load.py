"""Load every content file into a Portal, with every problem found on the way."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from cchc import urls
from cchc.content import (
    calendar,
    documents,
    figures,
    files,
    frontmatter,
    handwritten,
    headings,
    indicators,
    infographics,
    journeys,
    markdown_limits,
    news,
    procedures,
    references,
    units,
)
from cchc.content.frontmatter import Source, Value
from cchc.dates import build_day, plausible
from cchc.memo import Memo, use
from cchc.model import Document, Indicator, Infographic, News, Portal
from cchc.problems import Problem
from cchc.text import sort_key

# claim(uri, path, line, field): the content file at path:line takes `uri` in the built site; False, with a
# problem recorded, when another file took it first.
Claim = Callable[[str, str, int, str], bool]
# What names a unit, a day and the procedures and documents it is about: infographics and news items.
Related = TypeVar("Related", Infographic, News)


def _sources(
    root: Path, folder: Path, problems: list[Problem], recursive: bool = True, memo: Memo | None = None
) -> Iterator[tuple[Path, Source, Hashable]]:
    """Yield (file, parsed source, what says it is unchanged) for each Markdown file under `folder`, in a
    stable order. With a `memo`, a file's bytes are read once when its stat has changed (cchc.memo): digested,
    and parsed on a miss."""
    for file in files.walk(root, folder, problems, (".md",), recursive):
        if problem := files.slug_problem(root, file):
            problems.append(problem)
            continue
        raw, key = None, (str(file), "")
        if memo is not None:
            value, raw = memo.files.of(file, frontmatter.read_raw)
            key = (str(file), value)
        found, source = use(memo, ("source", key), partial(_parsed, root, file, raw))
        problems.extend(found)
        if source is not None:
            yield file, source, key


def _parsed(root: Path, file: Path, raw: bytes | None) -> tuple[list[Problem], Source | None]:
    """A content file's problems, and its source unless they stop it."""
    found: list[Problem] = []
    shown, text = frontmatter.read(root, file, found, raw)
    if text is None:
        return found, None
    source, stopping = frontmatter.parse(shown, text)
    stopping = stopping or markdown_limits.problems(shown, source.body, source.body_line)
    if not stopping:
        found += headings.skipped_levels(shown, source.body, source.body_line)
    return found + stopping, None if stopping else source


def _document(root: Path, source: Source, file: Path) -> tuple[Document | None, list[Problem]]:
    found: list[Problem] = []
    return documents.document_from(root, source, file, found), found


def _figure_problems(
    document: Document, indicators: dict[str, Indicator]
) -> tuple[list[Problem], list[Problem]]:
    """Figures the catalogue refuses (the document is left out), and those its body does not give."""
    if refused := figures.catalogue_problems(document, indicators):
        return refused, []
    return [], figures.body_problems(document, indicators)


def _closest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; có phải ý bạn là '{close[0]}'?" if close else ""


def _unknown_unit(known: Iterable[str], unit_id: str) -> str:
    return f"không có đơn vị mã '{unit_id}' trong content/{units.FOLDER}/{_closest(unit_id, known)}"


def load(
    root: Path, content: str = "content", today: date | None = None, memo: Memo | None = None
) -> tuple[Portal, list[Problem]]:
    """Read `root/content` (and check `root/docs`); a file with problems is left out of the portal.
    Dates may not lie more than a year after `today`, the build's date. `memo` keeps what each file
    gave from one build to the next (a serve session)."""
    portal = Portal()
    problems: list[Problem] = []
    base = root / content
    today = today or build_day()
    if not base.is_dir():
        return portal, [
            Problem(
                content,
                0,
                "",
                f"không có thư mục {content}/ trong '{root}'; cần chạy "
                "lệnh ở thư mục của cổng (nơi có mkdocs.yml và content/)",
            )
        ]
    problems += files.docs_problems(root, root / files.DOCS)
    handwritten.check_pages(root, problems)
    # Where each page or file lands in the built site -> the file that claimed it; the portal's listings
    # first, so that a document, procedure, form or infographic named like one is refused, not lost.
    claimed = {urls.written(uri): "trang danh sách của cổng" for uri in urls.LISTINGS}

    def claim(uri: str, path: str, line: int, field: str) -> bool:
        if (owner := claimed.get(urls.written(uri))) is not None:
            problems.append(
                Problem(path, line, field, f"trùng đường dẫn {urls.shown(uri)} với {owner}; cần đặt tên khác")
            )
            return False
        claimed[urls.written(uri)] = path
        return True

    broken: set[str] = set()  # ids of units whose files have problems: not reported again as unknown
    for file, source, _key in _sources(root, base / units.FOLDER, problems, memo=memo):
        unit = units.unit_from(root, source, file, today, problems)
        if unit is None and "id" in source.meta:
            broken.add(str(source.meta["id"].data))
        elif unit and claim(unit.src_uri, unit.path, unit.lines["id"], "id"):
            portal.units[unit.id] = unit
    for unit in portal.units.values():
        if unit.parent and unit.parent not in portal.units and unit.parent not in broken:
            problems.append(
                Problem(
                    unit.path,
                    unit.lines["don_vi_cap_tren"],
                    "don_vi_cap_tren",
                    _unknown_unit(portal.units, unit.parent),
                )
            )
    problems += _parent_cycles(portal)
    if not portal.units and not broken:
        problems.append(
            Problem(
                f"{content}/{units.FOLDER}/",
                0,
                "",
                "chưa có đơn vị nào; cần ít nhất một tệp đơn vị, ví dụ content/don-vi/xa-nam-sach.md",
            )
        )

    portal.indicators = indicators.read_indicators(root, base / references.FOLDER, problems)
    held_back = False  # documents of units whose files have problems: the folder is not empty
    catalogue = repr(portal.indicators) if memo is not None else ""
    for file, source, key in _sources(root, base / documents.FOLDER, problems, memo=memo):
        # A document reads its file and checks that its attachments are there (its folder's entries).
        read = ("document", key, file.parent.stat().st_mtime_ns) if memo is not None else None
        document, found = use(memo, read, partial(_document, root, source, file))
        problems += found
        if document is None:
            continue
        if document.unit_id in broken:
            held_back = True
            continue
        if document.date and (wrong := plausible(document.date, today)):
            problems.append(Problem(document.path, document.lines["ngay_ban_hanh"], "ngay_ban_hanh", wrong))
            continue
        refused, unsaid = use(
            memo,
            ("figures", read, catalogue),
            partial(_figure_problems, document, portal.indicators),
        )
        if refused:
            problems += refused
            continue
        problems += unsaid
        if document.unit_id not in portal.units:
            problems.append(
                Problem(
                    document.path,
                    document.lines["don_vi"],
                    "don_vi",
                    _unknown_unit(portal.units, document.unit_id),
                )
            )
        elif document.comment_until and not (document.comment_to or portal.units[document.unit_id].email):
            problems.append(
                Problem(
                    document.path,
                    document.lines["han_gop_y"],
                    "gop_y",
                    "dự thảo chưa có nơi nhận góp ý; cần gop_y (thư điện tử hoặc trang web) hoặc email của "
                    f"đơn vị trong content/{units.FOLDER}/{document.unit_id}.md",
                )
            )
        elif claim(document.src_uri, document.path, 1, "tên tệp"):
            portal.documents.append(document)
    if (
        not portal.documents
        and not held_back
        and not any(p.file.startswith(f"{content}/{documents.FOLDER}/") for p in problems)
    ):
        problems.append(
            Problem(
                f"{content}/{documents.FOLDER}/",
                0,
                "",
                "chưa có văn bản nào; cần ít nhất một văn bản trong thư mục của một đơn vị, "
                "ví dụ content/van-ban/xa-nam-sach/",
            )
        )
    issuers, aliases = references.read_references(root, base / references.FOLDER, problems)
    portal.bodies, portal.aliases = issuers, tuple(aliases)
    portal.validity = tuple(references.read_validity(root, base / references.FOLDER, problems))
    portal.calendar = calendar.read_calendar(root, base / references.FOLDER, problems)
    _load_procedures(root, base / procedures.FOLDER, portal, problems, claim, memo)
    _load_journeys(root, base / journeys.FOLDER, portal, problems, claim, memo)
    load_related = partial(
        _load_related, portal=portal, problems=problems, claim=claim, today=today, memo=memo
    )
    load_related(root, base / infographics.FOLDER, infographics.infographic_from, portal.infographics)
    load_related(root, base / news.FOLDER, news.news_from, portal.news)
    portal.news.sort(key=lambda n: (n.date.iso(), n.src_uri), reverse=True)
    problems += markdown_limits.other_bodies(root, portal)
    return portal, sorted(problems)


def _load_journeys(
    root: Path, folder: Path, portal: Portal, problems: list[Problem], claim: Claim, memo: Memo | None
) -> None:
    """Each journey whose steps name procedures the portal has, in the order of their titles."""
    known = {procedure.slug for procedure in portal.procedures}
    for file, source, _key in _sources(root, folder, problems, recursive=False, memo=memo):
        journey = journeys.journey_from(source, file, problems)
        if journey is None:
            continue
        unknown = [
            problem
            for number, (step, item) in enumerate(zip(journey.steps, source.meta["buoc"].entries()), 1)
            for field, slugs in (("thu_tuc", step.procedures), ("hoac", step.alternatives))
            if slugs
            for problem in _unknown(
                journey.path,
                item.fields()[field].entries(),
                f"buoc[{number}].{field}",
                slugs,
                known,
                "content/thu-tuc/",
            )
        ]
        if unknown:
            problems += unknown
            continue
        if claim(journey.src_uri, journey.path, 1, "tên tệp"):
            portal.journeys.append(journey)
    portal.journeys.sort(key=lambda journey: sort_key(journey.title))


def _parent_cycles(portal: Portal) -> list[Problem]:
    """A unit above itself, directly or through others, would make every walk up the tree endless."""
    found = []
    for unit in portal.units.values():
        seen, current = [unit.id], unit.parent
        while current in portal.units and current not in seen:
            seen.append(current)
            current = portal.units[current].parent
        if current == unit.id:
            chain = " → ".join(seen + [unit.id])
            found.append(
                Problem(
                    unit.path,
                    unit.lines["don_vi_cap_tren"],
                    "don_vi_cap_tren",
                    f"đơn vị không thể là cấp trên của chính mình ({chain}); cần mã của một "
                    "đơn vị cấp trên thật, hoặc bỏ trường này ở đơn vị cao nhất",
                )
            )
    return found


def _load_related(
    root: Path,
    folder: Path,
    read: Callable[[Path, Source, Path, list[Problem]], Related | None],
    into: list[Related],
    portal: Portal,
    problems: list[Problem],
    claim: Claim,
    today: date,
    memo: Memo | None,
) -> None:
    """Infographics or news items: each read, its day, unit and related pages checked, then claimed."""
    known = _known(portal)
    for file, source, _key in _sources(root, folder, problems, memo=memo):
        item = read(root, source, file, problems)
        known_here = item is not None and _related_known(item, source, portal, known, today, problems)
        if item is not None and known_here and claim(item.src_uri, item.path, 1, "tên tệp"):
            into.append(item)


def _known(portal: Portal) -> tuple[set[str], set[str]]:
    """The procedures' slugs and the documents' references an item may name."""
    return {p.slug for p in portal.procedures}, {urls.document_ref(d.src_uri) for d in portal.documents}


def _related_known(
    item: Infographic | News,
    source: Source,
    portal: Portal,
    known: tuple[set[str], set[str]],
    today: date,
    problems: list[Problem],
) -> bool:
    """Whether an infographic's or a news item's day, unit and related procedures and documents are right;
    each that is not is a problem on its line."""
    before = len(problems)
    if item.date and (wrong := plausible(item.date, today)):
        problems.append(Problem(item.path, item.lines["ngay"], "ngay", wrong))
    if item.unit_id not in portal.units:
        problems.append(
            Problem(item.path, item.lines["don_vi"], "don_vi", _unknown_unit(portal.units, item.unit_id))
        )
    for field, wanted, names, where in (
        ("thu_tuc", item.procedures, known[0], "content/thu-tuc/"),
        ("van_ban", item.documents, known[1], "content/van-ban/"),
    ):
        if wanted:
            problems += _unknown(item.path, source.meta[field].entries(), field, wanted, names, where)
    return len(problems) == before


def _unknown(
    path: str, entries: list[Value], field: str, wanted: list[str], names: set[str], where: str
) -> list[Problem]:
    """A problem on its line for each of `wanted` (written as `entries`) that is not one of `names`."""
    return [
        Problem(
            path,
            entries[index - 1].line,
            f"{field}[{index}]",
            f"không có '{name}' trong {where}{_closest(name, names)}",
        )
        for index, name in enumerate(wanted, 1)
        if name not in names
    ]


def _load_procedures(
    root: Path, folder: Path, portal: Portal, problems: list[Problem], claim: Claim, memo: Memo | None
) -> None:
    forms = procedures.load_forms(root, folder, problems)
    portal.forms = {
        name: form for name, form in forms.items() if claim(form.src_uri, form.path, 1, "tên tệp")
    }
    portal.fields = procedures.load_fields(root, folder, problems)
    for file, source, _key in _sources(root, folder, problems, recursive=False, memo=memo):
        procedure = procedures.procedure_from(source, file, portal.forms, problems)
        if procedure is None:
            continue
        before = len(problems)
        if portal.fields and procedure.field not in portal.fields:
            problems.append(
                Problem(
                    procedure.path,
                    procedure.lines["linh_vuc"],
                    "linh_vuc",
                    f"không có lĩnh vực '{procedure.field}' trong "
                    f"content/{procedures.FOLDER}/{procedures.FIELDS}"
                    f"{_closest(procedure.field, portal.fields)}",
                )
            )
        for index, unit_id in enumerate(procedure.unit_ids, 1):
            if unit_id not in portal.units:
                problems.append(
                    Problem(
                        procedure.path,
                        source.meta["don_vi"].entries()[index - 1].line,
                        f"don_vi[{index}]",
                        _unknown_unit(portal.units, unit_id),
                    )
                )
        if (
            len(problems) == before
            and claim(procedure.src_uri, procedure.path, 1, "tên tệp")
            and claim(procedure.poster_uri, procedure.path, 1, "tên tệp")
        ):
            portal.procedures.append(procedure)
