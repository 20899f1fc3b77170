"""Evidence uploads under attack: pixel floods, hostile file names, active PDFs, tagged audio."""

from __future__ import annotations

import struct
import wave
import zlib
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pikepdf
import pytest
from flask import Flask
from mutagen.apev2 import APEv2
from mutagen.flac import FLAC, Picture
from mutagen.id3 import ID3, TIT2, TPE1
from mutagen.mp4 import MP4
from mutagen.ogg import OggPage
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from pikepdf import Array, Dictionary, Name, String
from PIL import Image, ImageFile, PngImagePlugin
from sqlalchemy import select

from intake import uploads
from intake.extensions import db
from intake.models import Attachment

from .helpers import Resident, hate_answers, stored_content
from .test_followup import file_and_keep, open_report

TOO_LARGE = "This picture is too large to check."
PDF_REFUSED = "This PDF could not be checked. If it has a password, remove it and try again"
AUDIO_REFUSED = "This sound recording could not be checked."
SECRET = "Secret Person"


# --- Pictures ------------------------------------------------------------------------------


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@cache
def flood_png(width: int = 8000, height: int = 8000) -> bytes:
    """A valid, fully transparent RGBA PNG: a quarter of a megabyte that unfolds into 256 MB."""
    packer = zlib.compressobj(9)
    row = bytes(1 + 4 * width)  # Filter byte, then transparent black pixels.
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunks = png_chunk(b"IHDR", header) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def encoded(image: Image.Image, kind: str, **options: Any) -> bytes:
    out = BytesIO()
    image.save(out, format=kind, **options)
    return out.getvalue()


def begin(resident: Resident) -> None:
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])


def upload(resident: Resident, *files: tuple[bytes, str]) -> str:
    data = {"action": "add", "files": [(BytesIO(content), name) for content, name in files]}
    response = resident.post(
        "/report/evidence", data, content_type="multipart/form-data", follow=True
    )
    return response.get_data(as_text=True)


def pending(app: Flask) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"]) / "pending"
    return sorted(folder.iterdir()) if folder.exists() else []


def only_pending(app: Flask) -> bytes:
    files = pending(app)
    assert len(files) == 1
    return stored_content(app, files[0])


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Records every picture Pillow decodes, so a test can show nothing was."""
    decoded: list[Any] = []
    original = ImageFile.ImageFile.load

    def load(self: ImageFile.ImageFile) -> Any:
        decoded.append(self.size)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return decoded


def test_a_pixel_flood_is_refused_before_decoding(
    app: Flask, resident: Resident, no_decoding: list[Any]
) -> None:
    begin(resident)
    page = upload(resident, (flood_png(), "flood.png"))
    assert TOO_LARGE in page
    assert "Send a smaller copy of it" in page
    assert no_decoding == []
    assert pending(app) == []


def test_a_picture_that_unfolds_too_far_is_refused_under_the_pixel_limit(
    app: Flask, resident: Resident, no_decoding: list[Any]
) -> None:
    data = flood_png(3000, 3000)  # 9 million pixels from a few kilobytes.
    assert 3000 * 3000 > 100 * len(data)
    begin(resident)
    assert TOO_LARGE in upload(resident, (data, "flat.png"))
    assert no_decoding == []
    assert pending(app) == []


def test_the_picture_limits_are_settings(app_factory: Any) -> None:
    small = encoded(Image.new("RGB", (40, 40), "white"), "PNG")
    with app_factory(MAX_IMAGE_PIXELS=1000).test_request_context():
        with pytest.raises(uploads.UploadError, match=TOO_LARGE):
            uploads.clean(small)
    with app_factory(MAX_IMAGE_PIXELS=1600).test_request_context():
        assert uploads.clean(small).content_type == "image/png"


def test_a_phone_photo_and_a_flat_screenshot_still_pass(app: Flask) -> None:
    # Regression guard for the limits: both passed before, and must still pass.
    noise = Image.merge("RGB", [Image.effect_noise((3000, 2000), 40 + 10 * i) for i in range(3)])
    photo = encoded(noise, "JPEG", quality=90)
    screen = Image.new("RGB", (1170, 1700), "white")  # About 2 million pixels, nearly all flat.
    screen.paste((30, 30, 30), (40, 100, 1130, 140))
    screenshot = encoded(screen, "PNG")
    assert 1170 * 1700 > 100 * len(screenshot)
    with app.test_request_context():
        cleaned_photo = uploads.clean(photo)
        cleaned_screenshot = uploads.clean(screenshot)
    assert cleaned_photo.content_type == "image/jpeg"
    with Image.open(BytesIO(cleaned_screenshot.data)) as image:
        assert image.size == (1170, 1700)
        assert image.getpixel((50, 120)) == (30, 30, 30)


def test_palette_and_transparency_survive(app: Flask) -> None:
    palette = Image.new("P", (8, 4), 0)
    palette.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255] + [0, 0, 0] * 253)
    palette.paste(1, (4, 0, 8, 4))
    palette.putpixel((0, 3), 2)
    rgba = Image.new("RGBA", (8, 4), (10, 20, 30, 0))
    rgba.putpixel((1, 1), (200, 100, 50, 77))
    originals = [
        ("P", encoded(palette, "PNG", transparency=2)),
        ("P", encoded(palette, "PNG", transparency=bytes([0, 128, 255]))),
        ("P", encoded(palette, "GIF", transparency=1)),
        ("RGBA", encoded(rgba, "PNG")),
        ("RGBA", encoded(rgba, "WEBP", lossless=True)),
    ]
    for mode, data in originals:
        with app.test_request_context():
            cleaned = uploads.clean(data).data
        with Image.open(BytesIO(data)) as before, Image.open(BytesIO(cleaned)) as after:
            assert after.mode == mode
            assert before.info.get("transparency") == after.info.get("transparency")
            wanted, got = before.convert("RGBA"), after.convert("RGBA")
            if before.format == "WEBP":  # Saved lossy: the colours move a little, not the alpha.
                wanted, got = wanted.getchannel("A"), got.getchannel("A")
            assert got.tobytes() == wanted.tobytes()


def test_no_metadata_survives_the_redraw(app: Flask) -> None:
    image = Image.new("RGB", (16, 16), "blue")
    exif = Image.Exif()
    exif[0x013B] = SECRET  # Artist
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", SECRET)
    text.add_itxt("XML:com.adobe.xmp", f"<x:xmpmeta>{SECRET}</x:xmpmeta>")
    icc = b"\0" * 128 + SECRET.encode()
    png = encoded(image, "PNG", pnginfo=text, exif=exif, icc_profile=icc)
    jpeg = encoded(image, "JPEG", exif=exif, icc_profile=icc, comment=SECRET)
    webp = encoded(image, "WEBP", exif=exif, icc_profile=icc, xmp=SECRET.encode())
    gif = encoded(image.convert("P"), "GIF", comment=SECRET)
    for data in (png, jpeg, webp, gif):
        assert SECRET.encode() in data
        with app.test_request_context():
            cleaned = uploads.clean(data).data
        assert SECRET.encode() not in cleaned
        with Image.open(BytesIO(cleaned)) as opened:
            assert not {"exif", "icc_profile", "comment", "xmp", "Author"} & set(opened.info)
            assert dict(opened.getexif()) == {}


# --- File names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("C:\\Users\\maria\\Desktop\\notice.pdf", "notice.pdf"),
        ("../../etc/passwd", "passwd"),
        ("evil\r\nname.pdf", "evil name.pdf"),
        ("nul\x00byte\x7f.txt", "nulbyte.txt"),
        ("photo\u202egnp.exe", "photognp.exe"),
        ("zero\u200bwidth\ufeff.png", "zerowidth.png"),
        ("line\u2028para\u2029.txt", "line para .txt"),
        ("Cafe\u0301  menu\t.pdf", "Café menu .pdf"),
        ("شكوى الجيران.pdf", "شكوى الجيران.pdf"),
        ("  spaces and dots .. ", "spaces and dots"),
        ("\r\n\u202e", "file"),
        ("..", "file"),
        ("", "file"),
    ],
)
def test_safe_filename(raw: str, expected: str) -> None:
    assert uploads.safe_filename(raw) == expected


def test_a_long_name_is_cut_keeping_its_extension() -> None:
    name = uploads.safe_filename("a" * 500 + ".jpeg")
    assert len(name) == 200
    assert name.endswith("a.jpeg")


def multipart_with_raw_name(token: str, name: str, content: bytes, action: str) -> bytes:
    """A form post whose file name is sent as RFC 2231 `filename*`, as some clients do."""
    fields = [
        (b'name="csrf_token"', token.encode()),
        (b'name="action"', action.encode()),
        (b"name=\"files\"; filename*=UTF-8''" + quote(name, safe="").encode(), content),
    ]
    parts = [
        b"--boundary\r\nContent-Disposition: form-data; " + header + b"\r\n\r\n" + body + b"\r\n"
        for header, body in fields
    ]
    return b"".join(parts) + b"--boundary--\r\n"


def send_with_raw_name(resident: Resident, name: str, content: bytes) -> None:
    begin(resident)
    body = multipart_with_raw_name(resident.token("/report/evidence"), name, content, "continue")
    response = resident.client.post(
        "/report/evidence", data=body, content_type="multipart/form-data; boundary=boundary"
    )
    assert response.status_code == 302
    assert resident.post("/report/review", {"receipt_kind": "words"}).status_code == 302


def only_attachment(app: Flask) -> tuple[int, int, str]:
    with app.app_context():
        item = db.session.scalars(select(Attachment)).one()
        return item.report_id, item.id, item.original_name or ""


def test_a_hostile_file_name_is_stored_clean_and_downloads(
    app: Flask, resident: Resident, staff_browser: Any
) -> None:
    raw = "..\\..\\C:/x/evil\r\nSet-Cookie: a=b\x00\u202egpj.txt"
    send_with_raw_name(resident, raw, b"What he wrote on the door.\n")
    case_id, attachment_id, stored = only_attachment(app)
    assert stored == "evil Set-Cookie: a=bgpj.txt"
    supervisor = staff_browser("supervisor")
    with supervisor.get(f"/staff/cases/{case_id}/attachments/{attachment_id}") as download:
        assert download.status_code == 200
        disposition = download.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="evil Set-Cookie_ a_bgpj.txt"; ' + (
        "filename*=UTF-8''evil%20Set-Cookie%3A%20a%3Dbgpj.txt"
    )
    assert "Set-Cookie" not in download.headers


def test_names_stored_before_the_fix_still_download(
    app: Flask, resident: Resident, staff_browser: Any
) -> None:
    send_with_raw_name(resident, "notes.txt", b"He said: go home.\n")
    case_id, attachment_id, _name = only_attachment(app)
    with app.app_context():
        item = db.session.get(Attachment, attachment_id)
        assert item is not None
        item.original_name = "old\r\nname\x00.txt"
        db.session.commit()
    supervisor = staff_browser("supervisor")
    with supervisor.get(f"/staff/cases/{case_id}/attachments/{attachment_id}") as download:
        assert download.status_code == 200
        assert download.headers["Content-Disposition"] == 'attachment; filename="old name.txt"'


def test_a_name_in_another_alphabet_downloads_with_an_encoded_name(
    app: Flask, resident: Resident, staff_browser: Any
) -> None:
    send_with_raw_name(resident, "شكوى.txt", b"He said: go home.\n")
    case_id, attachment_id, stored = only_attachment(app)
    assert stored == "شكوى.txt"
    supervisor = staff_browser("supervisor")
    with supervisor.get(f"/staff/cases/{case_id}/attachments/{attachment_id}") as download:
        assert download.status_code == 200
        assert download.headers["Content-Disposition"] == (
            f'attachment; filename="evidence-{attachment_id}.txt"; '
            "filename*=UTF-8''%D8%B4%D9%83%D9%88%D9%89.txt"
        )


def test_files_added_later_have_clean_names_too(app: Flask) -> None:
    case_id, number, receipt = file_and_keep(app)
    resident = open_report(app, number, receipt)
    body = multipart_with_raw_name(
        resident.token("/check/report"), "a/b\\later\r\n\u202e.txt", b"More.\n", "add"
    )
    resident.client.post(
        "/check/report/files", data=body, content_type="multipart/form-data; boundary=boundary"
    )
    with app.app_context():
        names = [item.original_name for item in db.session.scalars(select(Attachment))]
    assert names == ["later .txt"]


# --- PDF -----------------------------------------------------------------------------------


def saved(pdf: pikepdf.Pdf, **options: Any) -> bytes:
    out = BytesIO()
    pdf.save(out, **options)
    return out.getvalue()


def hostile_pdf() -> bytes:
    """One page that runs scripts, launches programs, carries a file and names its author."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    script = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert('hi')")))
    pdf.Root.OpenAction = script
    pdf.Root.AA = Dictionary(WC=Dictionary(S=Name.JavaScript, JS=String("1")))
    pdf.attachments["payload.txt"] = pikepdf.AttachedFileSpec(
        pdf, b"hidden", mime_type="text/plain"
    )
    pdf.Root.Names.JavaScript = Dictionary(Names=Array([String("hi"), script]))
    page = pdf.pages[0].obj
    page.AA = Dictionary(O=Dictionary(S=Name.Launch, F=String("calc.exe")))

    def annotation(subtype: Name, **fields: Any) -> Dictionary:
        return pdf.make_indirect(
            Dictionary(Type=Name.Annot, Subtype=subtype, Rect=[0, 0, 9, 9], **fields)
        )

    web = Dictionary(S=Name.URI, URI=String("https://example.org/"), Next=script)
    field = annotation(
        Name.Widget,
        FT=Name.Btn,
        T=String("send"),
        A=Dictionary(S=Name.SubmitForm, F=String("https://evil.example/")),
        AA=Dictionary(K=script),
    )
    page.Annots = Array(
        [
            annotation(Name.Link, A=web),
            annotation(Name.Link, A=Dictionary(S=Name.URI, URI=String(" javascript:alert(1)"))),
            annotation(Name.Link, A=Dictionary(S=Name.GoToR, F=String("other.pdf"), D=[0])),
            annotation(Name.FileAttachment, FS=pdf.attachments["payload.txt"].obj),
            field,
        ]
    )
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=pdf.make_stream(b"<xdp/>"))
    pdf.Root.Outlines = Dictionary(
        First=Dictionary(Title=String("Start"), A=Dictionary(S=Name.JavaScript, JS=String("2")))
    )
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [SECRET]
    pdf.docinfo[Name.Author] = SECRET
    return saved(pdf)


def test_a_pdf_loses_its_scripts_attachments_and_metadata(app: Flask, resident: Resident) -> None:
    begin(resident)
    upload(resident, (hostile_pdf(), "notice.pdf"))
    cleaned = only_pending(app)
    assert SECRET.encode() not in cleaned
    with pikepdf.open(BytesIO(cleaned)) as pdf:
        assert len(pdf.pages) == 1
        assert Name.Info not in pdf.trailer
        assert not {"/OpenAction", "/AA", "/Metadata"} & set(pdf.Root.keys())
        assert Name.XFA not in pdf.Root.AcroForm
        assert Name.JavaScript not in pdf.Root.Names
        assert Name.EmbeddedFiles not in pdf.Root.Names
        assert len(pdf.attachments) == 0
        assert Name.A not in pdf.Root.Outlines.First
        page = pdf.pages[0].obj
        assert Name.AA not in page
        annotations = list(page.Annots)
        assert [a.Subtype for a in annotations] == [Name.Link] * 3 + [Name.Widget]
        web, script_link, remote, widget = annotations
        assert web.A.S == Name.URI
        assert str(web.A.URI) == "https://example.org/"
        assert Name.Next not in web.A
        assert Name.A not in script_link
        assert Name.A not in remote
        assert Name.A not in widget
        assert Name.AA not in widget
        remaining = [str(obj.get(Name.S)) for obj in pdf.objects if isinstance(obj, Dictionary)]
        assert not {"/JavaScript", "/Launch", "/SubmitForm", "/GoToR"} & set(remaining)


def test_a_plain_pdf_keeps_its_pages(app: Flask) -> None:
    pdf = pikepdf.new()
    for _ in range(3):
        pdf.add_blank_page()
    with app.test_request_context():
        cleaned = uploads.clean(saved(pdf))
    assert cleaned.content_type == "application/pdf"
    with pikepdf.open(BytesIO(cleaned.data)) as reopened:
        assert len(reopened.pages) == 3


def locked_pdf(user: str) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo[Name.Author] = SECRET
    return saved(pdf, encryption=pikepdf.Encryption(user=user, owner="owner secret"))


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", id="broken"),
        pytest.param(locked_pdf("user secret"), id="password"),
    ],
)
def test_a_pdf_that_cannot_be_read_is_refused(app: Flask, resident: Resident, data: bytes) -> None:
    begin(resident)
    page = upload(resident, (data, "notice.pdf"))
    assert PDF_REFUSED in page
    assert pending(app) == []


def test_a_pdf_locked_only_against_editing_is_kept_unlocked(app: Flask) -> None:
    with app.test_request_context():
        cleaned = uploads.clean(locked_pdf("")).data
    with pikepdf.open(BytesIO(cleaned)) as pdf:
        assert not pdf.is_encrypted
        assert Name.Info not in pdf.trailer


# --- Sound recordings ----------------------------------------------------------------------


def clean_in(app: Flask, data: bytes) -> uploads.CleanFile:
    with app.test_request_context():
        return uploads.clean(data)


def wav_sound() -> bytes:
    out = BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(bytes(range(256)) * 25)
    return out.getvalue()


def tagged_wav() -> bytes:
    info = b"INFO" + b"IART" + struct.pack("<I", 14) + SECRET.encode() + b"\0"
    plain = wav_sound()
    body = plain[12:] + b"LIST" + struct.pack("<I", len(info)) + info
    buffer = BytesIO(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)
    recording = WAVE(buffer)
    recording.add_tags()
    recording.tags.add(TPE1(encoding=3, text=[SECRET]))
    recording.save(buffer)
    return buffer.getvalue()


def test_a_wav_loses_its_info_and_id3_chunks(app: Flask) -> None:
    data = tagged_wav()
    assert data.count(SECRET.encode()) == 2
    cleaned = clean_in(app, data)
    assert cleaned.content_type == "audio/x-wav"
    assert SECRET.encode() not in cleaned.data
    assert WAVE(BytesIO(cleaned.data)).tags is None
    with wave.open(BytesIO(cleaned.data)) as reader:
        assert reader.readframes(reader.getnframes()) == bytes(range(256)) * 25


MP3_FRAME = b"\xff\xfb\x90\x00" + bytes(413)  # MPEG-1 layer III, 128 kbit/s, 44.1 kHz.


def add_id3_and_ape(data: bytes) -> bytes:
    buffer = BytesIO(data)
    tags = ID3()
    tags.add(TPE1(encoding=3, text=[SECRET]))
    tags.add(TIT2(encoding=3, text=["Recording"]))
    tags.save(buffer, v1=2)
    ape = APEv2()
    ape["Artist"] = SECRET + " (APE)"
    ape.save(buffer)
    return buffer.getvalue()


def test_an_mp3_keeps_only_its_frames(app: Flask, resident: Resident) -> None:
    data = add_id3_and_ape(MP3_FRAME * 30)
    assert data.startswith(b"ID3")
    assert b"APETAGEX" in data
    assert b"TAGRecording" in data  # ID3 version 1, near the end
    begin(resident)
    upload(resident, (data, "voice.mp3"))
    cleaned = only_pending(app)
    assert cleaned == MP3_FRAME * 30


def adts_frame() -> bytes:
    length = 7 + 93
    header = bytes(
        [
            0xFF,
            0xF1,
            0x50,
            0x80 | (length >> 11),
            (length >> 3) & 0xFF,
            (length & 7) << 5 | 0x1F,
            0xFC,
        ]
    )
    return header + bytes(93)


def test_an_aac_recording_loses_a_leading_id3_tag(app: Flask) -> None:
    frames = adts_frame() * 20
    cleaned = clean_in(app, add_id3_and_ape(frames))
    assert cleaned.content_type == "audio/aac"
    assert cleaned.data == frames


def crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def flac_sound(frames: int = 4) -> bytes:
    """A real FLAC file: mono, 16 bits, 44.1 kHz, blocks of 4096 constant samples."""
    info = struct.pack(">HH", 4096, 4096) + bytes(6)
    info += ((44100 << 44) | (15 << 36) | (frames * 4096)).to_bytes(8, "big") + bytes(16)
    audio = b""
    for number in range(frames):
        header = bytes([0xFF, 0xF8, 0xC9, 0x08, number])
        frame = header + bytes([crc8(header), 0x00]) + struct.pack(">h", 100 * number)
        audio += frame + struct.pack(">H", crc16(frame))
    return b"fLaC\x80" + len(info).to_bytes(3, "big") + info + audio


def test_a_flac_keeps_only_its_stream_information(app: Flask) -> None:
    plain = flac_sound()
    buffer = BytesIO(plain)
    recording = FLAC(buffer)
    recording["artist"] = SECRET
    picture = Picture()
    picture.type, picture.mime, picture.data = 3, "image/png", SECRET.encode()
    recording.add_picture(picture)
    buffer.seek(0)
    recording.save(buffer)
    tagged = add_id3_and_ape(buffer.getvalue())
    assert tagged.count(SECRET.encode()) >= 3
    cleaned = clean_in(app, tagged)
    assert cleaned.content_type == "audio/x-flac"
    assert cleaned.data == plain
    reopened = FLAC(BytesIO(cleaned.data))
    assert [type(block).__name__ for block in reopened.metadata_blocks] == ["StreamInfo"]
    assert reopened.info.total_samples == 4 * 4096


def ogg(first: bytes, comment: bytes, setup: list[bytes]) -> bytes:
    """An Ogg stream: identification page, comment (and setup) page, then sound pages."""

    def page(packets: list[bytes], sequence: int, position: int, **flags: bool) -> bytes:
        built = OggPage()
        built.packets, built.sequence, built.position, built.serial = packets, sequence, position, 7
        built.first, built.last = flags.get("first", False), flags.get("last", False)
        return bytes(built.write())

    sound = [b"\xf8" + bytes(30)] * 10
    return b"".join(
        [
            page([first], 0, 0, first=True),
            page([comment, *setup], 1, 0),
            page(sound, 2, 9600),
            page(sound, 3, 19200, last=True),
        ]
    )


def vorbis_comment(magic: bytes, framing: bytes) -> bytes:
    vendor = b"Secret recorder 1.0"
    return magic + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0) + framing


OPUS = ogg(
    b"OpusHead\x01\x01" + struct.pack("<HIhB", 312, 48000, 0, 0),
    vorbis_comment(b"OpusTags", b""),
    [],
)
VORBIS = ogg(
    b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 1, 44100, 0, 128000, 0, 0xB8, 1),
    vorbis_comment(b"\x03vorbis", b"\x01"),
    [b"\x05vorbis" + bytes(40)],
)


@pytest.mark.parametrize(
    ("data", "reader"), [(OPUS, OggOpus), (VORBIS, OggVorbis)], ids=["opus", "vorbis"]
)
def test_an_ogg_recording_loses_its_comments(app: Flask, data: bytes, reader: Any) -> None:
    buffer = BytesIO(data)
    recording = reader(buffer)
    recording["artist"] = [SECRET]
    recording.save(buffer)
    assert SECRET.encode() in buffer.getvalue()
    cleaned = clean_in(app, buffer.getvalue())
    assert cleaned.content_type == "audio/ogg"
    assert b"Secret" not in cleaned.data
    reopened = reader(BytesIO(cleaned.data))
    assert list(reopened.tags) == []
    assert reopened.info.length == pytest.approx(recording.info.length)


def box(name: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I4s", 8 + len(body), name) + body


def full_box(name: bytes, *parts: bytes) -> bytes:
    return box(name, b"\0\0\0\0", *parts)


SOUND = bytes(range(256)) * 4


def m4a_sound(chunk_offset: int) -> bytes:
    """The index (moov) of a one-chunk AAC track, with a location and a track name in udta."""
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    entry = bytes(6) + struct.pack(">HQHHHHI", 1, 0, 2, 16, 0, 0, 44100 << 16)
    # AAC LC, 44.1 kHz, stereo: the decoder configuration players (and mutagen) read.
    config = b"\x40\x15" + bytes(3) + struct.pack(">II", 128000, 128000) + b"\x05\x02\x12\x10"
    stream = struct.pack(">HB", 0, 0) + bytes([0x04, len(config)]) + config + b"\x06\x01\x02"
    esds = full_box(b"esds", bytes([0x03, len(stream)]), stream)
    table = box(
        b"stbl",
        full_box(b"stsd", struct.pack(">I", 1), box(b"mp4a", entry, esds)),
        full_box(b"stts", struct.pack(">III", 1, 4, 1024)),
        full_box(b"stsc", struct.pack(">IIII", 1, 1, 4, 1)),
        full_box(b"stsz", struct.pack(">II", 256, 4)),
        full_box(b"stco", struct.pack(">II", 1, chunk_offset)),
    )
    handler = full_box(b"hdlr", bytes(4), b"soun", bytes(12), b"SoundHandler\0")
    media = box(
        b"mdia",
        full_box(b"mdhd", struct.pack(">IIIIHH", 0, 0, 44100, 4096, 0x55C4, 0)),
        handler,
        box(b"minf", full_box(b"smhd", bytes(4)), table),
    )
    track = box(
        b"trak",
        full_box(b"tkhd", struct.pack(">IIIII", 0, 0, 1, 0, 4096), bytes(16), matrix, bytes(8)),
        media,
        box(b"udta", box(b"name", SECRET.encode())),
    )
    movie_header = full_box(
        b"mvhd",
        struct.pack(">IIIIIH", 0, 0, 44100, 4096, 0x10000, 0x100),
        bytes(10),
        matrix,
        bytes(24),
        struct.pack(">I", 2),
    )
    location = box(b"\xa9xyz", struct.pack(">HH", 17, 0), b"+41.8781-087.6298/")
    return box(b"moov", movie_header, track, box(b"udta", location))


def tagged_m4a() -> bytes:
    ftyp = box(b"ftyp", b"M4A ", bytes(4), b"M4A mp42isom")
    junk = box(b"uuid", bytes(16), SECRET.encode()) + box(b"free", bytes(8))
    offset = len(ftyp) + len(m4a_sound(0)) + len(junk) + 8
    buffer = BytesIO(ftyp + m4a_sound(offset) + junk + box(b"mdat", SOUND))
    recording = MP4(buffer)
    recording.add_tags()
    recording["\xa9ART"] = [SECRET]
    recording.save(buffer)
    return buffer.getvalue()


def test_an_m4a_loses_every_metadata_box(app: Flask) -> None:
    data = tagged_m4a()
    assert data.count(SECRET.encode()) == 3
    assert b"+41.8781" in data
    cleaned = clean_in(app, data)
    assert cleaned.content_type == "audio/mp4"
    assert SECRET.encode() not in cleaned.data
    assert b"+41.8781" not in cleaned.data
    for name in (b"udta", b"meta", b"ilst", b"uuid", b"free"):
        assert name not in cleaned.data
    reopened = MP4(BytesIO(cleaned.data))
    assert reopened.tags is None
    assert reopened.info.sample_rate == 44100
    # The chunk table points at the sound where it now lies.
    stco = cleaned.data.index(b"stco")
    (offset,) = struct.unpack_from(">I", cleaned.data, stco + 12)
    assert cleaned.data[offset : offset + len(SOUND)] == SOUND


def test_raw_amr_keeps_whole_frames_only(app: Flask) -> None:
    frames = b"#!AMR\n" + (b"\x3c" + bytes(31)) * 10
    assert clean_in(app, frames + b"\x3c" + bytes(5)).data == frames


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"RIFF\x10\x00\x00\x00WAVELIST\x04\x00\x00\x00INFO", id="wav-without-sound"),
        pytest.param(b"fLaC" + bytes(40), id="flac-without-frames"),
        pytest.param(b"OggS" + bytes(60), id="broken-ogg"),
        pytest.param(b"#!AMR\n" + b"\xff" * 40, id="amr-with-junk"),
    ],
)
def test_a_recording_that_cannot_be_cleaned_is_refused(
    app: Flask, resident: Resident, data: bytes
) -> None:
    begin(resident)
    assert AUDIO_REFUSED in upload(resident, (data, "voice.bin"))
    assert pending(app) == []
