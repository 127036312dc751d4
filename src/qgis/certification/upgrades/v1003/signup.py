"""1002 -> 1003, sign-up: visitors create their own account with e-mail
validation (Plone's security settings, which also let anonymous visitors add
a member), the settings of the per-address limit, and the "How to apply"
pages link to the form. A page whose paragraph an editor changed is left as
it is."""

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.interfaces import ISignUpSettings
from qgis.certification.public.programme_pages import LANGUAGES
from qgis.certification.public.programme_pages import read_page


SECURITY = {
    "plone.enable_self_reg": True,
    "plone.enable_user_pwd_choice": False,
    "plone.autologin_after_password_reset": True,
}

# the paragraph the pages had before (1002), per language
OLD_PARAGRAPHS = {
    "en": (
        "<p>Register on this site and log in. The account that creates the application "
        "becomes its owner and receives the programme's e-mails about it.</p>"
    ),
    "ro": (
        "<p>Înregistrați-vă pe acest site și autentificați-vă. Contul care creează cererea "
        "devine titularul ei și primește mesajele programului referitoare la aceasta.</p>"
    ),
    "sv": (
        "<p>Registrera dig på webbplatsen och logga in. Kontot som skapar ansökan blir dess "
        "ägare och får programmets mejl om den.</p>"
    ),
}


def open_sign_up(setup_tool):
    for name, value in SECURITY.items():
        # set through the registry: Plone's handler opens "Add portal member"
        api.portal.set_registry_record(name, value)
    getUtility(IRegistry).registerInterface(ISignUpSettings)


def _new_paragraph(language):
    text = read_page("apply", language)["text"]
    return next(part + "</p>" for part in text.split("</p>") if "@@register" in part)


def link_sign_up_from_apply_pages(setup_tool):
    portal = api.portal.get()
    for language in LANGUAGES:
        root = portal.get(language)
        page = root.get(read_page("apply", language)["id"]) if root is not None else None
        text = getattr(page, "text", None)
        if text is None or OLD_PARAGRAPHS[language] not in text.raw:
            continue
        raw = text.raw.replace(OLD_PARAGRAPHS[language], _new_paragraph(language))
        page.text = RichTextValue(raw, text.mimeType, text.outputMimeType)
        page.reindexObject()
