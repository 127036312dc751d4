"""Step 1001 -> 1002 indexes what the programme in figures counts: a site of
1001 (no qgis_month index, certificates without their course's country and
course type) counts its organisations, courses and certificates afterwards."""

from datetime import date

from builders import certified_attendees
from builders import certified_course
from plone import api
from Products.CMFCore.indexing import processQueue

from qgis.certification.public import statistics
from qgis.certification.upgrades import v1002


def as_in_1001(catalog, certificate):
    catalog.delIndex("qgis_month")
    rid = catalog.getrid("/".join(certificate.getPhysicalPath()))
    for name in ("qgis_countries", "qgis_course_type"):
        catalog._catalog.getIndex(name).unindex_object(rid)


def test_the_step_indexes_the_figures(site):
    _organisation, _course, certificates = certified_attendees(site)
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()  # what is waiting to be indexed is indexed first
    as_in_1001(catalog, certificates[0])
    assert statistics.recounted()["certificates-per-country"] == [("RO", 2)]

    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-qgis.certification:default", "catalog")
    v1002.index_statistics(setup)

    counted = statistics.recounted()
    assert counted["certificates-per-country"] == [("RO", 3)]
    assert counted["certificates-per-course-type"] == [("QGIS for beginners", 3)]
    assert counted["certificates-per-year"] == [(str(date.today().year), 3)]
    assert counted["courses-per-month"] == [("2026-11", 1)]
    assert counted["organisations-over-time"] == [(str(date.today().year), 1, 1)]


def test_without_the_index_nothing_fails(site):
    certified_course(site)
    api.portal.get_tool("portal_catalog").delIndex("qgis_month")
    assert statistics.recounted()["courses-per-month"] == []
    assert statistics.counted() == statistics.recounted()
