"""Certificates in every shipped language: the text read back from the PDF is the
language's wording, and every letter is drawn with an embedded font that has it."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from qgis.certification.certificates.shipped_wording import SHIPPED_WORDING
from qgis.certification.certificates.wording import shipped
from qgis.certification.pdf import common
from qgis.certification.pdf.certificate import CertificateData
from qgis.certification.pdf.certificate import render_certificate
from qgis.certification.pdf.organisation_certificate import OrganisationCertificateData
from qgis.certification.pdf.organisation_certificate import render_organisation_certificate
from qgis.certification.pdf.trainer_certificate import TrainerCertificateData
from qgis.certification.pdf.trainer_certificate import render_trainer_certificate
from qgis.certification.pdf.wording import CertificateWording
from qgis.certification.pdf.wording import format_date


LANGUAGES = sorted(SHIPPED_WORDING)
CODE = "QGIS-7KX9-P2QM-4"
URL = f"https://certification.qgis.org/verify/{CODE}"
START, END, ISSUED = date(2026, 3, 2), date(2026, 3, 6), date(2026, 3, 9)


def attendee_certificate(texts: CertificateWording, **changes) -> CertificateData:
    values = dict(
        code=CODE,
        verify_url=URL,
        attendee_name="Jane Doe",
        wording=texts.completion,
        course_type_title="QGIS for beginners",
        trained_competence="Styling vector layers",
        start_date=START,
        end_date=END,
        instruction_hours=24,
        convener_name="Maria Popescu",
        training_center="Cluj Training Centre",
        organisation_title="GeoLearn SRL",
        issue_date=ISSUED,
        texts=texts,
        representative_name="Pat Smith",
    )
    values.update(changes)
    return CertificateData(**values)


def squashed(text: str) -> str:
    """``text`` without any whitespace: line breaks fall where the layout puts them."""
    return "".join(text.split())


def text_runs(pdf: bytes):
    """(embedded font name, text) of every piece of text drawn on the only page."""
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((str(font["/BaseFont"]) if font else None, text))

    page.extract_text(visitor_text=visit)
    return runs


def registered_faces():
    """PostScript name -> the face of each TrueType font ReportLab has registered."""
    faces = {}
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if isinstance(font, TTFont):
            face_name = font.face.name
            faces[face_name.decode() if isinstance(face_name, bytes) else face_name] = font.face
    return faces


def assert_every_glyph_present(pdf: bytes):
    """Every letter drawn is in the cmap of the embedded font it is drawn with:
    no missing-glyph box (ReportLab draws a letter its font lacks as code 0)."""
    faces = registered_faces()
    runs = text_runs(pdf)
    assert runs
    for base_font, text in runs:
        assert "\x00" not in text, (base_font, text)
        assert "+" in (base_font or ""), f"{text!r} is not in an embedded subset font"
        face = faces[base_font.lstrip("/").split("+", 1)[1]]
        missing = {letter for letter in text if not letter.isspace()} - {
            chr(code) for code in face.charToGlyph
        }
        assert not missing, (base_font, missing)


def expected_texts(texts: CertificateWording) -> list[str]:
    """What an attendee's certificate must print, filled in as the language writes it."""
    return [
        texts.programme,
        texts.title.upper(),
        texts.certifies,
        "Jane Doe",
        texts.completion,
        texts.fill("competence", competence="Styling vector layers"),
        texts.fill("period", start=START, end=END),
        texts.fill("hours", hours=24),
        texts.fill("convened", convener="Maria Popescu", centre="Cluj Training Centre"),
        texts.convener,
        texts.representative,
        f"{texts.code}: {CODE}",
        texts.fill("issued_on", date=ISSUED),
        texts.verify_at,
        URL,
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_attendee_certificate_prints_its_languages_wording(language):
    texts = shipped(language)
    pdf = render_certificate(attendee_certificate(texts, revoked=True))
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    printed = squashed(page.extract_text())
    for expected in [*expected_texts(texts), texts.revoked]:
        assert squashed(expected) in printed, (language, expected)
    assert_every_glyph_present(pdf)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_organisation_and_trainer_certificates_print_their_languages_wording(language):
    texts = shipped(language)
    organisation = render_organisation_certificate(
        OrganisationCertificateData(
            "GeoLearn SRL", "România", CODE, URL, ISSUED, "Pat Smith", None, texts
        )
    )
    trainer = render_trainer_certificate(
        TrainerCertificateData(
            "Ana Trainer", "GeoLearn SRL", CODE, URL, START, END, "Pat Smith", None, texts, "lapsed"
        )
    )
    for pdf, expected in (
        (organisation, [texts.provider_title, texts.certifies, texts.membership, "România"]),
        (
            trainer,
            [
                texts.trainer_title,
                texts.fill("trainer_of", organisation="GeoLearn SRL"),
                texts.fill("valid_period", start=START, end=END),
                texts.lapsed,
            ],
        ),
    ):
        (page,) = PdfReader(io.BytesIO(pdf)).pages
        printed = squashed(page.extract_text())
        for text in expected:
            assert squashed(text) in printed, (language, text)
        assert_every_glyph_present(pdf)


def test_japanese_is_printed_with_an_embedded_japanese_font():
    pdf = render_certificate(attendee_certificate(shipped("ja")))
    fonts = {font for font, _ in text_runs(pdf)}
    assert fonts == {"/AAAAAA+IPAPGothic"}
    assert fonts.isdisjoint({"/Helvetica", "/HeiseiMin-W3"})  # never a font left out


def test_latin_languages_keep_the_latin_font():
    for language in ("en", "ro", "de", "fr", "pt"):
        fonts = {
            font
            for font, _ in text_runs(render_certificate(attendee_certificate(shipped(language))))
        }
        assert fonts == {"/AAAAAA+Roboto-Regular", "/AAAAAA+Roboto-Bold", "/AAAAAA+Roboto-Italic"}


def test_every_shipped_wording_is_complete_and_keeps_its_placeholders():
    names = CertificateWording.text_names()
    english = SHIPPED_WORDING["en"]
    for language, texts in SHIPPED_WORDING.items():
        assert set(texts) == set(names), language
        for name in names:
            assert texts[name].strip(), (language, name)
            for placeholder in ("${date}", "${start}", "${end}", "${hours}", "${organisation}"):
                assert (placeholder in texts[name]) == (placeholder in english[name]), (
                    language,
                    name,
                )
        # no language is the English text under another name
        if language != "en":
            assert texts["completion"] != english["completion"]
            assert texts["certifies"] != english["certifies"]


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "2 March 2026"),
        ("ro", "2 martie 2026"),
        ("sv", "2 mars 2026"),
        ("de", "2. März 2026"),
        ("fr", "2 mars 2026"),
        ("es", "2 de marzo de 2026"),
        ("pt", "2 de março de 2026"),
        ("it", "2 marzo 2026"),
        ("ja", "2026年3月2日"),
        ("xx", "2 March 2026"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, written):
    assert format_date(START, language) == written
    assert common.format_date(START, language) == written


@pytest.mark.parametrize("language", ["en", "ja"])
def test_each_language_renders_the_same_bytes_every_time(language):
    data = attendee_certificate(shipped(language))
    assert render_certificate(data) == render_certificate(data)


def test_letters_no_font_has_fall_back_to_the_latin_font_with_a_warning(caplog):
    unprintable = CertificateWording(
        **{**SHIPPED_WORDING["en"], "title": "\U000f0000 Certificate", "language": "en"}
    )
    with caplog.at_level("WARNING", logger="qgis.certification.pdf.common"):
        found = common.fonts_for(unprintable.all_text())
    assert found == common.fonts()
    assert "\U000f0000" in caplog.text
