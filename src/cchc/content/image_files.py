"""An editor's image file checked before anything is made of it: a format the site serves, an
extension that says the truth, a size that cannot exhaust the build, a file that decodes whole."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 50_000_000  # about 8,000 × 6,000: larger is refused as a possible decompression bomb
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}


class ImageError(ValueError):
    """An image that cannot be published; the message is for editors."""


def inspect(path: Path) -> tuple[str, int, int]:
    """(format, width, height) of a publishable image, or ImageError saying what is wrong."""
    if not path.is_file():
        raise ImageError(f"không tìm thấy tệp ảnh '{path.name}'; cần đặt ảnh cùng thư mục và ghi đúng tên")
    expected = FORMATS.get(path.suffix.lower())
    if expected is None:
        raise ImageError(f"đuôi tệp '{path.suffix}' không được hỗ trợ; cần .jpg, .png, .webp hoặc .gif")
    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            if width * height > MAX_PIXELS:
                raise _too_large(width * height)
            image.verify()
        with Image.open(path) as image:
            image.load()  # verify() does not see a truncated file; decoding does
    except ImageError:
        raise
    except Image.DecompressionBombError as exc:  # Pillow's own, larger limit, hit before ours
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        assert pixels is not None  # Pillow says "Image size (N pixels) exceeds limit of M pixels, …"
        raise _too_large(int(pixels.group(1))) from None
    except UnidentifiedImageError:
        raise ImageError(f"tệp '{path.name}' không phải ảnh đọc được hoặc đã hỏng") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"ảnh '{path.name}' bị hỏng hoặc không trọn vẹn ({exc})") from None
    if kind != expected:
        raise ImageError(
            f"tệp '{path.name}' có đuôi {path.suffix} nhưng thực chất là ảnh {kind}; cần đổi đuôi cho đúng"
        )
    return kind, width, height


def _too_large(pixels: int) -> ImageError:
    def dotted(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return ImageError(
        f"ảnh quá lớn: {dotted(pixels)} điểm ảnh, tối đa {dotted(MAX_PIXELS)} điểm ảnh; "
        "cần thu nhỏ ảnh (ví dụ chiều rộng 3.000 điểm ảnh) rồi đăng lại"
    )
