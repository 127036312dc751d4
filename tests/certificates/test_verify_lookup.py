"""``@verify/<code>`` finds a code with one lookup in the code's index: no
catalog search, and no other certificate woken."""

import transaction
from builders import issued_certificate
from plone import api
from plone.app.testing import logout
from Products.ZCatalog.ZCatalog import ZCatalog

from qgis.certification.certificates import verification
from qgis.certification.certificates.codes import new_code


def test_a_code_is_found_with_one_index_lookup(site, monkeypatch):
    certificate = issued_certificate(site)
    with api.env.adopt_roles(["Manager"]):
        course = certificate.__parent__
        others = [item for item in course.objectValues() if item.getId() != certificate.getId()]
    transaction.commit()
    logout()
    searched = []
    monkeypatch.setattr(ZCatalog, "searchResults", lambda *args, **kw: searched.append(kw))
    site._p_jar.cacheMinimize()
    assert all(item._p_changed is None for item in others)  # ghosts
    holder, verifier = verification.find(certificate.code)
    assert searched == []
    assert others
    assert [item.getId() for item in others if item._p_changed is not None] == []
    assert holder.UID() == certificate.UID()
    assert verifier.verification(holder)["valid"] is True
    assert verification.find(new_code()) == (None, None)
