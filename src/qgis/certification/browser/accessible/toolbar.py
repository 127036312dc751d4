"""Plone's toolbar (plone.app.layout's ``plone.toolbar`` viewlet manager and
its ``plone.contentviews``) for the programme's layer: its pin and unpin
controls are buttons (Plone renders
links without an address named by an aria-label, which no assistive technology
announces as something to press). Mockup's toolbar pattern binds them by their
class, so they work as before; the theme's style sheet gives the buttons the
links' look.

It is also built only for the people who see it: Plone's manager updates every
viewlet of the toolbar (the content views, the menus, the personal bar) and
then renders a template that shows nothing without the ``Show Toolbar``
permission, so anonymous visitors paid for a toolbar they never saw."""

from plone.app.layout.viewlets.common import ContentViewsViewlet
from plone.app.layout.viewlets.toolbar import ToolbarViewletManager
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ProgrammeToolbar(ToolbarViewletManager):
    custom_template = ViewPageTemplateFile("templates/toolbar.pt")

    def shown(self):
        return self.context_state.is_toolbar_visible()

    def update(self):
        if self.shown():
            super().update()

    def render(self):
        return super().render() if self.shown() else ""


class ProgrammeContentViews(ContentViewsViewlet):
    """The toolbar's content views, whose History link reads the time of the
    last change from the server: Plone leaves it empty for a script to fill,
    and until the script has run the link has no text to be announced by."""

    menu_template = ViewPageTemplateFile("templates/toolbar_menu.pt")
