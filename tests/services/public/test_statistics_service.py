"""The programme in figures over HTTP, as anonymous visitors and other sites
get it: ``GET @statistics``, the statistics page of each language and each
figure's CSV file. Aggregates only, read from the catalog's indexes."""

import csv
import io
from datetime import date

import pytest
import transaction
from builders import certified_attendees
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

from qgis.certification.public import statistics


pytestmark = pytest.mark.server

THIS_YEAR = str(date.today().year)


@pytest.fixture
def figures_site(server_site):
    certified_attendees(server_site)
    transaction.commit()
    return server_site


@pytest.fixture
def anonymous(rest_session):
    return rest_session()


def by_name(answer):
    return {figure["name"]: figure for figure in answer["figures"]}


def test_statistics_answer_every_figure(figures_site, anonymous):
    response = anonymous.get("@statistics")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    figures = by_name(response.json())
    assert list(figures) == [figure.name for figure in statistics.FIGURES]
    assert figures["certificates-per-year"]["rows"] == [[THIS_YEAR, 3]]
    assert figures["certificates-per-country"]["rows"] == [["Romania", 3]]
    assert figures["certificates-per-country"]["columns"] == ["Country", "Certificates"]
    assert figures["courses-per-month"]["csv"] == (
        f"{figures_site.absolute_url()}/en/@@statistics/courses-per-month.csv"
    )


def test_statistics_of_one_figure(figures_site, anonymous):
    response = anonymous.get("@statistics", params={"figure": "organisations-per-country"})
    (figure,) = response.json()["figures"]
    assert figure["title"] == "Certified organisations per country"
    assert figure["rows"] == [["Romania", 1]]


@pytest.mark.parametrize("figure", ["nothing", "../organisations-per-country"])
def test_an_unknown_figure_is_refused(figures_site, anonymous, figure):
    response = anonymous.get("@statistics", params={"figure": figure})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "figure"
    assert "organisations-per-country" in error["message"]


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "The programme in figures"),
        ("ro", "Programul în cifre"),
        ("sv", "Programmet i siffror"),
    ],
)
def test_the_page_shows_each_figure_as_a_table_with_a_chart(
    figures_site, anonymous, language, heading
):
    response = anonymous.get(f"{language}/@@statistics", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.text
    assert heading in page
    assert page.count("<table") == 6
    assert 'data-chart="line"' in page
    assert "chartjs/chart.umd.js" in page
    assert f"{language}/@@statistics/certificates-per-year.csv" in page


def test_the_front_page_links_to_the_figures(figures_site, anonymous):
    page = anonymous.get("en", headers={"Accept": "text/html"}).text
    assert f"{figures_site.absolute_url()}/en/@@statistics" in page


def test_a_figure_as_csv(figures_site, anonymous):
    response = anonymous.get("sv/@@statistics/certificates-per-country.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert 'filename="certificates-per-country.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows == [["Land", "Certifikat"], ["Rumänien", "3"]]


def test_an_unknown_csv_is_not_found(figures_site, anonymous):
    response = anonymous.get("en/@@statistics/nothing.csv", headers={"Accept": "text/html"})
    assert response.status_code == 404


def test_the_figures_wake_no_object(figures_site, anonymous, monkeypatch):
    def woken(brain, *args, **kwargs):
        raise AssertionError(f"the figures woke {brain.getPath()}")

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", woken)
    monkeypatch.setattr(AbstractCatalogBrain, "_unrestrictedGetObject", woken)
    statistics.CACHE.clear()
    assert anonymous.get("@statistics").status_code == 200
    assert anonymous.get("en/@@statistics", headers={"Accept": "text/html"}).status_code == 200
