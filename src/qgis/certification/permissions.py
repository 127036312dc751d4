"""Every permission the product declares or checks, named once.

The product's own permissions are declared for Zope in ``permissions.zcml``
(ZCML cannot import Python, so the ids and titles are written there too;
``tests/permissions/test_permission_names.py`` keeps the two in step). Python
code checks permissions by title, so each constant here is the title; its ZCML
id, which ``plone.autoform`` directives want, is ``permission_id(TITLE)``.

Who holds which permission is declared in ``profiles/default/rolemap.xml``
(site-wide defaults) and the workflows under ``profiles/default/workflows/``
(per state); ``tests/permissions/test_workflow_policy.py`` states each as
one table and checks them against an installed site.
"""

from plone.app.workflow.permissions import DelegateRoles
from Products.CMFCore.permissions import AccessContentsInformation
from Products.CMFCore.permissions import AddPortalContent
from Products.CMFCore.permissions import ChangeLocalRoles
from Products.CMFCore.permissions import DeleteObjects
from Products.CMFCore.permissions import ManagePortal
from Products.CMFCore.permissions import ModifyPortalContent
from Products.CMFCore.permissions import RequestReview
from Products.CMFCore.permissions import ReviewPortalContent
from Products.CMFCore.permissions import View
from Products.CMFEditions.Permissions import AccessPreviousVersions
from Products.CMFEditions.Permissions import RevertToPreviousVersions


# title -> ZCML id of every permission permissions.zcml declares
DECLARED = {}


def _declare(permission_id, title):
    DECLARED[title] = permission_id
    return title


def permission_id(title):
    """The ZCML id of one of the product's permissions, given its title."""
    return DECLARED[title]


# The product's own permissions (permissions.zcml).
ADD_CERTIFYING_ORGANISATION = _declare(
    "qgis.certification.AddCertifyingOrganisation", "qgis.certification: Add CertifyingOrganisation"
)
ADD_COURSE_TYPE = _declare("qgis.certification.AddCourseType", "qgis.certification: Add CourseType")
ADD_TRAINING_CENTER = _declare(
    "qgis.certification.AddTrainingCenter", "qgis.certification: Add TrainingCenter"
)
ADD_COURSE_CONVENER = _declare(
    "qgis.certification.AddCourseConvener", "qgis.certification: Add CourseConvener"
)
ADD_COURSE = _declare("qgis.certification.AddCourse", "qgis.certification: Add Course")
ADD_ATTENDEE = _declare("qgis.certification.AddAttendee", "qgis.certification: Add Attendee")
ADD_USER_GROUP = _declare("qgis.certification.AddUserGroup", "qgis.certification: Add UserGroup")
SUBMIT_APPLICATION = _declare(
    "qgis.certification.SubmitApplication", "qgis.certification: Submit application"
)
REVIEW_APPLICATION = _declare(
    "qgis.certification.ReviewApplication", "qgis.certification: Review application"
)
DECIDE_APPLICATION = _declare(
    "qgis.certification.DecideApplication", "qgis.certification: Decide application"
)
GIVE_USER_GROUP_OPINION = _declare(
    "qgis.certification.GiveUserGroupOpinion", "qgis.certification: Give user group opinion"
)
VIEW_REVIEW_DATA = _declare(
    "qgis.certification.ViewReviewData", "qgis.certification: View review data"
)
VIEW_PRIVATE_DETAILS = _declare(
    "qgis.certification.ViewPrivateDetails", "qgis.certification: View private details"
)
VIEW_QUESTIONNAIRE_ANSWERS = _declare(
    "qgis.certification.ViewQuestionnaireAnswers", "qgis.certification: View questionnaire answers"
)
DELEGATE_OWNER_ROLE = _declare(
    "qgis.certification.DelegateOwnerRole", "qgis.certification: Delegate Owner role"
)
MANAGE_COURSE = _declare("qgis.certification.ManageCourse", "qgis.certification: Manage course")
MANAGE_ATTENDEES = _declare(
    "qgis.certification.ManageAttendees", "qgis.certification: Manage attendees"
)
MANAGE_SETTINGS = _declare(
    "qgis.certification.ManageSettings", "qgis.certification: Manage programme settings"
)
MANAGE_PRIVACY_REQUESTS = _declare(
    "qgis.certification.ManagePrivacyRequests", "qgis.certification: Manage privacy requests"
)
ISSUE_CERTIFICATES = _declare(
    "qgis.certification.IssueCertificates", "qgis.certification: Issue certificates"
)
ADD_CERTIFICATE = _declare(
    "qgis.certification.AddCertificate", "qgis.certification: Add Certificate"
)
REVOKE_CERTIFICATE = _declare(
    "qgis.certification.RevokeCertificate", "qgis.certification: Revoke certificate"
)
CORRECT_CERTIFICATE = _declare(
    "qgis.certification.CorrectCertificate", "qgis.certification: Correct certificate"
)
MANAGE_CERTIFICATES = _declare(
    "qgis.certification.ManageCertificates", "qgis.certification: Manage certificates"
)
VIEW_CREDITS = _declare("qgis.certification.ViewCredits", "qgis.certification: View credits")
MANAGE_CREDITS = _declare("qgis.certification.ManageCredits", "qgis.certification: Manage credits")
ADD_CERTIFICATE_TYPE = _declare(
    "qgis.certification.AddCertificateType", "qgis.certification: Add CertificateType"
)
BUY_CREDITS = _declare("qgis.certification.BuyCredits", "qgis.certification: Buy credits")
ADD_TRAINER_NOMINATION = _declare(
    "qgis.certification.AddTrainerNomination", "qgis.certification: Add TrainerNomination"
)
NOMINATE_TRAINER = _declare(
    "qgis.certification.NominateTrainer", "qgis.certification: Nominate trainer"
)
REVIEW_TRAINER = _declare(
    "qgis.certification.ReviewTrainer", "qgis.certification: Review trainer nomination"
)
# "my work": the certification team's sections and its table of every application
VIEW_ALL_APPLICATIONS = _declare(
    "qgis.certification.ViewAllApplications", "qgis.certification: View all applications"
)


# Plone core permissions the product checks or its workflows manage.
VIEW = View
ACCESS_CONTENTS_INFORMATION = AccessContentsInformation
MODIFY_PORTAL_CONTENT = ModifyPortalContent
DELETE_OBJECTS = DeleteObjects
ADD_PORTAL_CONTENT = AddPortalContent
REVIEW_PORTAL_CONTENT = ReviewPortalContent
CHANGE_LOCAL_ROLES = ChangeLocalRoles
DELEGATE_ROLES = DelegateRoles
# The versions of the parts of an application (CMFEditions), granted per state.
ACCESS_PREVIOUS_VERSIONS = AccessPreviousVersions
REVERT_TO_PREVIOUS_VERSIONS = RevertToPreviousVersions
# Plone shows the review history in the History tab to those who hold it.
REQUEST_REVIEW = RequestReview
# Plone's settings fields (short name, navigation, versioning) are for site managers.
MANAGE_PORTAL = ManagePortal
