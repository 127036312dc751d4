"""The programme's figures become running counts: nominations are indexed by
the month their trainer was first certified (the certified-trainers figures),
and the counts are built from the catalog's indexes (no certificate woken)."""

from plone import api

from qgis.certification.public import figure_counts


def index_trainer_months(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="TrainerNomination"):
        catalog.catalog_object(
            brain._unrestrictedGetObject(), brain.getPath(), idxs=["qgis_month"], update_metadata=0
        )


def count_figures(setup_tool):
    figure_counts.rebuild(api.portal.get())
