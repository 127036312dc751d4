"""The page frame: Plone's main template, drawn in Barceloneta's layout.

Barceloneta gets its layout from Diazo: every page Plone renders is parsed
again, reshaped by the theme's rules (an XSLT over the whole page) and written
out again, a third of the server's work for a visitor's page. The product's
theme (``theme/manifest.cfg``, without rules) keeps Barceloneta's style sheet,
and this template writes the layout the rules made: the personal tools and
language links beside the logo, the navigation and the search box in the
navigation bar (an off-canvas panel on phones), the breadcrumbs across the
page, the footer's portlets in its doormat row (``footer.py``).
"""

from Products.CMFPlone.browser.main_template import MainTemplate
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ProgrammeMainTemplate(MainTemplate):
    main_template = ViewPageTemplateFile("main_template.pt")
