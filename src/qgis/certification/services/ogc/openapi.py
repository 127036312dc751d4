"""The OpenAPI 3.0 definition of the OGC API - Features service (``/ogc/api``)."""

from qgis.certification.public import ogc
from qgis.certification.public.features import GEOJSON
from qgis.certification.services.ogc.documents import HTML
from qgis.certification.services.ogc.documents import JSON


def _parameter(name, where, description, schema, required=False, explode=False):
    found = {"name": name, "in": where, "description": description, "schema": schema}
    found["required"] = required or where == "path"
    if explode is not None:
        found["style"], found["explode"] = "form", explode
    return found


PARAMETERS = {
    "f": _parameter(
        "f", "query", "The encoding of the answer.", {"type": "string", "enum": ["json", "html"]}
    ),
    "limit": _parameter(
        "limit",
        "query",
        f"How many items a page holds (at most {ogc.MAX_LIMIT}).",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": ogc.MAX_LIMIT,
            "default": ogc.DEFAULT_LIMIT,
        },
    ),
    "offset": _parameter(
        "offset", "query", "How many items to skip.", {"type": "integer", "minimum": 0}
    ),
    "bbox": _parameter(
        "bbox",
        "query",
        "Only items in this box: west, south, east, north (WGS 84 longitude, latitude).",
        {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
    ),
    "datetime": _parameter(
        "datetime",
        "query",
        "Only courses taught on this day or during this interval (RFC 3339, '..' for open).",
        {"type": "string"},
    ),
    "collectionId": _parameter(
        "collectionId",
        "path",
        "The collection.",
        {"type": "string", "enum": [found.id for found in ogc.COLLECTIONS]},
        explode=None,
    ),
    "featureId": _parameter(
        "featureId", "path", "The item's identifier.", {"type": "string"}, explode=None
    ),
}


def _answers(*media_types):
    content = {media_type: {"schema": {"type": "object"}} for media_type in media_types}
    return {
        "200": {"description": "The resource.", "content": content},
        "400": {"description": "A parameter that cannot be used.", "content": _error()},
        "404": {"description": "No such resource.", "content": _error()},
    }


def _error():
    return {
        JSON: {
            "schema": {
                "type": "object",
                "required": ["code"],
                "properties": {"code": {"type": "string"}, "description": {"type": "string"}},
            }
        }
    }


def _operation(operation_id, summary, names, *media_types):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in names],
            "responses": _answers(*media_types, HTML),
        }
    }


PATHS = {
    "/": _operation("getLandingPage", "The landing page", ["f"], JSON),
    "/conformance": _operation("getConformance", "The conformance classes", ["f"], JSON),
    "/api": _operation("getApi", "This definition", ["f"], "application/vnd.oai.openapi+json"),
    "/collections": _operation("getCollections", "The collections", ["f"], JSON),
    "/collections/{collectionId}": _operation(
        "describeCollection", "A collection", ["collectionId", "f"], JSON
    ),
    "/collections/{collectionId}/items": _operation(
        "getFeatures",
        "A page of a collection's items",
        ["collectionId", "limit", "offset", "bbox", "datetime", "f"],
        GEOJSON,
    ),
    "/collections/{collectionId}/items/{featureId}": _operation(
        "getFeature", "One item", ["collectionId", "featureId", "f"], GEOJSON
    ),
}


def definition(base_url, title, version):
    """The OpenAPI 3.0 document of the service at ``base_url``."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": title,
            "version": version,
            "description": "Training centres and courses of the QGIS Certification Programme.",
        },
        "servers": [{"url": base_url}],
        "paths": PATHS,
        "components": {"parameters": PARAMETERS},
    }
