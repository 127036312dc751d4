"""Adding many items to one course in one request: attendees from a file,
certificates issued together.

Each item is added as the add form adds it: created (its creator noted),
added with its own ``ObjectAddedEvent`` (the workflow's initial state and
permissions, ownership, the catalog's indexing queue, intids, the product's
subscribers). What is not repeated per item is what concerns the course:

* the course is told once, at the end, that its contents changed (one
  ``ContainerModifiedEvent``), instead of after every item, which reindexed
  the course and re-synchronised its convener's role each time;
* ids are chosen the way Plone's name chooser chooses them, but against the
  course's ids read once, so the n-th "attendee" does not try n ids first;
* the add permission and allowed types are checked once for the batch;
* the workflow puts the first item in its initial state; the others start
  with the same status (same state, actor and time: the status variables of
  these workflows depend on no item) and the state's permissions, applied by
  the workflow, so the workflow tool leaves them as they are, as it leaves a
  pasted copy: the state's variables are evaluated and its transition
  events sent once per batch, not once per item.

Nothing is catalogued here: the indexing queue catalogues every item once,
when the request ends (or when a search first needs it).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from OFS.event import ObjectWillBeAddedEvent
from plone import api
from plone.app.content.namechooser import NormalizingNameChooser
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import createContent
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.container.contained import notifyContainerModified
from zope.event import notify
from zope.lifecycleevent import ObjectAddedEvent


class _BatchNames(NormalizingNameChooser):
    """Plone's name chooser, whose uniqueness check starts from the ids known
    to be taken and counts on from the last number it gave for a name."""

    def __init__(self, context, taken):
        super().__init__(context)
        self.taken = taken
        self.last_number = {}

    def _findUniqueName(self, name, obj):
        check_id = self._getCheckId(obj)
        number = self.last_number.get(name, 0)
        candidate = name if number == 0 else f"{name}-{number}"
        while candidate in self.taken or check_id(candidate, required=1):
            number += 1
            candidate = f"{name}-{number}"
        self.last_number[name] = number
        return candidate


def _initial_statuses(tool, content):
    """``[(workflow, status)]`` of an item just put in its workflows' initial
    states, or ``None`` when something moved it on already."""
    found = []
    for workflow in tool.getWorkflowsFor(content):
        history = tool.getHistoryOf(workflow.getId(), content) or ()
        if len(history) != 1 or history[0].get("action") is not None:
            return None
        found.append((workflow, history[0]))
    return found


class AddingMany:
    """``add`` items of one type to ``container``; ``done`` tells the container
    once. Use it as a context manager: the container is told on success."""

    def __init__(self, container, portal_type, check_constraints=True):
        self.container = aq_inner(container)
        self.portal_type = portal_type
        self.taken = set(self.container.objectIds())
        self.names = _BatchNames(self.container, self.taken)
        self.added = []
        self.workflow_tool = api.portal.get_tool("portal_workflow")
        self.initial_statuses = None
        if check_constraints:
            self._check_constraints()

    def _check_constraints(self):
        fti = getUtility(IDexterityFTI, name=self.portal_type)
        if not fti.isConstructionAllowed(self.container):
            raise Unauthorized(f"Cannot create {self.portal_type}")
        container_fti = self.container.getTypeInfo()
        if container_fti is not None and not container_fti.allowType(self.portal_type):
            raise ValueError(f"Disallowed subobject type: {self.portal_type}")

    def add(self, object_id=None, **fields):
        """A new item, with its id chosen as Plone would when none is given."""
        content = createContent(self.portal_type, **fields)
        name = object_id or self.names.chooseName(getattr(aq_base(content), "id", None), content)
        if name in self.taken:
            raise ValueError(f"The id {name!r} is already in use.")
        content.id = name
        notify(ObjectWillBeAddedEvent(content, self.container, name))
        self.container._setObject(name, content, suppress_events=True)
        self.taken.add(name)
        content = self.container._getOb(name)
        self._start_in_initial_state(content)
        notify(ObjectAddedEvent(content, self.container, name))
        if not self.added:
            self.initial_statuses = _initial_statuses(self.workflow_tool, content)
        self.added.append(content)
        return content

    def _start_in_initial_state(self, content):
        for workflow, status in self.initial_statuses or ():
            self.workflow_tool.setStatusOf(workflow.getId(), content, dict(status))
            workflow.updateRoleMappingsFor(content)

    def done(self):
        """Tell the container, once, that its contents changed."""
        if self.added:
            notifyContainerModified(self.container)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is None:
            self.done()
        return False
