"""``@search`` on the site root leaves out plone.restapi's path filter (it
keeps everything there, at the cost of walking every catalog entry); searches
of a folder, or with their own path, keep it."""

import pytest
import transaction
from builders import certified_course
from builders import committed
from plone import api
from zope.globalrequest import getRequest

from qgis.certification.services.public.search import SiteSearchHandler


def constrained(context, **query):
    SiteSearchHandler(context, getRequest())._constrain_query_by_path(query)
    return query


def test_a_search_of_the_site_has_no_path_filter(portal):
    assert "path" not in constrained(portal, SearchableText="QGIS")


def test_a_search_of_a_folder_or_with_a_path_keeps_it(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal, type="Folder", id="news", title="News")
    assert constrained(folder)["path"] == {"query": "/plone/news"}
    assert constrained(portal, path="/plone/news")["path"] == {"query": "/plone/news"}
    assert constrained(portal, **{"path": {"depth": 1}})["path"] == {"query": "/plone", "depth": 1}


@pytest.mark.server
def test_visitors_search_the_site_and_a_language_folder(server_site, rest_session):
    organisation, course, _attendees = committed(certified_course, server_site, title="Zqx Academy")
    transaction.commit()
    anonymous = rest_session()
    found = anonymous.get("@search", params={"SearchableText": "Zqx"})
    assert found.status_code == 200, found.text
    assert [item["@id"] for item in found.json()["items"]] == [organisation.absolute_url()]
    inside = anonymous.get("en/@search", params={"SearchableText": "Zqx"})
    assert inside.status_code == 200
    assert inside.json()["items"] == []
