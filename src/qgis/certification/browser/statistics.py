"""``@@statistics`` on each language root: the programme in figures, each a
table (the text alternative) with a chart drawn over it by Chart.js, and
``@@statistics/<figure>.csv``, the figure as a CSV file."""

import csv
import io

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification.public import statistics
from qgis.certification.public.page_parts_state import page_language


# a cell starting with one of these is a formula to a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


@implementer(IPublishTraverse)
class StatisticsView(BrowserView):
    figure = None

    def publishTraverse(self, request, name):
        if self.figure is None and name.endswith(".csv"):
            self.figure = statistics.figure_named(name[: -len(".csv")])
            if self.figure is not None:
                return self
        raise NotFound(name)

    figures_template = ViewPageTemplateFile("templates/statistics_figures.pt")

    def __call__(self):
        if self.figure is not None:
            return self.csv()
        return self.index()

    def figures_html(self):
        """The figures' sections, rendered once per state of the figures, per
        language and address (the same for every viewer: aggregates only)."""
        language = page_language(self.request)
        return statistics.rendered((language, self.context.absolute_url()), self.render_figures)

    def render_figures(self):
        self.figures = statistics.figures()
        return self.figures_template()

    def portal_url(self):
        return api.portal.get().absolute_url()

    def csv_url(self, figure):
        return f"{self.context.absolute_url()}/@@statistics/{figure['name']}.csv"

    def csv(self):
        found = next(item for item in statistics.figures() if item["name"] == self.figure.name)
        header = [translate(column, context=self.request) for column in found["columns"]]
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", f'attachment; filename="{self.figure.name}.csv"')
        return csv_text(header, found["rows"])
