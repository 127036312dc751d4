"""Where people land after logging in: an account that has just signed up
starts applying (its first login); everybody else lands on "My work", unless
they came for a particular page (a link in a mail)."""

from qgis.certification.browser.my_work import RedirectToMyWork
from qgis.certification.browser.signup import FirstLoginLanding


class LoginLanding:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        first = FirstLoginLanding(self.context, self.request)
        target = first(came_from, is_initial_login)
        if target != came_from:
            return target
        return RedirectToMyWork(self.context, self.request)(came_from, is_initial_login)
