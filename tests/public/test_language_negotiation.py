"""The visitor's language: chosen at /Plone from the cookie, else Accept-Language;
kept on pages that belong to no language folder, with a switcher that stays there."""

import re

import pytest
import requests
from plone import api


pytestmark = pytest.mark.server


@pytest.fixture
def organisation(served_course):
    return served_course[0]


def html_language(response):
    return re.search(r'<html[^>]* lang="([a-z-]+)"', response.text).group(1)


@pytest.mark.parametrize(
    ("accept_language", "cookie", "root"),
    [
        ("ro-RO,ro;q=0.9,en;q=0.5", None, "ro"),
        ("sv", None, "sv"),
        ("de-DE,de;q=0.9", None, "en"),
        ("", None, "en"),
        ("ro", "sv", "sv"),
    ],
)
def test_the_site_root_sends_each_visitor_to_their_language(
    server_site, accept_language, cookie, root
):
    response = requests.get(
        server_site.absolute_url(),
        headers={"Accept-Language": accept_language},
        cookies={"I18N_LANGUAGE": cookie} if cookie else {},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"{server_site.absolute_url()}/{root}"


@pytest.mark.parametrize(
    ("language", "certified"),
    [("ro", "Organizații certificate"), ("sv", "Certifierade organisationer")],
)
def test_an_organisation_page_speaks_the_browsers_language(organisation, language, certified):
    response = requests.get(
        organisation.absolute_url(), headers={"Accept-Language": language}, timeout=30
    )

    assert html_language(response) == language
    crumbs = re.findall(
        r'<li class="breadcrumb-item"\s*><a href="([^"]+)"\s*>([^<]+)</a>', response.text
    )
    assert crumbs[1] == (
        f"{api.portal.get().absolute_url()}/{language}/@@certified-organisations",
        certified,
    )
    assert "Accept-Language" in response.headers["Vary"]


def test_the_switcher_stays_on_the_page_and_its_choice_sticks(organisation):
    session = requests.Session()
    page = session.get(organisation.absolute_url(), headers={"Accept-Language": "sv"}, timeout=30)
    switch = re.search(r'<a href="([^"]+)" hreflang="ro"', page.text).group(1)
    assert switch == f"{organisation.absolute_url()}?set_language=ro"

    switched = session.get(switch, headers={"Accept-Language": "sv"}, timeout=30)
    again = session.get(organisation.absolute_url(), headers={"Accept-Language": "sv"}, timeout=30)

    assert html_language(switched) == "ro"
    assert html_language(again) == "ro"
    assert 'class="currentLanguage language-ro"' in again.text


@pytest.mark.parametrize("path", ["/verify", "{organisation}"])
def test_pages_outside_the_language_folders_have_one_switcher(server_site, organisation, path):
    url = path.format(organisation=organisation.absolute_url())
    url = url if url.startswith("http") else server_site.absolute_url() + url
    response = requests.get(url, headers={"Accept-Language": "ro"}, timeout=30)
    assert response.text.count('id="portal-languageselector"') == 1


def test_a_language_folder_keeps_its_own_language_and_switcher(server_site):
    response = requests.get(
        f"{server_site.absolute_url()}/en", headers={"Accept-Language": "ro"}, timeout=30
    )
    assert html_language(response) == "en"
    assert response.text.count('id="portal-languageselector"') == 1


@pytest.mark.parametrize("language", ["en", "ro", "sv"])
def test_visitors_opening_the_organisations_folder_get_the_certified_list(server_site, language):
    portal_url = server_site.absolute_url()
    response = requests.get(
        f"{portal_url}/organisations",
        headers={"Accept-Language": language},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"{portal_url}/{language}/@@certified-organisations"


def test_the_team_gets_the_table_of_every_application(server_site, served_course, sessions_for):
    team = sessions_for("team")["team"]
    team.headers["Accept"] = "text/html"
    folder = f"{server_site.absolute_url()}/organisations"
    response = team.get(folder, allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{folder}/@@applications"
    response = team.get(folder)
    assert response.status_code == 200
    assert served_course[0].Title() in response.text


@pytest.mark.parametrize(("language", "apply"), [("ro", "inscriere"), ("sv", "ansok")])
def test_pages_outside_the_language_folders_show_the_programmes_navigation(
    organisation, language, apply
):
    response = requests.get(
        organisation.absolute_url(), headers={"Accept-Language": language}, timeout=30
    )
    navigation = re.search(r'id="portal-globalnav">(.*?)</ul>', response.text, re.S).group(1)
    root = f"{api.portal.get().absolute_url()}/{language}"
    assert re.findall(r'href="([^"]+)"', navigation)[0] == root
    assert f'href="{root}/{apply}"' in navigation
