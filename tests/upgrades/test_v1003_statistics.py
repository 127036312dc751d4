"""Step 1002 -> 1003: a site of 1002 (no running counts, nominations not
indexed by month, versions read with the sharing they had) gets its figures
counted from the catalog, its trainers' months, and the local-roles modifier."""

from datetime import date

from builders import certified_attendees
from builders import nominate_trainer
from plone import api
from Products.CMFCore.indexing import processQueue
from zope.annotation.interfaces import IAnnotations

from qgis.certification.application import version_roles
from qgis.certification.public import figure_counts
from qgis.certification.public import statistics
from qgis.certification.upgrades import v1003


THIS_MONTH = date.today().strftime("%Y-%m")


def as_in_1002(site, nomination):
    processQueue()
    del IAnnotations(site)[figure_counts.KEY]
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(nomination.getPhysicalPath()))
    catalog._catalog.getIndex("qgis_month").unindex_object(rid)
    version_roles.remove_modifier()


def test_the_step_counts_the_figures(site):
    organisation, _course, _certificates = certified_attendees(site)
    nomination = nominate_trainer(organisation, state="approved")
    as_in_1002(site, nomination)
    assert figure_counts.tally(site) is None
    # a site without a tally is counted from scratch meanwhile
    assert statistics.counted()["certificates-per-country"] == [("RO", 3)]
    assert statistics.counted()["trainers-over-time"] == []

    setup = api.portal.get_tool("portal_setup")
    v1003.index_trainer_months(setup)
    v1003.count_figures(setup)
    v1003.retain_local_roles(setup)

    tally = figure_counts.tally(site)
    assert tally is not None
    assert tally.totals() == figure_counts.recount(api.portal.get_tool("portal_catalog"))
    counted = statistics.counted()
    assert counted["certificates-per-country"] == [("RO", 3)]
    assert counted["trainers-over-time"] == [(THIS_MONTH[:4], 1, 1)]
    assert counted["trainers-per-country"] == [("RO", 1)]
    modifiers = api.portal.get_tool("portal_modifier")
    assert version_roles.MODIFIER_ID in modifiers.objectIds()
    # a second run changes nothing
    v1003.retain_local_roles(setup)
    v1003.count_figures(setup)
    assert figure_counts.tally(site).totals() == tally.totals()


def test_the_counts_are_made_without_waking_a_certificate(site, monkeypatch):
    certified_attendees(site)
    processQueue()

    def refused(self, *args, **kwargs):
        raise AssertionError("an object was woken")

    from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", refused)
    monkeypatch.setattr(AbstractCatalogBrain, "_unrestrictedGetObject", refused)
    tally = figure_counts.rebuild(site)
    assert tally.totals()[("certificates", "country")] == {"RO": 3}
