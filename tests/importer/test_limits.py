"""What an imported file may cost: a few megabytes that inflate to gigabytes are refused before they are
read, in bounded time and memory (checked in a subprocess under a memory limit, so a regression fails
instead of hanging the run), and every text pass is linear in its input."""

from __future__ import annotations

import io
import resource
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from cchc.content.load import load
from cchc.importer.content_file import content_file
from cchc.importer.layout import read_layout
from cchc.importer.sources import read_lines
from tests.conftest import REPO

MEMORY = 1_500_000_000  # bytes of address space for the subprocess: the 3 GB member cannot fit
BOMB_BLOCKS = 3_000  # × 1 MiB of spaces: word/document.xml inflates to 3.1 GB from about 3 MB


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _nhap(project: Path, path: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(path), "--stdout"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited,
    )
    return done, time.perf_counter() - start


def _deflated(blocks: int, before: bytes = b"", after: bytes = b"") -> tuple[bytes, int, int]:
    """`blocks` MiB of spaces between `before` and `after` as one raw deflate stream, with its CRC and size:
    one compressed MiB repeated (a full flush resets the compressor, so each MiB compresses alike), built in
    well under a second."""
    chunk = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(before) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(before)
    for _ in range(blocks):
        crc = zlib.crc32(chunk, crc)
    tail = compressor.compress(after) + compressor.flush()
    return (
        head + block * blocks + tail,
        zlib.crc32(after, crc),
        len(before) + blocks * len(chunk) + len(after),
    )


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of raw deflated members (name, data, crc, size), written field by field."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        offset, encoded = out.tell(), name.encode()
        out.write(
            struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, crc, len(data), size, len(encoded), 0)
        )
        out.write(encoded + data)
        directory.write(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                33,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    out.write(directory.getvalue())
    count = len(members)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory.getvalue()), start, 0))
    return out.getvalue()


def _word_bomb(path: Path) -> None:
    """A Word file python-docx opens (the parts of a new document) whose word/document.xml is 3 GB of
    spaces, deflated."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    members = []
    with zipfile.ZipFile(blank) as archive:
        for info in archive.infolist():
            if info.filename == "word/document.xml":
                members.append(("word/document.xml", *_deflated(BOMB_BLOCKS)))
                continue
            data = archive.read(info)
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            members.append(
                (info.filename, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))
            )
    path.write_bytes(_zip(members))


def test_a_zip_bomb_is_refused_before_it_is_inflated(project, tmp_path):
    bomb = tmp_path / "bom.docx"
    _word_bomb(bomb)
    assert bomb.stat().st_size < 5_000_000
    with zipfile.ZipFile(bomb) as archive:  # a real bomb: its directory says what it inflates to
        assert archive.getinfo("word/document.xml").file_size > 3_000_000_000
    done, seconds = _nhap(project, bomb)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "bom.docx: phần word/document.xml của tệp Word nở ra 3.146 MB" in done.stderr
    assert seconds < 30, f"{seconds:.1f} s"


def _pdf_with_stream(path: Path, pages: int, stream: bytes | None = None) -> None:
    """A PDF of blank pages; with `stream`, the first page's contents are that flate-compressed stream."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if stream is not None:
        contents = StreamObject()
        contents.set_data(stream)
        contents[NameObject("/Filter")] = NameObject("/FlateDecode")
        font = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica"}
        font = DictionaryObject({NameObject(k): NameObject(v) for k, v in font.items()})
        fonts = DictionaryObject({NameObject("/F1"): font})
        writer.pages[0][NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        writer.pages[0][NameObject("/Contents")] = writer._add_object(contents)
    with path.open("wb") as out:
        writer.write(out)


def test_a_pdf_of_too_many_pages_or_a_stream_bomb_is_refused(project, tmp_path):
    many = tmp_path / "nhieu-trang.pdf"
    _pdf_with_stream(many, 600)
    bomb = tmp_path / "bom.pdf"
    data, _, _ = _deflated(200, b"BT /F1 12 Tf 72 720 Td (", b") Tj ET")  # a 200 MiB line of text
    _pdf_with_stream(bomb, 1, _zlib_wrapped(data))
    for path, message in (
        (many, "nhieu-trang.pdf: tệp PDF có 600 trang (quá 500)"),
        (bomb, "bom.pdf: một phần của tệp PDF giải nén quá 20 MB"),
    ):
        done, seconds = _nhap(project, path)
        assert done.returncode == 2 and message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and seconds < 60, f"{seconds:.1f} s"


def _zlib_wrapped(raw: bytes) -> bytes:
    """A raw deflate stream with the zlib header and trailer a PDF's FlateDecode expects (the trailer's
    checksum is left zero: the reader stops before it)."""
    return b"\x78\x9c" + raw + b"\x00\x00\x00\x00"


def test_a_text_file_too_big_or_not_utf8_gets_a_message(project, tmp_path):
    big = tmp_path / "lon.txt"
    big.write_bytes(b"a" * 6_000_000)
    latin = tmp_path / "ma-khac.txt"
    latin.write_bytes("Báo cáo".encode("cp1258"))
    for path, message in (
        (big, "lon.txt: tệp chữ nặng 6 MB (quá 5 MB)"),
        (latin, "ma-khac.txt: tệp chữ không ở mã UTF-8"),
    ):
        done, _ = _nhap(project, path)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr


HEAD = "UBND XÃ NAM SÁCH\nSố: 1/KH-UBND    Nam Sách, ngày 1 tháng 1 năm 2025\nKẾ HOẠCH\n"
FOOT = "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nPhùng Văn Diện\n"


def _body(filler: str) -> str:
    return f"{HEAD}TUYÊN TRUYỀN\nCăn cứ Kế hoạch\n{filler}\n{FOOT}"


# Each case: what is repeated to fill the document, and where it goes.
LINEAR = {
    "1.1.1.": lambda f: _body(f),
    "Điều ": lambda f: _body(f),
    "Luật ": lambda f: _body(f),
    "[": lambda f: _body(f),
    "<a ": lambda f: _body(f),
    "](": lambda f: _body(f),
    "tuyên truyền cải cách\n": lambda f: _body(f),  # one paragraph of thousands of lines (8,000 at 200 kB)
    "TUYÊN TRUYỀN CẢI CÁCH\n": lambda f: _body(f),  # a heading in capitals that goes on
    "-" * 60 + "\n": lambda f: _body(f),
    "-": lambda f: _body(f),
    "12 buổi tuyên truyền ": lambda f: _body(f),  # figures in one sentence
    "x_": lambda f: _body("x" + f.replace("x_", "_") + "x"),  # one run of underscores between letters
    " ": lambda f: f"{HEAD}A{f}B\nCăn cứ\n{FOOT}",  # a title with a run of spaces
    "năm ": lambda f: f"{HEAD}{f}\nCăn cứ\n{FOOT}",  # a title saying "năm" without a year
    "- Sở Nội vụ;\n": lambda f: f"{HEAD}TUYÊN TRUYỀN\nCăn cứ\nNơi nhận:\n{f}CHỦ TỊCH\nPhùng Văn Diện\n",
    "Sở Nội vụ\n": lambda f: f"{HEAD}TUYÊN TRUYỀN\nCăn cứ\nNơi nhận:\n- {f}CHỦ TỊCH\nPhùng Văn Diện\n",
    "Hà Nội, ngày ": lambda f: f"{f}\n{HEAD}TUYÊN TRUYỀN\nCăn cứ\n{FOOT}",  # the header's first line
    "\n": lambda f: f"{HEAD}TUYÊN TRUYỀN CỦA{f}Ủy ban\nCăn cứ\n{FOOT}",  # blank lines in a title
    "V/v tuyên truyền\n": lambda f: f"{HEAD.replace('KẾ HOẠCH', '')}{f}Căn cứ\n{FOOT}",  # a long subject
    "Nơi nhận:\n": lambda f: _body(f),  # many a "Nơi nhận" without a signature
    "KT. CHỦ TỊCH\n": lambda f: f"{HEAD}TUYÊN TRUYỀN\nCăn cứ\nNơi nhận:\n{f}Phùng Văn Diện\n",
    "- Như trên; CHỦ TỊCH\n": lambda f: f"{HEAD}TUYÊN TRUYỀN\nCăn cứ\nNơi nhận:\n{f}Phùng Văn Diện\n",
    "Bộ T ư pháp ": lambda f: _body(f),  # syllables split by a PDF's text, put back together
    "Tu ấn ": lambda f: _body(f),  # pieces that can stand alone, left apart
    "(ư": lambda f: _body(f),  # one word of brackets and letters
}


@pytest.fixture(scope="module")
def portal():
    return load(REPO)[0]


def _import_seconds(portal, path: Path) -> float:
    start = time.perf_counter()
    layout = read_layout(read_lines(path))
    content_file(layout, portal.units, "xa-nam-sach", None, portal.indicators)
    return time.perf_counter() - start


@pytest.mark.parametrize("token", LINEAR, ids=[repr(t[:12]) for t in LINEAR])
def test_every_text_pass_is_linear(token, portal, tmp_path):
    """Four times the text costs about four times the time, well under the sixteen a quadratic pass
    takes: a ratio, not a timeout, so it holds on a busy machine (best of three runs each). A large run
    already past sixteen times the small one stops the test at once."""
    sizes = {}
    for size in (50_000, 200_000):
        path = tmp_path / f"{size}.txt"
        path.write_text(LINEAR[token](token * (size // len(token))), encoding="utf-8")
        sizes[size] = path
    small = min(_import_seconds(portal, sizes[50_000]) for _ in range(3))
    large = []
    for _ in range(3):
        large.append(_import_seconds(portal, sizes[200_000]))
        assert large[-1] < 16 * small + 0.05, f"{large[-1]:.3f} s against {small:.3f} s"
    assert min(large) < 8 * small + 0.01, f"{min(large):.3f} s against {small:.3f} s: not linear"
