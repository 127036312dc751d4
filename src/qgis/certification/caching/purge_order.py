"""The order in which Plone sends its PURGE requests: the paths that cover
the others first.

A change of programme content purges some sixty paths (feeds, front pages,
lists, statistics, verification pages), which plone.cachepurging sends one by
one from a background thread, in no particular order. A proxy that drops by
prefix, as the README asks and the cluster's Varnish does, has dropped
everything once the shortest paths have arrived (``/Plone/en`` covers
``/Plone/en/@@certified-organisations``), so they go first: an edit is seen
through the proxy after a dozen requests rather than after all of them.
Every path is still sent, for proxies that purge exact addresses.
"""

from plone.cachepurging.hooks import KEY
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from ZPublisher.interfaces import IPubBeforeCommit


class PurgeOrder(list):
    """The paths to purge, in order; takes more paths (``update``) as the set
    it replaces would."""

    def update(self, paths):
        self.extend(path for path in paths if path not in self)


def covering_first(paths):
    """``paths`` with those that start with no other path first (sorted), then
    the rest (sorted)."""
    covering, covered = [], []
    for path in sorted(set(paths)):
        # sorted, the paths that start with a given one follow it directly
        if covering and path.startswith(covering[-1]):
            covered.append(path)
        else:
            covering.append(path)
    return PurgeOrder(covering + covered)


@adapter(IPubBeforeCommit)
def order_purges(event):
    """Once the request has made its changes, before plone.cachepurging sends
    the purges (after the commit)."""
    annotations = IAnnotations(event.request, None)
    if annotations is not None and annotations.get(KEY):
        annotations[KEY] = covering_first(annotations[KEY])
