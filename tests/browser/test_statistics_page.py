"""The statistics page renders its figures' tables once per state of the
figures, per language and address, for every viewer alike (aggregates only):
a change shows at the next request."""

import itertools

import pytest
import transaction
from builders import certified_course
from builders import top_up
from plone import api

from qgis.certification.browser.statistics import StatisticsView
from qgis.certification.certificates import issuing
from qgis.certification.public import statistics


FRESH = itertools.count()


@pytest.fixture
def renderings(monkeypatch):
    """The languages the figures were rendered in, in order."""
    monkeypatch.setattr(statistics, "RENDERED", {})
    found = []
    render = StatisticsView.render_figures

    def counted(view):
        found.append(view.context.getId())
        return render(view)

    monkeypatch.setattr(StatisticsView, "render_figures", counted)
    return found


def visit(browser, url):
    browser.open(f"{url}/@@statistics?fresh={next(FRESH)}")
    assert browser.headers["status"].startswith("200")
    return browser.contents


def issue_to(course, index):
    attendee = [brain.UID for brain in issuing.attendees_of(course)][index]
    with api.env.adopt_user(username="owner"):
        issuing.issue_certificates(course, [attendee], "completion", "owner")


def certificates_cell(html):
    """The numbers in the table of certificates per year."""
    table = html[html.index('id="certificates-per-year-table"') :]
    table = table[: table.index("</table>")]
    return [int(cell) for cell in table.split("<td>")[1:] for cell in [cell.split("<")[0]]]


def test_the_figures_are_rendered_once_per_state_and_language(site, browser_for, renderings):
    organisation, course, _people = certified_course(site)
    top_up(organisation, 5)
    issue_to(course, 0)
    transaction.commit()
    english, romanian = site["en"].absolute_url(), site["ro"].absolute_url()

    first = visit(browser_for(None), english)
    again = visit(browser_for(None), english)
    by_the_team = visit(browser_for("team"), english)
    in_romanian = visit(browser_for(None), romanian)

    assert renderings == ["en", "ro"]
    assert certificates_cell(first) == certificates_cell(again) == certificates_cell(by_the_team)
    assert "Certificates issued per year" in first
    assert "Certificates issued per year" not in in_romanian

    issue_to(course, 1)
    transaction.commit()

    after = visit(browser_for(None), english)

    assert renderings == ["en", "ro", "en"]
    assert sum(certificates_cell(after)) == sum(certificates_cell(first)) + 1


def test_renderings_kept_are_bounded(site, monkeypatch, renderings):
    transaction.commit()
    monkeypatch.setattr(statistics, "RENDERED_SIZE", 3)

    for number in range(5):
        statistics.rendered(("en", f"http://host-{number}/en"), lambda: "tables")

    assert len(statistics.RENDERED) == 3
    assert (
        statistics.rendered(("en", "http://host-4/en"), lambda: pytest.fail("rendered again"))
        == "tables"
    )
