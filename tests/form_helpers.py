"""Reading z3c.form pages in functional tests."""

import lxml.html


def field_error(contents, name, prefix="form"):
    """The error shown in the box of the field ``name``, or None."""
    page = lxml.html.fromstring(contents)
    box = page.get_element_by_id(f"formfield-{prefix}-widgets-{name}")
    feedback = box.find_class("invalid-feedback")
    return feedback[0].text_content().strip() if feedback else None
