"""The footer in Barceloneta's layout: the footer portlets side by side in the
doormat row, the site actions in a row of links below them."""

from plone.app.portlets.browser.interfaces import IManageContextualPortletsView
from plone.app.portlets.portlets.actions import IActionsPortlet
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter


# Bootstrap's column for one of 1, 2, 3, 4 or more portlets in the doormat
COLUMNS = {1: "col-md-12", 2: "col-md-6", 3: "col-md-4", 4: "col-md-3"}


class DoormatFooter:
    """Mixed into the ``plone.footer`` viewlet (``shared_parts.SharedFooter``)."""

    frame_template = ViewPageTemplateFile("footer.pt")

    def index(self):
        if IManageContextualPortletsView.providedBy(self.view):
            # the portlets' editing controls, as Plone draws them
            return self.render_footer_portlets()
        return self.frame_template()

    def footer_parts(self):
        manager = getMultiAdapter(
            (self.context, self.request, self.__parent__), name="plone.footerportlets"
        )
        manager.update()
        doormat, actions = [], []
        for portlet in manager.portletsToShow():
            renderer, data = portlet["renderer"], portlet["assignment"].data
            if IActionsPortlet.providedBy(data) and data.category == "site_actions":
                actions.extend(renderer.actionLinks())
            else:
                doormat.append(manager.safe_render(renderer))
        return {
            "doormat": doormat,
            "columns": COLUMNS.get(len(doormat), "col-md-4"),
            "actions": actions,
        }
