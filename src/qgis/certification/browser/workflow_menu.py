"""The toolbar's workflow menu on the programme's content: a step that the
programme's rules would refuse now is not offered (its form, opened directly,
says why)."""

from plone.app.contentmenu.menu import WorkflowMenu
from plone.app.contentmenu.menu import WorkflowSubMenuItem

from qgis.certification.browser import offered


MENU_ID = "qgis_contentmenu_workflow"
ITEM_PREFIX = "workflow-transition-"


class ProgrammeWorkflowSubMenuItem(WorkflowSubMenuItem):
    submenuId = MENU_ID


class ProgrammeWorkflowMenu(WorkflowMenu):
    def getMenuItems(self, context, request):
        return [
            item
            for item in super().getMenuItems(context, request)
            if not _refused(context, item["extra"]["id"])
        ]


def _refused(context, item_id):
    if not item_id.startswith(ITEM_PREFIX):
        return False
    transition = item_id[len(ITEM_PREFIX) :]
    return offered.refusal(context, transition) is not None
