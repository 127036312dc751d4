"""The pages of a course type (its hours, its page and its training material)
and of a training centre (where it is), instead of Plone's bare listing."""

from plone import api

from qgis.certification import permissions
from qgis.certification.application import review
from qgis.certification.browser.own_fields import OwnFieldsView
from qgis.certification.content.urls import safe_url
from qgis.certification.vocabularies.countries import country_name


class CourseTypeView(OwnFieldsView):
    def course_page(self):
        return safe_url(self.context.url)

    def material(self):
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "kind": brain.portal_type,
            }
            for brain in api.content.find(
                context=self.context,
                depth=1,
                portal_type=("File", "Link"),
                sort_on="getObjPositionInParent",
            )
        ]

    def may_add(self):
        return api.user.has_permission(permissions.ADD_PORTAL_CONTENT, obj=self.context)

    def missing_material(self):
        """Whether the course type still needs its material (as an application asks)."""
        return not review.children(self.context, ("File", "Link"))


class TrainingCentreView(OwnFieldsView):
    def country(self):
        return country_name(self.context.country, api.portal.get_current_language()[:2])

    def may_see_contact(self):
        return api.user.has_permission(permissions.VIEW_PRIVATE_DETAILS, obj=self.context)

    def map_url(self):
        latitude, longitude = self.context.latitude, self.context.longitude
        if latitude is None or longitude is None:
            return None
        return (
            "https://www.openstreetmap.org/?"
            f"mlat={latitude}&mlon={longitude}#map=16/{latitude}/{longitude}"
        )
