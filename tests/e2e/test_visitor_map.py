"""An anonymous visitor on the front page: the map and its markers, a popup
leading to the organisation, the list beside the map, and the switch to
Romanian through Plone's language selector."""

import re

import pytest
import transaction
from builders import bring_to
from builders import create_application
from playwright.sync_api import expect
from plone import api

from qgis.certification.public.programme_pages import FRONT_PAGE


pytestmark = pytest.mark.server


def add_centre(organisation, title, latitude, longitude):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=organisation,
            type="TrainingCenter",
            title=title,
            country=organisation.country,
            latitude=latitude,
            longitude=longitude,
        )


@pytest.fixture
def map_world(server_site):
    """Two certified organisations with three mapped centres between them, and a
    draft application whose centre must stay off the map."""
    portal = server_site
    with api.env.adopt_roles(["Manager"]):
        cluj = bring_to(create_application(portal, title="Cluj Geo School"), "published")
        iasi = bring_to(create_application(portal, title="Iasi Mapping Lab"), "published")
        draft = create_application(portal, title="Brasov Draft Academy")
        add_centre(cluj, "Cluj centre", 46.77, 23.6)
        add_centre(cluj, "Oradea centre", 47.07, 21.93)
        add_centre(iasi, "Iasi centre", 47.16, 27.58)
        add_centre(draft, "Brasov centre", 45.65, 25.6)
    transaction.commit()
    return {"cluj": cluj.absolute_url(), "iasi": iasi.absolute_url()}


def test_visitor_sees_markers_and_switches_to_romanian(map_world, page, base_url, screenshot):
    page.goto(f"{base_url}/en")
    programme_map = page.locator("#programme-map")
    # the map script writes the number of features it drew once the data is in
    expect(programme_map).to_have_attribute("data-markers", "3")
    markers = programme_map.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(3)
    expect(programme_map.locator(".leaflet-control-attribution")).to_be_visible()
    expect(markers.and_(page.locator('[alt="Brasov Draft Academy"]'))).to_have_count(0)
    screenshot(page, "map")

    page.locator('.leaflet-marker-icon[alt="Iasi Mapping Lab"]').click()
    popup_link = programme_map.locator(".leaflet-popup-content a")
    expect(popup_link).to_have_text("Iasi Mapping Lab")
    expect(programme_map.locator(".leaflet-popup-content")).to_contain_text("Iasi centre")
    expect(programme_map.locator(".leaflet-popup")).to_have_css("opacity", "1")
    screenshot(page, "popup")

    # the text alternative of the map: the certified organisations, as links
    page.get_by_text("The organisations on the map, as a list").click()
    listed = page.locator("#organisation-list a")
    expect(listed).to_have_text(["Cluj Geo School", "Iasi Mapping Lab"])
    screenshot(page, "list")

    popup_link.click()
    expect(page).to_have_url(map_world["iasi"])
    expect(page.locator("h1")).to_have_text("Iasi Mapping Lab")
    screenshot(page, "organisation")

    page.goto(f"{base_url}/en")
    page.locator("#portal-languageselector .language-ro a").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(base_url)}/ro(\?.*)?$"))
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    expect(page.locator("h1")).to_have_text(FRONT_PAGE["title"]["ro"])
    # Plone's own interface speaks Romanian too
    expect(page.locator("#personaltools-login")).to_have_text("Autentificare")
    expect(page.locator("#portal-languageselector .currentLanguage")).to_contain_text("Română")
    expect(page.locator("#programme-map .leaflet-marker-icon")).to_have_count(3)
    screenshot(page, "romanian")
