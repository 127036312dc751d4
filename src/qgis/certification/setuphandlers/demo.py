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
from plone.app.textfield.value import RichTextValue

from qgis.certification.application import questionnaire
from qgis.certification.application import review
from qgis.certification.certificates.issuing import issue_certificates
from qgis.certification.certificates.organisation_certificate import issue_organisation_certificate
from qgis.certification.payments.credits import ledger_of
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

# the steps that bring an application to each state (after submit and, where
# user groups cover the country, their review)
DECISION_STEPS = {
    "psc_decision": (),
    "published": (("psc-member", "approve"),),
    "rejected": (("psc-member", "reject"),),
    "archived": (("psc-member", "approve"), ("team", "archive")),
}

COMMENTS = {
    "submit": "Our application, with our course material.",
    "send_to_user_groups": "Complete; over to the local user group.",
    "send_to_psc": "Ready for the PSC's decision.",
    "approve": "Welcome to the programme.",
    "reject": "The contributions described are too thin for now; apply again later.",
    "archive": "The organisation stopped teaching QGIS.",
}


def ensure_demo_users():
    for user_id, fullname, groups in DEMO_USERS:
        if api.user.get(userid=user_id) is None:
            api.user.create(
                username=user_id,
                email=f"{user_id}@example.org",
                password=DEMO_PASSWORD,
                properties={"fullname": fullname},
            )
        for group in groups:
            api.group.add_user(groupname=group, username=user_id)


def ensure_demo_user_groups(portal):
    folder = portal["user-groups"]
    for group_id, title, countries, members in DEMO_USER_GROUPS:
        if group_id not in folder.objectIds():
            api.content.create(
                container=folder,
                type="UserGroup",
                id=group_id,
                title=title,
                countries=countries,
                members=members,
                website=f"https://{group_id}.example.org",
            )


def _application(folder, org_id, title, country, owner, centre):
    city, latitude, longitude = centre
    with api.env.adopt_user(username=owner):
        organisation = api.content.create(
            container=folder,
            type="CertifyingOrganisation",
            id=org_id,
            title=title,
            description=f"QGIS courses in {city} and online.",
            email=f"office@{org_id}.example.org",
            website=f"https://{org_id}.example.org",
            country=country,
            address=f"1 Example Street, {city}",
            contribution_types=["documentation", "translation", "user_group"],
            contributions=RichTextValue(
                "<p>We translate the QGIS user manual, publish our exercises under an "
                "open licence and help run the local user group. "
                f'See <a href="https://{org_id}.example.org/qgis">our QGIS work</a>.</p>',
                "text/html",
                "text/x-html-safe",
            ),
        )
        course_type = api.content.create(
            container=organisation,
            type="CourseType",
            id="qgis-essentials",
            title="QGIS essentials",
            description="Three days from the first map to print layouts.",
            instruction_hours=21,
        )
        api.content.create(
            container=course_type,
            type="Link",
            id="exercises",
            title="Exercises and data",
            remoteUrl=f"https://{org_id}.example.org/qgis-essentials/exercises",
        )
        api.content.create(
            container=organisation,
            type="TrainingCenter",
            id="main-centre",
            title=f"{city} training centre",
            country=country,
            address=f"1 Example Street, {city}",
            latitude=latitude,
            longitude=longitude,
        )
        api.content.create(
            container=organisation,
            type="CourseConvener",
            id="cora-convener",
            title="Cora Convener",
            user_id="convener",
            degree="MSc",
        )
    return organisation


def _answer_questionnaire(organisation, owner):
    answers = {
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
    questionnaire.save_answers(organisation, questionnaire.APPLICATION, answers, owner)


def _fill_in_checklist(organisation):
    covered = bool(review.user_groups_of(organisation))
    answers = {
        "contributions_verified": "Yes",
        "material_checked": "Yes",
        "user_group_consulted": "Yes" if covered else "No user group covers the country",
        "notes": "Translations and exercises checked online.",
    }
    questionnaire.save_answers(organisation, questionnaire.CHECKLIST, answers, "team")


def _act(organisation, user_id, transition):
    with api.env.adopt_user(username=user_id):
        api.portal.get_tool("portal_workflow").doActionFor(
            organisation, transition, comment=COMMENTS[transition]
        )


def _advance(organisation, state, course_owner):
    """Bring a new application to ``state`` the way people would."""
    if state == "draft":
        return
    _answer_questionnaire(organisation, course_owner)
    _act(organisation, course_owner, "submit")
    if state == "submitted":
        return
    groups = review.user_groups_of(organisation)
    if groups:
        _act(organisation, "team", "send_to_user_groups")
        if state == "user_group_review":
            return
        for group in groups:
            review.record_opinion(
                organisation, group, group.members[0], "recommend", "Known and active locally."
            )
    _fill_in_checklist(organisation)
    _act(organisation, "team", "send_to_psc")
    for actor, transition in DECISION_STEPS[state]:
        if transition == "archive":
            _course(organisation, course_owner)
        _act(organisation, actor, transition)
    if state == "published":
        _course(organisation, course_owner)
        _certificates(organisation, course_owner)


def _course(organisation, owner):
    start = date.today() + timedelta(days=30)
    with api.env.adopt_user(username=owner):
        course = api.content.create(
            container=organisation,
            type="Course",
            id="qgis-essentials-next",
            title=f"QGIS essentials, {start:%B %Y}",
            course_type=organisation["qgis-essentials"].UID(),
            convener=organisation["cora-convener"].UID(),
            training_center=organisation["main-centre"].UID(),
            start_date=start,
            end_date=start + timedelta(days=2),
            course_language="en",
            trained_competence="Make, analyse and print maps with QGIS.",
        )
        api.portal.get_tool("portal_workflow").doActionFor(course, "publish")
        for first, last in (("Maria", "Lopez"), ("John", "Smith"), ("Ioana", "Ștefănescu")):
            api.content.create(
                container=course,
                type="Attendee",
                id=f"{first}-{last}".lower(),
                first_name=first,
                last_name=last,
                email=f"{first}.{last}@example.org".lower(),
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
    ledger_of(organisation).append(10, "top-up", "Demo bank transfer", "team")
    course = organisation["qgis-essentials-next"]
    with api.env.adopt_user(username=owner):
        issue_certificates(course, "all", "completion", owner)
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


def ensure_demo_content(portal):
    ensure_demo_invoicing()
    ensure_demo_users()
    ensure_demo_user_groups(portal)
    ensure_demo_organisations(portal)
