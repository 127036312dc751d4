"""The programme in figures: the catalog step adds the index ``qgis_month``;
organisations, courses and certificates are then indexed in it, and
certificates also with their course's country and course type. Only these
indexes are written (no modification date changes)."""

from qgis.certification.upgrades.indexing import index_types


TO_INDEX = {
    "CertifyingOrganisation": ["qgis_month"],
    "Course": ["qgis_month"],
    "Certificate": ["qgis_month", "qgis_countries", "qgis_course_type"],
}


def index_statistics(setup_tool):
    index_types(TO_INDEX)
