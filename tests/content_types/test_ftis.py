"""The product's content types as installed: one row of the table below per type is the spec.

A new type, or a changed property of one, changes this table on purpose."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from plone import api
from plone.dexterity.interfaces import IDexterityFTI

import qgis.certification


PROFILE = Path(qgis.certification.__file__).parent / "profiles" / "default"
NAMING = ("plone.basic", "plone.namefromtitle", "plone.shortname")
FOLDER = ("plone.basic", "plone.excludefromnavigation", "plone.shortname")
CONTENT = "qgis.certification.content"
# the parts of an application keep their versions
VERSIONED = (*NAMING, "plone.versioning")

# portal_type: (title, klass, behaviors, allowed content types, add permission)
SPEC = {
    "OrganisationFolder": (
        "Organisations",
        f"{CONTENT}.folders.OrganisationFolder",
        FOLDER,
        ("CertifyingOrganisation",),
        "cmf.ManagePortal",
    ),
    "UserGroupFolder": (
        "User groups",
        f"{CONTENT}.folders.UserGroupFolder",
        FOLDER,
        ("UserGroup",),
        "cmf.ManagePortal",
    ),
    "CertificateTypeFolder": (
        "Certificate types",
        f"{CONTENT}.certificate_type.CertificateTypeFolder",
        FOLDER,
        ("CertificateType", "Image"),
        "cmf.ManagePortal",
    ),
    "CertifyingOrganisation": (
        "Certifying organisation",
        f"{CONTENT}.organisation.CertifyingOrganisation",
        (*VERSIONED, "plone.excludefromnavigation"),
        ("CourseType", "TrainingCenter", "CourseConvener", "Course", "TrainerNomination"),
        "qgis.certification.AddCertifyingOrganisation",
    ),
    "CourseType": (
        "Course type",
        f"{CONTENT}.course_type.CourseType",
        VERSIONED,
        ("File", "Link"),
        "qgis.certification.AddCourseType",
    ),
    "TrainingCenter": (
        "Training centre",
        f"{CONTENT}.training_center.TrainingCenter",
        VERSIONED,
        (),
        "qgis.certification.AddTrainingCenter",
    ),
    "CourseConvener": (
        "Course convener",
        f"{CONTENT}.course_convener.CourseConvener",
        NAMING,
        (),
        "qgis.certification.AddCourseConvener",
    ),
    "Course": (
        "Course",
        f"{CONTENT}.course.Course",
        VERSIONED,
        ("Attendee",),
        "qgis.certification.AddCourse",
    ),
    "Attendee": (
        "Attendee",
        f"{CONTENT}.attendee.Attendee",
        ("plone.namefromtitle",),
        (),
        "qgis.certification.AddAttendee",
    ),
    "UserGroup": (
        "User group",
        f"{CONTENT}.user_group.UserGroup",
        NAMING,
        (),
        "qgis.certification.AddUserGroup",
    ),
    "CertificateType": (
        "Certificate type",
        f"{CONTENT}.certificate_type.CertificateType",
        ("plone.basic", "plone.shortname"),
        (),
        "qgis.certification.AddCertificateType",
    ),
    "Certificate": (
        "Certificate",
        f"{CONTENT}.certificate.Certificate",
        (),
        (),
        "qgis.certification.AddCertificate",
    ),
    # The title is the nominated convener's name.
    "TrainerNomination": (
        "Trainer nomination",
        f"{CONTENT}.trainer.TrainerNomination",
        ("plone.namefromtitle",),
        (),
        "qgis.certification.AddTrainerNomination",
    ),
    # Invoices are made by the order code only; they share the certificate's add permission.
    "Invoice": (
        "Invoice",
        f"{CONTENT}.invoice.Invoice",
        (),
        (),
        "qgis.certification.AddCertificate",
    ),
}


def profile_types():
    root = ET.parse(PROFILE / "types.xml").getroot()
    return {element.get("name") for element in root.iter("object") if element is not root}


def test_spec_covers_every_type_the_profile_installs():
    # Document is Plone's own type: the profile only adds a behavior to it (tested below).
    assert profile_types() - {"Document"} == set(SPEC)
    assert {path.stem for path in (PROFILE / "types").glob("*.xml")} == profile_types()


@pytest.fixture
def fti(portal, request):
    portal_type = request.param
    return api.portal.get_tool("portal_types")[portal_type], SPEC[portal_type]


@pytest.mark.parametrize("fti", sorted(SPEC), indirect=True)
class TestProductType:
    def test_is_a_dexterity_type_of_the_product(self, fti):
        installed, (_, klass, *_) = fti
        assert IDexterityFTI.providedBy(installed)
        assert installed.klass == klass
        assert installed.schema == klass.rsplit(".", 1)[0] + ".I" + klass.rsplit(".", 1)[1]
        assert installed.factory == installed.getId()
        assert installed.lookupSchema() is not None

    def test_title(self, fti):
        installed, (title, *_) = fti
        assert installed.Title() == title

    def test_behaviors(self, fti):
        installed, (_, _, behaviors, *_) = fti
        assert tuple(installed.behaviors) == behaviors

    def test_allowed_content_types_and_only_inside_its_container(self, fti):
        installed, (_, _, _, allowed, _) = fti
        assert installed.filter_content_types is True
        assert tuple(installed.allowed_content_types) == allowed
        assert installed.global_allow is False

    def test_add_permission(self, fti):
        installed, (*_, add_permission) = fti
        assert installed.add_permission == add_permission

    def test_views(self, fti):
        installed, _ = fti
        assert tuple(installed.view_methods) == ("view",)
        assert installed.default_view == "view"
        assert installed.immediate_view == "view"
        assert installed.allow_discussion is False


def test_every_allowed_type_is_installed(portal):
    types = api.portal.get_tool("portal_types")
    for portal_type, (_, _, _, allowed, _) in SPEC.items():
        for allowed_type in allowed:
            assert allowed_type in types.objectIds(), f"{portal_type} allows {allowed_type}"


def test_documents_are_translatable(portal):
    behaviors = api.portal.get_tool("portal_types")["Document"].behaviors
    assert "plone.translatable" in behaviors
    assert "plone.richtext" in behaviors, "Plone's own behaviors are kept"
