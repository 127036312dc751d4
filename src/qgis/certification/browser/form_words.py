"""The add and edit forms of the programme's content speak the programme's
words: an organisation has a name (not a "Title"), and Plone's settings (the
short name in the address, navigation, versioning) are for site managers."""

import copy

from plone import api
from plone.z3cform.fieldsets.extensible import FormExtender
from z3c.form.converter import FormatterValidationError
from z3c.form.error import ErrorViewMessage
from zope.schema.interfaces import IInt

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.interfaces import IQgisCertificationLayer


NAMES = {
    "CertifyingOrganisation": (
        _("Name"),
        _("The organisation's name, as printed on its certificates."),
    ),
    "CourseType": (_("Name"), _("The course's name, such as “QGIS for beginners”.")),
    "TrainingCenter": (_("Name"), _("The training centre's name, such as “Cluj centre”.")),
    "Course": (_("Name"), _("This run of the course, such as “QGIS for beginners, spring”.")),
    "CourseConvener": (_("Full name"), _("The convener's name as printed on certificates.")),
}

TITLE = "IBasic.title"
SETTINGS = (
    "IShortName.id",
    "IExcludeFromNavigation.exclude_from_nav",
    "IVersionable.versioning_enabled",
)


class ProgrammeWords(FormExtender):
    """Rename the title field, and hide Plone's settings from non-managers."""

    def update(self):
        portal_type = getattr(self.form, "portal_type", None) or getattr(
            self.context, "portal_type", None
        )
        if portal_type not in NAMES:
            return
        self.rename_title(*NAMES[portal_type])
        if not api.user.has_permission(permissions.MANAGE_PORTAL, obj=self.context):
            self.hide_settings()

    def rename_title(self, title, description):
        if TITLE not in self.form.fields:
            return
        field = self.form.fields[TITLE].field
        renamed = copy.copy(field)
        renamed.title, renamed.description = title, description
        self.form.fields[TITLE].field = renamed

    def hide_settings(self):
        for name in SETTINGS:
            self.remove(name)
        self.form.groups = [group for group in self.form.groups if len(group.fields)]


#: a whole number the form could not read ("16h", "ten", "1.5"), in plain words
whole_number_message = ErrorViewMessage(
    _("Enter a whole number, such as 16."),
    error=FormatterValidationError,
    request=IQgisCertificationLayer,
    field=IInt,
)
