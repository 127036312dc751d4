from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IQgisCertificationLayer(IDefaultBrowserLayer):
    """Browser layer: views and resources of the product apply only where it is
    installed."""
