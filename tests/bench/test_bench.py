"""The benchmark's own code: the latency summary, and the seeding at a toy
scale (the full benchmark is ``make bench``, never run here; the report and
the targets are in test_bench_report.py, the CPU accounting in
test_bench_cpu.py)."""

from contextlib import contextmanager

import pytest
from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from plone import api

from scripts.bench import load
from scripts.bench import seed


def test_summary_of_latencies():
    figures = load.summarise([n / 1000 for n in range(1, 101)], errors=2, elapsed=2.0)
    assert figures["requests"] == 100
    assert figures["errors"] == 2
    assert figures["rps"] == 50.0
    assert figures["p50_ms"] == 50.0
    assert figures["p95_ms"] == 95.0
    assert figures["p99_ms"] == 99.0


@contextmanager
def anonymous():
    """Act as a visitor who is not logged in (no user id, no local roles)."""
    manager = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        yield
    finally:
        setSecurityManager(manager)


@pytest.fixture
def seeded(integration):
    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        info = seed.seed(portal, "toy", commit=False)
    return portal, info


def test_seeding_creates_the_programme_in_the_catalog(seeded):
    portal, info = seeded
    counts = seed.seeded_counts(portal)
    organisations, courses, certificates = seed.SCALES["toy"]
    # the toy programme and the benchmark's own organisation
    assert counts["organisations"] == organisations + 1
    assert counts["courses"] == courses
    assert counts["certificates"] == info["created"]["certificates"] > 0
    assert counts["attendees"] == info["created"]["attendees"] >= certificates
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog.unrestrictedSearchResults(portal_type="TrainingCenter")) == (
        organisations + 1
    )


def test_seeded_objects_are_what_the_public_views_read(seeded):
    from qgis.certification.certificates import issuing
    from qgis.certification.certificates.verification import verification
    from qgis.certification.public import feeds

    portal, info = seeded
    code = info["sample_codes"][0]
    certificate = issuing.find_certificate(code)
    assert certificate is not None
    assert api.content.get_state(certificate) == "issued"
    assert verification(certificate)["valid"] is True
    catalog = api.portal.get_tool("portal_catalog")
    with anonymous():
        # the queries of the public lists and feeds, as an anonymous visitor
        organisations = catalog(
            portal_type="CertifyingOrganisation",
            review_state="published",
            qgis_countries=info["country"],
        )
        assert len(organisations) >= 1
        centres = feeds.training_centres()
        assert len(centres) == seed.SCALES["toy"][0] + 1
        assert all(feeds.value(centre, "qgis_geo") for centre, _ in centres)
        courses = catalog(portal_type="Course", review_state="published")
        assert len(courses) == seed.SCALES["toy"][1]
        assert all(feeds.value(course, "qgis_geo") for course in courses)
        # attendees and certificates stay private, as when made through the product
        assert len(catalog(portal_type="Attendee")) == 0
        assert len(catalog(portal_type="Certificate")) == 0
    course = portal.unrestrictedTraverse(info["bench_organisation"])
    assert api.content.get_state(course) == "published"


def test_seeding_saves_no_versions(seeded):
    """Versions are for people's edits: the fast path saves none (nor their cost)."""
    from qgis.certification.application import history

    types = ("CertifyingOrganisation", "CourseType", "TrainingCenter", "Course")
    brains = api.content.find(portal_type=types, unrestricted=True)
    assert len(brains) > len(types)
    with api.env.adopt_roles(["Manager"]):
        for brain in brains:
            assert history.version_ids(brain._unrestrictedGetObject()) == [], brain.getPath()
