"""The HTML encoding of the OGC API - Features documents: each document as a
page (a title, a description, a table and links) in the visitor's language,
rendered by ``templates/ogc.pt``."""

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public import listings


# the properties of the features, as a table's columns say them
LABELS = {
    "title": _("Name"),
    "organisation": _("Organisation"),
    "country": _("Country"),
    "start_date": _("First day"),
    "end_date": _("Last day"),
    "language": _("Language"),
    "course_type": _("Course type"),
    "training_center": _("Training centre"),
    "url": _("Page"),
    "organisation_url": _("Organisation's page"),
}
# shown as the link of another column, not as columns of their own
LINKED = {"url": "title", "organisation_url": "organisation"}


def cell(text, href=None):
    return {"text": "" if text is None else str(text), "href": href}


def shown(name, value):
    """A property's value as a visitor reads it: countries and languages by name."""
    if name == "country":
        return feeds.CountryNames()(value)
    if name == "language":
        return listings.language_name(value)
    return value


def links(document):
    """The links of a document other than to itself."""
    return [link for link in document.get("links", ()) if link["rel"] != "self"]


def page(method, document, translate):
    """The page of a document answered by ``method`` of the endpoint."""
    found = BUILDERS[method](document, translate)
    return {"description": None, "columns": [], "rows": [], "links": links(document), **found}


def landing(document, translate):
    return {"title": document["title"], "description": document["description"]}


def conformance(document, translate):
    rows = [[cell(uri, uri)] for uri in document["conformsTo"]]
    return {"title": translate(_("Conformance classes")), "columns": ["URI"], "rows": rows}


def api(document, translate):
    rows = [
        [cell(path), cell(operation["get"]["summary"])]
        for path, operation in document["paths"].items()
    ]
    columns = [translate(_("Path")), translate(_("What it answers"))]
    return {"title": document["info"]["title"], "columns": columns, "rows": rows}


def _html_link(document, rel="self"):
    return next(
        link["href"]
        for link in document["links"]
        if link["rel"] in (rel, "alternate") and link["type"] == "text/html"
    )


def collections(document, translate):
    rows = [
        [cell(found["title"], _html_link(found)), cell(found["description"])]
        for found in document["collections"]
    ]
    columns = [translate(_("Collection")), translate(_("What it holds"))]
    return {"title": translate(_("Collections")), "columns": columns, "rows": rows}


def collection(document, translate):
    return {"title": document["title"], "description": document["description"]}


def _row(feature, item_url, names):
    properties = feature["properties"]
    row = [cell(properties.get("title"), f"{item_url}/{feature['id']}?f=html")]
    for name in names[1:]:
        linked = next((url for url, text in LINKED.items() if text == name), None)
        value = shown(name, properties.get(name))
        row.append(cell(value, properties.get(linked) if linked else None))
    longitude, latitude = feature["geometry"]["coordinates"]
    return [*row, cell(latitude), cell(longitude)]


def items(document, translate):
    title = next(link["title"] for link in document["links"] if link["rel"] == "collection")
    item_url = _html_link(document).split("?")[0]
    features = document["features"]
    names = [name for name in LABELS if name not in LINKED]
    if features:
        names = [name for name in names if name in features[0]["properties"]]
    columns = [translate(LABELS[name]) for name in names]
    columns += [translate(_("Latitude")), translate(_("Longitude"))]
    mapping = {"matched": document["numberMatched"], "returned": document["numberReturned"]}
    description = _("${matched} items match; ${returned} on this page.", mapping=mapping)
    return {
        "title": title,
        "description": translate(description),
        "columns": columns,
        "rows": [_row(feature, item_url, names) for feature in features],
    }


def item(document, translate):
    properties = document["properties"]
    rows = [
        [
            cell(translate(LABELS.get(name, name))),
            cell(shown(name, value), value if name in LINKED else None),
        ]
        for name, value in properties.items()
    ]
    longitude, latitude = document["geometry"]["coordinates"]
    rows += [
        [cell(translate(_("Latitude"))), cell(latitude)],
        [cell(translate(_("Longitude"))), cell(longitude)],
    ]
    columns = [translate(_("Property")), translate(_("Value"))]
    return {"title": properties["title"], "columns": columns, "rows": rows}


BUILDERS = {
    "landing": landing,
    "conformance": conformance,
    "api": api,
    "collections": collections,
    "collection": collection,
    "items": items,
    "item": item,
}
