"""``@@question-languages`` on the questionnaire's and the checklist's
EasyForms: the certification team gives each question's text and help, and
the labels of a choice's answers, in English, Romanian and Swedish
(``application.question_texts``). A text that does not fit is refused next to
its field and nothing is saved."""

from collective.easyform.api import get_schema
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.schema import getFieldsInOrder

from qgis.certification import _
from qgis.certification.application import question_texts
from qgis.certification.application.question_texts import help_problem
from qgis.certification.application.question_texts import line_problem
from qgis.certification.vocabularies.countries import current_language
from qgis.certification.vocabularies.languages import language_name


class QuestionLanguagesView(BrowserView):
    template = ViewPageTemplateFile("templates/question_languages.pt")

    def __call__(self):
        self.errors = {}
        if self.request.method == "POST" and "form.buttons.save" in self.request.form:
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(_("The questions are saved."), self.request, type="info")
                self.request.response.redirect(self.request.getURL())
                return ""
            api.portal.show_message(
                _("Some texts do not fit: see the messages next to them. Nothing was saved."),
                self.request,
                type="error",
            )
        return self.template()

    def fields(self):
        return getFieldsInOrder(get_schema(self.context))

    def value(self, key, stored):
        """What the form shows in field ``key``: what was typed, else what is stored."""
        if self.request.method == "POST" and key in self.request.form:
            return self.request.form[key]
        return stored

    def _texts(self, name, field, language):
        if language == "en":
            return {"title": str(field.title), "description": str(field.description or "")}
        return question_texts.given(self.context, name, language)

    def _language(self, name, field, language):
        texts = self._texts(name, field, language)
        prefix = f"{name}.{language}"
        return {
            "code": language,
            "outdated": language != "en"
            and question_texts.outdated(self.context, name, field, language),
            "still_fits_key": f"{prefix}.still_fits",
            "name": language_name(language, current_language()),
            "title_key": f"{prefix}.title",
            "title": self.value(f"{prefix}.title", texts["title"]),
            "description_key": f"{prefix}.description",
            "description": self.value(f"{prefix}.description", texts["description"]),
            "choices": [
                {
                    "value": value,
                    "key": f"{prefix}.choice.{index}",
                    "label": self.value(
                        f"{prefix}.choice.{index}",
                        value if language == "en" else texts["choices"].get(value, ""),
                    ),
                }
                for index, value in enumerate(question_texts.choice_values(field))
            ],
        }

    def questions(self):
        return [
            {
                "name": name,
                "label": question_texts.title_in(self.context, name, field, current_language())[0],
                "languages": [
                    self._language(name, field, language) for language in question_texts.LANGUAGES
                ],
            }
            for name, field in self.fields()
        ]

    def error(self, key):
        return self.errors.get(key)

    def _text(self, key):
        value = self.request.form.get(key, "")
        return value.strip() if isinstance(value, str) else ""

    def _check(self, name, field, language):
        """``(title, description, choices)`` typed for one language; problems
        go to ``self.errors``."""
        prefix = f"{name}.{language}"
        title = self._text(f"{prefix}.title")
        description = self._text(f"{prefix}.description")
        problems = {
            f"{prefix}.title": line_problem(title, required=language == "en"),
            f"{prefix}.description": help_problem(description),
        }
        choices = {}
        for index, value in enumerate(question_texts.choice_values(field)):
            key = f"{prefix}.choice.{index}"
            choices[value] = self._text(key)
            problems[key] = None if language == "en" else line_problem(choices[value])
        self.errors.update({key: problem for key, problem in problems.items() if problem})
        return title, description, choices

    def save(self):
        typed = {
            (name, language): self._check(name, field, language)
            for name, field in self.fields()
            for language in question_texts.LANGUAGES
        }
        if self.errors:
            return False
        still_fits = {
            key for key in typed if self.request.form.get(f"{key[0]}.{key[1]}.still_fits")
        }
        question_texts.save_typed(self.context, typed, still_fits)
        return True
