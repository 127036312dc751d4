"""The payments' REST services: credits, credit orders and invoices, and
Stripe's webhook."""
