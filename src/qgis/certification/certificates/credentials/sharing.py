"""The links that offer a certificate's credential to its holder: the
download of the signed credential and LinkedIn's "add a certification"."""

from urllib.parse import urlencode

from qgis.certification.certificates import documents
from qgis.certification.certificates.credentials.awards import PROGRAMME
from qgis.certification.certificates.credentials.badges import site_url


LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


def download_url(code):
    """The signed credential (VC-JWT), as a file."""
    return f"{site_url()}/++api++/@credential/{code}?format=jwt&download=1"


def linkedin_url(award):
    """LinkedIn's form to add the certification to the holder's profile, filled in."""
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.achievement.name,
        "organizationName": PROGRAMME,
        "issueYear": award.issue_date.year,
        "issueMonth": award.issue_date.month,
        "certUrl": documents.verify_url(award.code),
        "certId": award.code,
    }
    if award.valid_until is not None:
        query["expirationYear"] = award.valid_until.year
        query["expirationMonth"] = award.valid_until.month
    return f"{LINKEDIN_ADD}?{urlencode(query)}"
