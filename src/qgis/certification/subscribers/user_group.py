"""Events of user groups: the applications they review follow their countries
and their reviewers.

The countries a group covered before an edit are not known reliably once the
catalog's indexing queue has run, so every organisation that may hold the
reviewers' role (its state grants review) is re-synced: a handful at most, and
each is changed only when its reviewers differ.
"""

from plone.base.interfaces import IPloneSiteRoot

from qgis.certification.application import reviewers


def resync_reviewed_organisations(group, event=None):
    if IPloneSiteRoot.providedBy(getattr(event, "object", None)):
        return  # the whole site goes: nothing to keep in step
    reviewers.resync_organisations()
