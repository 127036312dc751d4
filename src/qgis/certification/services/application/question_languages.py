"""``@question-languages`` on the questionnaire's and the checklist's
EasyForms: each question's texts in every language (GET), and the team's
changes (PATCH ``{"questions": {"<id>": {"<language>": {"title",
"description", "choices": {"<value>": "<label>"}, "still_fits": true}}}}``).
Texts not given keep their value; nothing is saved when one does not fit. A
Romanian or Swedish text answers ``"outdated": true`` when its question's
English was reworded after it was written; ``"still_fits": true`` says it was
checked against the new English."""

from collective.easyform.api import get_schema

from qgis.certification import _
from qgis.certification.application import question_texts
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


def summary(easyform):
    return {
        "@id": f"{easyform.absolute_url()}/@question-languages",
        "languages": list(question_texts.LANGUAGES),
        "questions": question_texts.all_texts(easyform),
    }


class QuestionLanguagesGet(ProductService):
    def answer(self):
        return summary(self.context)


def _choices(prefix, field, given, current, errors):
    """The choices' labels given for one language, on top of ``current``."""
    if not isinstance(given, dict):
        errors.append((prefix, _('Give the labels as {"<answer>": "<label>"}.')))
        return current
    values = question_texts.choice_values(field)
    labels = dict(current)
    for value, label in given.items():
        if value not in values or not isinstance(label, str):
            errors.append((f"{prefix}.{value}", _("No such answer to choose.")))
            continue
        labels[value] = label.strip()
        problem = question_texts.line_problem(labels[value])
        if problem:
            errors.append((f"{prefix}.{value}", problem))
    return labels


def _language(name, field, language, given, current, errors):
    """``(title, description, choices)`` of one language: ``current`` with
    what ``given`` changes; its faults go to ``errors``."""
    prefix = f"{name}.{language}"
    if not isinstance(given, dict):
        errors.append((prefix, _("Give the texts of a language as a JSON object.")))
        return current
    texts = dict(current)
    for key in ("title", "description"):
        if key in given:
            if not isinstance(given[key], str):
                errors.append((f"{prefix}.{key}", _("Give the text as a string.")))
                continue
            texts[key] = given[key].strip()
    errors.extend(
        (f"{prefix}.{key}", problem)
        for key, problem in (
            ("title", question_texts.line_problem(texts["title"], required=language == "en")),
            ("description", question_texts.help_problem(texts["description"])),
        )
        if problem
    )
    if not isinstance(given.get("still_fits", False), bool):
        errors.append((f"{prefix}.still_fits", _("Give true or false.")))
    if "choices" in given and language != "en":
        texts["choices"] = _choices(
            f"{prefix}.choices", field, given["choices"], texts["choices"], errors
        )
    return texts["title"], texts["description"], texts["choices"]


class QuestionLanguagesPatch(ProductService):
    fields = (
        Field(
            "questions",
            dict,
            required=True,
            message=_(
                'The body must be a JSON object: {"questions": {"<question id>": '
                '{"<language>": {"title": ..., "description": ...}}}}.'
            ),
        ),
    )

    def answer(self):
        given = self.body()["questions"]
        schema = get_schema(self.context)
        current = {entry["id"]: entry["texts"] for entry in question_texts.all_texts(self.context)}
        typed, still_fits, errors = {}, set(), []
        for name, languages in given.items():
            if name not in current:
                errors.append((name, _("No such question.")))
                continue
            if not isinstance(languages, dict):
                errors.append((name, _("Give the texts of a question as a JSON object.")))
                continue
            for language, texts in languages.items():
                if language not in question_texts.LANGUAGES:
                    errors.append((f"{name}.{language}", _("Give texts in en, ro or sv.")))
                    continue
                typed[(name, language)] = _language(
                    name, schema[name], language, texts, current[name][language], errors
                )
                if isinstance(texts, dict) and texts.get("still_fits") is True:
                    still_fits.add((name, language))
        if errors:
            raise ServiceError(400, _("Some texts do not fit. Nothing was saved."), errors=errors)
        question_texts.save_typed(self.context, typed, still_fits)
        return summary(self.context)
