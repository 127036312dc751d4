"""The product's REST services (plone.restapi), by endpoint family; ``base``
holds what they share: the body checks and the one error shape."""
