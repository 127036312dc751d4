"""Workflow and removal events of certificates."""

from plone import api
from plone.base.interfaces.siteroot import IPloneSiteRoot
from Products.CMFCore.WorkflowCore import WorkflowException
from zExceptions import Forbidden

from qgis.certification import _
from qgis.certification.certificates import issuing
from qgis.certification.subscribers.messages import in_request_language


def check_revoke(certificate, event):
    if event.transition is None or event.transition.id != "revoke":
        return
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if not comment:
        raise WorkflowException(
            in_request_language(_("Say why the certificate is revoked: a comment is required."))
        )
    try:
        issuing.check_window(certificate, _("revoked"))
    except issuing.IssueError as refusal:
        raise WorkflowException(in_request_language(refusal.message)) from refusal


def after_revoke(certificate, event):
    if event.transition is None or event.transition.id != "revoke":
        return
    kwargs = event.kwargs or {}
    # The organisation's own revocation (within the window) is always refunded;
    # the certification team refunds when it chooses to.
    if kwargs.get("refund") or not issuing.may_act_late(certificate):
        issuing.refund(certificate, api.user.get_current().getId())
    issuing.release_issued_key(certificate)


def refuse_removal(certificate, event):
    """Certificates are never deleted (revoke them); only removing a whole site may."""
    if IPloneSiteRoot.providedBy(event.object):
        return
    raise Forbidden(
        in_request_language(_("Certificates are never deleted: revoke the certificate instead."))
    )
