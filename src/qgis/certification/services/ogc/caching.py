"""The ETag of the OGC API's answers: one address answers JSON or HTML (by
``f`` or the ``Accept`` header) and HTML in the visitor's language, while
Zope's RAM cache keys an answer on its address and ETag only. So the
``qgisCatalog`` part of the feed ruleset's ETag (``caching.CatalogState``)
carries the encoding too when the published object is this service."""

from zope.component import adapter
from zope.interface import Interface

from qgis.certification.caching import CatalogState
from qgis.certification.refusals import Refusal
from qgis.certification.services.ogc.endpoint import OgcApi


@adapter(OgcApi, Interface)
class CatalogStateAndEncoding(CatalogState):
    def __call__(self):
        try:
            encoding = self.published.encoding()
        except Refusal:  # a bad ``f``: refused, never kept
            encoding = "refused"
        return f"{super().__call__()}.{encoding}"
