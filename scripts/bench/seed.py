"""Seed a synthetic programme for the benchmark, fast.

The objects are the product's own content types with the values the real
views read (published organisations with located training centres, published
courses, attendees, issued certificates with their codes, credit ledgers and
the courses' registers of issued certificates). What makes it fast:

* objects are made with ``createContent`` and added with ``_setObject(...,
  suppress_events=True)``: no per-object event cascade (catalog queue,
  workflow, intids, modified events); a UUID is still given on creation;
* the workflow state is written directly (``setStatusOf``) and the state's
  permissions applied with ``updateRoleMappingsFor``, instead of walking the
  application through its review;
* every object is catalogued exactly once, right after it is complete, and
  the work is committed in batches of organisations.

Objects made this way have no intid (nothing in the product relates content
through intids) and no history of the review steps.
"""

import json
import logging
import random
import time
from datetime import date
from datetime import timedelta

import transaction
from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContent

from qgis.certification.certificates import codes
from qgis.certification.certificates import issuing
from qgis.certification.payments.credits import ledger_of


logger = logging.getLogger("qgis.certification.bench")

# organisations, courses, certificates (one attendee per certificate)
SCALES = {
    "toy": (3, 6, 24),
    "small": (50, 250, 2_500),
    "medium": (500, 2_500, 25_000),
    "large": (2_000, 10_000, 100_000),
}

# country, latitude and longitude of a city in it (training centres are spread around it)
COUNTRIES = (
    ("DE", 52.52, 13.40), ("RO", 44.43, 26.10), ("SE", 59.33, 18.07), ("FR", 48.86, 2.35),
    ("IT", 41.90, 12.50), ("ES", 40.42, -3.70), ("PT", 38.72, -9.14), ("NL", 52.37, 4.90),
    ("BE", 50.85, 4.35), ("CH", 46.95, 7.45), ("AT", 48.21, 16.37), ("PL", 52.23, 21.01),
    ("CZ", 50.08, 14.44), ("GB", 51.51, -0.13), ("IE", 53.35, -6.26), ("NO", 59.91, 10.75),
    ("FI", 60.17, 24.94), ("DK", 55.68, 12.57), ("US", 38.90, -77.04), ("CA", 45.42, -75.70),
    ("MX", 19.43, -99.13), ("BR", -15.79, -47.88), ("AR", -34.60, -58.38), ("PE", -12.05, -77.04),
    ("KE", -1.29, 36.82), ("ZA", -25.75, 28.19), ("NG", 9.08, 7.40), ("IN", 28.61, 77.21),
    ("JP", 35.68, 139.69), ("AU", -35.28, 149.13), ("NZ", -41.29, 174.78), ("VN", 21.03, 105.85),
)  # fmt: skip
WORDS = (
    "Alpine", "Coastal", "Open", "Northern", "Delta", "River", "Urban", "Summit", "Forest",
    "Island", "Valley", "Prairie", "Harbour", "Desert", "Lake", "Meridian",
)  # fmt: skip
KINDS = ("GIS Academy", "Mapping School", "Geodata Lab", "Spatial Institute", "QGIS Training")
FIRST_NAMES = ("Ana", "Erik", "Ioana", "John", "Maria", "Lars", "Chen", "Amara", "Luca", "Sofia")
LAST_NAMES = ("Popescu", "Svensson", "Smith", "Lopez", "Müller", "Rossi", "Nguyen", "Okafor")
LANGUAGES = ("en", "en", "ro", "sv")
BENCH_ORGANISATION = "bench-issuer"
# Organisations per transaction: larger batches write each catalog bucket fewer
# times; the object cache is raised so that the catalog stays in memory.
BATCH = {"toy": 1, "small": 20, "medium": 50, "large": 100}
SEED_CACHE_SIZE = 400_000


def counts_for(scale):
    organisations, courses, certificates = SCALES[scale]
    return {"organisations": organisations, "courses": courses, "certificates": certificates}


class Seeder:
    """Makes the objects of one programme; ``run`` seeds a whole scale."""

    def __init__(self, portal, owner=None, seed=6):
        self.portal = portal
        self.catalog = api.portal.get_tool("portal_catalog")
        self.workflow_tool = api.portal.get_tool("portal_workflow")
        self.random = random.Random(seed)
        self.owner = owner or api.user.get_current().getId()
        self.today = date.today()
        self.now = DateTime()
        self.taken = set()
        self.created = {"organisations": 0, "courses": 0, "attendees": 0, "certificates": 0}
        self.sample_codes = []
        self.wordings = {}

    # -- the primitives ---------------------------------------------------------

    def add(self, container, portal_type, object_id, state=None, **fields):
        content = createContent(portal_type, id=object_id, **fields)
        container._setObject(object_id, content, suppress_events=True)
        content = container._getOb(object_id)
        if state is not None:
            self.set_state(content, state)
        return content

    def set_state(self, content, state):
        for workflow in self.workflow_tool.getWorkflowsFor(content):
            status = {
                workflow.state_var: state,
                "action": None,
                "actor": self.owner,
                "comments": "",
                "time": self.now,
            }
            self.workflow_tool.setStatusOf(workflow.getId(), content, status)
            workflow.updateRoleMappingsFor(content)

    def index(self, *objects):
        for content in objects:
            self.catalog.catalog_object(content)

    def wording(self, language):
        if language not in self.wordings:
            self.wordings[language] = issuing.certificate_types()["completion"].wording(language)
        return self.wordings[language]

    def new_code(self):
        while True:
            code = codes.new_code()
            if code not in self.taken:
                self.taken.add(code)
                return code

    # -- the programme ----------------------------------------------------------

    def organisation(self, number, course_count, certificates_per_course, org_id=None):
        """A certified organisation with its parts, courses, attendees and certificates."""
        country, latitude, longitude = COUNTRIES[number % len(COUNTRIES)]
        words = (WORDS[number % len(WORDS)], KINDS[(number // len(WORDS)) % len(KINDS)])
        title = f"{words[0]} {words[1]} {number}"
        org_id = org_id or f"bench-{number:05d}"
        organisation = self.add(
            self.portal["organisations"],
            "CertifyingOrganisation",
            org_id,
            state="published",
            title=title,
            description=f"QGIS courses in {country} and online.",
            email=f"office@{org_id}.example.org",
            website=f"https://{org_id}.example.org",
            country=country,
            address=f"{number} Example Street",
            contribution_types=["documentation", "translation"],
            contributions=RichTextValue(
                "<p>We translate the QGIS manual and run the local user group.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
        course_type = self.add(
            organisation,
            "CourseType",
            "qgis-essentials",
            title="QGIS essentials",
            instruction_hours=21,
        )
        link = self.add(
            course_type,
            "Link",
            "exercises",
            title="Exercises",
            remoteUrl=f"https://{org_id}.example.org/exercises",
        )
        centre = self.add(
            organisation,
            "TrainingCenter",
            "main-centre",
            title=f"{title} centre",
            country=country,
            latitude=round(latitude + self.random.uniform(-2, 2), 4),
            longitude=round(longitude + self.random.uniform(-2, 2), 4),
        )
        convener = self.add(
            organisation,
            "CourseConvener",
            "convener",
            title=f"{FIRST_NAMES[number % len(FIRST_NAMES)]} Trainer",
            user_id="convener",
            degree="MSc",
        )
        self.index(organisation, course_type, link, centre, convener)
        ledger = ledger_of(organisation)
        ledger.append(course_count * certificates_per_course + 10, "top-up", "bench", self.owner)
        for index in range(course_count):
            self.course(organisation, index, course_type, convener, centre, certificates_per_course)
        self.created["organisations"] += 1
        return organisation

    def course(self, organisation, index, course_type, convener, centre, certificate_count):
        # from four years ago to half a year ahead: most courses are past
        start = self.today + timedelta(days=self.random.randint(-4 * 365, 180))
        language = LANGUAGES[index % len(LANGUAGES)]
        course = self.add(
            organisation,
            "Course",
            f"course-{index + 1}",
            state="published",
            title=f"QGIS essentials, {start:%B %Y}",
            course_type=course_type.UID(),
            convener=convener.UID(),
            training_center=centre.UID(),
            start_date=start,
            end_date=start + timedelta(days=2),
            course_language=language,
            trained_competence="Make, analyse and print maps with QGIS.",
        )
        course.manage_addLocalRoles("convener", ["CourseConvener"])
        self.index(course)
        self.created["courses"] += 1
        frozen = issuing.snapshot(course)
        wording = self.wording(frozen["certificate_language"])
        ledger = ledger_of(organisation)
        register = issuing._issued(course, create=True)
        for number in range(certificate_count):
            first = FIRST_NAMES[self.random.randrange(len(FIRST_NAMES))]
            last = LAST_NAMES[self.random.randrange(len(LAST_NAMES))]
            attendee = self.add(
                course,
                "Attendee",
                f"attendee-{number + 1}",
                state="registered",
                first_name=first,
                last_name=last,
                email=f"{first}.{last}.{number}@example.org".lower(),
            )
            self.index(attendee)
            self.created["attendees"] += 1
            if start >= self.today:
                continue  # upcoming courses have attendees, not yet certificates
            code = self.new_code()
            certificate = self.add(
                course,
                "Certificate",
                code.lower(),
                state="issued",
                code=code,
                attendee=attendee.UID(),
                first_name=first,
                last_name=last,
                certificate_type="completion",
                wording=wording,
                issue_date=start + timedelta(days=2),
                issued_by=self.owner,
                **frozen,
            )
            register[f"{attendee.UID()}:completion"] = certificate.getId()
            ledger.append(-1, "certificate", code, self.owner)
            self.index(certificate)
            self.created["certificates"] += 1
            if len(self.sample_codes) < 500 or self.random.random() < 0.01:
                self.sample_codes.append(code)
        return course

    def bench_organisation(self):
        """The organisation the benchmark issues certificates from: many credits,
        no courses yet (each run adds its own)."""
        organisation = self.organisation(len(COUNTRIES) * 1000, 0, 0, org_id=BENCH_ORGANISATION)
        ledger_of(organisation).append(10_000_000, "top-up", "bench credits", self.owner)
        return organisation


def seed(portal, scale, owner=None, log=print, commit=True):
    """Seed ``scale`` into ``portal``; returns what the benchmark needs to know."""
    counts = counts_for(scale)
    organisations = counts["organisations"]
    courses_per = max(1, counts["courses"] // organisations)
    # past courses get certificates; about one course in nine is upcoming, so
    # every course gets a few more attendees to reach the certificate count
    per_course = max(1, round(counts["certificates"] / counts["courses"] * 1.12))
    seeder = Seeder(portal, owner=owner)
    started = time.perf_counter()
    for number in range(organisations):
        seeder.organisation(number, courses_per, per_course)
        if commit and (number + 1) % BATCH[scale] == 0:
            transaction.commit()
            portal._p_jar.cacheGC()
            elapsed = time.perf_counter() - started
            log(
                f"seed: {number + 1}/{organisations} organisations, "
                f"{seeder.created['certificates']} certificates, {elapsed:.0f} s"
            )
    bench = seeder.bench_organisation()
    if commit:
        transaction.commit()
    top_country = COUNTRIES[0][0]
    info = {
        "scale": scale,
        "target_counts": counts,
        "created": dict(seeder.created),
        "seconds": round(time.perf_counter() - started, 1),
        "sample_codes": seeder.sample_codes[:500],
        "sample_organisations": [
            f"organisations/bench-{number:05d}" for number in range(0, organisations, 7)
        ][:50],
        "country": top_country,
        "search_word": WORDS[0],
        "bench_organisation": f"organisations/{BENCH_ORGANISATION}",
        "bench_parts": {
            "course_type": bench["qgis-essentials"].UID(),
            "convener": bench["convener"].UID(),
            "training_center": bench["main-centre"].UID(),
        },
    }
    return info


def seeded_counts(portal):
    """What the catalog holds, by type: the numbers the report divides by."""
    catalog = api.portal.get_tool("portal_catalog")
    return {
        name: len(catalog.unrestrictedSearchResults(portal_type=portal_type))
        for name, portal_type in (
            ("organisations", "CertifyingOrganisation"),
            ("courses", "Course"),
            ("attendees", "Attendee"),
            ("certificates", "Certificate"),
        )
    }


def main(app, environ):
    """The zconsole entry point: seed ``BENCH_SCALE`` into ``SITE_ID``, write
    ``BENCH_INFO`` (JSON), and pack the database."""
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite

    logging.basicConfig(level=logging.WARNING)
    scale = environ["BENCH_SCALE"]
    app = makerequest(app)
    portal = app[environ.get("SITE_ID", "Plone")]
    setSite(portal)
    app._p_jar.db().setCacheSize(SEED_CACHE_SIZE)
    app._p_jar._cache.cache_size = SEED_CACHE_SIZE
    owner = "trainer" if api.user.get(userid="trainer") is not None else "admin"
    # the seeded organisations are owned by the demo trainer, as if they had applied
    with api.env.adopt_user(username=owner):
        info = seed(portal, scale, owner=owner)
        info["counts"] = seeded_counts(portal)
    print("seed: packing the database", flush=True)
    app._p_jar.db().pack()
    with open(environ["BENCH_INFO"], "w") as out:
        json.dump(info, out, indent=1)
    print(f"seed: done in {info['seconds']} s: {info['counts']}", flush=True)
    return 0
