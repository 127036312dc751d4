"""``/ogc`` and the addresses under it: which resource a path names, in which
encoding to answer (``f=json|html``, else the ``Accept`` header), and the OGC
exception JSON of a refusal.

The same address answers JSON or HTML by the ``Accept`` header when ``f`` is
not given, so the encoding is part of the answer's ETag (``caching.py``), under
which Zope keeps it in RAM.
"""

import json

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification import _
from qgis.certification.public import ogc
from qgis.certification.public.features import GEOJSON
from qgis.certification.refusals import Refusal
from qgis.certification.services.base import error_body
from qgis.certification.services.ogc import html
from qgis.certification.services.ogc import openapi
from qgis.certification.services.ogc.documents import JSON
from qgis.certification.services.ogc.documents import OPENAPI
from qgis.certification.services.ogc.documents import Addresses
from qgis.certification.services.ogc.documents import Documents


ENCODINGS = {"json": "json", "geojson": "json", "html": "html"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
ITEM_PARAMETERS = ("f", "limit", "offset", "bbox", "datetime")
# the resources without a collection: path -> (method, media type)
FIXED = {
    (): ("landing", JSON),
    ("conformance",): ("conformance", JSON),
    ("api",): ("api", OPENAPI),
    ("collections",): ("collections", JSON),
}
CODES = {400: "InvalidParameterValue", 404: "NotFound"}
NOT_FOUND = _("There is no such resource in this OGC API.")


def prefers_html(accept):
    """Whether the first media type of highest quality in an Accept header is HTML."""
    ranked = []
    for position, part in enumerate((accept or "").split(",")):
        media_type, *options = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for option in options:
            name, _equals, number = option.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(number)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media_type.lower()))
    return bool(ranked) and min(ranked)[2] in HTML_TYPES


@implementer(IPublishTraverse)
class OgcApi(BrowserView):
    """The OGC API - Features service; its path below ``ogc`` names the resource."""

    page_template = ViewPageTemplateFile("templates/ogc.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.path = []

    def publishTraverse(self, request, name):
        self.path.append(name)
        return self

    def __call__(self):
        self.request.response.setHeader("Access-Control-Allow-Origin", "*")
        try:
            return self.answer()
        except Refusal as refusal:
            return self.refuse(refusal)

    def tr(self, message):
        return translate(message, context=self.request)

    # -- the request ------------------------------------------------------------

    def parameter(self, name):
        found = self.request.form.get(name)
        if found is None or found == "":
            return None
        if not isinstance(found, str):
            message = _("Give the parameter '${name}' once.", mapping={"name": name})
            raise ogc.OgcRefusal(name, message)
        return found.strip()

    def check_parameters(self, known):
        for name in sorted(self.request.form):
            if name not in known:
                message = _("This resource takes no parameter '${name}'.", mapping={"name": name})
                raise ogc.OgcRefusal(name, message)

    def encoding(self):
        """``json`` or ``html``: ``f``, else what the ``Accept`` header prefers."""
        given = self.parameter("f")
        if given is None:
            return "html" if prefers_html(self.request.getHeader("Accept")) else "json"
        if given.lower() not in ENCODINGS:
            raise ogc.OgcRefusal("f", _("'f' must be json or html."))
        return ENCODINGS[given.lower()]

    def resolve(self):
        """(method name, media type, collection, feature id) of the path."""
        path = tuple(self.path)
        if path in FIXED:
            return (*FIXED[path], None, None)
        if len(path) < 2 or path[0] != "collections" or len(path) > 4:
            raise Refusal(404, NOT_FOUND)
        collection = ogc.collection(path[1])
        if collection is None:
            message = _("There is no collection '${name}'.", mapping={"name": path[1]})
            raise Refusal(404, message, field="collectionId")
        rest = path[2:]
        if rest == ():
            return "collection", JSON, collection, None
        if rest == ("items",):
            return "items", GEOJSON, collection, None
        if len(rest) == 2 and rest[0] == "items":
            return "item", GEOJSON, collection, rest[1]
        raise Refusal(404, NOT_FOUND)

    # -- the answer -------------------------------------------------------------

    def answer(self):
        method, media_type, collection, feature_id = self.resolve()
        self.check_parameters(ITEM_PARAMETERS if method == "items" else ("f",))
        encoding = self.encoding()
        params = {}
        if method == "items":
            params = {name: self.parameter(name) for name in ("limit", "bbox", "datetime")}
        base = f"{api.portal.get().absolute_url()}/ogc"
        documents = Documents(Addresses(base, self.tr), encoding, params)
        document = getattr(self, method)(documents, collection, feature_id)
        if encoding == "html":
            return self.page_template(page=html.page(method, document, self.tr))
        return self.json(document, media_type)

    def json(self, document, media_type):
        self.request.response.setHeader("Content-Type", media_type)
        return json.dumps(document, indent=2)

    def refuse(self, refusal):
        status = refusal.status
        field = refusal.details.get("field")
        body = error_body(
            self.request, status, refusal.message, [(field, refusal.message)] if field else []
        )
        body = {"code": CODES.get(status, "Error"), "description": body["error"]["message"], **body}
        self.request.response.setStatus(status)
        return self.json(body, JSON)

    # -- the resources ----------------------------------------------------------

    def landing(self, documents, collection, feature_id):
        return documents.landing()

    def conformance(self, documents, collection, feature_id):
        return documents.conformance()

    def api(self, documents, collection, feature_id):
        title = self.tr(_("QGIS Certification Programme"))
        definition = openapi.definition(documents.addresses.base, title, "1.0.0")
        if documents.encoding == "html":  # the page links to the definition itself
            definition["links"] = documents.own_links("api", OPENAPI)
        return definition

    def collections(self, documents, collection, feature_id):
        return documents.collections()

    def collection(self, documents, collection, feature_id):
        return documents.collection(collection)

    def items(self, documents, collection, feature_id):
        limit = ogc.read_limit(self.parameter("limit"))
        offset = ogc.read_offset(self.parameter("offset"))
        bbox = ogc.read_bbox(self.parameter("bbox"))
        interval = ogc.read_datetime(self.parameter("datetime"))
        if not collection.temporal:
            interval = None  # training centres are there at any time
        found = ogc.select(collection.features(), bbox, interval)
        return documents.items(collection, found, offset, limit)

    def item(self, documents, collection, feature_id):
        for feature in collection.features():
            if feature["id"] == feature_id:
                return documents.item(collection, feature)
        raise Refusal(404, _("There is no such item in this collection."), field="featureId")
