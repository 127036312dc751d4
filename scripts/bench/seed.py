"""Seed a synthetic programme for the benchmark, fast.

The objects are made by the product's builders (``qgis.certification.builders``,
the same that make the demo content and the tests' programme) with the values
the real views read: published organisations with located training centres,
published courses, attendees, issued certificates with their codes, credit
ledgers and the courses' registers of issued certificates. The builders take
their fast path (``Bulk``: no per-object events, workflow states set
directly, every object catalogued once), and the work is committed in
batches of organisations.
"""

import json
import logging
import random
import time
from datetime import date
from datetime import timedelta

import transaction
from plone import api

from qgis.certification.builders import certificates
from qgis.certification.builders import courses
from qgis.certification.builders import organisations
from qgis.certification.builders import training
from qgis.certification.builders.adding import Bulk
from qgis.certification.builders.adding import act
from qgis.certification.builders.adding import catalogue
from qgis.certification.payments.credits import MAX_ENTRY_CREDITS


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
    """Makes the objects of one programme with the product's builders, in
    bulk; ``seed`` seeds a whole scale."""

    def __init__(self, portal, owner=None, seed=6):
        self.portal = portal
        self.random = random.Random(seed)
        self.owner = owner or api.user.get_current().getId()
        self.bulk = Bulk(self.owner)
        self.today = date.today()
        self.created = {"organisations": 0, "courses": 0, "attendees": 0, "certificates": 0}
        self.sample_codes = []

    def organisation(self, number, course_count, certificates_per_course, org_id=None):
        """A certified organisation with its parts, courses, attendees and certificates."""
        country, latitude, longitude = COUNTRIES[number % len(COUNTRIES)]
        words = (WORDS[number % len(WORDS)], KINDS[(number // len(WORDS)) % len(KINDS)])
        title = f"{words[0]} {words[1]} {number}"
        org_id = org_id or f"bench-{number:05d}"
        bulk = self.bulk
        organisation = organisations.create_organisation(
            self.portal["organisations"],
            title,
            "<p>We translate the QGIS manual and run the local user group.</p>",
            object_id=org_id,
            bulk=bulk,
            description=f"QGIS courses in {country} and online.",
            email=f"office@{org_id}.example.org",
            website=f"https://{org_id}.example.org",
            country=country,
            address=f"{number} Example Street",
            contribution_types=["documentation", "translation"],
        )
        organisations.bring_to(organisation, "published", bulk=bulk)
        parts = self.teaching(organisation, number, (latitude, longitude))
        catalogue(bulk)
        credits = course_count * certificates_per_course + 10
        certificates.top_up(organisation, credits, "bench", self.owner)
        for index in range(course_count):
            self.course(organisation, index, parts, certificates_per_course)
        self.created["organisations"] += 1
        return organisation

    def teaching(self, organisation, number, place):
        """The organisation's course type with its material, its training centre
        (around ``place``) and convener, as the fields of a course naming them."""
        bulk = self.bulk
        latitude, longitude = place
        course_type = training.add_course_type(
            organisation, "QGIS essentials", 21, object_id="qgis-essentials", bulk=bulk
        )
        training.add_material(
            course_type,
            "Exercises",
            f"https://{organisation.getId()}.example.org/exercises",
            object_id="exercises",
            bulk=bulk,
        )
        centre = training.add_training_centre(
            organisation,
            f"{organisation.title} centre",
            organisation.country,
            object_id="main-centre",
            bulk=bulk,
            latitude=round(latitude + self.random.uniform(-2, 2), 4),
            longitude=round(longitude + self.random.uniform(-2, 2), 4),
        )
        convener = training.add_convener(
            organisation,
            f"{FIRST_NAMES[number % len(FIRST_NAMES)]} Trainer",
            "convener",
            object_id="convener",
            bulk=bulk,
            degree="MSc",
        )
        return courses.course_parts(course_type, convener, centre)

    def course(self, organisation, index, parts, attendee_count):
        """A published course; past courses have certified their attendees."""
        # from four years ago to half a year ahead: most courses are past
        start = self.today + timedelta(days=self.random.randint(-4 * 365, 180))
        course = courses.add_course(
            organisation,
            f"QGIS essentials, {start:%B %Y}",
            object_id=f"course-{index + 1}",
            bulk=self.bulk,
            start_date=start,
            end_date=start + timedelta(days=2),
            course_language=LANGUAGES[index % len(LANGUAGES)],
            trained_competence="Make, analyse and print maps with QGIS.",
            **parts,
        )
        act(course, self.owner, "publish", bulk=self.bulk)
        catalogue(self.bulk)
        self.created["courses"] += 1
        attendees = [self.attendee(course, number) for number in range(attendee_count)]
        catalogue(self.bulk)
        if start < self.today:  # upcoming courses have attendees, not yet certificates
            issued = certificates.issue(
                course, self.owner, attendees, bulk=self.bulk, issue_date=course.end_date
            )
            self.created["certificates"] += len(issued)
            for certificate in issued:
                if len(self.sample_codes) < 500 or self.random.random() < 0.01:
                    self.sample_codes.append(certificate.code)
        return course

    def attendee(self, course, number):
        first = FIRST_NAMES[self.random.randrange(len(FIRST_NAMES))]
        last = LAST_NAMES[self.random.randrange(len(LAST_NAMES))]
        self.created["attendees"] += 1
        return courses.add_attendee(
            course,
            first,
            last,
            f"{first}.{last}.{number}@example.org".lower(),
            object_id=f"attendee-{number + 1}",
            bulk=self.bulk,
        )

    def bench_organisation(self):
        """The organisation the benchmark issues certificates from: many credits,
        no courses yet (each run adds its own)."""
        organisation = self.organisation(len(COUNTRIES) * 1000, 0, 0, org_id=BENCH_ORGANISATION)
        # the most one ledger entry may add: enough for two thousand runs of 500
        certificates.top_up(organisation, MAX_ENTRY_CREDITS, "bench credits", self.owner)
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
