from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

from qgis.certification import _


class IQgisCertificationLayer(IDefaultBrowserLayer):
    """Browser layer: views and resources of the product apply only where it is
    installed."""


class IReviewSettings(Interface):
    """Settings of the application review (registry, control panel)."""

    user_group_review_days = schema.Int(
        title=_("User group review period (days)"),
        description=_("How long the local user groups have to give their opinion."),
        default=30,
        min=1,
    )
    reminder_days_before = schema.Int(
        title=_("Reminder (days before the end)"),
        description=_("When user groups that have not answered are reminded."),
        default=7,
        min=0,
    )
