"""Images as the public site gets them: verified, upright, stripped of metadata, in several widths.

Every output is keyed by a hash of the source bytes and of this pipeline's settings, so an
unchanged image is never encoded again.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageOps

from cchc.model import Rendition, Variant

WIDTHS = (480, 960, 1600)
THUMBNAIL = 320
WEBP_QUALITY = 80
JPEG_QUALITY = 82
_SETTINGS = f"v2 {WIDTHS} {THUMBNAIL} {WEBP_QUALITY} {JPEG_QUALITY}".encode()


def _key(data: bytes) -> str:
    return hashlib.sha256(_SETTINGS + data).hexdigest()[:20]


def _eight_bit(image: Image.Image) -> Image.Image:
    """Wide greyscale (16-bit PNG: modes I;16 and I; 32-bit float F) as 8-bit L with its real tones:
    Pillow's own conversion clips every value above 255, so a 16-bit scan would come out white."""
    if not (image.mode.startswith("I") or image.mode == "F"):
        return image
    sixteen = image.mode.startswith("I;16") or _highest(image) > 255
    scale = 1 / 257 if sixteen else 1  # 65535 -> 255
    return image.point(lambda value: value * scale).convert("L")


def _highest(image: Image.Image) -> float:
    """The highest value in a one-band image."""
    highest = image.getextrema()[1]
    assert not isinstance(highest, tuple)  # one band: (lowest, highest), not a pair per band
    return highest


def _fallback(image: Image.Image, source_format: str | None) -> tuple[str, str, str]:
    """PNG for drawn graphics (PNG, GIF sources: sharp text) and transparency, JPEG for photos."""
    if source_format in ("PNG", "GIF") or image.mode in ("RGBA", "LA") or "transparency" in image.info:
        return "PNG", "png", "image/png"
    return "JPEG", "jpg", "image/jpeg"


def _encode(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "WEBP":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    elif kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()  # no exif, icc or text chunks are passed: nothing of the camera survives


def _plan(width: int, height: int) -> list[tuple[str, int, int]]:
    """(suffix, width, height) of each size to make; never wider than the source."""
    sizes = sorted({min(w, width) for w in WIDTHS})
    out = [(str(w), w, max(1, round(height * w / width))) for w in sizes]
    thumb = min(THUMBNAIL, width)
    out.append(("thumb", thumb, max(1, round(height * thumb / width))))
    return out


def render(path: Path, cache: Path) -> tuple[Rendition, int]:
    """Variants of the image at `path`, made in `cache` if missing: (rendition, images encoded)."""
    data = path.read_bytes()
    key = _key(data)
    with Image.open(io.BytesIO(data)) as source:
        if source.format == "JPEG":
            # Decode a large JPEG at a reduced scale still at least as large as the widest variant;
            # always, so that sizes are the same whether or not the variants are cached.
            source.draft("RGB", (max(WIDTHS), max(WIDTHS)))
        upright = _eight_bit(ImageOps.exif_transpose(source))
        if upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert("RGBA" if "transparency" in source.info else "RGB")
        fallback, extension, mime = _fallback(upright, source.format)
        variants: list[Variant] = []
        thumbs: list[Variant] = []
        encoded = 0
        for suffix, width, height in _plan(*upright.size):
            for kind, ext, kind_mime in (("WEBP", "webp", "image/webp"), (fallback, extension, mime)):
                name = f"{key}-{suffix}.{ext}"
                target = cache / name
                if not target.exists():
                    resized = (
                        upright
                        if (width, height) == upright.size
                        else upright.resize((width, height), Image.Resampling.LANCZOS)
                    )
                    cache.mkdir(parents=True, exist_ok=True)
                    temporary = target.with_suffix(".part")
                    temporary.write_bytes(_encode(resized, kind))
                    temporary.replace(target)
                    encoded += 1
                (thumbs if suffix == "thumb" else variants).append(Variant(name, width, height, kind_mime))
    widest = max(variants, key=lambda v: v.width)
    return Rendition(widest.width, widest.height, tuple(variants), tuple(thumbs)), encoded
