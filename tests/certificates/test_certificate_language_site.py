"""Certificates in the course's language on the site: the shipped wording in the
registry, the refusal of a language without wording (function, form, REST,
preview), the organisation certificate's language, and the team's editing."""

import io
import json

import pytest
import transaction
from builders import certified_course
from builders import top_up
from form_helpers import field_error
from plone import api
from pypdf import PdfReader

from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates import wording
from qgis.certification.certificates.shipped_wording import SHIPPED_WORDING
from qgis.certification.payments.credits import ledger_of
from qgis.certification.pdf.wording import CertificateWording


OVERVIEW = "/@@qgis-certificate-wording"
EDIT = "/@@qgis-certificate-wording-edit"
POLISH_REFUSAL = "Certificates cannot be printed in Polish (pl) yet"


def pdf_text(data: bytes) -> str:
    (page,) = PdfReader(io.BytesIO(data)).pages
    return " ".join(page.extract_text().split())


def issue(course, user="owner"):
    with api.env.adopt_user(username=user):
        return issuing.issue_certificates(course, "all", "completion", user)


@pytest.fixture
def course(programme):
    organisation, course, people = certified_course(programme)
    top_up(organisation, 5)
    return course


def test_the_site_has_the_wording_of_every_shipped_language(programme):
    assert wording.languages() == sorted(SHIPPED_WORDING)
    for language in SHIPPED_WORDING:
        assert wording.wording_for(language) == wording.shipped(language)


def test_a_course_in_german_gets_a_german_certificate(course):
    course.course_language = "de"
    certificates, _balance = issue(course)
    certificate = certificates[0]
    assert certificate.wording == "den folgenden Kurs erfolgreich abgeschlossen hat:"
    text = pdf_text(documents.certificate_pdf(certificate))
    for expected in ("ZERTIFIKAT", "Hiermit wird bestätigt, dass", "Vom 2. November 2026 bis zum"):
        assert expected in text
    assert "CERTIFICATE" not in text


def test_a_course_in_a_language_without_wording_is_refused(course):
    course.course_language = "pl"
    with pytest.raises(issuing.IssueError) as refusal:
        issue(course)
    assert refusal.value.status == 400
    # the message names the language (in the page's language)
    assert refusal.value.message.mapping["language"] == "Polish (pl)"
    assert refusal.value.details["language"] == "pl"
    assert len(api.content.find(context=course, portal_type="Certificate", unrestricted=True)) == 0
    assert ledger_of(course.__parent__).balance == 5


def test_an_incomplete_wording_is_refused_until_it_is_complete(course):
    course.course_language = "pl"
    proxy = wording.add_language("pl")
    proxy.title = "Certyfikat"
    with pytest.raises(issuing.IssueError):
        issue(course)
    for name in CertificateWording.text_names():
        setattr(proxy, name, f"[pl] {SHIPPED_WORDING['en'][name]}")
    certificates, balance = issue(course)
    assert balance == 2
    assert certificates[0].wording == "[pl] has successfully completed the course"


def test_the_organisation_certificate_follows_its_owners_language(programme):
    organisation, _course, _people = certified_course(programme)
    with api.env.adopt_user(username="team"):
        organisation_certificate.issue_organisation_certificate(organisation, "team")
    assert organisation_certificate.organisation_language(organisation) == "en"  # site default
    api.user.get(userid="owner").setMemberProperties({"language": "sv"})
    assert organisation_certificate.organisation_language(organisation) == "sv"
    text = pdf_text(organisation_certificate.organisation_certificate_pdf(organisation))
    assert "Auktoriserad utbildningsanordnare för QGIS" in text
    assert "Härmed intygas att" in text


# Through the web ---------------------------------------------------------------


@pytest.fixture
def polish_course(certified):
    organisation, course, _people = certified
    top_up(organisation, 5)
    course.course_language = "pl"
    transaction.commit()
    return course


def test_the_issue_form_names_the_missing_language(polish_course, browser_for):
    browser = browser_for("owner")
    browser.open(polish_course.absolute_url() + "/@@issue-certificates")
    browser.getControl(name="form.widgets.all:list").value = True
    browser.getControl(name="form.buttons.review").click()
    browser.getControl(name="form.buttons.issue").click()
    assert POLISH_REFUSAL in browser.contents
    assert "certificates issued" not in browser.contents
    transaction.begin()
    assert ledger_of(polish_course.__parent__).balance == 5


def test_rest_issuing_answers_400_naming_the_missing_language(polish_course, browser_for):
    browser = browser_for("owner")
    browser.addHeader("Accept", "application/json")
    browser.post(
        polish_course.absolute_url() + "/@issue-certificates",
        json.dumps({"attendees": "all", "certificate_type": "completion"}),
        "application/json",
    )
    assert browser.headers["status"].startswith("400")
    error = json.loads(browser.contents)["error"]
    assert POLISH_REFUSAL in error["message"]
    transaction.begin()
    assert ledger_of(polish_course.__parent__).balance == 5


def test_the_preview_is_refused_too(polish_course, browser_for):
    browser = browser_for("owner")
    browser.open(polish_course.absolute_url() + "/@@certificate-preview.pdf")
    assert browser.headers["status"].startswith("400")
    assert POLISH_REFUSAL in browser.contents


def test_the_team_edits_a_languages_wording(site, browser_for):
    transaction.commit()
    portal_url = site.absolute_url()
    browser = browser_for("team")
    browser.open(portal_url + OVERVIEW)
    assert "German (de)" in browser.contents
    assert "Japanese (ja)" in browser.contents
    browser.getLink(url="language=de").click()
    assert browser.getControl(name="form.widgets.title").value == "Zertifikat"
    browser.getControl(name="form.widgets.title").value = "Teilnahmebescheinigung"
    browser.getControl(name="form.buttons.save").click()
    assert "Changes saved." in browser.contents
    transaction.begin()
    assert wording.wording_for("de").title == "Teilnahmebescheinigung"


def test_a_placeholder_cannot_be_removed(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + EDIT + "?language=fr")
    browser.getControl(name="form.widgets.issued_on").value = "Délivré le"
    browser.getControl(name="form.widgets.title").value = "Attestation"
    browser.getControl(name="form.buttons.save").click()
    error = field_error(browser.contents, "issued_on")
    assert error == "Keep the placeholders ${date} in this text: the certificate fills them in."
    transaction.begin()
    assert wording.wording_for("fr") == wording.shipped("fr")  # nothing saved


def test_the_team_adds_a_language(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + OVERVIEW)
    browser.getControl(name="language").value = ["pl"]
    browser.getForm(id="add-wording-language").submit()
    assert "Certificate wording: Polish (pl)" in browser.contents
    for name in CertificateWording.text_names():
        browser.getControl(
            name=f"form.widgets.{name}"
        ).value = f"[pl] {SHIPPED_WORDING['en'][name]}"
    browser.getControl(name="form.buttons.save").click()
    assert "Changes saved." in browser.contents
    transaction.begin()
    assert wording.wording_for("pl").title == "[pl] Certificate"


@pytest.mark.parametrize("user", ["owner", None])
def test_only_the_team_reaches_the_wording(site, browser_for, user):
    transaction.commit()
    browser = browser_for(user)
    for path in (OVERVIEW, EDIT + "?language=de"):
        browser.open(site.absolute_url() + path)
        assert "Zertifikat" not in browser.contents
        assert "Certificate wording" not in browser.contents


def test_an_unknown_language_is_not_found(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + EDIT + "?language=xx")
    assert browser.headers["status"].startswith("404")
