"""The programme's settings, for the certification team (Site Setup)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm

from qgis.certification import _
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.interfaces import IPrivacySettings
from qgis.certification.interfaces import IReviewSettings
from qgis.certification.interfaces import ITrainerSettings


class ProgrammeSettingsForm(RegistryEditForm):
    schema = IReviewSettings
    schema_prefix = None
    label = _("QGIS certification settings")
    description = _("How long user groups have to give their opinion, and when they are reminded.")


class ProgrammeSettingsView(ControlPanelFormWrapper):
    form = ProgrammeSettingsForm


class TrainerSettingsForm(RegistryEditForm):
    schema = ITrainerSettings
    schema_prefix = None
    label = _("Certified trainers settings")
    description = _(
        "How long a trainer certificate is valid, when its renewal is reminded, and "
        "whether it costs credits."
    )


class TrainerSettingsView(ControlPanelFormWrapper):
    form = TrainerSettingsForm


class PrivacySettingsForm(RegistryEditForm):
    schema = IPrivacySettings
    schema_prefix = None
    label = _("QGIS certification: privacy")
    description = _(
        "How long attendee records without a certificate are kept, and how long the links "
        "mailed to attendees who ask for their data work."
    )


class PrivacySettingsView(ControlPanelFormWrapper):
    form = PrivacySettingsForm


class InvoiceSettingsForm(RegistryEditForm):
    schema = IInvoiceSettings
    schema_prefix = None
    label = _("QGIS certification: invoices")
    description = _(
        "The seller, bank account, tax rate and tax notes printed on the invoices for credits."
    )


class InvoiceSettingsView(ControlPanelFormWrapper):
    form = InvoiceSettingsForm
