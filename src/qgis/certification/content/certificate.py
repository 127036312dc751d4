from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.content.names import TitleFromNames
from qgis.certification.interfaces import IProgrammeContent


FIELDS = (
    "code", "attendee", "first_name", "last_name", "certificate_type", "wording",
    "issue_date", "course_title", "course_type_title", "instruction_hours",
    "trained_competence", "start_date", "end_date", "certificate_language", "convener_name",
    "convener_uid", "training_center", "organisation_title", "organisation_uid", "issued_by",
)  # fmt: skip


class ICertificate(model.Schema):
    """An official QGIS certificate, created only by issuing.

    It keeps what was true at issue time: a later edit of the course, its type
    or its organisation does not change an issued certificate.
    """

    code = schema.TextLine(title=_("Verification code"), required=True)
    attendee = schema.TextLine(title=_("Attendee (UID)"), required=True)
    first_name = schema.TextLine(title=_("First name"), required=True)
    last_name = schema.TextLine(title=_("Last name"), required=True)
    certificate_type = schema.TextLine(title=_("Certificate type"), required=True)
    wording = schema.Text(title=_("Wording"), required=True)
    issue_date = schema.Date(title=_("Issue date"), required=True)
    course_title = schema.TextLine(title=_("Course"), required=True)
    course_type_title = schema.TextLine(title=_("Course type"), required=True)
    instruction_hours = schema.Int(title=_("Instruction hours"), required=True)
    trained_competence = schema.Text(title=_("Trained competence"), required=False)
    start_date = schema.Date(title=_("Start date"), required=True)
    end_date = schema.Date(title=_("End date"), required=True)
    certificate_language = schema.TextLine(title=_("Language"), required=True)
    convener_name = schema.TextLine(title=_("Convener"), required=True)
    convener_uid = schema.TextLine(title=_("Convener (UID)"), required=False)
    training_center = schema.TextLine(title=_("Training centre"), required=True)
    organisation_title = schema.TextLine(title=_("Organisation"), required=True)
    organisation_uid = schema.TextLine(title=_("Organisation (UID)"), required=True)
    issued_by = schema.TextLine(title=_("Issued by"), required=True)

    # Only the certification team edits a certificate directly; organisations
    # correct names through the correction form, within the window.
    directives.write_permission(
        **dict.fromkeys(FIELDS, permissions.permission_id(permissions.MANAGE_CERTIFICATES))
    )


@implementer(ICertificate, IProgrammeContent)
class Certificate(TitleFromNames, Item):
    @property
    def printed_name(self):
        return self.title
