"""A site created at an earlier profile version, upgraded, is at the current version with all
its data: programme content, certificates and their codes, the credit ledger.

One test per version a site may have been created at (from metadata.xml); the current version
itself checks that an upgrade with nothing pending changes nothing."""

from collections import Counter

import pytest
from builders import certified_course
from builders import top_up
from plone import api
from upgrade_helpers import PROFILE_ID
from upgrade_helpers import earlier_versions
from upgrade_helpers import profile_version

from qgis.certification.certificates import issuing
from qgis.certification.payments.credits import ledger_of


def build_programme_data(portal):
    organisation, course, attendees = certified_course(portal)
    top_up(organisation, 5)
    with api.env.adopt_user(username="owner"):
        first_two = [attendee.UID() for attendee in attendees[:2]]
        issuing.issue_certificates(course, first_two, "completion", "owner")
    return organisation


def contained_content(container):
    """Paths of the content stored under the container, found by walking it (not the catalog)."""
    paths = []
    for child in container.contentValues():
        paths.append("/".join(child.getPhysicalPath()))
        if getattr(child, "isPrincipiaFolderish", False):
            paths.extend(contained_content(child))
    return paths


def snapshot(portal, organisation):
    brains = api.content.find(context=portal, unrestricted=True)
    certificates = [
        brain._unrestrictedGetObject()
        for brain in api.content.find(portal_type="Certificate", unrestricted=True)
    ]
    ledger = ledger_of(organisation)
    return {
        "types": Counter(brain.portal_type for brain in brains),
        "states": {brain.getPath(): brain.review_state for brain in brains},
        "stored": sorted(contained_content(portal)),
        "codes": sorted(certificate.code for certificate in certificates),
        "balance": ledger.balance,
        "ledger": [(e["amount"], e["reason"], e["reference"]) for e in ledger.entries()],
    }


@pytest.mark.parametrize("created_at", earlier_versions())
def test_upgrade_from_an_earlier_version_keeps_the_data(site, created_at):
    organisation = build_programme_data(site)
    before = snapshot(site, organisation)
    assert before["types"]["Certificate"] == 2
    assert before["balance"] == 3
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE_ID, str(created_at))
    pending = setup_tool.listUpgrades(PROFILE_ID)
    assert bool(pending) == (created_at < profile_version())

    with api.env.adopt_roles(["Manager"]):
        setup_tool.upgradeProfile(PROFILE_ID)

    assert setup_tool.getLastVersionForProfile(PROFILE_ID) == (str(profile_version()),)
    assert setup_tool.listUpgrades(PROFILE_ID) == []
    assert snapshot(site, organisation) == before
    for code in before["codes"]:
        assert issuing.find_certificate(code).code == code
    assert ledger_of(organisation).recomputed_balance() == before["balance"]
