"""1002 -> 1003, trainer credentials: every trainer certificate issued before
gets its place in the revocation list, oldest first (a trainer whose
certificate is no longer valid is then set in the list)."""

from plone import api

from qgis.certification.certificates.credentials.status_register import assign_index


def _trainer_codes():
    found = []
    for brain in api.content.find(portal_type="TrainerNomination", unrestricted=True):
        nomination = brain._unrestrictedGetObject()
        if nomination.code and nomination.valid_from is not None:
            found.append((nomination.valid_from.isoformat(), nomination.code))
    return [code for _day, code in sorted(found)]


def assign_trainer_status_indexes(setup_tool):
    for code in _trainer_codes():
        assign_index(code)
