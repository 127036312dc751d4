"""Step 1002 -> 1003, trainer credentials: every trainer certificate issued
before gets its place in the revocation list, and a lapsed one is then set."""

from builders import certified_course
from builders import nominate_trainer
from plone import api

from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials import status_list
from qgis.certification.certificates.credentials import status_register
from qgis.certification.certificates.credentials.awards import award_for
from qgis.certification.upgrades import v1003


def test_the_step_places_every_trainer_certificate_in_the_status_list(site):
    first, _course, _attendees = certified_course(site, title="Geo Academy")
    second, _course, _attendees = certified_course(site, title="Map School")
    lapsed = nominate_trainer(first, state="lapsed")
    approved = nominate_trainer(second, state="approved")
    # as a 1002 site has it: trainer certificates had no place in the list
    del api.portal.get().__annotations__[status_register.KEY]
    assert "credentialStatus" not in badges.open_badge_credential(award_for(lapsed.code))

    v1003.assign_trainer_status_indexes(api.portal.get_tool("portal_setup"))

    indexes = [status_register.index_of(nomination.code) for nomination in (lapsed, approved)]
    assert sorted(indexes) == [0, 1]
    assert status_list.revoked_codes() == [lapsed.code]
    entry = badges.open_badge_credential(award_for(lapsed.code))["credentialStatus"]
    assert status_list.is_revoked(status_list.encoded_list(1), int(entry["statusListIndex"]))
    v1003.assign_trainer_status_indexes(api.portal.get_tool("portal_setup"))
    assert [status_register.index_of(item.code) for item in (lapsed, approved)] == indexes
