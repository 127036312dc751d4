"""``GET /@statistics``: the programme in figures (aggregates only), each
figure with its column headings and rows in the request's language, and the
address of its CSV file on the statistics page of that language."""

from zope.i18n import translate

from qgis.certification import _
from qgis.certification.public import statistics
from qgis.certification.public.programme_pages import LANGUAGES
from qgis.certification.services.base import ServiceError
from qgis.certification.services.public.parameters import PublicService
from qgis.certification.vocabularies.countries import current_language


class StatisticsGet(PublicService):
    """``GET /@statistics``; ``?figure=<name>`` answers that figure only."""

    def answer(self):
        name = self.parameter("figure")
        if name is not None and statistics.figure_named(name) is None:
            names = ", ".join(figure.name for figure in statistics.FIGURES)
            raise ServiceError(
                400,
                _("'figure' must be one of: ${names}.", mapping={"names": names}),
                field="figure",
            )
        language = current_language()
        page = f"{self.context.absolute_url()}/{language if language in LANGUAGES else 'en'}"
        return {
            "@id": f"{self.context.absolute_url()}/@statistics",
            "figures": [
                {
                    "name": figure["name"],
                    "title": self.text(figure["title"]),
                    "columns": [self.text(column) for column in figure["columns"]],
                    "rows": figure["rows"],
                    "csv": f"{page}/@@statistics/{figure['name']}.csv",
                }
                for figure in statistics.figures()
                if name is None or figure["name"] == name
            ],
        }

    def text(self, message):
        return translate(message, context=self.request)
