"""The page frame: Plone's main template, drawn in Barceloneta's layout.

Barceloneta gets its layout from Diazo: every page Plone renders is parsed
again, reshaped by the theme's rules (an XSLT over the whole page) and written
out again, a third of the server's work for a visitor's page. The product's
theme (``theme/manifest.cfg``, without rules) keeps Barceloneta's style sheet,
and this template writes the layout the rules made: the personal tools and
language links beside the logo, the navigation and the search box in the
navigation bar (an off-canvas panel on phones), the breadcrumbs across the
page, the footer's portlets in its doormat row (``footer.py``).

Like Barceloneta's rules, it leaves alone what Plone shows bare: pages asked
with ``ajax_load`` and ``@@manage-viewlets`` (whose controls sit in every
viewlet manager) keep Plone's own templates.
"""

from plone.app.viewletmanager.interfaces import IViewletManagementView
from Products.CMFPlone.browser.main_template import MainTemplate
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ProgrammeMainTemplate(MainTemplate):
    frame_template = ViewPageTemplateFile("main_template.pt")

    @property
    def template(self):
        if self.use_ajax:
            return self.ajax_template
        if IViewletManagementView.providedBy(self.request.get("PUBLISHED")):
            return self.main_template
        return self.frame_template
