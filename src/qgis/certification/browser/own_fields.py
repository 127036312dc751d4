"""The base of the content pages whose templates write each field themselves
(organisation, course, course type, training centre, trainer nomination).

Dexterity's default view builds a display widget for every field of the type
before rendering, and a choice field's widget computes its whole vocabulary
(a catalog query for the organisation's course types, conveners and training
centres): work the page never shows, on every request. These pages keep the
default view's class, so that whatever looks for it still finds it, without
that work.
"""

from plone.dexterity.browser.view import DefaultView


class OwnFieldsView(DefaultView):
    """A Dexterity default view that builds no widgets."""

    def _update(self):
        self.w = {}
        self.fieldsets = {}
        self.groups = ()
