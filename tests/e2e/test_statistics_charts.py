"""An anonymous visitor on the statistics page: each figure is a table, with a
chart that Chart.js draws over it from the table's rows."""

import pytest
import transaction
from builders import certified_attendees
from builders import nominate_trainer
from playwright.sync_api import expect

from qgis.certification.public import statistics


pytestmark = pytest.mark.server


@pytest.fixture
def figures_world(server_site):
    organisation, _course, _certificates = certified_attendees(server_site)
    nominate_trainer(organisation, state="approved")  # every figure has rows
    transaction.commit()


def test_visitor_sees_each_figure_as_a_chart_and_a_table(figures_world, page, base_url, screenshot):
    page.goto(f"{base_url}/sv/@@statistics")
    charts = page.locator(".qgis-chart")
    expect(charts).to_have_count(len(statistics.FIGURES))
    # the script writes how many rows it drew once the chart is made
    expect(page.locator("#certificates-per-country .qgis-chart")).to_have_attribute(
        "data-drawn", "1"
    )
    expect(page.locator("#certificates-per-country table")).to_contain_text("Rumänien")
    expect(page.locator("#certificates-per-country canvas")).to_be_visible()
    screenshot(page, "charts")
