import logging

from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer

from qgis.certification.application.questionnaire import ensure_questionnaires
from qgis.certification.application.version_roles import ensure_modifier
from qgis.certification.application.version_roles import remove_modifier
from qgis.certification.certificates.credentials.keys import ensure_key
from qgis.certification.certificates.wording import ensure_shipped_wording
from qgis.certification.content.children import add_child
from qgis.certification.content.children import ensure_child
from qgis.certification.public.figure_counts import rebuild as count_figures
from qgis.certification.public.multilingual import ensure_language_roots
from qgis.certification.public.multilingual import ensure_programme_pages
from qgis.certification.public.site_logo import ensure_site_logo


logger = logging.getLogger("qgis.certification")

# id, portal_type, title, description
PROGRAMME_FOLDERS = (
    (
        "organisations",
        "OrganisationFolder",
        "Certifying organisations",
        "Organisations certified to issue official QGIS certificates, and applications.",
    ),
    (
        "certificate-types",
        "CertificateTypeFolder",
        "Certificate types",
        "The kinds of certificate organisations issue.",
    ),
    (
        "user-groups",
        "UserGroupFolder",
        "User groups",
        "Local QGIS user groups that give their opinion on applications from their countries.",
    ),
)

# id, title (each type's sentence, per language, is in the certificate wording)
CERTIFICATE_TYPES = (("completion", "Completion"), ("attendance", "Attendance"))

# group id, title, global role
PROGRAMME_GROUPS = (
    ("certification-managers", "Certification team", "CertificationManager"),
    ("psc", "QGIS Project Steering Committee", "PSCMember"),
)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Only the default profile is offered in the add-ons control panel."""
        return ["qgis.certification:uninstall"]

    def getNonInstallableProducts(self):
        return []


def ensure_programme_folders(portal):
    for folder_id, portal_type, title, description in PROGRAMME_FOLDERS:
        if folder_id not in portal.objectIds():
            # Not addable by anyone through the web: only this profile makes them.
            add_child(
                portal,
                portal_type,
                folder_id,
                title=title,
                description=description,
            )
            logger.info("Created /%s", folder_id)


def ensure_certificate_types(portal):
    folder = portal["certificate-types"]
    for type_id, title in CERTIFICATE_TYPES:
        ensure_child(folder, "CertificateType", type_id, title=title)


def ensure_programme_groups():
    for group_id, title, role in PROGRAMME_GROUPS:
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=title, roles=[role])
        else:
            api.group.grant_roles(groupname=group_id, roles=[role])


def post_install(context):
    """Runs after the default profile's import steps."""
    portal = api.portal.get()
    ensure_programme_folders(portal)
    ensure_certificate_types(portal)
    ensure_shipped_wording(portal)
    ensure_programme_groups()
    ensure_key()  # the programme signs its Open Badges credentials with it
    ensure_modifier()  # a version is read with today's local roles
    ensure_site_logo()  # the programme's logo and favicon, unless the site has its own
    with api.env.adopt_roles(["Manager"]):
        ensure_language_roots(portal)
        ensure_programme_pages(portal)
        ensure_questionnaires(portal)
    count_figures(portal)  # the programme's figures, kept as running counts


def uninstall(context):
    """Runs after the uninstall profile's import steps. Content and groups are
    kept: removing the product must never delete applications or reviews."""
    remove_modifier()
