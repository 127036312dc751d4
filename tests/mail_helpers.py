"""Messages the MockMailHost holds, parsed, and their PDF attachments."""

import email
from email import policy


def parsed(raw_messages):
    """The MailHost's raw messages (bytes or text) as e-mail messages."""
    return [
        email.message_from_bytes(raw, policy=policy.default)
        if isinstance(raw, bytes)
        else email.message_from_string(str(raw), policy=policy.default)
        for raw in raw_messages
    ]


def pdf_attachments(message):
    return [
        part
        for part in message.walk()
        if part.get_content_type() == "application/pdf"
        and part.get_content_disposition() == "attachment"
    ]
