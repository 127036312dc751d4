"""Demo content: a living programme for a newcomer's first ``make start``.

Everything here is idempotent (it creates only what is missing, keyed by id),
so it runs at each start. It never runs when ``ENVIRONMENT=production``.
Applications reach their states through the real workflow, acted by the demo
users, so their history and mails are what a real application would produce.
"""

import logging
from datetime import date
from datetime import timedelta

from plone import api

from qgis.certification.application import review
from qgis.certification.builders import certificates
from qgis.certification.builders import courses
from qgis.certification.builders import organisations
from qgis.certification.builders import people
from qgis.certification.builders import trainers
from qgis.certification.builders import training
from qgis.certification.builders.adding import act
from qgis.certification.certificates.organisation_certificate import issue_organisation_certificate
from qgis.certification.payments.orders import place_order


logger = logging.getLogger("qgis.certification")

DEMO_PASSWORD = "demo-password"  # noqa: S105 - documented local demo accounts

# user id, full name, groups
DEMO_USERS = (
    ("applicant", "Ana Applicant", ()),
    ("trainer", "Tomas Trainer", ()),
    ("team", "Carla Certification", ("certification-managers",)),
    ("psc-member", "Paolo Steering", ("psc",)),
    ("reviewer-ro", "Radu Reviewer", ()),
    ("reviewer-se", "Sara Reviewer", ()),
    ("reviewer-de", "Dieter Reviewer", ()),
    ("convener", "Cora Convener", ()),
)

# id, title, countries, reviewers
DEMO_USER_GROUPS = (
    ("qgis-romania", "QGIS Romania", ["RO", "MD"], ["reviewer-ro"]),
    ("qgis-sweden", "QGIS Sweden", ["SE"], ["reviewer-se"]),
    ("qgis-dach", "QGIS Deutschland, Österreich, Schweiz", ["DE", "AT", "CH"], ["reviewer-de"]),
)

# id, title, country, owner, state, training centre (city, lat, lon)
DEMO_ORGANISATIONS = (
    (
        "nordic-geodata-school",
        "Nordic Geodata School",
        "SE",
        "trainer",
        "published",
        ("Stockholm", 59.33, 18.07),
    ),
    (
        "andes-mapping-institute",
        "Andes Mapping Institute",
        "PE",
        "trainer",
        "published",
        ("Lima", -12.05, -77.04),
    ),
    (
        "savanna-spatial-training",
        "Savanna Spatial Training",
        "KE",
        "trainer",
        "published",
        ("Nairobi", -1.29, 36.82),
    ),
    (
        "pacific-open-gis",
        "Pacific Open GIS",
        "NZ",
        "trainer",
        "published",
        ("Wellington", -41.29, 174.78),
    ),
    (
        "great-lakes-geo-lab",
        "Great Lakes Geo Lab",
        "CA",
        "trainer",
        "published",
        ("Toronto", 43.65, -79.38),
    ),
    (
        "mekong-geo-learning",
        "Mekong Geo Learning",
        "VN",
        "trainer",
        "psc_decision",
        ("Hanoi", 21.03, 105.85),
    ),
    (
        "carpathian-gis-academy",
        "Carpathian GIS Academy",
        "RO",
        "trainer",
        "user_group_review",
        ("Cluj-Napoca", 46.77, 23.6),
    ),
    (
        "bavarian-qgis-werkstatt",
        "Bavarian QGIS Werkstatt",
        "DE",
        "trainer",
        "submitted",
        ("Munich", 48.14, 11.58),
    ),
    ("first-steps-gis", "First Steps GIS", "PT", "applicant", "draft", ("Porto", 41.15, -8.61)),
    ("quick-maps", "Quick Maps", "GB", "trainer", "rejected", ("Leeds", 53.8, -1.55)),
    (
        "old-town-cartography",
        "Old Town Cartography",
        "IT",
        "trainer",
        "archived",
        ("Bologna", 44.49, 11.34),
    ),
)

COMMENTS = {
    "submit": "Our application, with our course material.",
    "send_to_user_groups": "Complete; over to the local user group.",
    "send_to_psc": "Ready for the PSC's decision.",
    "approve": "Welcome to the programme.",
    "reject": "The contributions described are too thin for now; apply again later.",
    "archive": "The organisation stopped teaching QGIS.",
}


APPLICATION_ANSWERS = {
    "teaching": "Three-day classroom courses of up to twelve people, and online "
    "evening courses; companies also book us for in-house training.",
    "trainers": 3,
    "qgis_versions": "The current long-term release; we move within a month of a new one.",
    "material_updates": "Our exercises live in a public repository; a trainer reviews "
    "them for every new long-term release.",
    "future_contributions": "We keep translating the user manual and host the local "
    "user group's meetings twice a year.",
    "languages": "English and our national language.",
}

ATTENDEES = (("Maria", "Lopez"), ("John", "Smith"), ("Ioana", "Ștefănescu"))


def ensure_demo_users():
    for user_id, fullname, groups in DEMO_USERS:
        people.ensure_user(user_id, fullname, DEMO_PASSWORD, groups)


def ensure_demo_user_groups(portal):
    for group_id, title, countries, members in DEMO_USER_GROUPS:
        people.ensure_user_group(
            portal, group_id, title, countries, members, website=f"https://{group_id}.example.org"
        )


def _application(folder, org_id, title, country, owner, centre):
    city, latitude, longitude = centre
    address = f"1 Example Street, {city}"
    with api.env.adopt_user(username=owner):
        organisation = organisations.create_organisation(
            folder,
            title,
            "<p>We translate the QGIS user manual, publish our exercises under an "
            "open licence and help run the local user group. "
            f'See <a href="https://{org_id}.example.org/qgis">our QGIS work</a>.</p>',
            object_id=org_id,
            description=f"QGIS courses in {city} and online.",
            email=f"office@{org_id}.example.org",
            website=f"https://{org_id}.example.org",
            country=country,
            address=address,
            contribution_types=["documentation", "translation", "user_group"],
        )
        course_type = training.add_course_type(
            organisation,
            "QGIS essentials",
            21,
            object_id="qgis-essentials",
            description="Three days from the first map to print layouts.",
        )
        training.add_material(
            course_type,
            "Exercises and data",
            f"https://{org_id}.example.org/qgis-essentials/exercises",
            object_id="exercises",
        )
        training.add_training_centre(
            organisation,
            f"{city} training centre",
            country,
            object_id="main-centre",
            address=address,
            latitude=latitude,
            longitude=longitude,
        )
        training.add_convener(
            organisation, "Cora Convener", "convener", object_id="cora-convener", degree="MSc"
        )
    return organisation


def _reviewing(organisation, owner):
    covered = bool(review.user_groups_of(organisation))
    checklist = {
        "contributions_verified": "Yes",
        "material_checked": "Yes",
        "user_group_consulted": "Yes" if covered else "No user group covers the country",
        "notes": "Translations and exercises checked online.",
    }
    return organisations.Reviewing(
        owner=owner,
        team="team",
        psc="psc-member",
        comments=COMMENTS,
        opinion="Known and active locally.",
        checklist=checklist,
    )


def _advance(organisation, state, owner):
    """Bring a new application to ``state`` the way people would; certified
    organisations teach a course (an archived one taught it before archiving)."""
    if state == "draft":
        return
    organisations.answer_application(organisation, APPLICATION_ANSWERS, owner)
    reviewing = _reviewing(organisation, owner)
    organisations.bring_to(organisation, "published" if state == "archived" else state, reviewing)
    if state in ("published", "archived"):
        _courses(organisation, owner)
    if state == "published":
        _certificates(organisation, owner)
    if state == "archived":
        act(organisation, reviewing.team, "archive", COMMENTS["archive"])


def _courses(organisation, owner):
    """A course that took place last month (its attendees are certified: a
    course issues certificates only once it has started) and an upcoming one."""
    today = date.today()
    _course(organisation, owner, "qgis-essentials-past", today - timedelta(days=40))
    _course(organisation, owner, "qgis-essentials-next", today + timedelta(days=30))


def _course(organisation, owner, object_id, start):
    with api.env.adopt_user(username=owner):
        course = courses.add_course(
            organisation,
            f"QGIS essentials, {start:%B %Y}",
            object_id=object_id,
            start_date=start,
            end_date=start + timedelta(days=2),
            course_language="en",
            trained_competence="Make, analyse and print maps with QGIS.",
            **courses.course_parts(
                organisation["qgis-essentials"],
                organisation["cora-convener"],
                organisation["main-centre"],
            ),
        )
        act(course, owner, "publish")
        for first, last in ATTENDEES:
            courses.add_attendee(
                course,
                first,
                last,
                f"{first}.{last}@example.org".lower(),
                object_id=f"{first}-{last}".lower(),
            )


def ensure_demo_invoicing():
    """Example bank details so that invoices work in the demo (never in production)."""
    record = "qgis.certification.interfaces.IInvoiceSettings."
    if not api.portal.get_registry_record(record + "iban", default=""):
        api.portal.set_registry_record(record + "iban", "CH9300762011623852957")
        api.portal.set_registry_record(record + "bic", "POFICHBEXXX")
        api.portal.set_registry_record(record + "seller_address", "Example street 1\n8000 Zürich")


def _certificates(organisation, owner):
    """Credits paid by bank transfer, certificates for the demo course, an
    unpaid invoice and the organisation's own certificate."""
    certificates.top_up(organisation, 10, "Demo bank transfer", "team")
    course = organisation["qgis-essentials-past"]
    with api.env.adopt_user(username=owner):
        certificates.issue(course, owner)
        place_order(organisation, 20, "invoice", owner)
    with api.env.adopt_user(username="team"):
        issue_organisation_certificate(organisation, "team")


def ensure_demo_organisations(portal):
    folder = portal["organisations"]
    for org_id, title, country, owner, state, centre in DEMO_ORGANISATIONS:
        if org_id in folder.objectIds():
            continue
        organisation = _application(folder, org_id, title, country, owner, centre)
        _advance(organisation, state, owner)
        logger.info("Demo: %s (%s)", title, state)


# organisation, country, teaching languages, listed in the public directory
DEMO_TRAINERS = (
    ("nordic-geodata-school", "SE", ("sv", "en"), True),
    ("andes-mapping-institute", "PE", ("es", "en"), True),
    ("savanna-spatial-training", "KE", ("en", "sw"), False),
)
TRAINER_ID = "cora-convener-trainer"


def ensure_demo_trainers(portal):
    """Certified trainers: each demo organisation's convener, nominated and approved."""
    folder = portal["organisations"]
    for org_id, country, languages, listed in DEMO_TRAINERS:
        organisation = folder.get(org_id)
        if organisation is None or TRAINER_ID in organisation.objectIds():
            continue
        if api.content.get_state(organisation) != "published":
            continue
        with api.env.adopt_user(username="trainer"):
            nomination = trainers.nominate(
                organisation,
                organisation["cora-convener"],
                country,
                languages,
                "Teaches our QGIS courses since 2019 and maintains their exercises.",
                object_id=TRAINER_ID,
                links=["https://docs.qgis.org/"],
                listed_publicly=listed,
            )
        trainers.bring_to(nomination, "approved", "trainer", "team")
        logger.info("Demo: certified trainer of %s", organisation.Title())


def ensure_demo_content(portal):
    ensure_demo_invoicing()
    ensure_demo_users()
    ensure_demo_user_groups(portal)
    ensure_demo_organisations(portal)
    ensure_demo_trainers(portal)
