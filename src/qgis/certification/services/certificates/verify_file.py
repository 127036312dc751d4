"""``POST /@verify-file``: was this PDF handed out by the programme?

The file comes as the ``file`` field of a multipart form, or as the whole body
(``Content-Type: application/pdf``). It is read, checked and forgotten:
nothing is written.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification.certificates import file_verification
from qgis.certification.services.base import ProductService


class VerifyFilePost(ProductService):
    refusals = (file_verification.FileRefused,)

    def answer(self):
        # Anonymous and read-only: a file checked changes nothing.
        alsoProvides(self.request, IDisableCSRFProtection)
        length = int(self.request.get_header("Content-Length") or 0)
        if length > file_verification.MAX_BYTES + 64 * 1024:  # the form's own parts
            raise file_verification.FileRefused(413, file_verification.TOO_LARGE, field="file")
        return file_verification.verify_file(self.uploaded())

    def uploaded(self):
        """The file's bytes: the form's ``file`` (none: empty), else the body."""
        content_type = self.request.get_header("Content-Type") or ""
        if content_type.startswith("multipart/form-data"):
            upload = self.request.form.get("file")
            return file_verification.read_limited(upload) if hasattr(upload, "read") else b""
        self.request.stdin.seek(0)
        return file_verification.read_limited(self.request.stdin)
