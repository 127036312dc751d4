"""``@correct`` on a certificate: its printed name, corrected."""

from qgis.certification import _
from qgis.certification.certificates import issuing
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService


BOTH_NAMES = _("Both the first and the last name are required.")


class CorrectCertificatePost(ProductService):
    """``{"first_name": "...", "last_name": "..."}``"""

    fields = (
        Field("first_name", str, required=True, missing=BOTH_NAMES),
        Field("last_name", str, required=True, missing=BOTH_NAMES),
    )
    refusals = (issuing.IssueError,)

    def answer(self):
        data = self.body()
        issuing.correct_certificate(self.context, data["first_name"], data["last_name"])
        return {"@id": self.context.absolute_url(), "name": self.context.printed_name}
