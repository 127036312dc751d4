"""A history of every change to an application: organisations, course types,
training centres and courses become versionable (their types, the repository's
policies, the differences tool), and the organisation and course workflows
grant who may read and revert their versions.

The workflow import changes the states' definitions; the existing
organisations and courses get the new grants here. Existing content gets its
first version at its next edit.
"""

from plone import api


VERSIONED_WORKFLOWS = {
    "CertifyingOrganisation": "qgis_organisation_workflow",
    "Course": "qgis_course_workflow",
}


def apply_version_permissions(setup_tool):
    workflow_tool = api.portal.get_tool("portal_workflow")
    for portal_type, workflow_id in VERSIONED_WORKFLOWS.items():
        workflow = workflow_tool.getWorkflowById(workflow_id)
        for brain in api.content.find(portal_type=portal_type, unrestricted=True):
            workflow.updateRoleMappingsFor(brain._unrestrictedGetObject())
