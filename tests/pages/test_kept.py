"""Files made from their inputs alone and kept between builds (cchc.kept): the posters' QR codes here, the
figures' workbook in tests/content/test_figures.py."""

from __future__ import annotations

import subprocess
import sys

from cchc.kept import kept
from cchc.pages import qr

URL = "https://cchc.example.gov.vn/thu-tuc/dang-ky-khai-sinh/"


def test_a_kept_qr_code_is_the_drawn_one_and_needs_no_segno(tmp_path):
    drawn = qr.svg(URL, "Mã QR")
    assert qr.svg(URL, "Mã QR", tmp_path) == drawn and len(list(tmp_path.iterdir())) == 1
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from cchc.pages import qr; "
            f"print(qr.svg({URL!r}, 'Mã QR', Path({str(tmp_path)!r})), end=''); "
            "assert 'segno' not in sys.modules",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert read.stdout == drawn
    assert qr.svg(URL + "x", "Mã QR", tmp_path) != drawn  # another address, another code


def test_kept_makes_once_per_inputs(tmp_path):
    made = []

    def make() -> bytes:
        made.append(1)
        return b"x%d" % len(made)

    assert kept(tmp_path, ["a", 1], ".bin", make) == b"x1"
    assert kept(tmp_path, ["a", 1], ".bin", make) == b"x1" and len(made) == 1
    assert kept(tmp_path, ["a", 2], ".bin", make) == b"x2"
    assert kept(None, ["a", 1], ".bin", make) == b"x3"  # no folder: made each time
    assert not list(tmp_path.glob("*.part"))
