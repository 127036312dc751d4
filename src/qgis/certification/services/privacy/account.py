"""``GET /@my-data``: what the product holds about the logged-in account;
``DELETE /@my-data``: delete the account (refused, 409, while it alone owns a
certified organisation)."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification import _
from qgis.certification.privacy import accounts
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


class AccountService(ProductService):
    refusals = (accounts.AccountRefused,)

    def account(self):
        """The logged-in user, when this site keeps their account."""
        user = api.user.get_current()
        if api.user.get(userid=user.getId()) is None:
            raise ServiceError(
                400, _("This account is not kept by this site: there is nothing to show or delete.")
            )
        return user


class MyDataGet(AccountService):
    def answer(self):
        # the only write is the request's entry in the audit log
        alsoProvides(self.request, IDisableCSRFProtection)
        return accounts.account_data(self.account())


class MyAccountDelete(AccountService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        accounts.delete_account(self.account())
        return {"deleted": True}
