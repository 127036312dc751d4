"""The programme the public feed and OGC API tests read: four organisations in
every public and non-public state, their training centres and courses (see
``World``), committed so that the server's threads see them.

``build_world`` builds it in one test's database. ``shared_world`` builds it once
for a whole module, in a database of its own stacked under each test's (see
``WorldInTest``)."""

from contextlib import contextmanager
from datetime import date
from datetime import timedelta

import transaction
from builders import bring_to
from builders import course_data
from builders import create_application
from builders import create_programme
from builders import do
from plone import api
from plone.app.testing import MOCK_MAILHOST_FIXTURE
from plone.app.testing import ploneSite
from plone.testing import Layer
from plone.testing import zodb
from Products.CMFCore.indexing import processQueue
from zope.component.hooks import setSite


TODAY = date.today()


def days(count):
    return TODAY + timedelta(days=count)


def certify(organisation):
    """Publish an organisation: through its user group in Romania, straight to the
    PSC elsewhere (the test programme has no user group for other countries)."""
    if organisation.country == "RO":
        return bring_to(organisation, "published")
    do(organisation, "owner", "submit")
    do(organisation, "team", "send_to_psc")
    do(organisation, "psc_member", "approve")
    assert api.content.get_state(organisation) == "published"
    return organisation


def add_centre(organisation, title, country, latitude=None, longitude=None):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=organisation,
            type="TrainingCenter",
            title=title,
            country=country,
            latitude=latitude,
            longitude=longitude,
        )


def add_course(organisation, centre, title, start, end, publish=True):
    with api.env.adopt_roles(["Manager"]):
        convener = organisation.get("ana-trainer") or api.content.create(
            container=organisation, type="CourseConvener", title="Ana Trainer", user_id="convener"
        )
    parts = (organisation["qgis-for-beginners"], convener, centre)
    with api.env.adopt_user(username="owner"):
        course = api.content.create(
            container=organisation,
            type="Course",
            **course_data(*parts, title=title, start_date=start, end_date=end),
        )
    if publish:
        do(course, "owner", "publish")
    return course


class World:
    """Four organisations: two certified (Romania, Germany), one archived, one draft.

    ===============  =========  ==========================================
    organisation     state      training centres and courses
    ===============  =========  ==========================================
    Geo Academy      published  Cluj centre (RO): Spring course (upcoming),
                                Ends today (upcoming), Yesterday course and
                                Autumn course (past), Draft course (draft)
    Berlin GIS       published  Berlin centre (DE): Berlin course (upcoming);
                                Unmapped centre (DE, no coordinates)
    Old Academy      archived   Iasi centre (RO): Old course (upcoming)
    Draft Academy    draft      Brasov centre (RO)
    ===============  =========  ==========================================
    """

    def __init__(self, portal):
        with api.env.adopt_roles(["Manager"]):
            self.build(portal)
        transaction.commit()

    def build(self, portal):
        geo = certify(create_application(portal, title="Geo Academy", country="RO"))
        geo.website = "https://geo-academy.example"
        geo.description = "QGIS courses in Cluj."
        geo.reindexObject()
        cluj = add_centre(geo, "Cluj centre", "RO", 46.77, 23.6)
        self.spring = add_course(geo, cluj, "Spring course", days(30), days(32))
        self.ends_today = add_course(geo, cluj, "Ends today", days(-2), days(0))
        self.yesterday = add_course(geo, cluj, "Yesterday course", days(-3), days(-1))
        self.autumn = add_course(geo, cluj, "Autumn course", days(-60), days(-58))
        add_course(geo, cluj, "Draft course", days(20), days(21), publish=False)

        berlin = certify(create_application(portal, title="Berlin GIS", country="DE"))
        berlin_centre = add_centre(berlin, "Berlin centre", "DE", 52.52, 13.405)
        add_centre(berlin, "Unmapped centre", "DE")
        self.berlin_course = add_course(berlin, berlin_centre, "Berlin course", days(10), days(11))

        old = certify(create_application(portal, title="Old Academy", country="RO"))
        iasi = add_centre(old, "Iasi centre", "RO", 47.16, 27.58)
        add_course(old, iasi, "Old course", days(5), days(6))
        do(old, "team", "archive")

        draft = create_application(portal, title="Draft Academy", country="RO")
        add_centre(draft, "Brasov centre", "RO", 45.65, 25.6)

        self.geo, self.berlin, self.old, self.draft = geo, berlin, old, draft
        self.cluj = cluj
        self.urls = {
            name: item.absolute_url()
            for name, item in (
                ("geo", geo),
                ("berlin", berlin),
                ("old", old),
                ("cluj", cluj),
                ("spring", self.spring),
                ("berlin_course", self.berlin_course),
            )
        }
        self.uids = {"spring": self.spring.UID(), "cluj": cluj.UID(), "geo": geo.UID()}


# the objects of World a test reaches by name, and those of them in ``World.urls``
OBJECTS = (
    "geo",
    "berlin",
    "old",
    "draft",
    "cluj",
    "spring",
    "ends_today",
    "yesterday",
    "autumn",
    "berlin_course",
)
URLS = ("geo", "berlin", "old", "cluj", "spring", "berlin_course")


def build_world(server):
    """The programme of ``World`` on the server layer's portal."""
    portal = server["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        create_programme(portal)
    transaction.commit()
    return World(portal)


@contextmanager
def shared_world(layer):
    """The programme and ``World``, built once in a ``DemoStorage`` stacked on the
    layer's database: each test of the layer stacks its own on top of it (and
    throws it away), so the tests share the building and none sees another's
    changes. Gives the paths of ``OBJECTS`` and the World's uids."""
    owner = Layer(bases=(layer,), name="SharedFeedWorld")
    owner["zodbDB"] = zodb.stackDemoStorage(layer.get("zodbDB"), name="SharedFeedWorld")
    try:
        # the mails the building sends go where a test's would (the layer's mock)
        MOCK_MAILHOST_FIXTURE.testSetUp()
        try:
            with ploneSite(db=owner["zodbDB"]) as portal:
                with api.env.adopt_roles(["Manager"]):
                    create_programme(portal)
                transaction.commit()
                world = World(portal)
                paths = {name: getattr(world, name).getPhysicalPath() for name in OBJECTS}
                uids = dict(world.uids)
        finally:
            MOCK_MAILHOST_FIXTURE.testTearDown()
        yield paths, uids
    finally:
        owner["zodbDB"].close()
        del owner["zodbDB"]


class WorldInTest:
    """The shared World as one test sees it: each object read from the test's own
    database, its addresses those of the test's server."""

    def __init__(self, portal, paths, uids):
        self._portal = portal
        self._paths = paths
        self.uids = dict(uids)

    def __getattr__(self, name):
        if name not in OBJECTS:
            raise AttributeError(name)
        return self._portal.unrestrictedTraverse(self._paths[name])

    @property
    def urls(self):
        return {name: getattr(self, name).absolute_url() for name in URLS}


def world_in_test(server, shared):
    """The shared World in this test. Its catalog and feed state get a new
    transaction first, as a World built for the test would have: what an earlier
    test left in memory (RAM cache, ready feeds) under the shared state's keys is
    never served to this one."""
    portal = server["portal"]
    setSite(portal)
    world = WorldInTest(portal, *shared)
    with api.env.adopt_roles(["Manager"]):
        world.geo.reindexObject()
        processQueue()
    transaction.commit()
    return world
