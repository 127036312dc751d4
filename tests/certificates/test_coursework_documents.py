"""The preview is a sample, in the course's language, whose code never
verifies; ZIP entries are named after the holder; the issue form refuses a
course that has not started, saying from when."""

import io
from datetime import date
from types import SimpleNamespace

import pytest
import transaction
from builders import top_up
from plone import api
from pypdf import PdfReader

from qgis.certification.certificates import codes
from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
from qgis.certification.payments.credits import ledger_of


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data if isinstance(data, bytes) else data.encode("latin-1")))
    return " ".join(reader.pages[0].extract_text().split()), reader.metadata


@pytest.mark.parametrize(
    ("language", "stamp"), [("en", "SAMPLE"), ("ro", "SPECIMEN"), ("sv", "EXEMPEL")]
)
def test_the_preview_is_marked_as_a_sample(certified, browser_for, language, stamp):
    organisation, course, people = certified
    course.course_language = language
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@certificate-preview.pdf")
    text, metadata = pdf_text(browser.contents)
    assert stamp in text
    assert codes.SAMPLE_CODE in text
    assert metadata.title.startswith("SAMPLE")
    transaction.begin()
    assert not api.content.find(context=course, portal_type="Certificate", unrestricted=True)


def test_a_real_certificate_has_no_sample_mark(certified):
    organisation, course, people = certified
    top_up(organisation, 1)
    with api.env.adopt_user(username="owner"):
        (certificate,), _ = issuing.issue_certificates(
            course, [people[0].UID()], "completion", "owner"
        )
    text, metadata = pdf_text(documents.certificate_pdf(certificate))
    assert "SPECIMEN" not in text
    assert "SAMPLE" not in metadata.title


def test_the_sample_code_says_it_certifies_nothing(site, browser_for):
    browser = browser_for(None)
    browser.open(f"{site.absolute_url()}/verify/{codes.SAMPLE_CODE}")
    assert "printed on sample certificates" in browser.contents
    browser.open(f"{site.absolute_url()}/verify?code=samp1e00x")
    assert "printed on sample certificates" in browser.contents


def holder(name, code="QGIS-7KX9-P2QM-4", withdrawn=False):
    return SimpleNamespace(printed_name=name, code=code, withdrawn=withdrawn)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maria Popescu", "Maria-Popescu-QGIS-7KX9-P2QM-4.pdf"),
        ("Ioana Ștefănescu", "Ioana-Stefanescu-QGIS-7KX9-P2QM-4.pdf"),
        ("Åsa Öberg-Straße", "Asa-Oberg-Strasse-QGIS-7KX9-P2QM-4.pdf"),
        ("../../etc/passwd", "etc-passwd-QGIS-7KX9-P2QM-4.pdf"),
        ('"; rm -rf /', "rm-rf-QGIS-7KX9-P2QM-4.pdf"),
        ("", "QGIS-7KX9-P2QM-4.pdf"),
        (None, "QGIS-7KX9-P2QM-4.pdf"),
    ],
)
def test_zip_entries_are_named_after_the_holder_and_the_code(name, expected):
    assert documents.file_name(holder(name)) == expected


def test_a_withdrawn_certificate_keeps_only_its_code():
    assert documents.file_name(holder("Ioana Pop", withdrawn=True)) == "QGIS-7KX9-P2QM-4.pdf"


def test_the_issue_form_refuses_a_course_that_has_not_started(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 5)
    course.start_date, course.end_date = date(2030, 3, 12), date(2030, 3, 14)
    course.reindexObject()
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@issue-certificates")
    message = "Certificates can be issued from 12 March 2030, when the course starts."
    assert message in browser.contents
    browser.getControl(name="form.widgets.all:list").value = True
    browser.getControl(name="form.buttons.review").click()
    assert "You are about to issue" not in browser.contents
    assert message in browser.contents
    # the confirm button posted anyway
    authenticator = browser.getControl(name="_authenticator").value
    browser.post(
        course.absolute_url() + "/@@issue-certificates",
        "form.widgets.certificate_type:list=completion&form.widgets.all:list=selected"
        f"&form.buttons.issue=Confirm+and+issue&_authenticator={authenticator}",
    )
    assert message in browser.contents
    transaction.begin()
    assert not api.content.find(context=course, portal_type="Certificate", unrestricted=True)
    assert ledger_of(organisation).balance == 5
