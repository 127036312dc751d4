"""File and image fields whose upload input carries the field's name.

plone.formwidget.namedfile renders the field's label ``for`` the widget's
wrapper (``form-widgets-file``) and the upload input as
``form-widgets-file-input``: the input has no name a screen reader can read
out. These widgets are the same, with a template that names the input after its
field. They are made for the blob fields (those of every type of this site)
where the product's layer is on; the template is registered for their own
interfaces, so it is chosen over plone.app.z3cform's whatever the order of the
request's layers."""

from plone.formwidget.namedfile.interfaces import INamedFileWidget
from plone.formwidget.namedfile.interfaces import INamedImageWidget
from plone.formwidget.namedfile.widget import NamedFileWidget
from plone.formwidget.namedfile.widget import NamedImageWidget
from plone.namedfile.interfaces import INamedBlobFileField
from plone.namedfile.interfaces import INamedBlobImageField
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory
from zope.interface import implementer

from qgis.certification.interfaces import IQgisCertificationLayer


PMF = MessageFactory("plone")


class ILabelledFileWidget(INamedFileWidget):
    """A file widget whose upload input is named after its field."""


class ILabelledImageWidget(INamedImageWidget):
    """An image widget whose upload input is named after its field."""


class Labelled:
    """What the shared template (``templates/file_input.pt``) reads beside
    Plone's widget: the input's name and the words of the kind of upload."""

    words = {}

    def input_label(self):
        return translate(self.label, context=self.request)

    def word(self, key):
        return translate(self.words[key], context=self.request)


def plone_words(kind):
    """Plone's own messages (domain "plone") for a ``kind`` of upload, "file" or "image"."""
    return {
        "uploaded": PMF(f"{kind}_already_uploaded", default=f"{kind.title()} already uploaded:"),
        "keep": PMF(f"{kind}_keep", default=f"Keep existing {kind}"),
        "remove": PMF(f"{kind}_remove", default=f"Remove existing {kind}"),
        "replace": PMF(f"{kind}_replace", default=f"Replace with new {kind}"),
    }


@implementer(ILabelledFileWidget)
class LabelledFileWidget(Labelled, NamedFileWidget):
    shows_thumbnail = False
    words = plone_words("file")


@implementer(ILabelledImageWidget)
class LabelledImageWidget(Labelled, NamedImageWidget):
    shows_thumbnail = True
    words = plone_words("image")


@implementer(IFieldWidget)
@adapter(INamedBlobFileField, IQgisCertificationLayer)
def LabelledFileFieldWidget(field, request):
    return FieldWidget(field, LabelledFileWidget(request))


@implementer(IFieldWidget)
@adapter(INamedBlobImageField, IQgisCertificationLayer)
def LabelledImageFieldWidget(field, request):
    return FieldWidget(field, LabelledImageWidget(request))
