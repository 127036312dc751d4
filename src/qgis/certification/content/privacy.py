"""The read permission of the fields a public page never shows.

E-mail addresses, phones, VAT numbers, login names and signatures are read
only by who holds "qgis.certification: View private details" (the
organisation's people, its reviewers and deciders): the edit forms, the
default views and plone.restapi's JSON all leave such a field out for others.
"""

from qgis.certification import permissions


PRIVATE_DETAILS = permissions.permission_id(permissions.VIEW_PRIVATE_DETAILS)
