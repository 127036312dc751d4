"""The public feeds other QGIS sites embed: anonymous, published data only.

``@organisations`` (a paged list), ``@training-centers-geojson`` and
``@courses-geojson`` (GeoJSON feature collections, RFC 7946: coordinates are
[longitude, latitude]). All of it is read from the catalog (see
``qgis.certification.public.listings`` and ``feeds``); bad parameters answer
400 with the product's JSON error, naming the parameter.
"""
