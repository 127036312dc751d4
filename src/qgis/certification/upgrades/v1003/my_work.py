""" "My work": the catalog step adds the indexes ``qgis_people``,
``qgis_opinions``, ``qgis_since``, ``qgis_deadline`` and the column
``qgis_work``; the rolemap step grants the team "View all applications"; the
actions step adds "My work" to the personal menu. Organisations, courses and
invoices are then indexed in them (only these indexes and the metadata are
written: no modification date changes)."""

from qgis.certification.upgrades.indexing import index_types


TO_INDEX = {
    "CertifyingOrganisation": ["qgis_people", "qgis_opinions", "qgis_since", "qgis_deadline"],
    "Course": ["qgis_people"],
    "Invoice": ["qgis_since", "qgis_deadline"],
}


def index_my_work(setup_tool):
    index_types(TO_INDEX, update_metadata=True)
