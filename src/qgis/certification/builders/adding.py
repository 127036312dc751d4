"""The one way the builders add objects: through the events, or in bulk.

The fast path (``Bulk``) is for seeding large programmes:

* objects are made with ``createContent`` and added with ``_setObject(...,
  suppress_events=True)``: no per-object event cascade (catalog queue,
  workflow, intids, modified events); a UUID is still given on creation;
* the workflow state is written directly (``setStatusOf``) and the state's
  permissions applied with ``updateRoleMappingsFor``, instead of walking the
  transitions;
* every object is catalogued exactly once, when its builder has finished it
  (``catalogue``).

Objects made this way have no intid (nothing in the product relates content
through intids), no owner and no history of transitions.
"""

from DateTime import DateTime
from plone import api
from plone.dexterity.utils import createContent

from qgis.certification.certificates import codes
from qgis.certification.public import feed_state
from qgis.certification.public import figure_counts


class Bulk:
    """What the fast path needs across builders: the tools, the actor written
    in workflow statuses, the objects still to catalogue and the codes taken."""

    def __init__(self, actor):
        self.actor = actor
        self.catalog = api.portal.get_tool("portal_catalog")
        self.workflow_tool = api.portal.get_tool("portal_workflow")
        self.now = DateTime()
        self.pending = []
        self.taken = set()

    def add(self, container, portal_type, object_id, **fields):
        """Add without events; the object starts in its workflow's initial state."""
        content = createContent(portal_type, id=object_id, **fields)
        container._setObject(object_id, content, suppress_events=True)
        content = container._getOb(object_id)
        for workflow in self.workflow_tool.getWorkflowsFor(content):
            self.set_state(content, workflow.initial_state)
        self.pending.append(content)
        return content

    def set_state(self, content, state):
        """Put ``content`` in ``state``; a state this bulk set before (as when
        it added the object) is replaced, not kept in the history."""
        for workflow in self.workflow_tool.getWorkflowsFor(content):
            history = content.workflow_history.get(workflow.getId(), ())
            if history and history[-1]["action"] is None and history[-1]["time"] is self.now:
                content.workflow_history[workflow.getId()] = history[:-1]
            status = {
                workflow.state_var: state,
                "action": None,
                "actor": self.actor,
                "comments": "",
                "time": self.now,
            }
            self.workflow_tool.setStatusOf(workflow.getId(), content, status)
            workflow.updateRoleMappingsFor(content)

    def state_after(self, content, transition):
        """The state ``transition`` leads ``content`` to."""
        for workflow in self.workflow_tool.getWorkflowsFor(content):
            if transition in workflow.transitions:
                return workflow.transitions[transition].new_state_id
        raise ValueError(f"no workflow of {content.portal_type} has {transition!r}")

    def catalogue(self):
        """Catalogue, once, every object added since the last call."""
        for content in self.pending:
            self.catalog.catalog_object(content)
            figure_counts.note(content)  # counted before commit, as the queue would
            feed_state.changed(content)
        self.pending = []

    def new_code(self):
        """A certificate code unique among those this bulk gave (the fast path
        seeds a programme whose codes are all its own)."""
        while True:
            code = codes.new_code()
            if code not in self.taken:
                self.taken.add(code)
                return code


def add(container, portal_type, object_id=None, bulk=None, **fields):
    """Add an object; without ``object_id`` (events only) its id comes from its title."""
    if bulk is not None:
        return bulk.add(container, portal_type, object_id, **fields)
    return api.content.create(container=container, type=portal_type, id=object_id, **fields)


def act(content, user_id, transition, comment="", bulk=None):
    """``user_id`` performs ``transition``; in bulk, the content is put in the
    state the transition leads to."""
    if bulk is not None:
        bulk.set_state(content, bulk.state_after(content, transition))
        return
    with api.env.adopt_user(username=user_id):
        api.portal.get_tool("portal_workflow").doActionFor(content, transition, comment=comment)


def catalogue(bulk=None):
    """Where a builder has finished its objects: in bulk, catalogue them now
    (the events have already done it otherwise)."""
    if bulk is not None:
        bulk.catalogue()
