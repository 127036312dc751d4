"""``POST /@users`` as plone.restapi answers it, and for a visitor signing
up (anyone who may not manage users) the programme's rules first: the body
is ``{"username", "email", "fullname", "language", "accept_terms": true}``;
a filled honeypot (``website``), too many accounts from the caller's address
or a broken rule answer a JSON error and create nothing. With e-mail
validation on (the site's setting) the account gets the mail with the link
that sets its password."""

from plone.restapi.services.users.add import UsersPost

from qgis.certification import _
from qgis.certification.services.base import ServiceError
from qgis.certification.services.base import error_body
from qgis.certification.services.base import parse_json_object
from qgis.certification.signup import landing
from qgis.certification.signup import rate_limit
from qgis.certification.signup import rules


class SignUpUsersPost(UsersPost):
    def reply(self):
        signing_up = not (self.params or self.request.form or self.can_manage_users)
        if not signing_up:
            return super().reply()
        try:
            self.check_sign_up(parse_json_object(self.request.get("BODY")))
        except ServiceError as refusal:
            self.request.response.setStatus(refusal.status)
            return error_body(self.request, refusal.status, refusal.message, refusal.errors)
        answer = super().reply()
        if self.request.response.getStatus() == 201:
            rate_limit.count_sign_up(self.request.getClientAddr())
            landing.remember_new_account(answer["id"])
        return answer

    def check_sign_up(self, data):
        if rules.is_robot(data.get(rules.HONEYPOT)):
            raise ServiceError(400, rules.REFUSED_QUIETLY)
        if not rate_limit.may_sign_up(self.request.getClientAddr()):
            raise ServiceError(429, rules.TOO_MANY)
        faults = rules.faults(data)
        if len(faults) == 1:
            raise ServiceError(400, faults[0][1], errors=faults)
        if faults:
            names = ", ".join(name for name, _message in faults)
            message = _("Some fields are not valid: ${names}.", mapping={"names": names})
            raise ServiceError(400, message, errors=faults)

    def _add_user(self, data, location=True):
        # the terms and the honeypot are checked, not kept
        data.pop(rules.TERMS, None)
        data.pop(rules.HONEYPOT, None)
        return super()._add_user(data, location=location)
