"""Course and certificate pages in Classic UI: import, issue, PDFs, verification."""

import zipfile
from io import BytesIO

import transaction
from builders import do
from builders import top_up
from form_helpers import field_error
from plone import api

from qgis.certification.certificates import issuing
from qgis.certification.payments.credits import ledger_of


def issue_all(course, user="owner"):
    with api.env.adopt_user(username=user):
        return issuing.issue_certificates(course, "all", "completion", user)


def test_import_form_lists_every_bad_row_and_imports_nothing(certified, browser_for):
    organisation, course, people = certified
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@import-attendees")
    csv = b"first_name,last_name,email\nAna,,ana@example.org\nBo,Berg,not-an-email\n"
    browser.getControl(name="form.widgets.file").add_file(BytesIO(csv), "text/csv", "people.csv")
    browser.getControl(name="form.buttons.import").click()
    error = field_error(browser.contents, "file")
    assert "nothing changed" in error
    assert "Line 2" in error
    assert "Line 3" in error
    transaction.begin()
    assert len(issuing.attendees_of(course)) == 3


def test_import_form_adds_new_people_and_keeps_known_ones(certified, browser_for):
    organisation, course, people = certified
    transaction.commit()
    browser = browser_for("convener")
    browser.open(course.absolute_url() + "/@@import-attendees")
    csv = (
        "first_name;last_name;email\nMihai;Ionescu;mihai@example.org\nJohn;Smith;JOHN@example.org\n"
    )
    upload = browser.getControl(name="form.widgets.file")
    upload.add_file(BytesIO(csv.encode()), "text/csv", "people.csv")
    browser.getControl(name="form.buttons.import").click()
    assert "1 attendees imported, 1 already in the course" in browser.contents
    transaction.begin()
    assert len(issuing.attendees_of(course)) == 4


def test_import_form_refuses_a_file_that_is_no_csv(certified, browser_for):
    organisation, course, people = certified
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@import-attendees")
    upload = browser.getControl(name="form.widgets.file")
    upload.add_file(BytesIO(b"name\tmail\n\xff\xfe\x00"), "text/csv", "people.csv")
    browser.getControl(name="form.buttons.import").click()
    assert "nothing changed" in field_error(browser.contents, "file")
    transaction.begin()
    assert len(issuing.attendees_of(course)) == 3


def test_import_form_asks_for_a_file(certified, browser_for):
    organisation, course, people = certified
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@import-attendees")
    browser.getControl(name="form.buttons.import").click()
    assert field_error(browser.contents, "file") == "Required input is missing."


def test_issue_form_asks_for_someone_to_certify(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 5)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@issue-certificates")
    browser.getControl(name="form.buttons.review").click()
    assert field_error(browser.contents, "attendees") == "Choose at least one attendee."
    assert "You are about to issue" not in browser.contents
    assert "form.buttons.issue" not in browser.contents


def test_issue_form_issues_to_the_chosen_attendees(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 5)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@issue-certificates")
    browser.getControl(name="form.widgets.certificate_type:list").value = ["completion"]
    browser.getControl(name="form.widgets.attendees:list").value = [people[0].UID()]
    browser.getControl(name="form.buttons.review").click()
    assert "You are about to issue" in browser.contents
    assert field_error(browser.contents, "attendees") is None
    browser.getControl(name="form.buttons.issue").click()
    assert "1 certificates issued; 4 credits left." in browser.contents
    transaction.begin()
    (certificate,) = api.content.find(context=course, portal_type="Certificate", unrestricted=True)
    assert certificate._unrestrictedGetObject().certificate_type == "completion"


def test_course_page_mails_the_certificates(certified, browser_for, site):
    organisation, course, people = certified
    top_up(organisation, 3)
    issue_all(course)
    transaction.commit()
    before = len(site.MailHost.messages)
    browser = browser_for("owner")
    browser.open(course.absolute_url())
    browser.getLink(id="mail-certificates").click()
    browser.getControl(name="form.buttons.review").click()
    browser.getControl(name="form.buttons.mail").click()
    assert "3 certificates mailed." in browser.contents
    transaction.begin()
    assert len(site.MailHost.messages) == before + 3


def test_issue_form_confirms_cost_then_issues(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 5)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@issue-certificates")
    browser.getControl(name="form.widgets.all:list").value = True
    browser.getControl(name="form.buttons.review").click()
    assert "You are about to issue" in browser.contents
    browser.getControl(name="form.buttons.issue").click()
    assert "3 certificates issued; 2 credits left." in browser.contents
    transaction.begin()
    assert ledger_of(organisation).balance == 2


def test_issue_form_shows_the_shortfall(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 1)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@issue-certificates")
    browser.getControl(name="form.widgets.all:list").value = True
    browser.getControl(name="form.buttons.review").click()
    browser.getControl(name="form.buttons.issue").click()
    assert "Not enough credits: 3 needed, 1 available" in browser.contents
    transaction.begin()
    assert ledger_of(organisation).balance == 1


def test_pdf_for_those_involved_only(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 3)
    (certificate, *_), _ = issue_all(course)
    transaction.commit()
    for user in ("owner", "convener", "team"):
        browser = browser_for(user)
        browser.open(certificate.absolute_url() + "/@@certificate.pdf")
        assert browser.headers["Content-Type"] == "application/pdf"
        assert browser.contents[:4] in ("%PDF", b"%PDF")
    for user in (None, "stranger", "psc_member"):
        browser = browser_for(user)
        browser.open(certificate.absolute_url() + "/@@certificate.pdf")
        assert browser.headers.get("Content-Type", "").startswith("text/html")


def test_zip_holds_one_pdf_per_certificate(certified, browser_for):
    organisation, course, people = certified
    top_up(organisation, 3)
    certificates, _ = issue_all(course)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@certificates.zip")
    data = browser.contents
    archive = zipfile.ZipFile(BytesIO(data if isinstance(data, bytes) else data.encode("latin-1")))
    by_name = {c.printed_name: c.code for c in certificates}
    assert sorted(archive.namelist()) == sorted(
        [
            f"Asa-Oberg-{by_name['Åsa Öberg']}.pdf",
            f"Ioana-Stefanescu-{by_name['Ioana Ștefănescu']}.pdf",
            f"John-Smith-{by_name['John Smith']}.pdf",
        ]
    )


def test_preview_before_issuing(certified, browser_for):
    organisation, course, people = certified
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@certificate-preview.pdf")
    assert browser.headers["Content-Type"] == "application/pdf"
    transaction.begin()
    assert len(api.content.find(context=course, portal_type="Certificate", unrestricted=True)) == 0


def test_public_verification_page(certified, browser_for, site):
    organisation, course, people = certified
    top_up(organisation, 3)
    (certificate, *_), _ = issue_all(course)
    transaction.commit()
    browser = browser_for(None)
    browser.open(site.absolute_url() + "/verify")
    browser.getControl(name="code").value = certificate.code.lower().replace("-", " ")
    browser.getControl("Verify").click()
    assert "Valid certificate." in browser.contents
    assert certificate.printed_name in browser.contents
    assert '<dd class="col-sm-9">Completion</dd>' in browser.contents
    assert "@example.org" not in browser.contents
    browser.getLink("Download the certificate (PDF)").click()
    assert browser.headers["Content-Type"] == "application/pdf"

    browser.open(site.absolute_url() + "/verify/QGIS-0000-0000-1")
    assert "not a valid code" in browser.contents

    do(certificate, "owner", "revoke", comment="Issued by mistake.")
    transaction.commit()
    browser.open(site.absolute_url() + f"/verify/{certificate.code}")
    assert "has been revoked" in browser.contents
    browser.open(site.absolute_url() + f"/verify/{certificate.code}/certificate.pdf")
    assert browser.headers["status"].startswith("404")
