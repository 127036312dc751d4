"""A real WSGI server serves the site: the home page and REST answer over HTTP."""

import pytest
import requests


pytestmark = pytest.mark.server


@pytest.fixture
def base_url(server):
    return f"http://{server['host']}:{server['port']}/plone"


def test_home_page(base_url):
    response = requests.get(base_url, timeout=30)
    assert response.status_code == 200
    assert "text/html" in response.headers["Content-Type"]
    assert "<html" in response.text


def test_rest_site_root(base_url):
    response = requests.get(base_url, headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 200
    assert response.json()["@type"] == "Plone Site"
