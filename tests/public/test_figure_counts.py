"""The programme's figures kept as running counts: after every kind of change
they equal a count from scratch (from the catalog's indexes), in the
transaction that made it and, once committed, in the site's tally itself."""

from datetime import date

import pytest
import transaction
from builders import COURSE_START
from builders import bring_to
from builders import certified_course
from builders import course_data
from builders import create_application
from builders import do
from builders import nominate_trainer
from builders import top_up
from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from qgis.certification.builders import certificates
from qgis.certification.builders import courses
from qgis.certification.privacy.attendees import withdraw_certificate
from qgis.certification.public import figure_counts
from qgis.certification.public import statistics
from qgis.certification.trainers import validity


THIS_MONTH = date.today().strftime("%Y-%m")


@pytest.fixture
def world(site):
    """A certified organisation in Romania: a public course in March 2027 with
    two issued certificates (one attendee left), and a certified trainer."""
    organisation, course, _people = certified_course(site)
    top_up(organisation, 5)
    with api.env.adopt_user(username="owner"):
        issued = certificates.issue(course, "owner", _people[:2])
    trainer = nominate_trainer(organisation, state="approved")
    parts = (
        organisation["qgis-for-beginners"],
        organisation["ana-trainer"],
        api.content.get(UID=course.training_center),
    )
    with api.env.adopt_user(username="owner"):
        spare = courses.add_course(
            organisation,
            **course_data(
                *parts, title="Autumn", start_date=date(2027, 10, 4), end_date=date(2027, 10, 5)
            ),
        )
    do(spare, "owner", "publish")
    transaction.commit()
    return {
        "organisation": organisation,
        "course": course,
        "certificates": issued,
        "trainer": trainer,
        "spare": spare,
        "attendees": _people,
        "site": site,
    }


def recount():
    return figure_counts.recount(api.portal.get_tool("portal_catalog"))


def edit(content, **fields):
    with api.env.adopt_roles(["Manager"]):
        for name, value in fields.items():
            setattr(content, name, value)
        notify(ObjectModifiedEvent(content))


def certify_another(world):
    bring_to(create_application(world["site"], "Stockholm Geo", country="SE"), "published")


def archive(world):
    do(world["organisation"], "team", "archive")


def move_country(world):
    edit(world["organisation"], country="MD")


def retract_course(world):
    do(world["course"], "owner", "retract")


def delete_course(world):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(world["spare"])


def move_course(world):
    edit(world["course"], start_date=date(2027, 6, 1), end_date=date(2027, 6, 2))


def issue_another(world):
    with api.env.adopt_user(username="owner"):
        certificates.issue(world["course"], "owner", world["attendees"][2:3])


def revoke(world):
    do(world["certificates"][0], "team", "revoke", comment="Wrong person.")


def withdraw(world):
    withdraw_certificate(world["certificates"][1])


def certify_trainer(world):
    other = certified_course(world["site"], title="Second Academy")[0]
    nominate_trainer(other, state="approved")


def lapse_trainer(world):
    from qgis.certification.trainers.validity import process_trainer_validity

    world["trainer"].valid_until = date(2020, 1, 1)
    world["trainer"].reindexObject()
    process_trainer_validity()


# change -> (subject, dimension) whose counts it must change
CHANGES = {
    "organisation certified": (certify_another, ("organisations", "country")),
    "organisation archived": (archive, ("courses", "month")),
    "organisation's country changed": (move_country, ("organisations", "country")),
    "course retracted": (retract_course, ("courses", "month")),
    "course moved in time": (move_course, ("courses", "month")),
    "course deleted": (delete_course, ("courses", "month")),
    "certificate issued": (issue_another, ("certificates", "country")),
    "certificate revoked": (revoke, ("certificates", "month")),
    "certificate withdrawn": (withdraw, ("certificates", "course_type")),
    "trainer certified": (certify_trainer, ("trainers", "country")),
    "trainer lapsed": (lapse_trainer, ("trainers", "month")),
}


def test_the_world_is_counted(world):
    totals = figure_counts.tally(world["site"]).totals()
    assert totals == recount()
    assert totals[("certificates", "country")] == {"RO": 2}
    assert totals[("trainers", "country")] == {"RO": 1}
    assert totals[("trainers", "month")] == {THIS_MONTH: 1}
    assert totals[("courses", "month")] == {COURSE_START.strftime("%Y-%m"): 1, "2027-10": 1}


@pytest.mark.parametrize("change", tuple(CHANGES))
def test_the_counts_follow_every_change(world, change):
    make, (subject, dimension) = CHANGES[change]
    before = figure_counts.totals()
    make(world)
    now = figure_counts.totals()
    assert now.get((subject, dimension)) != before.get((subject, dimension))
    assert now == recount()
    transaction.commit()
    # the before-commit hook brought the stored tally up to date
    assert figure_counts.tally(world["site"]).totals() == recount()
    assert statistics.counted() == statistics.recounted()


def test_an_aborted_change_leaves_the_tally_as_it_was(world):
    before = figure_counts.tally(world["site"]).totals()
    revoke(world)
    assert figure_counts.totals() != before
    transaction.abort()
    assert figure_counts.tally(world["site"]).totals() == before == recount()


def test_the_trainers_figures(world):
    certify_trainer(world)
    counted = statistics.counted()
    assert counted["trainers-per-country"] == [("RO", 2)]
    assert counted["trainers-over-time"] == [(THIS_MONTH[:4], 2, 2)]
    shown = {figure["name"]: figure for figure in statistics.figures()}
    assert shown["trainers-per-country"]["rows"] == [["Romania", 2]]


def test_trainers_count_in_the_states_they_are_certified_in():
    assert set(figure_counts.TRAINER_STATES) == set(validity.CERTIFIED_STATES)


def test_a_request_reads_the_counts_only(world, monkeypatch):
    """Reading the figures neither counts from scratch nor wakes an item."""
    statistics.CACHE.clear()

    def refused(*args):
        raise AssertionError("counted from scratch")

    monkeypatch.setattr(figure_counts, "recount", refused)
    catalog = api.portal.get_tool("portal_catalog")
    monkeypatch.setattr(type(catalog), "getobject", refused, raising=False)
    assert statistics.counted()["certificates-per-country"] == [("RO", 2)]
