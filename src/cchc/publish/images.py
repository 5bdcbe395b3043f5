"""Images as the public site gets them: verified, upright, stripped of metadata, in several widths.

Every output is keyed by a hash of the source bytes and of this pipeline's settings, so an
unchanged image is never encoded again, nor decoded: names and sizes come from the header (only a
PNG that carries EXIF or XMP is decoded, by Pillow, to find its orientation). An image with files
missing is decoded once; each size is made from the next larger one, and encoded in a few threads.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

from PIL import ExifTags, Image, ImageOps

from cchc.model import Rendition, Variant

WIDTHS = (480, 960, 1600)
THUMBNAIL = 320
WEBP_QUALITY = 80
# Method 2 encodes in half the time of 4 (libwebp's default); on photos its SSIM is within about
# 0.003 of 4's and its files up to 5 % larger (measured with tests/bench_photos.py).
WEBP_METHOD = 2
JPEG_QUALITY = 82
_SETTINGS = f"v3 {WIDTHS} {THUMBNAIL} {WEBP_QUALITY} m{WEBP_METHOD} {JPEG_QUALITY}".encode()
# Pillow lets go of the GIL while it resamples and encodes WebP, so threads use every core. More
# than 4 would find little to do: each image starts with one decode.
_WORKERS = min(4, os.cpu_count() or 1)
# The largest resize is cut into this many bands of rows: a fixed number, not one per core, so that
# the bytes do not depend on the machine.
_BANDS = 4
_QUARTER_TURNS = {5, 6, 7, 8}  # EXIF orientations exif_transpose turns by 90°: width and height swap
_LANCZOS = Image.Resampling.LANCZOS


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


def _mode(source: Image.Image) -> str:
    """The mode the variants are made in, read from the header: wide greyscale as L, what the
    encoders take as it is, anything else (palette, CMYK…) as RGB, or RGBA if it has transparency."""
    if source.mode.startswith("I") or source.mode == "F":
        return "L"
    if source.mode in ("RGB", "RGBA", "L", "LA"):
        return source.mode
    return "RGBA" if "transparency" in source.info else "RGB"


def _fallback(mode: str, source: Image.Image) -> tuple[str, str, str]:
    """PNG for drawn graphics (PNG, GIF sources: sharp text) and transparency, JPEG for photos."""
    if source.format in ("PNG", "GIF") or mode in ("RGBA", "LA") or "transparency" in source.info:
        return "PNG", "png", "image/png"
    return "JPEG", "jpg", "image/jpeg"


def _encode(image: Image.Image, kind: str) -> bytes:
    # Each encode saves an image of its own (a copy, or the conversion to RGB): save() sets its
    # options on the object it is given, and other threads are reading or encoding `image`.
    out = io.BytesIO()
    if kind == "WEBP":
        image.copy().save(out, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    elif kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.copy().save(out, "PNG", optimize=True)
    return out.getvalue()  # no exif, icc or text chunks are passed: nothing of the camera survives


def _write(image: Image.Image, kind: str, target: Path) -> None:
    # The .part is named after the whole target: the WebP and the JPEG of a size are written at once.
    temporary = target.with_name(target.name + ".part")
    temporary.write_bytes(_encode(image, kind))
    temporary.replace(target)


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
        # Names and sizes from the header alone, so that a cached image is not decoded: the size
        # before any draft, turned as exif_transpose will turn it, and the mode it will be made in.
        turned = _orientation(source, data) in _QUARTER_TURNS
        width, height = (source.height, source.width) if turned else source.size
        mode = _mode(source)
        fallback, extension, mime = _fallback(mode, source)
        plan = _plan(width, height)
        variants: list[Variant] = []
        thumbs: list[Variant] = []
        missing: dict[tuple[int, int], list[tuple[str, Path]]] = {}  # by size: (format, file) to make
        for suffix, w, h in plan:
            for kind, ext, kind_mime in (("WEBP", "webp", "image/webp"), (fallback, extension, mime)):
                name = f"{key}-{suffix}.{ext}"
                if not (cache / name).exists():
                    missing.setdefault((w, h), []).append((kind, cache / name))
                (thumbs if suffix == "thumb" else variants).append(Variant(name, w, h, kind_mime))
        if missing:
            cache.mkdir(parents=True, exist_ok=True)
            _make(source, mode, sorted({(w, h) for _, w, h in plan}, reverse=True), missing)
    widest = max(variants, key=lambda v: v.width)
    encoded = sum(len(files) for files in missing.values())
    return Rendition(widest.width, widest.height, tuple(variants), tuple(thumbs)), encoded


def _orientation(source: Image.Image, data: bytes) -> int:
    """The EXIF orientation exif_transpose reads. Pillow decodes a whole PNG to look for an eXIf chunk
    after the pixels; a PNG whose bytes name no EXIF or XMP chunk cannot have one."""
    if source.format == "PNG" and not any(tag in data for tag in (b"eXIf", b"exif", b"XML:com.adobe.xmp")):
        return 1
    orientation = source.getexif().get(ExifTags.Base.Orientation, 1)
    return orientation if isinstance(orientation, int) else 1


def _make(
    source: Image.Image,
    mode: str,
    sizes: list[tuple[int, int]],
    missing: dict[tuple[int, int], list[tuple[str, Path]]],
) -> None:
    """Decode `source` once and write the `missing` files: each size from the next larger one, the
    encodes in a few threads."""
    if source.format == "JPEG":
        # As before: decode a large JPEG at a reduced scale still at least as large as the widest
        # variant both ways. Not less: a 4000×3000 photo decoded 2000 wide (a 2×2 average, in effect) and then
        # taken to 1600 shows moiré on fine patterns (SSIM 0.54 on 3-pixel stripes) that a Lanczos
        # from the full picture leaves out.
        source.draft("RGB", (max(WIDTHS), max(WIDTHS)))
    ImageOps.exif_transpose(source, in_place=True)  # in place: a copy of 12 megapixels takes 30 ms
    upright = _eight_bit(source)
    if upright.mode != mode:
        upright = upright.convert(mode)
    futures: list[Future[None]] = []
    with ThreadPoolExecutor(_WORKERS) as pool:
        made = upright
        for size in sizes[: sizes.index(min(missing)) + 1]:  # down to the smallest size missing
            # The largest from the decode, in bands on every core; each other from the one made just
            # before it, a sixth of the decode's pixels or fewer to read (SSIM ≥ 0.996 to a resize
            # from the decode). The encodes of a size start while the next is resized.
            made = _banded(made, size, pool) if made is upright else _resized(made, size)
            futures += [pool.submit(_write, made, kind, target) for kind, target in missing.get(size, [])]
    for future in futures:
        future.result()  # the first error, in plan order


def _resized(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    return image if image.size == size else image.resize(size, _LANCZOS)


def _banded(image: Image.Image, size: tuple[int, int], pool: ThreadPoolExecutor) -> Image.Image:
    """A Lanczos resize made as Pillow makes it, in two passes, each cut in bands of rows resized side
    by side. The passes are spelt out: Pillow picks their order from the box, so a band on its own
    could be made vertical pass first and differ from the rest."""
    width, height = size
    if image.size == size or height < _BANDS or image.mode not in ("RGB", "L"):  # alpha: premultiplied
        return _resized(image, size)
    narrow = _joined(
        image.mode,
        (width, image.height),
        pool,
        lambda top, bottom: image.crop((0, top, image.width, bottom)).resize((width, bottom - top), _LANCZOS),
    )
    scale = image.height / height
    # Each band's box in source rows: its filter reads the rows around the box too, as one resize does.
    return _joined(
        image.mode,
        size,
        pool,
        lambda top, bottom: narrow.resize(
            (width, bottom - top), _LANCZOS, (0, top * scale, width, bottom * scale)
        ),
    )


def _joined(
    mode: str, size: tuple[int, int], pool: ThreadPoolExecutor, band: Callable[[int, int], Image.Image]
) -> Image.Image:
    """An image of `size` made in _BANDS bands of rows, band(top, bottom) each, in `pool`."""
    rows = [size[1] * number // _BANDS for number in range(_BANDS + 1)]
    bands = [(top, pool.submit(band, top, bottom)) for top, bottom in pairwise(rows)]
    out = Image.new(mode, size)
    for top, made in bands:
        out.paste(made.result(), (0, top))
    return out
