"""A visitor checks a certificate file on the verification page: chosen with the
file picker or dropped on the form, it is sent at once and the answer shown."""

import base64

import pytest
import transaction
from builders import issued_certificate
from file_helpers import rewritten
from playwright.sync_api import expect

from qgis.certification.certificates import documents


pytestmark = pytest.mark.server

DROP = """([name, encoded]) => {
    const bytes = Uint8Array.from(atob(encoded), (letter) => letter.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type: "application/pdf"}));
    const zone = document.querySelector("form.verify-file-drop");
    for (const kind of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(
            new DragEvent(kind, {dataTransfer: transfer, bubbles: true, cancelable: true})
        );
    }
}"""


@pytest.fixture
def files(server_site, tmp_path):
    """The certificate's PDF as handed out, and a copy saved again by another program."""
    certificate = issued_certificate(server_site, title="Olt Map Academy")
    original = documents.certificate_pdf(certificate)
    transaction.commit()
    path = tmp_path / f"{certificate.code}.pdf"
    path.write_bytes(original)
    return {"code": certificate.code, "original": path, "modified": rewritten(original)}


def open_verification(page, base_url):
    page.goto(f"{base_url}/verify")
    expect(page.locator("#verify-file h2")).to_have_text("Check a certificate file")


def test_a_chosen_file_is_checked_at_once(files, page, base_url, screenshot):
    open_verification(page, base_url)
    # the script turned the form into a drop zone
    expect(page.get_by_text("You can also drop the file on this box.")).to_be_visible()
    screenshot(page, "form")
    with page.expect_navigation():
        page.set_input_files("#verify-file-input", str(files["original"]))
    result = page.locator("#verify-file-result")
    expect(result).to_have_attribute("data-result", "original")
    expect(result).to_contain_text(
        "This is an original certificate issued by the QGIS Certification Programme."
    )
    details = page.locator("#verify-file dl")
    expect(details).to_contain_text("Ioana Ștefănescu")
    expect(details).to_contain_text("Olt Map Academy")
    screenshot(page, "original")


def test_a_dropped_copy_is_compared_with_the_original(files, page, base_url, screenshot):
    open_verification(page, base_url)
    encoded = base64.b64encode(files["modified"]).decode("ascii")
    with page.expect_navigation():
        page.evaluate(DROP, ["copy.pdf", encoded])
    result = page.locator("#verify-file-result")
    expect(result).to_have_attribute("data-result", "modified")
    expect(result).to_contain_text(f"It claims to be the certificate {files['code']}")
    screenshot(page, "modified")
    page.get_by_role("link", name="See the original certificate.").click()
    expect(page.locator("#verify-valid")).to_contain_text("Valid certificate.")
