"""Attendees and certificates are never related to other content.

Nothing relates to them or from them (they have no relation or rich text
fields, and no page links to an attendee's private record), so they get no
intid: five.intid's own ``KeyReferenceNever`` (what it gives skins and
filesystem objects) tells the intid, relation and link integrity handlers
to leave them alone, and they have no links to retrieve. Adding a thousand
of them then writes no intid and looks for no relations or links.

What registering an intid also did, a new item joins the database
connection when it is added (five.intid's ``add_object_to_connection``):
Zope moves or renames only an object that has one, as erasing an attendee
does, even in the transaction that made it.
"""


def no_links(obj):
    """No ``IRetriever``: the item holds no text with links."""
    return None
