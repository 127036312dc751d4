"""Step 1002 -> 1003 (sign-up): self-registration with e-mail validation, the
limit's settings, and the "How to apply" pages linking to the form."""

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.public.programme_pages import read_page
from qgis.certification.upgrades import v1003


LIMIT = "qgis.certification.interfaces.ISignUpSettings.signups_per_address"


def anonymous_may_register(portal):
    roles = portal.rolesOfPermission("Add portal member")
    return any(role["name"] == "Anonymous" and role["selected"] for role in roles)


def apply_page(portal, language):
    return portal[language][read_page("apply", language)["id"]]


def as_before(page, language):
    """The page's text as a 1002 site has it."""
    new = v1003.signup._new_paragraph(language)
    raw = page.text.raw.replace(new, v1003.signup.OLD_PARAGRAPHS[language])
    page.text = RichTextValue(raw, "text/html", "text/x-html-safe")


def test_the_step_opens_sign_up_with_email_validation(site):
    api.portal.set_registry_record("plone.enable_self_reg", False)
    api.portal.set_registry_record("plone.enable_user_pwd_choice", True)
    del getUtility(IRegistry).records[LIMIT]
    assert not anonymous_may_register(site)

    v1003.open_sign_up(api.portal.get_tool("portal_setup"))

    assert api.portal.get_registry_record("plone.enable_self_reg") is True
    assert api.portal.get_registry_record("plone.enable_user_pwd_choice") is False
    assert api.portal.get_registry_record("plone.autologin_after_password_reset") is True
    assert anonymous_may_register(site)
    assert api.portal.get_registry_record(LIMIT) == 5


def test_the_step_links_the_apply_pages_and_keeps_an_editors_text(site):
    for language in ("en", "ro"):
        as_before(apply_page(site, language), language)
    edited = apply_page(site, "sv")
    edited.text = RichTextValue("<p>Our own words.</p>", "text/html", "text/x-html-safe")

    v1003.link_sign_up_from_apply_pages(api.portal.get_tool("portal_setup"))

    for language in ("en", "ro"):
        raw = apply_page(site, language).text.raw
        assert '<a href="@@register">' in raw
        assert v1003.signup.OLD_PARAGRAPHS[language] not in raw
    assert apply_page(site, "sv").text.raw == "<p>Our own words.</p>"


def test_a_new_site_has_what_the_step_gives(site):
    assert api.portal.get_registry_record("plone.enable_self_reg") is True
    assert api.portal.get_registry_record("plone.enable_user_pwd_choice") is False
    assert anonymous_may_register(site)
    assert api.portal.get_registry_record(LIMIT) == 5
    assert '<a href="@@register">' in apply_page(site, "en").text.raw
