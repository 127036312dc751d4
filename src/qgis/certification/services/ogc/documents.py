"""The documents of the OGC API - Features service, as JSON: the landing page,
the conformance declaration, the collections, a collection, a page of its items
(a GeoJSON feature collection) and one item, each with its links. The HTML
encoding renders the same documents (``html``)."""

from datetime import UTC
from datetime import datetime
from urllib.parse import urlencode

from qgis.certification import _
from qgis.certification.public import ogc
from qgis.certification.public.features import GEOJSON


JSON = "application/json"
HTML = "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"
CONFORMS_TO = [CONFORMANCE + name for name in ("core", "geojson", "html", "oas30")]


class Addresses:
    """The URLs of the service's resources, and links to them."""

    def __init__(self, base, translate):
        self.base = base
        self.translate = translate

    def url(self, path="", **params):
        url = f"{self.base}/{path}" if path else self.base
        given = {name: value for name, value in params.items() if value is not None}
        return f"{url}?{urlencode(given)}" if given else url

    def link(self, path, rel, media_type, title, **params):
        return {
            "href": self.url(path, **params),
            "rel": rel,
            "type": media_type,
            "title": self.translate(title),
        }


class Documents:
    """The JSON documents; ``encoding`` is ``json`` or ``html``, the one the
    answer is in (its ``self`` link), the other being its ``alternate``."""

    def __init__(self, addresses, encoding, params=None):
        self.addresses = addresses
        self.encoding = encoding
        self.params = params or {}
        self.translate = addresses.translate

    def own_links(self, path, media_type=JSON, **params):
        """``self`` and ``alternate`` links of the resource at ``path``."""
        link = self.addresses.link
        as_json = link(path, "self", media_type, _("This document as JSON"), **params, f="json")
        as_html = link(path, "self", HTML, _("This document as HTML"), **params, f="html")
        if self.encoding == "html":
            as_json["rel"] = "alternate"
            return [as_html, as_json]
        as_html["rel"] = "alternate"
        return [as_json, as_html]

    def current(self, path, media_type, title, rel, **params):
        """A link in the answer's encoding (next and previous pages)."""
        if self.encoding == "html":
            media_type = HTML
        params = {**self.params, **params, "f": self.encoding}
        return self.addresses.link(path, rel, media_type, title, **params)

    def landing(self):
        link = self.addresses.link
        return {
            "title": self.translate(_("QGIS Certification Programme")),
            "description": self.translate(
                _(
                    "Training centres of certified organisations and their courses, "
                    "as OGC API - Features."
                )
            ),
            "links": [
                *self.own_links(""),
                link("api", "service-desc", OPENAPI, _("The API definition"), f="json"),
                link("api", "service-doc", HTML, _("The API documentation"), f="html"),
                link("conformance", "conformance", JSON, _("Conformance classes"), f="json"),
                link("collections", "data", JSON, _("Collections"), f="json"),
            ],
        }

    def conformance(self):
        return {"conformsTo": CONFORMS_TO, "links": self.own_links("conformance")}

    def collections(self):
        return {
            "links": self.own_links("collections"),
            "collections": [self.collection(found) for found in ogc.COLLECTIONS],
        }

    def collection(self, collection, found=None):
        path = f"collections/{collection.id}"
        found = collection.features() if found is None else found
        link = self.addresses.link
        return {
            "id": collection.id,
            "title": self.translate(collection.title),
            "description": self.translate(collection.description),
            "itemType": "feature",
            "crs": [ogc.CRS84],
            "extent": ogc.extent(collection, found),
            "links": [
                *self.own_links(path),
                link(f"{path}/items", "items", GEOJSON, _("The items as GeoJSON"), f="json"),
                link(f"{path}/items", "items", HTML, _("The items as HTML"), f="html"),
            ],
        }

    def items(self, collection, found, offset, limit):
        path = f"collections/{collection.id}/items"
        page = found[offset : offset + limit]
        links = self.own_links(path, GEOJSON, **{**self.params, "offset": offset or None})
        if offset + limit < len(found):
            links.append(self.current(path, GEOJSON, _("Next page"), "next", offset=offset + limit))
        if offset:
            previous = max(offset - limit, 0) or None
            links.append(self.current(path, GEOJSON, _("Previous page"), "prev", offset=previous))
        links.append(self.collection_link(collection))
        return {
            "type": "FeatureCollection",
            "features": page,
            "numberMatched": len(found),
            "numberReturned": len(page),
            "timeStamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "links": links,
        }

    def item(self, collection, feature):
        path = f"collections/{collection.id}/items/{feature['id']}"
        links = [*self.own_links(path, GEOJSON), self.collection_link(collection)]
        return {**feature, "links": links}

    def collection_link(self, collection):
        path = f"collections/{collection.id}"
        return self.addresses.link(path, "collection", JSON, collection.title, f="json")
