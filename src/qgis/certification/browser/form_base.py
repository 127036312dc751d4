"""What the product's Classic UI forms share.

They are z3c.form forms: plone.app.z3cform's button actions check
plone.protect's CSRF token before any handler runs (a POST without it is
refused with 403 Forbidden), and a refusal is shown next to the field it
concerns. Some of them live inside a content page (the organisation page, the
course page): the page renders them with ``embedded`` and they post to their
own view, which shows the form alone when it has something to correct.
"""

import functools
from contextlib import contextmanager

import transaction
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.form import form
from z3c.form.interfaces import ActionExecutionError
from z3c.form.interfaces import WidgetActionExecutionError
from zope.interface import Invalid

from qgis.certification.refusals import Refusal


def handler_with(read):
    """A decorator of button handlers: ``handler(form, action, data)`` is called
    only when ``read(form)`` gives the data (not None)."""

    def decorate(handler):
        @functools.wraps(handler)
        def handle(form, action):
            data = read(form)
            if data is not None:
                handler(form, action, data)

        return handle

    return decorate


#: a handler called only when the submitted data has no errors (they are
#: shown on the form otherwise)
with_valid_data = handler_with(lambda form: form.valid_data())


class ProductForm(form.Form):
    ignoreContext = True
    enableCSRFProtection = True
    primary_buttons = ()

    def updateActions(self):
        super().updateActions()
        # plone.app.z3cform makes only "save"-like buttons primary.
        for name in self.primary_buttons:
            if name in self.actions:
                action = self.actions[name]
                action.klass = action.klass.replace("btn-secondary", "btn-primary")

    def refuse(self, message, field=None):
        """Abort the transaction and show ``message`` next to ``field`` (or
        above the form when no such field is shown)."""
        transaction.doom()
        if field is not None and field in self.widgets:
            raise WidgetActionExecutionError(field, Invalid(message))
        raise ActionExecutionError(Invalid(message))

    @contextmanager
    def refusals_shown(self):
        """Run the action inside; a rule's refusal (a product ``Refusal``, or a
        workflow guard's ``WorkflowException``) aborts the transaction and is
        shown on the form (next to its field when it names one)."""
        try:
            yield
        except Refusal as refusal:
            self.refuse(refusal.message, refusal.details.get("field"))
        except WorkflowException as refusal:
            self.refuse(str(refusal))

    def valid_data(self):
        """The submitted data, or None (with the errors shown) if it has any."""
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return None
        return data

    def redirect(self, url):
        self.request.response.redirect(url)


class EmbeddedForm(ProductForm):
    """A form shown inside the page of its context, posting to its own view
    (``view_name``); opened alone, it is a page of its own."""

    view_name = None
    # Off inside a content page; "" rather than False, which the form macro
    # would write into the form's class list.
    enable_autofocus = ""
    enable_unload_protection = ""

    @property
    def action(self):
        return f"{self.context.absolute_url()}/@@{self.view_name}"

    @property
    def id(self):
        return f"{self.view_name}-form"


def embedded(form_class, context, request):
    """An updated ``form_class`` instance, for a page template to render with
    plone.app.z3cform's ``@@ploneform-macros/titlelessform``."""
    instance = form_class(context, request)
    instance.__name__ = form_class.view_name
    instance.update()
    return instance
