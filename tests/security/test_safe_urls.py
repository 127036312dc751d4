"""Only safe addresses, over HTTP: the address fields refuse every scheme but
http and https (a Link also takes mailto and pages of the site) with a 400, and
an unsafe address stored before the check reaches no page, list or feed."""

import pytest
import transaction
from builders import bring_to
from builders import create_application
from plone import api
from rest_helpers import error_message
from security_helpers import obj_at
from security_helpers import store
from security_helpers import store_metadata


pytestmark = pytest.mark.server

UNSAFE = [
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "java&#115;cript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "VBSCRIPT:msgbox(1)",
    "ftp://files.example.org/qgis.zip",
    "/relative/page",
    "relative/page",
]
STORED = "javascript:alert(document.cookie)"


@pytest.fixture
def draft(server_site):
    """A draft application of ``owner`` (who may edit it), committed."""
    organisation = create_application(server_site)
    transaction.commit()
    return {
        "org": organisation.absolute_url(),
        "course_type": organisation["qgis-for-beginners"].absolute_url(),
        "link": organisation["qgis-for-beginners"]["exercises"].absolute_url(),
    }


@pytest.fixture
def owner(server_site, sessions_for):
    return sessions_for("owner")["owner"]


def refused(response, field):
    assert response.status_code == 400, (response.status_code, response.text[:500])
    message = error_message(response)
    assert field in response.text
    return message


@pytest.mark.parametrize("value", UNSAFE)
def test_organisation_website_refuses_unsafe_addresses(draft, owner, value):
    response = owner.patch(draft["org"], json={"website": value})
    assert "http://" in refused(response, "website")
    assert obj_at(draft["org"]).website is None


@pytest.mark.parametrize("value", UNSAFE)
def test_course_page_refuses_unsafe_addresses(draft, owner, value):
    refused(owner.patch(draft["course_type"], json={"url": value}), "url")
    assert obj_at(draft["course_type"]).url is None


@pytest.mark.parametrize("value", UNSAFE)
def test_training_material_refuses_unsafe_targets(draft, owner, value):
    refused(owner.patch(draft["link"], json={"remoteUrl": value}), "remoteUrl")
    assert obj_at(draft["link"]).remoteUrl == "https://example.org/exercises"
    response = owner.post(
        draft["course_type"], json={"@type": "Link", "title": "Slides", "remoteUrl": value}
    )
    refused(response, "remoteUrl")
    assert "slides" not in obj_at(draft["course_type"]).objectIds()


def test_an_unsafe_organisation_is_not_created(server_site, owner):
    url = f"{server_site.absolute_url()}/organisations"
    body = {
        "@type": "CertifyingOrganisation",
        "title": "Script Academy",
        "email": "office@script.example",
        "country": "RO",
        "website": "javascript:alert(1)",
    }
    refused(owner.post(url, json=body), "website")
    assert "script-academy" not in obj_at(url).objectIds()


def test_safe_addresses_are_kept(draft, owner):
    response = owner.patch(draft["org"], json={"website": "https://geo-academy.example/"})
    assert response.status_code == 204, response.text
    assert owner.patch(draft["course_type"], json={"url": "http://example.org/c"}).ok
    for target in ("mailto:trainer@example.org", "https://example.org/slides"):
        response = owner.patch(draft["link"], json={"remoteUrl": target})
        assert response.status_code == 204, (target, response.text)
    assert obj_at(draft["org"]).website == "https://geo-academy.example/"
    assert obj_at(draft["link"]).remoteUrl == "https://example.org/slides"


# -- addresses stored before the check ------------------------------------------


@pytest.fixture
def stored(server_site):
    """A certified organisation whose website, course page and training material
    hold unsafe addresses written past validation, its catalog metadata too."""
    with api.env.adopt_roles(["Manager"]):
        organisation = bring_to(create_application(server_site), "published")
    course_type = organisation["qgis-for-beginners"]
    store(organisation, website=STORED)
    store_metadata(organisation, qgis_website=STORED)
    store(course_type, url=STORED)
    store(course_type["exercises"], remoteUrl=STORED)
    return organisation


def test_the_organisation_page_shows_no_unsafe_website(stored, sessions_for):
    for session in sessions_for("owner").values():
        response = session.get(stored.absolute_url(), headers={"Accept": "text/html"})
        assert response.status_code == 200, response.text[:300]
        assert "Geo Academy" in response.text
        assert "alert(document.cookie)" not in response.text


def test_the_list_page_shows_no_unsafe_website(stored, rest_session):
    url = f"{api.portal.get().absolute_url()}/en/@@certified-organisations"
    response = rest_session().get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
    assert "Geo Academy" in response.text
    assert "alert(document.cookie)" not in response.text


def test_the_organisations_feed_serves_no_unsafe_website(stored, rest_session):
    response = rest_session().get("/@organisations")
    assert response.status_code == 200, response.text[:300]
    (item,) = response.json()["items"]
    assert item["title"] == "Geo Academy"
    assert item["website"] is None


def test_rest_serves_no_unsafe_address(stored, sessions_for):
    owner = sessions_for("owner")["owner"]
    course_type = stored["qgis-for-beginners"]
    assert owner.get(stored.absolute_url()).json()["website"] is None
    assert owner.get(course_type.absolute_url()).json()["url"] is None
    link = owner.get(course_type["exercises"].absolute_url()).json()
    assert link["remoteUrl"] is None


def test_the_link_page_neither_links_nor_redirects_to_an_unsafe_target(stored, sessions_for):
    link = stored["qgis-for-beginners"]["exercises"].absolute_url()
    sessions = sessions_for("owner", "team")
    for user in ("owner", "team"):
        response = sessions[user].get(link, headers={"Accept": "text/html"})
        assert response.status_code == 200, (user, response.status_code)
        assert "alert(document.cookie)" not in response.text
    response = sessions["anonymous"].get(link, allow_redirects=False)
    assert "alert(document.cookie)" not in response.headers.get("Location", "")
    assert "alert(document.cookie)" not in response.text
