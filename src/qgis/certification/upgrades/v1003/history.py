"""A version is read with today's local roles: the reviewers of covering user
groups open the History tab's preview of one version (see
``application.version_roles``)."""

from qgis.certification.application.version_roles import ensure_modifier


def retain_local_roles(setup_tool):
    ensure_modifier()
