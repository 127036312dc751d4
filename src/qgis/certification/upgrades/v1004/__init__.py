"""1003 -> 1004: one module per change (configure.zcml runs them in order)."""

# accessibility: TinyMCE's settings and the product's plugin
from .accessibility import configure_accessible_editor

# questions in each language, answers with the language they were asked in
from .question_languages import record_answer_languages
from .question_languages import ship_question_languages


__all__ = [
    "configure_accessible_editor",
    "record_answer_languages",
    "ship_question_languages",
]
