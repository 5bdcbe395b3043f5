"""Build-time benchmark: our portal against plain Material on the same Markdown.

    .venv/bin/python -m tests.bench [--sizes 100,1000,10000]

For each size N, `.bench/N/` gets a copy of mkdocs.yml, hooks/, overrides/ and docs/
plus a synthetic content/ of N documents (tests/synthetic.py). "Ours" builds it with
the hooks; "plain" builds `.bench/N/plain/`: the same hand-written pages and every
generated page written out as Markdown, under plain Material with the same theme,
extensions, search and nav. Each build runs in its own process; its wall time and
its peak RSS are measured: os.wait4's, the largest of the process and those it started and
waited for (ours starts Pagefind), as /usr/bin/time reports it. Generation is timed apart.

A shared machine is noisy, so the two are never compared run against run: after one warm-up build
of each, ours and plain alternate (A B A B …), each pair gives a ratio, and the budgets are checked
on the median ratio (printed with its min and max); peak RSS the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from statistics import median

import yaml

from cchc import site
from cchc.content import calendar
from cchc.content import load as loader
from cchc.navigation import mkdocs_nav
from cchc.pages import figure_pages, figure_tables, reference_pages, render
from cchc.problems import errors
from cchc.publish import calendars, opendata, workbook
from cchc.refs import index as reference_index
from cchc.refs import relations
from cchc.refs.extract import extract
from cchc.refs.resolve import build_directory, resolve

from . import synthetic, webcheck
from .bench_loop import LOOP_BUDGET, loop
from .bench_photos import photo_bench
from .conftest import BUILT
from .static_server import serve
from .webcheck import QUERY_BUDGET

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / ".bench"
MKDOCS = Path(sys.executable).parent / "mkdocs"
COPIED = ("mkdocs.yml", "hooks", "overrides", "docs")
DEFAULT_SIZES = (100, 1000, 10000)

PAIRS = {100: 7, 1000: 3, 10000: 2}  # interleaved pairs per size (3 for any other size; N=100 is noisiest)
SCALING_BUDGET = 1.1  # time per document at 10000 over that at 1000 (median walls)
PLAIN_BUDGET = 1.1  # our wall time over plain Material's, median of pairs, at every size
MEMORY_BUDGET = 1.15  # our peak RSS over plain Material's, median of pairs, at every size
LOOP_TIMES = {1000: 3, 10000: 2}  # saves of each kind timed under mkdocs serve
PHOTO_BUDGET = 0.5  # seconds for every variant of one 4000×3000 JPEG, nothing cached
REFERENCE_BUDGET = 0.10  # share of our build spent on references at the largest size


@dataclass
class Run:
    wall: float  # seconds
    peak_kib: int  # ru_maxrss of the child and its waited-for children, the largest (KiB on Linux)

    @property
    def peak_mb(self) -> float:
        return self.peak_kib / 1024


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: `!ENV [NAME, default]` gives the default."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config() -> dict:
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_ConfigLoader)


def plain_config(config: dict) -> dict:
    """Plain Material with our theme settings, extensions and nav, and its own search (ours is
    Pagefind, run by our hooks); no hooks or overrides."""
    theme = config["theme"]
    return {
        "site_name": config["site_name"],
        "theme": {
            "name": "material",
            "language": theme.get("language", "vi"),
            "font": False,
            "features": list(theme.get("features", [])),
            "palette": theme.get("palette"),
        },
        "markdown_extensions": config.get("markdown_extensions", []),
        "plugins": [{"search": {"lang": "vi"}}],
        "nav": mkdocs_nav(),  # the portal's own nav, as its build gets it
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"not_found": "info"}},
    }


def write_project(project: Path, size: int, news: bool = True) -> float:
    """Our portal with a synthetic content/ of `size` documents (and as many news items, unless not `news`)
    in `project`; return the seconds the content took to generate."""
    project.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    start = time.perf_counter()
    synthetic.generate(project, size, news=size if news else 0)
    return time.perf_counter() - start


def prepare(size: int) -> tuple[Path, float, float]:
    """Write `.bench/N/` (ours) and `.bench/N/plain/`; return the folder and the two generation times."""
    project = BENCH / str(size)
    if project.exists():
        shutil.rmtree(project)
    content_time = write_project(project, size)

    start = time.perf_counter()
    portal, problems = loader.load(project)
    if errors(problems):
        raise SystemExit("synthetic content has problems:\n" + "\n".join(map(str, problems[:20])))
    plain = project / "plain"
    docs = plain / "docs"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("__pycache__"))
    for page in docs.glob("*.md"):  # our templates (the search page's) are not there without overrides
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^template: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    for page in site.generate(portal, project / ".cache" / "cchc").pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\n---\n\n{page.markdown}",
            encoding="utf-8",
        )
    (plain / "mkdocs.yml").write_text(
        yaml.safe_dump(plain_config(read_config()), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    plain_time = time.perf_counter() - start
    return project, content_time, plain_time


def build(config: Path, site: Path) -> Run:
    """`mkdocs build -q` in a child process: wall time and peak RSS (the child's or Pagefind's)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILT)
    # MkDocs reads a relative -d against the config file's folder, so the site folder is given absolute.
    command = [str(MKDOCS), "build", "-q", "-f", os.path.relpath(config, REPO), "-d", str(site.resolve())]
    log_path = site.parent / f"{site.name}.log"
    with log_path.open("wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-30:]
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}:\n" + "\n".join(tail))
    if not (site / "index.html").is_file():
        raise SystemExit(f"{' '.join(command)} wrote no {site / 'index.html'}")
    return Run(wall, usage.ru_maxrss)


@dataclass
class Pairs:
    """Ours and plain built alternately: ours[i] and plain[i] ran back to back."""

    ours: list[Run]
    plain: list[Run]

    def walls(self, which: str) -> list[float]:
        return [run.wall for run in getattr(self, which)]

    def peaks(self, which: str) -> list[float]:
        return [run.peak_mb for run in getattr(self, which)]

    def time_ratios(self) -> list[float]:
        return [a.wall / b.wall for a, b in zip(self.ours, self.plain, strict=True)]

    def rss_ratios(self) -> list[float]:
        return [a.peak_kib / b.peak_kib for a, b in zip(self.ours, self.plain, strict=True)]


def interleaved(project: Path, pairs: int) -> Pairs:
    """One warm-up build of each (caches filled, files in the page cache), then `pairs` pairs A B A B …"""
    ours_config, ours_site = project / "mkdocs.yml", project / "site"
    plain_config, plain_site = project / "plain" / "mkdocs.yml", project / "plain" / "site"
    build(ours_config, ours_site)
    build(plain_config, plain_site)
    result = Pairs([], [])
    for number in range(pairs):
        result.ours.append(build(ours_config, ours_site))
        result.plain.append(build(plain_config, plain_site))
        a, b = result.ours[-1], result.plain[-1]
        print(
            f"N={project.name} pair {number + 1}/{pairs}: ours {a.wall:.1f} s {a.peak_mb:.0f} MB, "
            f"plain {b.wall:.1f} s {b.peak_mb:.0f} MB",
            file=sys.stderr,
            flush=True,
        )
    return result


def _spread(values: list[float], unit: str = "×") -> str:
    return f"{median(values):.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def _verdict(value: float, budget: float) -> str:
    return "PASS" if value <= budget else "FAIL"


SEEDS = REPO / "tests" / "seeds"
THROUGHPUT_MB = 20


def extraction_throughput() -> tuple[float, int, float]:
    """MB/s of extract (pinpoints included) + resolve + the relations read from the text, over real text: the
    five seeds (real documents as extracted from PDF/Word, line breaks and all) repeated to about 20 MB."""
    portal, _ = loader.load(REPO)
    directory = build_directory(portal.units, portal.bodies)
    real = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = "\n\n".join([real] * max(1, THROUGHPUT_MB * 1_000_000 // len(real.encode())))
    start = time.perf_counter()
    found = resolve(extract(text, portal.aliases), directory, portal.units.get("xa-nam-sach"))
    relations.find(text, found)
    elapsed = time.perf_counter() - start
    megabytes = len(text.encode()) / 1_000_000
    return megabytes / elapsed, len(found), megabytes


def reference_share(project: Path) -> float:
    """Seconds our build spends extracting, resolving and linking references in `project`."""
    portal, _ = loader.load(project)
    start = time.perf_counter()
    index = reference_index.index_references(portal)
    for document in portal.documents:
        reference_pages.linked_body(index, document.src_uri, document.body)
    return time.perf_counter() - start


def templating(project: Path) -> tuple[float, float, int]:
    """Best of three: seconds to generate every page and file of `project` (its build cached the images),
    the part of them spent in templates, and the number of generated pages."""
    portal, _ = loader.load(project)
    spent, text = [0.0], render.fill

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return text(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    runs = []
    render.fill = timed
    try:
        for _ in range(3):
            spent[0], start = 0.0, time.perf_counter()
            pages = len(site.generate(portal, project / ".cache" / "cchc").pages)
            runs.append((time.perf_counter() - start, spent[0], pages))
    finally:
        render.fill = text
    return min(runs)


def dashboard(project: Path) -> tuple[float, int, int, int]:
    """Best of three: seconds to make the figures' tables, dashboard pages, workbook, CSV/JSON and the
    reporting calendars of `project`; the figures, the periods and the largest dashboard page built
    (bytes)."""
    portal, _ = loader.load(project)
    today = datetime(2026, 12, 1, tzinfo=UTC)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        tables = figure_tables.period_tables(portal)
        figure_pages.figure_pages(portal, tables)
        figure_tables.histories(portal, tables)
        workbook.workbook(tables, today)
        opendata.figures(portal, "https://cchc.example.gov.vn/", tables)
        owed = calendar.owed(portal.calendar, list(portal.units.values()), portal.documents, today.date())
        calendars.feeds(owed, "https://cchc.example.gov.vn/", "Cổng", today)
        runs.append(time.perf_counter() - start)
    pages = (project / "site" / "tong-hop" / "so-lieu").rglob("index.html")
    return (
        min(runs),
        sum(len(d.figures) for d in portal.documents),
        len(tables),
        max((page.stat().st_size for page in pages), default=0),
    )


def search_transfer(site_dir: Path) -> list[tuple[str, webcheck.Query]]:
    """Each query of webcheck.QUERIES typed on the built site's search page, and each of NEWS_QUERIES in
    the news items' index, in chromium: (where, the query)."""
    with serve(site_dir) as base, webcheck.launch() as browser:
        found = [("", webcheck.search(browser, base, text)) for text in webcheck.QUERIES]
        return found + [
            ("tin-tuc", webcheck.search(browser, base, text, "tin-tuc")) for text in webcheck.NEWS_QUERIES
        ]


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated document counts (default: %(default)s)",
    )
    parser.add_argument("--skip-photos", action="store_true", help="leave out the 200-photo image benchmark")
    parser.add_argument("--skip-loop", action="store_true", help="leave out the edit loop under make serve")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})

    results: dict[int, Pairs] = {}
    generation: dict[int, tuple[float, float]] = {}
    for size in sizes:
        print(f"N={size}: generating …", file=sys.stderr, flush=True)
        project, content_time, plain_time = prepare(size)
        generation[size] = (content_time, plain_time)
        results[size] = interleaved(project, PAIRS.get(size, 3))
        print(
            f"N={size}: {_pages(project / 'site')} pages ours, {_pages(project / 'plain' / 'site')} plain",
            file=sys.stderr,
            flush=True,
        )

    print()
    print(
        f"{'N':>6}  {'pairs':>5}  {'ours s':>7}  {'plain s':>7}  {'time ratio (min–max)':>21}  "
        f"{'ours MB':>7}  {'plain MB':>8}  {'RSS ratio (min–max)':>20}  {'ours ms/doc':>11}"
    )
    for size, pairs in results.items():
        time_ratio, rss_ratio = pairs.time_ratios(), pairs.rss_ratios()
        print(
            f"{size:>6}  {len(pairs.ours):>5}  {median(pairs.walls('ours')):>7.2f}  "
            f"{median(pairs.walls('plain')):>7.2f}  {_spread(time_ratio):>21}  "
            f"{median(pairs.peaks('ours')):>7.1f}  {median(pairs.peaks('plain')):>8.1f}  "
            f"{_spread(rss_ratio):>20}  {1000 * median(pairs.walls('ours')) / size:>11.2f}"
        )
    print()
    for size, pairs in results.items():
        ratio, rss = median(pairs.time_ratios()), median(pairs.rss_ratios())
        print(
            f"ours/plain at {size}: time {ratio:.2f}× (budget ≤ {PLAIN_BUDGET}×) "
            f"{_verdict(ratio, PLAIN_BUDGET)}, peak RSS {rss:.2f}× (budget ≤ {MEMORY_BUDGET}×) "
            f"{_verdict(rss, MEMORY_BUDGET)}"
        )
    if 1000 in results and 10000 in results:
        per_doc = [median(results[size].walls("ours")) / size for size in (1000, 10000)]
        scaling = per_doc[1] / per_doc[0]
        print(
            f"time per document at 10000 vs 1000: {scaling:.2f}× (budget ≤ {SCALING_BUDGET}×) "
            f"{_verdict(scaling, SCALING_BUDGET)}"
        )
    largest = max(results)
    our_wall = median(results[largest].walls("ours"))
    seconds = reference_share(BENCH / str(largest))
    share = seconds / our_wall
    verdict = "PASS" if share <= REFERENCE_BUDGET else "FAIL"
    print(
        f"references at {largest}: extraction, resolution and linking {seconds:.2f} s = {share:.1%} of our "
        f"build (budget ≤ {REFERENCE_BUDGET:.0%}) {verdict}"
    )
    total, templates, pages = templating(BENCH / str(largest))
    print(
        f"pages at {largest}: {pages} pages and the feeds and open data generated in {total:.2f} s, "
        f"{templates:.2f} s of it in templates ({templates / our_wall:.1%} of our build)"
    )
    seconds, figures, periods, largest_page = dashboard(BENCH / str(largest))
    share = seconds / our_wall
    print(
        f"figures at {largest}: {figures} figures over {periods} periods: tables, dashboard pages, "
        f"workbook, CSV/JSON and calendars made in {seconds:.2f} s ({share:.1%} of our build); largest "
        f"dashboard page {largest_page / 1000:.0f} kB"
    )
    for scope, query in search_transfer(BENCH / str(largest) / "site"):
        verdict = "PASS" if query.query_bytes <= QUERY_BUDGET and not query.problems else "FAIL"
        print(
            f'search at {largest}{" in news" if scope else ""}: "{query.text}" fetched '
            f"{query.query_bytes / 1000:.1f} kB compressed "
            f"in {query.requests} requests (budget ≤ {QUERY_BUDGET / 1000:.0f} kB) "
            f"{verdict} {' '.join(query.problems)}"
        )
    rate, count, megabytes = extraction_throughput()
    print(f"extraction throughput: {rate:.1f} MB/s ({count} references in {megabytes:.1f} MB of real text)")
    if not args.skip_photos:
        photos = photo_bench()
        print(
            f"images: {photos.photos} photos of 4000×3000: cold {photos.cold:.1f} s "
            f"({photos.cold / photos.photos:.2f} s/photo, {photos.encoded_cold} files encoded), "
            f"warm {photos.warm:.1f} s ({photos.encoded_warm} files encoded); SSIM against the previous "
            f"pipeline's variants min {photos.ssim_min:.3f}, mean {photos.ssim_mean:.3f}"
        )
        print(
            f"images: one real-looking 4000×3000 JPEG cold {photos.single_cold:.2f} s "
            f"(previous pipeline {photos.single_baseline:.2f} s; budget ≤ {PHOTO_BUDGET} s) "
            f"{_verdict(photos.single_cold, PHOTO_BUDGET)}; SSIM against a direct resize "
            f"{photos.single_reference:.3f} (previous {photos.single_baseline_reference:.3f}); "
            f"{photos.single_bytes / 1000:.0f} kB (previous {photos.single_baseline_bytes / 1000:.0f} kB)"
        )
    if not args.skip_loop:
        for size in (size for size in sizes if size in LOOP_BUDGET):
            print(f"N={size}: the edit loop under mkdocs serve --dirty …", file=sys.stderr, flush=True)
            timed = loop(BENCH / str(size), BENCH / "loop", LOOP_TIMES.get(size, 3))
            for edit, seconds in timed.seconds.items():
                print(
                    f"edit loop at {size}: {edit} saved → page served {_spread(seconds, ' s')} over "
                    f"{len(seconds)} saves (budget ≤ {LOOP_BUDGET[size]} s) "
                    f"{_verdict(median(seconds), LOOP_BUDGET[size])}; whole site rebuilt "
                    f"{_spread(timed.whole[edit], ' s')}"
                )
            print(f"edit loop at {size}: the first build of the serve session {timed.first_build:.1f} s")
    print(
        "generation, not counted in build times: "
        + "; ".join(
            f"N={size} content {c:.1f} s, plain pages {p:.1f} s" for size, (c, p) in generation.items()
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
