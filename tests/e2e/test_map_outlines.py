"""The front page's map when its tiles cannot be loaded (offline, a blocked
tile server): the countries' outlines stand in for them, with a note, and the
markers still stand on a map."""

import re

import pytest
import transaction
from builders import issued_certificate
from playwright.sync_api import expect
from plone import api

from qgis.certification.interfaces import IMapSettings


pytestmark = pytest.mark.server


def tile_host():
    url = api.portal.get_registry_record(name="tile_url", interface=IMapSettings)
    return re.match(r"https?://([^/]+)/", url).group(1).replace("{s}", "*")


def test_the_map_draws_country_outlines_without_tiles(server_site, page, base_url, screenshot):
    issued_certificate(server_site, title="Olt Map Academy")  # one centre, in Cluj
    transaction.commit()
    aborted = []
    page.route(
        f"**://{tile_host()}/**", lambda route: aborted.append(route.request.url) or route.abort()
    )
    page.goto(f"{base_url}/en")

    programme_map = page.locator("#programme-map")
    expect(programme_map).to_have_attribute("data-background", "outlines")
    # Natural Earth's countries as SVG paths, under the marker
    expect(programme_map.locator(".leaflet-overlay-pane path.qgis-outline").first).to_be_attached()
    assert programme_map.locator(".leaflet-overlay-pane path.qgis-outline").count() > 100
    expect(programme_map).to_have_attribute("data-markers", "1")
    expect(programme_map.locator(".leaflet-marker-icon")).to_be_visible()
    note = page.locator("#programme-map-note")
    expect(note).to_be_visible()
    expect(note).to_have_text("The map background could not be loaded; showing country outlines.")
    assert aborted, "the map asked the tile server for its tiles"
    screenshot(page, "outlines")
