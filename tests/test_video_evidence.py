"""Videos as evidence: MP4, MOV, 3GP and WebM accepted by content, stored without metadata."""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from mutagen.mp4 import MP4
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import TestResponse, encode_multipart

from intake.extensions import db
from intake.models import Attachment, Report

from .helpers import Resident, stored_content
from .test_followup import file_and_keep, open_report
from .test_upload_hardening import box, tagged_m4a
from .test_uploads import begin, stored

GPS = b"+41.8781-087.6298/"
SECRET = b"Secret Person"
CREATED = 3_700_000_000  # Seconds since 1904: a day in 2021.
# Two chunks of two picture samples each, with a sample of timed GPS between them.
FRAMES = [bytes([n]) * 256 + bytes(range(256)) for n in range(1, 5)]
TIMED_GPS = GPS * 3
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
REFUSED = "We can only accept photos, videos, PDF files, text files and sound recordings."
UNREADABLE = "This video could not be checked."
BRANDS = {
    "video/mp4": (b"isom", b"isomiso2avc1mp41", "clip.mp4"),
    "video/quicktime": (b"qt  ", b"qt  ", "IMG_0042.MOV"),
    "video/3gpp": (b"3gp4", b"3gp43gp6", "VID_0001.3gp"),
}


# --- Building containers -------------------------------------------------------------------


def dated(name: bytes, version: int, rest: bytes) -> bytes:
    """A movie, track or media header made at CREATED (32- or 64-bit dates by version)."""
    dates = struct.pack(">QQ" if version else ">II", CREATED, CREATED + 60)
    return box(name, bytes([version, 0, 0, 0]), dates, rest)


def track(handler: bytes, number: int, offsets: list[int], sizes: list[int]) -> bytes:
    """A track whose chunks (two samples each, one at the end if odd) start at offsets."""
    runs = struct.pack(">IIII", 1, 1, 2, 1) if len(sizes) > 1 else struct.pack(">IIII", 1, 1, 1, 1)
    table = box(
        b"stbl",
        box(b"stsd", bytes(4), struct.pack(">I", 1), box(b"avc1", bytes(78))),
        box(b"stts", bytes(4), struct.pack(">III", 1, len(sizes), 1000)),
        box(b"stsc", bytes(4), runs),
        box(b"stsz", bytes(4), struct.pack(f">II{len(sizes)}I", 0, len(sizes), *sizes)),
        box(b"stco", bytes(4), struct.pack(f">I{len(offsets)}I", len(offsets), *offsets)),
    )
    media = box(
        b"mdia",
        dated(b"mdhd", 1, struct.pack(">IQHH", 1000, 4000, 0x55C4, 0)),
        box(b"hdlr", bytes(8), handler, bytes(12), b"Core Media\0"),
        box(b"minf", box(b"vmhd", bytes(12)), table),
    )
    header = dated(b"tkhd", 0, struct.pack(">II", number, 0) + bytes(72))
    return box(b"trak", header, media, box(b"udta", box(b"name", SECRET)))


def movie(kind: str, *, padding: int = 0, moov_first: bool = True) -> bytes:
    """A tagged phone video: picture, a GPS track, ©xyz, Apple's meta, XMP, free space."""
    major, brands, _name = BRANDS[kind]
    ftyp = box(b"ftyp", major, bytes(4), brands)
    xmp = box(b"uuid", bytes(16), b"<x:xmpmeta><exif:GPSLatitude>41.8781</exif:GPSLatitude>")
    media = FRAMES[0] + FRAMES[1] + TIMED_GPS + FRAMES[2] + FRAMES[3] + bytes(padding)
    keys = box(b"meta", bytes(4), box(b"keys", GPS), box(b"ilst", GPS, SECRET))

    def index(mdat_at: int) -> bytes:
        content = mdat_at + 8
        second = content + 2 * len(FRAMES[0]) + len(TIMED_GPS)
        picture = track(b"vide", 1, [content, second], [len(frame) for frame in FRAMES])
        timed = track(b"meta", 2, [content + 2 * len(FRAMES[0])], [len(TIMED_GPS)])
        movie_header = dated(b"mvhd", 0, struct.pack(">II", 1000, 4000) + bytes(80))
        location = box(b"udta", box(b"\xa9xyz", struct.pack(">HH", len(GPS), 0), GPS))
        return box(b"moov", movie_header, picture, timed, location, keys)

    before = ftyp + xmp + box(b"free", bytes(64))
    if moov_first:
        moov = index(len(before) + len(index(0)))
        return before + moov + box(b"mdat", media)
    return before + box(b"mdat", media) + index(len(before))


def element(ident: int, *parts: bytes, unknown: bool = False) -> bytes:
    """An EBML element; unknown: of unknown length, as a live recording writes it."""
    body = b"".join(parts)
    width = 1
    while len(body) >= (1 << 7 * width) - 1:
        width += 1
    size = ((1 << 7 * width) | len(body)).to_bytes(width, "big")
    if unknown:
        size = b"\x01" + b"\xff" * 7
    return ident.to_bytes((ident.bit_length() + 7) // 8, "big") + size + body


FRAME = bytes(range(200, 256)) * 8


def webm(*, live: bool = False, extra: bytes = b"") -> bytes:
    """A WebM with a date, a title, programs' names, tags and an attached file."""
    header = element(0x1A45DFA3, element(0x4286, b"\x01"), element(0x4282, b"webm"))
    seek_head = element(
        0x114D9B74,
        element(0x4DBB, element(0x53AB, b"\x15\x49\xa9\x66"), element(0x53AC, b"\x40")),
        element(0x4DBB, element(0x53AB, b"\x12\x54\xc3\x67"), element(0x53AC, b"\x00\x90")),
    )
    info = element(
        0x1549A966,
        element(0xBF, b"\x12\x34\x56\x78"),
        element(0x2AD7B1, b"\x0f\x42\x40"),
        element(0x4461, struct.pack(">q", 700_000_000_000_000_000)),
        element(0x7BA9, SECRET + b" at Belmont"),
        element(0x4D80, b"SecretMuxer"),
        element(0x5741, b"SecretPhone"),
    )
    tracks = element(0xAE, element(0xD7, b"\x01"), element(0x86, b"V_VP8"), element(0x83, b"\x01"))
    cluster = element(
        0x1F43B675, element(0xE7, b"\x00"), element(0xA3, b"\x81\x00\x00\x80", FRAME), unknown=live
    )
    tags = element(0x1254C367, element(0x7373, element(0x67C8, element(0x4487, GPS))))
    attached = element(
        0x1941A469, element(0x61A7, element(0x466E, b"me.jpg"), element(0x465C, SECRET))
    )
    body = seek_head + info + element(0x1654AE6B, tracks) + cluster + tags + attached + extra
    return header + element(0x18538067, body, unknown=live)


def ebml_children(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(id, start of content, end) of each element between start and end (known sizes only)."""
    position = start
    while position < end:
        id_width = 9 - data[position].bit_length()
        size_width = 9 - data[position + id_width].bit_length()
        ident = int.from_bytes(data[position : position + id_width], "big")
        content = position + id_width + size_width
        size = int.from_bytes(data[position + id_width : content], "big")
        size &= (1 << 7 * size_width) - 1
        yield ident, content, content + size
        position = content + size


def mp4_boxes(data: bytes, start: int, end: int) -> dict[bytes, list[tuple[int, int]]]:
    """(start of content, end) of the boxes between start and end, by name."""
    found: dict[bytes, list[tuple[int, int]]] = {}
    while start < end:
        size, name = struct.unpack_from(">I4s", data, start)
        found.setdefault(name, []).append((start + 8, start + size))
        start += size
    return found


def inside(data: bytes, *path: bytes) -> tuple[int, int]:
    """The content of the first box along path."""
    start, end = 0, len(data)
    for name in path:
        start, end = mp4_boxes(data, start, end)[name][0]
    return start, end


# --- Sending -------------------------------------------------------------------------------


def send(resident: Resident, url: str, page: str, *files: tuple[bytes, str]) -> str:
    """Post files as the page's form does, encoded in memory (nothing left open)."""
    fields: dict[str, Any] = {"csrf_token": resident.token(page), "action": "add"}
    fields["files"] = [FileStorage(BytesIO(data), name) for data, name in files]
    boundary, body = encode_multipart(fields)
    response = resident.client.post(
        url, data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    if response.status_code == 302:
        response = resident.get(response.headers["Location"])
    return response.get_data(as_text=True)


def pending_file(app: Flask) -> bytes:
    (path,) = stored(Path(app.config["UPLOAD_FOLDER"]) / "pending")
    return stored_content(app, path)


def sent_file(app: Flask, resident: Resident) -> tuple[Attachment, bytes]:
    resident.post("/report/review", {"receipt_kind": "words"})
    with app.app_context():
        attachment = db.session.scalars(select(Attachment)).one()
        path = Path(app.config["UPLOAD_FOLDER"]) / "evidence" / attachment.stored_name
        return attachment, stored_content(app, path)


def assert_clean_movie(data: bytes) -> None:
    """No metadata anywhere, only picture, zero dates, chunk offsets on the same frames."""
    for secret in (
        GPS,
        SECRET,
        b"xmpmeta",
        b"udta",
        b"uuid",
        b"free",
        b"ilst",
        b"keys",
        b"Core Media",
    ):
        assert secret not in data
    assert sorted(mp4_boxes(data, 0, len(data))) == [b"ftyp", b"mdat", b"moov"]
    moov = mp4_boxes(data, *inside(data, b"moov"))
    assert list(moov) == [b"mvhd", b"trak"]
    assert len(moov[b"trak"]) == 1
    for path, width in (
        ((b"mvhd",), 8),
        ((b"trak", b"tkhd"), 8),
        ((b"trak", b"mdia", b"mdhd"), 16),
    ):
        start, _end = inside(data, b"moov", *path)
        assert data[start + 4 : start + 4 + width] == bytes(width), path
    stco, _end = inside(data, b"moov", b"trak", b"mdia", b"minf", b"stbl", b"stco")
    first, second = struct.unpack_from(">II", data, stco + 8)
    assert data[first : first + 2 * len(FRAMES[0])] == FRAMES[0] + FRAMES[1]
    assert data[second : second + 2 * len(FRAMES[0])] == FRAMES[2] + FRAMES[3]
    # The GPS track's sample is blanked where it lay.
    assert data[first + 2 * len(FRAMES[0]) : second] == bytes(len(TIMED_GPS))


# --- Tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BRANDS))
@pytest.mark.parametrize("moov_first", [True, False], ids=["index-first", "index-last"])
def test_a_phone_video_is_kept_without_location_tags_or_dates(
    app: Flask, resident: Resident, kind: str, moov_first: bool
) -> None:
    data = movie(kind, moov_first=moov_first)
    assert data.count(GPS) == 6
    assert SECRET in data
    begin(resident)
    name = BRANDS[kind][2]
    page = send(resident, "/report/evidence", "/report/evidence", (data, name))
    assert "Some files were not added" not in page
    assert name in page
    attachment, cleaned = sent_file(app, resident)
    assert attachment.content_type == kind
    assert attachment.size == len(cleaned)
    assert_clean_movie(cleaned)


def test_a_video_may_be_larger_than_other_files(app: Flask, resident: Resident) -> None:
    data = movie("video/mp4", padding=12 * 1024 * 1024)
    begin(resident)
    page = send(resident, "/report/evidence", "/report/evidence", (data, "bus.mp4"))
    assert "Some files were not added" not in page
    assert_clean_movie(pending_file(app))


@pytest.mark.parametrize("live", [False, True], ids=["file", "live-recording"])
def test_a_webm_loses_its_tags_attachments_and_dates(
    app: Flask, resident: Resident, live: bool
) -> None:
    data = webm(live=live)
    begin(resident)
    page = send(resident, "/report/evidence", "/report/evidence", (data, "screen.webm"))
    assert "Some files were not added" not in page
    attachment, cleaned = sent_file(app, resident)
    assert attachment.content_type == "video/webm"
    # Blanked in place: nothing moved, so the index and the clusters still point right.
    assert len(cleaned) == len(data)
    assert cleaned.index(FRAME) == data.index(FRAME)
    for secret in (GPS, SECRET, b"SecretMuxer", b"SecretPhone", b"me.jpg"):
        assert secret not in cleaned
    (segment,) = [e for e in ebml_children(cleaned, 0, len(cleaned)) if e[0] == 0x18538067]
    if live:  # The live segment and cluster run to the end; read their known-size start.
        segment = (segment[0], segment[1], len(cleaned))
    top = list(ebml_children(cleaned, segment[1], segment[2]))
    kinds = [ident for ident, _start, _end in top]
    assert 0x1254C367 not in kinds
    assert 0x1941A469 not in kinds
    assert kinds[:3] == [0x114D9B74, 0x1549A966, 0x1654AE6B]
    seeks = [ident for ident, _s, _e in ebml_children(cleaned, top[0][1], top[0][2])]
    assert seeks == [0x4DBB, 0xEC]  # The entry pointing at the tags is gone.
    info = [ident for ident, _s, _e in ebml_children(cleaned, top[1][1], top[1][2])]
    assert info == [0xEC, 0x2AD7B1, 0xEC, 0xEC, 0xEC, 0xEC]  # Checksum, date, names: Void.


def test_a_video_over_the_limit_is_refused(app: Flask, resident: Resident) -> None:
    begin(resident)
    token = resident.token("/report/evidence")
    boundary = "video-boundary"
    start = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nadd\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="long.mp4"\r\n'
        "Content-Type: video/mp4\r\n\r\n"
    ).encode()
    head = movie("video/mp4")
    with tempfile.TemporaryFile() as body:  # 101 MB, sparse: a hole after a real video's start.
        body.write(start + head)
        body.seek(len(start) + 101 * 1024 * 1024)
        body.write(f"\r\n--{boundary}--\r\n".encode())
        length = body.tell()
        body.seek(0)
        response = resident.client.post(
            "/report/evidence",
            input_stream=body,
            content_length=length,
            content_type=f"multipart/form-data; boundary={boundary}",
        )
    assert response.status_code == 200
    assert "This video is larger than 100 MB." in response.get_data(as_text=True)
    assert stored(Path(app.config["UPLOAD_FOLDER"]) / "pending") == []


def test_too_much_at_once_names_both_limits(resident: Resident) -> None:
    begin(resident)
    response: TestResponse = resident.client.post(
        "/report/evidence",
        input_stream=BytesIO(b"--x--\r\n"),
        content_type="multipart/form-data; boundary=x",
        # Refused by the length it announces, before a byte is read.
        environ_overrides={"CONTENT_LENGTH": str(200 * 1024 * 1024)},
    )
    assert response.status_code == 413
    assert "Each file can be up to 10 MB, and a video up to 100 MB" in response.get_data(
        as_text=True
    )


def fragmented() -> bytes:
    data = movie("video/mp4")
    return data + box(b"moof", box(b"mfhd", bytes(8))) + box(b"mdat", FRAMES[0])


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        pytest.param(EXE, "clip.mp4", REFUSED, id="program-named-as-video"),
        pytest.param(b"\0\0\0\x18ftypisom" + bytes(12) + EXE, "bus.mp4", UNREADABLE, id="junk"),
        pytest.param(movie("video/mp4")[:-100], "cut.mp4", UNREADABLE, id="cut-short"),
        pytest.param(fragmented(), "frag.mp4", UNREADABLE, id="fragmented"),
        pytest.param(webm(extra=element(0x7E8A, SECRET)), "x.webm", UNREADABLE, id="webm-odd"),
    ],
)
def test_what_is_not_a_clean_video_is_refused(
    app: Flask, resident: Resident, data: bytes, name: str, message: str
) -> None:
    begin(resident)
    page = send(resident, "/report/evidence", "/report/evidence", (data, name))
    assert "Some files were not added" in page
    assert message in page
    assert stored(Path(app.config["UPLOAD_FOLDER"]) / "pending") == []


def test_an_m4a_recording_is_still_sound_and_loses_its_dates(
    app: Flask, resident: Resident
) -> None:
    data = bytearray(tagged_m4a())
    for name in (b"mvhd", b"tkhd", b"mdhd"):
        at = data.index(name) + 8
        data[at : at + 8] = struct.pack(">II", CREATED, CREATED)
    begin(resident)
    page = send(resident, "/report/evidence", "/report/evidence", (bytes(data), "memo.m4a"))
    assert "Some files were not added" not in page
    attachment, cleaned = sent_file(app, resident)
    assert attachment.content_type == "audio/mp4"
    assert MP4(BytesIO(cleaned)).info.sample_rate == 44100
    for name in (b"mvhd", b"tkhd", b"mdhd"):
        at = cleaned.index(name) + 8
        assert cleaned[at : at + 8] == bytes(8), name


def test_a_video_can_be_added_to_a_sent_report(app: Flask) -> None:
    case_id, number, receipt = file_and_keep(app)
    resident = open_report(app, number, receipt)
    send(resident, "/check/report/files", "/check/report", (movie("video/quicktime"), "a.mov"))
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert [a.content_type for a in report.attachments] == ["video/quicktime"]
        path = Path(app.config["UPLOAD_FOLDER"]) / "evidence" / report.attachments[0].stored_name
    assert_clean_movie(stored_content(app, path))


def test_the_evidence_pages_say_videos_are_welcome(app: Flask, resident: Resident) -> None:
    begin(resident)
    page = resident.get("/report/evidence").get_data(as_text=True)
    assert "Videos can be up to 100 MB each." in page
    assert "video/*" in page
