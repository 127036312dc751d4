"""Adding a course type leads straight on to adding its training material:
an application needs material in every course type."""

from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.utils import addContentToContainer

from qgis.certification import _


class CourseTypeAddForm(DefaultAddForm):
    portal_type = "CourseType"
    success_message = _(
        "The course type is added. Now add its training material: upload a file here "
        "(or add a link to it from the course type's page)."
    )

    def add(self, object):  # noqa: A002 (the name of the overridden argument)
        added = addContentToContainer(self.container, object)
        self.immediate_view = f"{added.absolute_url()}/++add++File"


class CourseTypeAddView(DefaultAddView):
    form = CourseTypeAddForm
