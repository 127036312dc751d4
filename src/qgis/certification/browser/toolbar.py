"""Plone's toolbar, built only for the people who see it.

Plone's toolbar manager updates every viewlet of the toolbar (the content
views, the menus, the personal bar) and then renders a template that shows
nothing unless the user has the ``Show Toolbar`` permission: anonymous
visitors paid for a toolbar they never see. This one asks first."""

from plone.app.layout.viewlets.toolbar import ToolbarViewletManager


class ShownToolbar(ToolbarViewletManager):
    def shown(self):
        return self.context_state.is_toolbar_visible()

    def update(self):
        if self.shown():
            super().update()

    def render(self):
        return super().render() if self.shown() else ""
