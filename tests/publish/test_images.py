"""Images: verification messages, metadata stripped, orientation applied, responsive variants,
the cache, share cards and their Vietnamese text."""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFile, ImageFilter, ImageFont, ImageOps

from cchc import fonts
from cchc.content.image_files import ImageError, inspect
from cchc.model import Rendition, Variant
from cchc.publish import cards, images
from cchc.publish.images import render
from tests.bench_photos import scene, ssim
from tests.conftest import cchc_check, mkdocs_build

GPS_IFD, MAKE, MODEL, ORIENTATION = 0x8825, 0x010F, 0x0110, 0x0112


def photo(path: Path, size=(1800, 1200), orientation: int = 6) -> Path:
    """A JPEG as a phone saves it: camera make and model, GPS position and an orientation flag."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "PhoneMaker", "Model X", orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (20.0, 51.0, 0.0), 3: "E", 4: (106.0, 41.0, 0.0)})
    image.save(path, "JPEG", exif=exif)
    return path


def huge_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width × height: a decompression bomb that must not be decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    return path


def test_variants_are_upright_stripped_and_cached(tmp_path):
    source = photo(tmp_path / "anh.jpg")
    rendition, encoded = render(source, tmp_path / "cache")
    assert encoded == 8  # 480, 960, 1600 and a thumbnail, in WebP and JPEG
    assert (rendition.width, rendition.height) == (1200, 1800)  # rotated by its orientation flag
    for variant in (*rendition.variants, *rendition.thumbnail):
        with Image.open(tmp_path / "cache" / variant.name) as image:
            assert image.size == (variant.width, variant.height)
            assert len(image.getexif()) == 0 and "exif" not in image.info
    assert render(source, tmp_path / "cache") == (rendition, 0)


def test_16_bit_greyscale_keeps_its_tones(tmp_path):
    """A 16-bit greyscale PNG (a scanner's output, mode I;16): a plain conversion would clip it to white."""
    levels = [0, 8_000, 20_000, 33_000, 50_000, 65_535]
    source = Image.new("I;16", (len(levels) * 100, 60))
    source.putdata([levels[x // 100] for _ in range(60) for x in range(len(levels) * 100)])
    source.save(tmp_path / "scan.png")
    rendition, _ = render(tmp_path / "scan.png", tmp_path / "cache")
    widest = next(v for v in rendition.variants if v.width == rendition.width and v.mime == "image/png")
    with Image.open(tmp_path / "cache" / widest.name) as out:
        grey = out.convert("L")
        tones = [grey.getpixel((i * 100 + 50, 30)) for i in range(len(levels))]
    assert all(abs(tone - level / 257) <= 1 for tone, level in zip(tones, levels)), tones


@pytest.fixture(scope="module")
def detailed(tmp_path_factory) -> Path:
    """A 2400×1800 phone photo with detail at every scale (textured ground, windows, lettering), turned
    by its orientation flag: shown upright it is 1800×2400."""
    path = tmp_path_factory.mktemp("detailed") / "anh.jpg"
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "PhoneMaker", "Model X", 8
    scene((2400, 1800), seed=7).save(path, "JPEG", quality=90, exif=exif)
    return path


def _files(rendition: Rendition) -> list[Variant]:
    return [*rendition.variants, *rendition.thumbnail]


def test_variant_sizes_and_formats(detailed, tmp_path):
    rendition, encoded = render(detailed, tmp_path / "cache")
    assert encoded == 8
    sizes = [(v.width, v.height, v.mime) for v in _files(rendition)]
    assert sizes == [
        (480, 640, "image/webp"),
        (480, 640, "image/jpeg"),
        (960, 1280, "image/webp"),
        (960, 1280, "image/jpeg"),
        (1600, 2133, "image/webp"),
        (1600, 2133, "image/jpeg"),
        (320, 427, "image/webp"),
        (320, 427, "image/jpeg"),
    ]
    assert (rendition.width, rendition.height) == (1600, 2133)
    for variant in _files(rendition):
        with Image.open(tmp_path / "cache" / variant.name) as image:
            assert image.size == (variant.width, variant.height)
            assert image.format == {"image/webp": "WEBP", "image/jpeg": "JPEG"}[variant.mime]
            assert len(image.getexif()) == 0
    assert not list((tmp_path / "cache").glob("*.part"))


def test_never_wider_than_the_source_and_png_keeps_transparency(tmp_path):
    source = Image.new("RGBA", (700, 500), (0, 0, 0, 0))
    ImageDraw.Draw(source).ellipse((100, 50, 600, 450), fill=(200, 30, 30, 255))
    source.save(tmp_path / "logo.png")
    rendition, _ = render(tmp_path / "logo.png", tmp_path / "cache")
    assert [(v.width, v.height, v.mime) for v in _files(rendition)] == [
        (480, 343, "image/webp"),
        (480, 343, "image/png"),
        (700, 500, "image/webp"),
        (700, 500, "image/png"),
        (320, 229, "image/webp"),
        (320, 229, "image/png"),
    ]
    widest = next(v for v in rendition.variants if v.width == 700 and v.mime == "image/png")
    with Image.open(tmp_path / "cache" / widest.name) as image:
        assert (
            image.mode == "RGBA" and image.getpixel((5, 5))[3] == 0 and image.getpixel((350, 250))[3] == 255
        )


def test_outputs_are_the_same_bytes_whatever_the_threads(detailed, tmp_path, monkeypatch):
    """Two cold runs, and one on a single thread, write the same files byte for byte; so does a run
    that finds only some of them cached (the rest made again from the full decode)."""
    first, _ = render(detailed, tmp_path / "a")
    again, _ = render(detailed, tmp_path / "b")
    monkeypatch.setattr(images, "_WORKERS", 1)
    single, _ = render(detailed, tmp_path / "c")
    assert first == again == single
    names = [v.name for v in _files(first)]
    for folder in ("b", "c"):
        assert all((tmp_path / folder / n).read_bytes() == (tmp_path / "a" / n).read_bytes() for n in names)
    gone = [next(v.name for v in first.variants if v.width == 960), first.thumbnail[-1].name]
    for name in gone:
        (tmp_path / "b" / name).unlink()
    assert render(detailed, tmp_path / "b") == (first, 2)
    assert all((tmp_path / "b" / n).read_bytes() == (tmp_path / "a" / n).read_bytes() for n in gone)


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_cached_image_is_neither_encoded_nor_decoded(detailed, tmp_path, monkeypatch, kind):
    source = detailed
    if kind == "png":
        source = tmp_path / "do-thi.png"
        with Image.open(detailed) as image:
            image.reduce(2).save(source)  # 1200 wide, no EXIF: a PNG drawn by a program
    rendition, encoded = render(source, tmp_path / "cache")
    assert encoded == 8

    def no_decoding(image):
        raise AssertionError(f"{image.format} decoded although every variant is cached")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert render(source, tmp_path / "cache") == (rendition, 0)


def test_quality_against_a_direct_resize(detailed, tmp_path):
    """Each variant against a Lanczos resize of the whole upright decode, the best a resize can do:
    SSIM over luminance. At WebP 80 and JPEG 82 this photo scores 0.94 to 0.98, 0.96 on average (the
    pipeline before threads: the same); a bilinear resize, or quality 60, gives a mean of 0.93 and a
    worst variant at 0.90 or below."""
    rendition, _ = render(detailed, tmp_path / "cache")
    with Image.open(detailed) as image:
        upright = ImageOps.exif_transpose(image)
    scores = []
    for variant in _files(rendition):
        with Image.open(tmp_path / "cache" / variant.name) as made:
            scores.append(ssim(made, upright.resize(made.size, Image.Resampling.LANCZOS)))
    assert min(scores) >= 0.93 and sum(scores) / len(scores) >= 0.95, scores


def test_ssim_measures_what_it_should():
    image = scene((400, 300), seed=1)
    assert ssim(image, image) == pytest.approx(1.0)
    scores = [ssim(image, image.filter(ImageFilter.GaussianBlur(radius))) for radius in (0.5, 1, 2, 4)]
    assert 1 > scores[0] > scores[1] > scores[2] > scores[3] > 0.3, scores  # the more blur, the lower


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "khong-co.png", "không tìm thấy tệp ảnh 'khong-co.png'"),
        (lambda d: photo(d / "anh.png"), "tệp 'anh.png' có đuôi .png nhưng thực chất là ảnh JPEG"),
        (
            lambda d: (d / "hong.jpg").write_bytes(b"not an image at all") and d / "hong.jpg",
            "tệp 'hong.jpg' không phải ảnh đọc được hoặc đã hỏng",
        ),
        (
            lambda d: (
                (d / "cut.jpg").write_bytes(photo(d / "full.jpg").read_bytes()[:3000]) and d / "cut.jpg"
            ),
            "ảnh 'cut.jpg' bị hỏng hoặc không trọn vẹn",
        ),
        (lambda d: huge_png(d / "vua.png", 8_000, 7_000), "ảnh quá lớn: 56.000.000 điểm ảnh"),
        (
            lambda d: huge_png(d / "bom.png", 40_000, 40_000),
            "ảnh quá lớn: 1.600.000.000 điểm ảnh, tối đa 50.000.000 điểm ảnh",
        ),
    ],
)
def test_bad_images_are_refused_with_a_message(tmp_path, make, message):
    with pytest.raises(ImageError, match=re.escape(message)):
        inspect(make(tmp_path))


INFOGRAPHIC = """---
tep: {file}
tieu_de: Số tin bài tuyên truyền năm 2025
alt: "{alt}"
don_vi: xa-nam-sach
the: [Tuyên truyền]
---
"""
ALT = "Năm 2025 xã Nam Sách phát 225 tin, bài về cải cách hành chính"


@pytest.fixture
def with_photo(project):
    folder = project / "content/infographic"
    folder.mkdir()
    photo(folder / "anh.jpg")
    (folder / "tin-bai.md").write_text(INFOGRAPHIC.format(file="anh.jpg", alt=ALT), encoding="utf-8")
    return project


@pytest.mark.parametrize(
    "change, message",
    [
        (("anh.jpg\n", "khong-co.jpg\n"), "tin-bai.md:2: tep: không tìm thấy tệp ảnh 'khong-co.jpg'"),
        ((f'alt: "{ALT}"\n', ""), "tin-bai.md:1: alt: thiếu trường bắt buộc"),
        ((f'alt: "{ALT}"', 'alt: ""'), "tin-bai.md:4: alt: trường bắt buộc đang để trống"),
        (
            (f'alt: "{ALT}"', 'alt: "Infographic"'),
            "tin-bai.md:4: alt: mô tả ảnh 'Infographic' chưa nói ảnh cho biết",
        ),
    ],
)
def test_bad_infographic_entries(with_photo, change, message):
    file = with_photo / "content/infographic/tin-bai.md"
    file.write_text(file.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = cchc_check(with_photo)
    assert result.returncode == 1 and message in result.stdout, result.stdout


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def test_built_site_images_carry_no_metadata_and_are_described(with_photo, tmp_path):
    site = tmp_path / "site"
    first = mkdocs_build(with_photo, site)
    assert first.returncode == 0, first.stderr
    assert "Ảnh: mã hóa mới 8 tệp" in first.stderr
    second = mkdocs_build(with_photo, tmp_path / "again")
    assert "Ảnh: mã hóa mới 0 tệp, 8 tệp lấy từ bộ nhớ đệm" in second.stderr
    assert "Thẻ chia sẻ: vẽ mới 0" in second.stderr
    checked = 0
    for path in site.rglob("*"):
        if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif"):
            with Image.open(path) as image:
                exif = image.getexif()
                assert MAKE not in exif and MODEL not in exif and GPS_IFD not in exif, path
                assert not exif.get_ifd(GPS_IFD), path
                checked += 1
    assert checked >= 10
    for page in site.rglob("*.html"):
        parser = _Images()
        parser.feed(page.read_text(encoding="utf-8"))
        for image in parser.images:
            assert image.get("width") and image.get("height") and image.get("alt"), (page, image)
    gallery = (site / "infographic/index.html").read_text(encoding="utf-8")
    assert 'loading="lazy"' in gallery and "<picture>" in gallery and 'type="image/webp"' in gallery


def test_share_card_is_1200_by_630_and_linked(built_site):
    page = (built_site / "thu-tuc/dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    assert (
        '<meta property="og:image" content="http://127.0.0.1:8000/thu-tuc/dang-ky-khai-sinh/the-chia-se.png">'
    ) in page
    assert '<meta name="twitter:image"' in page
    with Image.open(built_site / "thu-tuc/dang-ky-khai-sinh/the-chia-se.png") as card:
        assert card.size == (1200, 630)
    assert (built_site / "van-ban/so-khcn/bao-cao-tuyen-truyen-cchc-nam-2025/the-chia-se.png").exists()


@pytest.mark.parametrize("text", ["Ủy ban", "thủ tục", "Đề án", "Quyết định", "Nghị định", "Phù Liễn"])
def test_stacked_tone_marks_render(text):
    face = cards.font(True, 64)
    notdef = bytes(face.getmask("\uffff"))
    for char in text.replace(" ", ""):
        # Every letter has a glyph of its own, not the font's box for missing characters.
        assert face.getmask(char).getbbox() is not None and bytes(face.getmask(char)) != notdef, char
    # Composed and decomposed input draw the same picture: marks sit where the precomposed glyph has them.
    shaped = ImageFont.truetype(str(fonts.FOLDER / fonts.BOLD), 64, layout_engine=ImageFont.Layout.RAQM)

    def draw(s):
        image = Image.new("L", (600, 120), 0)
        ImageDraw.Draw(image).text((10, 10), s, font=shaped, fill=255)
        return image

    difference = ImageChops.difference(draw(text), draw(unicodedata.normalize("NFD", text)))
    assert sum(difference.histogram()[64:]) < 40  # a few anti-aliasing pixels at most


def test_real_site_images_are_clean_and_described(built_site):
    images = [
        p for p in built_site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif")
    ]
    assert len(images) >= 20  # infographic variants and share cards, besides the theme's own
    for path in images:
        with Image.open(path) as image:
            exif = image.getexif()
            assert MAKE not in exif and MODEL not in exif and not exif.get_ifd(GPS_IFD), path
    for page in built_site.rglob("*.html"):
        parser = _Images()
        parser.feed(page.read_text(encoding="utf-8"))
        for image in parser.images:
            assert image.get("width") and image.get("height") and image.get("alt"), (page, image)


def test_infographic_shows_on_its_related_procedure(with_photo, tmp_path):
    from tests.pages.test_procedures import FORM, PROCEDURE

    folder = with_photo / "content/thu-tuc"
    (folder / "mau").mkdir(parents=True)
    (folder / "dang-ky-khai-sinh.md").write_text(PROCEDURE, encoding="utf-8")
    (folder / "mau/to-khai-khai-sinh.md").write_text(FORM, encoding="utf-8")
    entry = with_photo / "content/infographic/tin-bai.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("the: [", "thu_tuc: [dang-ky-khai-sinh]\nthe: ["),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert mkdocs_build(with_photo, site, "--strict").returncode == 0
    page = (site / "thu-tuc/dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    assert '<figure class="cchc-figure"><a href="../../infographic/tin-bai/"><picture>' in page
    assert f'alt="{ALT}"' in page
