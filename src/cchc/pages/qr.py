"""QR codes as inline SVG, drawn at build time (no request to any service)."""

from __future__ import annotations

import io
from importlib.metadata import version
from pathlib import Path

from cchc.kept import code, kept

_DRAWER = code(__file__)


def svg(url: str, label: str, cache: Path | None = None) -> str:
    """An accessible, scalable SVG QR code for `url`; with a `cache` folder, kept there, so that an
    unchanged code is not drawn again (nor segno imported)."""
    inputs = [_DRAWER, version("segno"), url, label]
    return kept(cache, inputs, ".svg", lambda: _drawn(url, label).encode()).decode()


def _drawn(url: str, label: str) -> str:
    import segno  # here: a build whose codes are all kept needs none of it

    symbol = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    symbol.save(
        out,
        kind="svg",
        scale=1,
        border=4,
        xmldecl=False,
        svgns=True,
        nl=False,
        svgclass="cchc-qr",
        title=label,
    )
    return (
        out.getvalue()
        .decode("utf-8")
        .replace(
            "<svg ",
            '<svg role="img" viewBox="0 0 {0} {0}" '.format(symbol.symbol_size(scale=1, border=4)[0]),
            1,
        )
    )
