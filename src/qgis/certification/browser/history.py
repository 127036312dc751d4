"""The History tab of the parts of an application (Plone's ``@@historyview``,
``@@contenthistory`` and CMFEditions' ``@@history`` differences), for the
people who may read its versions.

Plone opens ``@@historyview`` only to editors; here it needs "CMFEditions:
Access previous versions", which the organisation workflow grants to its
owners, the certification team, the PSC and its reviewers. The review
history's comments and actors follow ``application.history``. The
differences page refuses a version that is not kept (404) or not a number
(400) instead of failing.
"""

from pathlib import Path

from plone.app.layout.viewlets.content import ContentHistoryView
from Products.CMFEditions.browser import diff
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zExceptions import NotFound

from qgis.certification.application import history


ANONYMOUS_ACTOR = {"actorid": None, "actor": {"fullname": ""}, "actor_home": ""}


class ApplicationContentHistory(ContentHistoryView):
    def workflowHistory(self, complete=True):
        entries = super().workflowHistory(complete=complete)
        for entry in entries:
            if not history.comment_shown(self.context, entry.get("action"), entry.get("actorid")):
                entry["comments"] = ""
            if not history.actor_shown(self.context, entry.get("actorid")):
                entry.update(ANONYMOUS_ACTOR)
        return entries


class VersionDifferences(diff.DiffView):
    index = ViewPageTemplateFile(str(Path(diff.__file__).parent / "templates" / "diff.pt"))

    def __call__(self):
        kept = {str(version_id) for version_id in history.version_ids(self.context)}
        for name in ("one", "two"):
            version = self.request.get(name, "current")
            if not isinstance(version, str) or not (version == "current" or version.isdigit()):
                raise BadRequest(name)
            if version != "current" and version not in kept:
                raise NotFound(name)
        return super().__call__()
