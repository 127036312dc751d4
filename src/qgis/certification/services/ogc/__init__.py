"""``/ogc``: the programme's OGC API - Features service (Part 1: Core, with
the GeoJSON and HTML encodings and an OpenAPI 3.0 definition), read by QGIS,
GDAL and OWSLib. The collections and their filters are in
``qgis.certification.public.ogc``; here are the addresses, the documents and
their encodings."""
