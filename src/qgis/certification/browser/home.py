"""The front page of each language: welcome text, map, next courses, links."""

from plone import api
from Products.Five.browser import BrowserView

from qgis.certification.interfaces import IMapSettings
from qgis.certification.multilingual import welcome_page
from qgis.certification.programme_pages import PAGES


class ProgrammeHome(BrowserView):
    def welcome(self):
        return welcome_page(self.context)

    def language(self):
        return self.context.getId()

    def portal_url(self):
        return api.portal.get().absolute_url()

    def map_settings(self):
        return {
            "tile_url": api.portal.get_registry_record(name="tile_url", interface=IMapSettings),
            "attribution": api.portal.get_registry_record(
                name="attribution", interface=IMapSettings
            ),
            "geojson": f"{self.portal_url()}/@training-centers-geojson",
        }

    def organisations(self):
        """The text alternative of the map: every certified organisation."""
        return api.content.find(
            portal_type="CertifyingOrganisation", review_state="published", sort_on="sortable_title"
        )

    def programme_links(self):
        language = self.language()
        return [
            {
                "url": f"{self.context.absolute_url()}/{page['id'][language]}",
                "title": page["title"][language],
            }
            for page in PAGES
            if page["id"][language] in self.context.objectIds()
        ]
