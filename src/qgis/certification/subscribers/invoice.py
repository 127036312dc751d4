"""Workflow events of invoices."""

from plone import api

from qgis.certification.payments import orders


def after_transition(invoice, event):
    if event.transition is not None and event.transition.id == "mark_paid":
        orders.credit_paid_invoice(invoice, api.user.get_current().getId())
