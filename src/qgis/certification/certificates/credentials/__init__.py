"""Every certificate as an Open Badges 3.0 credential, signed as a VC-JWT.

``keys`` holds the programme's signing keys, ``status_register`` the place of
each certificate in the revocation list, ``awards`` what a certificate says
(one description, whatever kind of certificate it is), ``badges`` the
credential and its signature, ``status_list`` the published revocation list,
``checking`` the verification of a credential sent back to the site, and
``sharing`` the links that offer it to its holder.
"""
