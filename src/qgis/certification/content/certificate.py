from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.content.catalogued import CataloguedSparingly
from qgis.certification.content.names import TitleFromNames
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import TEXT_LENGTH


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

    code = schema.TextLine(title=_("Verification code"), max_length=LINE_LENGTH, required=True)
    attendee = schema.TextLine(title=_("Attendee (UID)"), max_length=LINE_LENGTH, required=True)
    first_name = schema.TextLine(title=_("First name"), max_length=LINE_LENGTH, required=True)
    last_name = schema.TextLine(title=_("Last name"), max_length=LINE_LENGTH, required=True)
    certificate_type = schema.TextLine(
        title=_("Certificate type"), max_length=LINE_LENGTH, required=True
    )
    wording = schema.Text(title=_("Wording"), max_length=TEXT_LENGTH, required=True)
    issue_date = schema.Date(title=_("Issue date"), required=True)
    course_title = schema.TextLine(title=_("Course"), max_length=LINE_LENGTH, required=True)
    course_type_title = schema.TextLine(
        title=_("Course type"), max_length=LINE_LENGTH, required=True
    )
    instruction_hours = schema.Int(title=_("Instruction hours"), required=True, min=1, max=1000)
    trained_competence = schema.Text(
        title=_("Trained competence"), max_length=TEXT_LENGTH, required=False
    )
    start_date = schema.Date(title=_("Start date"), required=True)
    end_date = schema.Date(title=_("End date"), required=True)
    certificate_language = schema.TextLine(
        title=_("Language"), max_length=LINE_LENGTH, required=True
    )
    convener_name = schema.TextLine(title=_("Convener"), max_length=LINE_LENGTH, required=True)
    convener_uid = schema.TextLine(
        title=_("Convener (UID)"), max_length=LINE_LENGTH, required=False
    )
    training_center = schema.TextLine(
        title=_("Training centre"), max_length=LINE_LENGTH, required=True
    )
    organisation_title = schema.TextLine(
        title=_("Organisation"), max_length=LINE_LENGTH, required=True
    )
    organisation_uid = schema.TextLine(
        title=_("Organisation (UID)"), max_length=LINE_LENGTH, required=True
    )
    issued_by = schema.TextLine(title=_("Issued by"), max_length=LINE_LENGTH, required=True)

    # Only the certification team edits a certificate directly; organisations
    # correct names through the correction form, within the window.
    directives.write_permission(
        **dict.fromkeys(FIELDS, permissions.permission_id(permissions.MANAGE_CERTIFICATES))
    )


@implementer(ICertificate, IProgrammeContent)
class Certificate(CataloguedSparingly, TitleFromNames, Item):
    # set when the holder withdrew the certificate (their name is then removed)
    withdrawn_on = None
    # the language it is printed in when not its course's: "en" for certificates
    # of courses in other languages issued before 1003, which were printed in English
    printed_language = None

    @property
    def printed_name(self):
        return self.title

    @property
    def withdrawn(self):
        """Whether the holder withdrew it: verification then shows no name."""
        return self.withdrawn_on is not None
