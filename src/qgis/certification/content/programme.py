from zope.interface import Interface


class IProgrammeContent(Interface):
    """Marker of the programme's content that has a workflow: its review
    history's comments are review data (see services/application/workflow.py)."""
