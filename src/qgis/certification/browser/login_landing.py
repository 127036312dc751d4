"""Where people land after logging in: an account that has just signed up
starts applying (its first login); everybody else lands on "My work", unless
they came for a particular page (a link in a mail)."""

from plone.base.interfaces import IRedirectAfterLogin
from zope.interface import implementer

from qgis.certification.browser.my_work import my_work_landing
from qgis.certification.browser.signup import first_login_landing


@implementer(IRedirectAfterLogin)
class LoginLanding:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        return first_login_landing(self.request, is_initial_login) or my_work_landing(
            self.context, came_from
        )
