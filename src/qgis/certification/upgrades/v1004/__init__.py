"""1003 -> 1004: one module per change (configure.zcml runs them in order)."""

# questions in each language, answers with the language they were asked in
from .question_languages import record_answer_languages
from .question_languages import ship_question_languages


__all__ = [
    "record_answer_languages",
    "ship_question_languages",
]
