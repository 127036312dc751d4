"""Every public page and feed, as an anonymous visitor sees it, shows no
e-mail address of a person or organisation, no login name, no review comment
and no user group's opinion.

The programme here is reviewed by people with distinctive login names, who
write distinctive comments and opinions at every step, so that any of them
appearing anywhere is found."""

import re

import pytest
import transaction
from builders import PASSWORD
from builders import answer_questionnaire
from builders import course_data
from builders import create_user_group
from builders import top_up
from builders import with_questionnaires
from plone import api

from qgis.certification.builders import courses
from qgis.certification.builders import organisations
from qgis.certification.builders import people
from qgis.certification.builders import trainers
from qgis.certification.builders import training
from qgis.certification.builders.adding import act
from qgis.certification.certificates import issuing
from qgis.certification.public import statistics


pytestmark = pytest.mark.server

# login name -> group
LOGINS = {
    "zqowner": (),
    "zqteam": ("certification-managers",),
    "zqpsc": ("psc",),
    "zqreviewer": (),
    "zqconvener": (),
}
COMMENTS = {
    "submit": "Submitted-note-4471",
    "send_to_user_groups": "Groups-note-4472",
    "send_to_psc": "Psc-note-4473",
    "approve": "Approval-note-4474",
}
OPINION = "Opinion-text-4475"
COURSE_COMMENT = "Course-note-4476"
TRAINER_COMMENT = "Trainer-note-4477"
TRAINER_STATEMENT = "Trainer-statement-4478"
ATTENDEES = (("Ioana", "Pop", "ioana.zq@example.net"), ("Åsa", "Berg", "asa.zq@example.net"))
ORGANISATION_EMAIL = "office.zq@academy.example"
CENTRE_EMAIL = "centre.zq@academy.example"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def build_programme(portal):
    """A published organisation (country PT, its own user group), a published
    course with attendees and a certificate; returns the URLs to visit."""
    with_questionnaires(portal)
    for login, groups in LOGINS.items():
        people.ensure_user(login, f"Person {login[2:].title()}", PASSWORD, groups)
    create_user_group(portal, "ug-zq", ["PT"], ["zqreviewer"])
    with api.env.adopt_user(username="zqowner"):
        organisation = organisations.create_organisation(
            portal["organisations"],
            "Zq Academy",
            "<p>We translate QGIS.</p>",
            email=ORGANISATION_EMAIL,
            country="PT",
            contribution_types=["translation"],
        )
        course_type = training.add_course_type(organisation, "QGIS for beginners", 16)
        training.add_material(course_type, "Exercises", "https://example.org/exercises")
        answer_questionnaire(organisation, "zqowner")
    reviewing = organisations.Reviewing(
        owner="zqowner", team="zqteam", psc="zqpsc", comments=COMMENTS, opinion=OPINION
    )
    organisations.bring_to(organisation, "published", reviewing)
    course = publish_course(organisation)
    top_up(organisation, 5)
    with api.env.adopt_user(username="zqowner"):
        certificate = issuing.issue_certificates(
            course, [course["attendee-0"].UID()], "completion", "zqowner"
        )[0][0]
    certify_trainer(organisation)
    transaction.commit()
    return organisation, course, certificate


def certify_trainer(organisation):
    """The convener, a certified trainer listed in the directory."""
    with api.env.adopt_user(username="zqowner"):
        nomination = trainers.nominate(
            organisation,
            organisation["ana-trainer"],
            "PT",
            ["pt"],
            TRAINER_STATEMENT,
            object_id="ana-trainer-nomination",
            listed_publicly=True,
        )
    trainers.bring_to(nomination, "approved", "zqowner", "zqteam", comment=TRAINER_COMMENT)


def publish_course(organisation):
    with api.env.adopt_roles(["Manager"]):
        training.add_convener(organisation, "Ana Trainer", "zqconvener", object_id="ana-trainer")
        training.add_training_centre(
            organisation, "Porto centre", "PT", latitude=41.15, longitude=-8.6, email=CENTRE_EMAIL
        )
    parts = add_course_parts_of(organisation)
    with api.env.adopt_user(username="zqowner"):
        course = courses.add_course(organisation, **course_data(*parts))
        for index, (first, last, email) in enumerate(ATTENDEES):
            courses.add_attendee(course, first, last, email, object_id=f"attendee-{index}")
    act(course, "zqowner", "publish", COURSE_COMMENT)
    return course


def add_course_parts_of(organisation):
    return (
        organisation["qgis-for-beginners"],
        organisation["ana-trainer"],
        organisation["porto-centre"],
    )


def public_urls(portal, organisation, course, certificate):
    """(URL, whether it is asked for as JSON) of every public page and feed."""
    site = portal.absolute_url()
    pages = [f"{site}/{language}" for language in ("en", "ro", "sv")]
    for language in ("en", "ro", "sv"):
        pages += [
            f"{site}/{language}/@@certified-organisations",
            f"{site}/{language}/@@upcoming-courses",
            f"{site}/{language}/@@trainers",
            f"{site}/{language}/@@statistics",
        ]
        pages += [
            f"{site}/{language}/@@statistics/{figure.name}.csv" for figure in statistics.FIGURES
        ]
    items = (organisation, course, organisation["porto-centre"], organisation["ana-trainer"])
    pages += [item.absolute_url() for item in items]
    trainer_code = organisation["ana-trainer-nomination"].code
    pages += [
        f"{site}/verify",
        f"{site}/verify/{certificate.code}",
        f"{site}/verify/{trainer_code}",
        f"{site}/@@upcoming-courses.ics",
        f"{organisation.absolute_url()}/@@upcoming-courses.ics",
        f"{site}/@training-centers-geojson",  # the feeds as a browser opens them
        f"{site}/@courses-geojson",
    ]
    for collection in ("training-centres", "upcoming-courses", "past-courses"):
        pages.append(f"{site}/ogc/collections/{collection}/items?f=html")
    feeds = [item.absolute_url() for item in items]
    feeds += [
        f"{site}/@verify/{certificate.code}",
        f"{site}/@verify/{trainer_code}",
        f"{site}/@trainers",
        f"{site}/@organisations",
        f"{site}/@training-centers-geojson",
        f"{site}/@courses-geojson",
        f"{site}/@statistics",
        f"{site}/@search?SearchableText=Zq",
        f"{site}/@search?SearchableText=Zq&fullobjects=1",
        f"{organisation.absolute_url()}/@workflow",
        f"{organisation.absolute_url()}?expand=workflow",
        f"{site}/ogc/collections/training-centres/items",
        f"{site}/ogc/collections/upcoming-courses/items",
    ]
    return [(url, False) for url in pages] + [(url, True) for url in feeds]


def secrets():
    """What no public page may show: each with what it is."""
    found = dict.fromkeys(LOGINS, "login name")
    found.update({f"{login}@example.org": "a user's address" for login in LOGINS})
    found.update({email: "an attendee's address" for _first, _last, email in ATTENDEES})
    found[ORGANISATION_EMAIL] = "the organisation's address"
    found[CENTRE_EMAIL] = "the centre's address"
    found["ug-zq@example.org"] = "the user group's address"
    found.update(dict.fromkeys(COMMENTS.values(), "a review comment"))
    found[COURSE_COMMENT] = "a review comment"
    found[TRAINER_COMMENT] = "a review comment"
    found[TRAINER_STATEMENT] = "a nomination's evidence"
    found[OPINION] = "an opinion"
    return found


def leaks(text):
    """What ``text`` shows that is private: the secrets above, or any e-mail
    address but the programme's own contact address (the site's sender, in
    every page's footer)."""
    shown = [f"{what}: {secret}" for secret, what in secrets().items() if secret in text]
    contact = api.portal.get_registry_record("plone.email_from_address")
    return shown + [
        f"an address: {match.group(0)}"
        for match in EMAIL.finditer(text)
        if match.group(0) != contact
    ]


def test_public_pages_and_feeds_show_nothing_private(server_site, rest_session):
    organisation, course, certificate = build_programme(server_site)
    anonymous = rest_session()
    found = {}
    for url, as_json in public_urls(server_site, organisation, course, certificate):
        accept = "application/json" if as_json else "text/html,text/calendar,*/*"
        response = anonymous.get(url, headers={"Accept": accept})
        assert response.status_code == 200, (url, response.status_code)
        if leaks(response.text):
            found[url] = leaks(response.text)
    assert found == {}


def test_the_search_finds_the_programme(server_site, rest_session):
    """The search above is not empty: the organisation and its course are found."""
    organisation, course, _certificate = build_programme(server_site)
    response = rest_session().get("@search", params={"SearchableText": "Zq"})
    found = {item["@id"] for item in response.json()["items"]}
    assert organisation.absolute_url() in found


def test_the_private_things_are_there_for_those_who_may_see_them(server_site, sessions_for):
    """What the pages above must not show is in the data: the team reads the
    review's comments, the organisation its address, and the public sees the
    certificate's verification."""
    organisation, _course, certificate = build_programme(server_site)
    sessions = sessions_for("zqteam", "zqowner")
    history = sessions["zqteam"].get(f"{organisation.absolute_url()}/@workflow").text
    assert COMMENTS["submit"] in history
    assert "zqowner" in history
    opinions = sessions["zqteam"].get(f"{organisation.absolute_url()}/@user-group-opinion")
    assert OPINION in opinions.text
    details = sessions["zqowner"].get(organisation.absolute_url()).json()
    assert details["email"] == ORGANISATION_EMAIL
    verified = sessions["anonymous"].get(f"{server_site.absolute_url()}/@verify/{certificate.code}")
    assert "Ioana" in verified.text
    directory = sessions["anonymous"].get(f"{server_site.absolute_url()}/@trainers")
    assert [item["name"] for item in directory.json()["items"]] == ["Ana Trainer"]
