"""Pictures: refused before decoding when too large, then redrawn from their pixels alone."""

from __future__ import annotations

import warnings
from io import BytesIO
from typing import Any

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from . import UploadError

register_heif_opener()

# Below this many pixels the pixels-per-byte test is skipped: a small, flat screenshot
# compresses extremely well and is no threat.
RATIO_FLOOR_PIXELS = 2_000_000
# Modes each format can store as they are; anything else is converted first.
KEPT_MODES = {
    "JPEG": ("RGB", "L", "CMYK"),
    "PNG": ("RGB", "RGBA", "L", "LA", "P", "1"),
    "GIF": ("P", "L"),
    "WEBP": ("RGB", "RGBA"),
}
TOO_LARGE = _l(
    "This picture is too large to check. Send a smaller copy of it (for example a screenshot)."
)
UNREADABLE = _l("This picture could not be opened. Try another copy of it.")


def clean_image(
    data: bytes, target: str, *, max_pixels: int, max_pixels_per_byte: int
) -> tuple[bytes, str]:
    """Redraw a picture as `target` with no metadata; returns (bytes, content type)."""
    # Pillow's own guard, at the same limit while we decode (above it Image.open warns, which
    # is an error here, and past twice it raises), then as it was for any other code.
    pillow_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as opened:
                check_size(opened.size, len(data), max_pixels, max_pixels_per_byte)
                pixels, options = _redraw(opened, target)
            out = BytesIO()
            pixels.save(out, format=target, **options)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UploadError(TOO_LARGE) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise UploadError(UNREADABLE) from None
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit
    return out.getvalue(), Image.MIME[target]


def check_size(size: tuple[int, int], length: int, max_pixels: int, max_per_byte: int) -> None:
    """Refuse, from the header alone, a picture that would take too much memory to decode."""
    width, height = size
    pixels = width * height
    if width < 1 or height < 1:
        raise UploadError(UNREADABLE)
    if pixels > max_pixels:
        raise UploadError(TOO_LARGE)
    # A few hundred kilobytes that unfold into tens of megapixels are a "pixel flood".
    if pixels > RATIO_FLOOR_PIXELS and pixels > max_per_byte * length:
        raise UploadError(TOO_LARGE)


def _redraw(opened: Image.Image, target: str) -> tuple[Image.Image, dict[str, Any]]:
    """A new image holding only the first frame's pixels (turned upright) and its palette."""
    transparency = opened.info.get("transparency")
    ImageOps.exif_transpose(opened, in_place=True)
    source = opened
    if source.mode not in KEPT_MODES[target]:
        # JPEG has no transparency; the others keep it as an alpha channel.
        source = source.convert("RGB" if target == "JPEG" else "RGBA")
        transparency = None
    # A fresh image has an empty `info`: no EXIF, ICC profile, XMP, text chunks or comments.
    clean = Image.new(source.mode, source.size)
    if source.mode == "P":
        palette_mode = source.palette.mode if source.palette is not None else "RGB"
        clean.putpalette(source.getpalette(palette_mode) or [], palette_mode)
    clean.paste(source, (0, 0))
    if source is not opened:
        source.close()
    opened.close()  # The decoded copy goes before the new one is encoded.
    options: dict[str, Any] = {"quality": 90} if target == "JPEG" else {}
    if target != "JPEG" and isinstance(transparency, int | bytes | tuple):
        options["transparency"] = transparency
    return clean, options
