"""Photo benchmark: the image pipeline's time, cold and warm, and its quality against the pipeline it
replaced, measured as SSIM over luminance (pure Pillow: numpy is not installed).

    from tests.bench_photos import photo_bench
    result = photo_bench()  # a PhotoBench; printing is the caller's

The baseline pipeline is src/cchc/publish/images.py as of BASELINE, read with git and imported from a
temporary copy. Its variants of the 200 photos take a few minutes to make, so they are kept in
.bench/photos-baseline/ (named by a hash of each photo and the baseline's settings, as the pipeline
names them) and made again only when the photos change.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist
from types import ModuleType

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageMath, ImageOps

from cchc import fonts
from cchc.model import Rendition, Variant
from cchc.publish.images import render

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / ".bench"
PHOTOS = 200
PHOTO_SIZE = (4000, 3000)  # a 12-megapixel phone photo
# The last commit that changed src/cchc/publish/images.py before the variants were made in threads,
# each from the next larger one: the output the new pipeline is compared with.
BASELINE = "15575402dcb45bde6f8c795a1617257eb82e0b65"
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112

Render = Callable[[Path, Path], tuple[Rendition, int]]


@dataclass(frozen=True)
class PhotoBench:
    photos: int
    cold: float  # seconds to render every photo, nothing cached
    warm: float  # seconds to render them all again, everything cached
    encoded_cold: int  # files encoded
    encoded_warm: int
    ssim_min: float  # each new variant file against the baseline's of the same photo, size and format
    ssim_mean: float
    single_cold: float  # seconds for one real-looking 4000×3000 JPEG, nothing cached: best of 3
    single_baseline: float  # the same photo through the baseline pipeline: best of 3
    single_ssim_min: float  # its variants against the baseline's
    single_ssim_mean: float
    # Mean SSIM of each pipeline's variants of that photo against a Lanczos resize of its full decode:
    # what each loses, where the two above compare two lossy encodings with each other.
    single_reference: float
    single_baseline_reference: float
    single_bytes: int  # its variant files, all sizes and formats
    single_baseline_bytes: int


def photo_bench(count: int = PHOTOS) -> PhotoBench:
    """The benchmark: `count` large JPEG photos with camera EXIF (noise with a coloured block, as
    tests/bench.py has always made them), then one photo that looks like a photo."""
    folder = BENCH / "photos"
    shutil.rmtree(folder, ignore_errors=True)
    sources = noise_photos(folder / "src", count)
    cold, encoded_cold, renditions = _timed(render, sources, folder / "cache")
    warm, encoded_warm, _ = _timed(render, sources, folder / "cache")
    old = baseline()
    kept = BENCH / "photos-baseline"
    scores = _scores(
        (folder / "cache", new, kept, old.render(path, kept)[0]) for path, new in zip(sources, renditions)
    )

    single = _photo(folder / "single.jpg", scene(PHOTO_SIZE, seed=1))
    single_cold = _best(lambda: render(single, Path(tempfile.mkdtemp(dir=folder))))
    single_baseline = _best(lambda: old.render(single, Path(tempfile.mkdtemp(dir=folder))))
    ours, theirs = folder / "single-new", folder / "single-old"
    new_single, old_single = render(single, ours)[0], old.render(single, theirs)[0]
    single_scores = _scores([(ours, new_single, theirs, old_single)])
    with Image.open(single) as image:
        upright = ImageOps.exif_transpose(image)
    return PhotoBench(
        photos=count,
        cold=cold,
        warm=warm,
        encoded_cold=encoded_cold,
        encoded_warm=encoded_warm,
        ssim_min=min(scores),
        ssim_mean=sum(scores) / len(scores),
        single_cold=single_cold,
        single_baseline=single_baseline,
        single_ssim_min=min(single_scores),
        single_ssim_mean=sum(single_scores) / len(single_scores),
        single_reference=_reference(upright, ours, new_single),
        single_baseline_reference=_reference(upright, theirs, old_single),
        single_bytes=sum((ours / v.name).stat().st_size for v in _files(new_single)),
        single_baseline_bytes=sum((theirs / v.name).stat().st_size for v in _files(old_single)),
    )


def noise_photos(folder: Path, count: int) -> list[Path]:
    """`count` 4000×3000 JPEGs of grey noise, each with a coloured block of its own, and camera EXIF:
    the photos tests/bench.py has always made, their noise now drawn from a seed."""
    folder.mkdir(parents=True, exist_ok=True)
    base = noise(PHOTO_SIZE, 40, random.Random(0)).convert("RGB")
    for number in range(count):
        image = base.copy()
        ImageDraw.Draw(image).rectangle(
            (number * 17 % 3800, 100, number * 17 % 3800 + 200, 300), fill=(number, 80, 160)
        )
        _photo(folder / f"{number:03d}.jpg", image, quality=88)
    return sorted(folder.glob("*.jpg"))


def _photo(path: Path, image: Image.Image, quality: int = 90) -> Path:
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "PhoneMaker", "Model X", 1
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality, exif=exif)
    return path


def baseline() -> ModuleType:
    """The image pipeline as of BASELINE, imported from a temporary copy."""
    text = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{BASELINE}:src/cchc/publish/images.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "images_baseline.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("images_baseline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(make: Render, sources: list[Path], cache: Path) -> tuple[float, int, list[Rendition]]:
    start = time.perf_counter()
    made = [make(path, cache) for path in sources]
    return time.perf_counter() - start, sum(encoded for _, encoded in made), [r for r, _ in made]


def _best(run: Callable[[], object], times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _files(rendition: Rendition) -> list[Variant]:
    return [*rendition.variants, *rendition.thumbnail]


def _scores(pairs: Iterable[tuple[Path, Rendition, Path, Rendition]]) -> list[float]:
    """SSIM of each variant file of the new renditions against the same size and format of the old."""
    scores = []
    for new_cache, new, old_cache, old in pairs:
        for ours, theirs in zip(_files(new), _files(old), strict=True):
            assert (ours.width, ours.height, ours.mime) == (theirs.width, theirs.height, theirs.mime)
            with Image.open(new_cache / ours.name) as a, Image.open(old_cache / theirs.name) as b:
                scores.append(ssim(a, b))
    return scores


def _reference(upright: Image.Image, cache: Path, rendition: Rendition) -> float:
    """Mean SSIM of the variant files against a Lanczos resize of `upright`, the full decode."""
    scores = []
    for variant in _files(rendition):
        with Image.open(cache / variant.name) as made:
            scores.append(ssim(made, upright.resize(made.size, Image.Resampling.LANCZOS)))
    return sum(scores) / len(scores)


def ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean SSIM (Wang et al. 2004) of two images of one size, over luminance (ITU-R 601 luma), on
    8×8 windows every 4 pixels: each window's means, variances and covariance are box means, which
    Image.reduce computes in float."""
    if a.size != b.size:
        raise ValueError(f"sizes differ: {a.size} and {b.size}")
    x, y = (image.convert("L").convert("F") for image in (a, b))
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    total, windows = 0.0, 0
    for dx, dy in ((0, 0), (4, 0), (0, 4), (4, 4)):
        columns, rows = (x.width - dx) // 8, (x.height - dy) // 8
        if columns < 1 or rows < 1:
            continue
        box = (dx, dy, dx + 8 * columns, dy + 8 * rows)
        xs, ys = x.crop(box), y.crop(box)
        xx, yy, xy = (
            ImageMath.lambda_eval(lambda v: v["p"] * v["q"], p=p, q=q).reduce(8)
            for p, q in ((xs, xs), (ys, ys), (xs, ys))
        )
        index = ImageMath.lambda_eval(
            lambda v: (
                (2 * v["mx"] * v["my"] + c1)
                * (2 * (v["xy"] - v["mx"] * v["my"]) + c2)
                / (
                    (v["mx"] * v["mx"] + v["my"] * v["my"] + c1)
                    * (v["xx"] - v["mx"] * v["mx"] + v["yy"] - v["my"] * v["my"] + c2)
                )
            ),
            mx=xs.reduce(8),
            my=ys.reduce(8),
            xx=xx,
            yy=yy,
            xy=xy,
        )
        mean = index.reduce((columns, rows)).getpixel((0, 0))  # one pixel: the mean of every window
        assert isinstance(mean, float)
        total, windows = total + mean * columns * rows, windows + columns * rows
    if not windows:
        raise ValueError(f"too small for 8×8 windows: {a.size}")
    return total / windows


def noise(size: tuple[int, int], sigma: float, chance: random.Random) -> Image.Image:
    """Gaussian noise around mid-grey, drawn from `chance`: the same pixels on every call for the same
    seed (Pillow's effect_noise draws from C's rand(), whose state moves on with each call)."""
    normal = NormalDist(128, sigma)
    table = [min(255, max(0, round(normal.inv_cdf((level + 0.5) / 256)))) for level in range(256)]
    return Image.frombytes("L", size, chance.randbytes(size[0] * size[1])).point(table)


def scene(size: tuple[int, int], seed: int) -> Image.Image:
    """A picture with what photos have: a smooth sky, ground textured at every scale, hard-edged
    buildings with rows of windows, a fine railing, lettering with Vietnamese marks, lens softness
    and sensor grain."""
    chance = random.Random(seed)
    width, height = size
    horizon = height * chance.randint(35, 55) // 100
    sky = Image.linear_gradient("L").resize((1, horizon)).resize((width, horizon))
    picture = Image.new("RGB", size)
    picture.paste(
        Image.merge(
            "RGB",
            [
                sky.point(lambda v, low=low, high=high: high - (high - low) * v // 255)
                for low, high in ((90, 200), (140, 220), (200, 250))
            ],
        )
    )
    ground = Image.new("L", (width, height - horizon), 128)
    for octave in range(2, 11):  # coarse noise blown up, finer noise on top: texture at every scale
        cells = (max(2, width >> (11 - octave)), max(2, (height - horizon) >> (11 - octave)))
        layer = noise(cells, 60, chance).resize(ground.size, Image.Resampling.BICUBIC)
        ground = Image.blend(ground, layer, 0.35)
    picture.paste(
        Image.merge("RGB", [ground.point(lambda v, k=k: int(v * k)) for k in (0.55, 0.75, 0.35)]),
        (0, horizon),
    )
    draw = ImageDraw.Draw(picture)
    base = horizon + height // 20
    for _ in range(chance.randint(6, 12)):
        left = chance.randrange(0, width - width // 8)
        w, h = chance.randint(width // 20, width // 8), chance.randint(height // 8, height // 3)
        red, green, blue = (chance.randint(90, 230) for _ in range(3))
        draw.rectangle((left, base - h, left + w, base), fill=(red, green, blue))
        step = max(8, w // 9)
        for x in range(left + step // 2, left + w - step // 2, step):
            for y in range(base - h + step // 2, horizon, step):
                draw.rectangle((x, y, x + step // 2, y + step // 2), fill=(40, 50, 70))
    pitch = max(3, width // 1300)  # a railing, bars finer than the variants can show: moiré if aliased
    for x in range(width // 2, width * 9 // 10, pitch):
        draw.line((x, height * 80 // 100, x, height * 90 // 100), fill=(30, 30, 30))
    font = ImageFont.truetype(str(fonts.FOLDER / fonts.BOLD), max(12, height // 40))
    for line in range(3):  # a sign: thin strokes are what a poor resize blurs first
        draw.text(
            (width // 10, height * (60 + 8 * line) // 100),
            "UBND XÃ NAM SÁCH — Bộ phận một cửa",
            fill=(250, 250, 240),
            font=font,
            stroke_width=1,
            stroke_fill=(20, 20, 20),
        )
    grain = noise(size, 6, chance).convert("RGB")
    return Image.blend(picture.filter(ImageFilter.GaussianBlur(0.7)), grain, 0.08)
