"""Site Setup → *QGIS certificate wording*: the certification team reads the
wording of every language, edits one, or adds a language (certificates.wording)."""

from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.Five.browser import BrowserView
from z3c.form import button
from zExceptions import NotFound
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.certificates import wording
from qgis.certification.interfaces import ICertificateWording
from qgis.certification.vocabularies.languages import course_languages_vocabulary


OVERVIEW = "@@qgis-certificate-wording"


def course_language_codes():
    return [term.value for term in course_languages_vocabulary(None)]


class WordingOverview(BrowserView):
    """Every language with wording (complete or not), and the languages to add."""

    def languages(self):
        portal_url = api.portal.get().absolute_url()
        return [
            {
                "code": code,
                "name": wording.language_name(code),
                "complete": wording.wording_for(code) is not None,
                "edit_url": f"{portal_url}/@@qgis-certificate-wording-edit?language={code}",
            }
            for code in wording.languages()
        ]

    def addable(self):
        present = set(wording.languages())
        choices = [
            (wording.language_name(code), code)
            for code in course_language_codes()
            if code not in present
        ]
        return [{"code": code, "name": name} for name, code in sorted(choices)]


@implementer(ICertificateWording)
class BlankWording:
    """The (empty) content of a language that has no wording yet."""

    def __getattr__(self, name):
        if name in ICertificateWording:
            return None
        raise AttributeError(name)


class WordingEditForm(RegistryEditForm):
    """The wording of one language (``?language=<code>``); saving a language that
    has none yet adds it."""

    schema = ICertificateWording
    control_panel_view = OVERVIEW
    language = ""

    def update(self):
        self.language = self.request.form.get("language", "")
        if self.language not in course_language_codes():
            raise NotFound("language")
        self.schema_prefix = f"{wording.PREFIX}/{self.language}"
        super().update()

    @property
    def label(self):
        return _(
            "Certificate wording: ${language}",
            mapping={"language": wording.language_name(self.language)},
        )

    description = _(
        "Every text the certificates print in this language. Keep the placeholders "
        "such as ${date}: the certificate fills them in."
    )

    @property
    def action(self):
        return f"{self.request.getURL()}?language={self.language}"

    def getContent(self):
        if self.language in wording.languages():
            return super().getContent()
        return BlankWording()

    def applyChanges(self, data):
        if self.language not in wording.languages():
            wording.add_language(self.language)
        return super().applyChanges(data)

    @button.buttonAndHandler(_("Save"), name="save")
    def handleSave(self, action):
        data, errors = self.extractData()
        if not errors:
            self.applyChanges(data)
            api.portal.show_message(_("Changes saved."), self.request)
            return self.request.response.redirect(self.action)
        self.status = self.formErrorsMessage
        return None

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handleCancel(self, action):
        api.portal.show_message(_("Changes canceled."), self.request)
        self.request.response.redirect(f"{api.portal.get().absolute_url()}/{OVERVIEW}")


class WordingEditView(ControlPanelFormWrapper):
    form = WordingEditForm
