"""PDF files: scripts, risky actions, attachments and metadata removed, then written anew."""

from __future__ import annotations

import warnings
from io import BytesIO

import pikepdf
from flask_babel import lazy_gettext as _l
from pikepdf import Array, Dictionary, Name, Object, Stream

from . import UploadError

UNREADABLE = _l(
    "This PDF could not be checked. If it has a password, remove it and try again, "
    "or send a picture of its pages instead."
)
# Keys dropped wherever they appear: events that run actions, scripts, attached files, forms
# that draw themselves (XFA), private application data, thumbnails and XMP metadata.
DROPPED_KEYS = frozenset(
    {
        "/AA",
        "/OpenAction",
        "/JavaScript",
        "/JS",
        "/EmbeddedFiles",
        "/EF",
        "/AF",
        "/XFA",
        "/NeedsRendering",
        "/Collection",
        "/AlternatePresentations",
        "/Renditions",
        "/PieceInfo",
        "/SpiderInfo",
        "/Thumb",
        "/Metadata",
    }
)
# Keys whose value is an action a click (or a previous action) starts.
ACTION_KEYS = frozenset({"/A", "/PA", "/Next"})
# Only these can hold dictionaries, directly or further down.
CONTAINERS = (Dictionary, Stream, Array)
# The only actions kept: moving inside the document, viewer commands and ordinary web links.
SAFE_ACTIONS = frozenset({Name.GoTo, Name.Named, Name.URI})
SAFE_URI_SCHEMES = ("http://", "https://", "mailto:", "tel:")
# Annotations that carry or play content of their own.
DROPPED_ANNOTATIONS = frozenset(
    {Name.FileAttachment, Name.Sound, Name.Movie, Name.Screen, Name.RichMedia, Name("/3D")}
)


def clean_pdf(data: bytes) -> bytes:
    """The PDF without active content, attachments or metadata; raises UploadError."""
    out = BytesIO()
    try:
        # pikepdf warns about odd files it still reads (a form widget outside the form, ...):
        # the file is rebuilt all the same, and those warnings are no reason to refuse it.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _rebuild(data, out)
    # Any failure of the parser on a hostile file means the file is refused, never kept as is.
    except Exception:
        raise UploadError(UNREADABLE) from None
    return out.getvalue()


def _rebuild(data: bytes, out: BytesIO) -> None:
    """Open, clean and write the PDF; any error propagates."""
    with pikepdf.open(BytesIO(data), conversion_mode="explicit") as pdf:
        if Name.Info in pdf.trailer:
            del pdf.trailer[Name.Info]
        _walk(pdf.Root)
        pdf.save(
            out,
            encryption=False,
            preserve_pdfa=False,
            fix_metadata_version=False,
            # Streams are copied as they are, never inflated: no decompression bombs.
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            deterministic_id=True,
        )


def _walk(root: Object) -> None:
    """Clean every dictionary reachable from the catalogue (only those are ever written)."""
    seen: set[tuple[int, int]] = set()
    stack: list[Object] = [root]
    while stack:
        item = stack.pop()
        if item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, Array):
            children = list(item)
        else:
            _clean_dictionary(item, set(item.keys()))
            children = [item[key] for key in item.keys()]
        stack.extend(child for child in children if isinstance(child, CONTAINERS))


def _clean_dictionary(item: Object, keys: set[str]) -> None:
    """Drop risky keys, unsafe actions and content-carrying annotations from one dictionary."""
    for key in DROPPED_KEYS & keys:
        del item[key]
    for key in ACTION_KEYS & keys:
        value = item[key]
        if isinstance(value, Array):
            kept = [entry for entry in value if not _is_unsafe_action(entry)]
            if len(kept) < len(value):
                item[key] = Array(kept)
        elif _is_unsafe_action(value):
            del item[key]
    annotations = item.get(Name.Annots) if "/Annots" in keys else None
    if isinstance(annotations, Array):
        kept = [entry for entry in annotations if not _is_dropped_annotation(entry)]
        if len(kept) < len(annotations):
            item[Name.Annots] = Array(kept)


def _is_unsafe_action(value: Object) -> bool:
    """An action (a dictionary with a type /S) not on the allow-list, or a link to a script."""
    # /A also names a structure element's attributes and /Next an outline item's sibling:
    # neither has an /S, and both are kept.
    if not isinstance(value, Dictionary | Stream):
        return False
    kind = value.get(Name.S)
    if not isinstance(kind, Name):
        return False
    if kind not in SAFE_ACTIONS:
        return True
    if kind == Name.URI:
        target = value.get(Name.URI)
        text = bytes(target).decode("latin-1") if isinstance(target, pikepdf.String) else ""
        return not "".join(text.split()).lower().startswith(SAFE_URI_SCHEMES)
    return False


def _is_dropped_annotation(annotation: Object) -> bool:
    """File attachments and media players, which carry content of their own."""
    if not isinstance(annotation, Dictionary):
        return False
    return annotation.get(Name.Subtype) in DROPPED_ANNOTATIONS
