"""Data protection: what the product holds about a person, and their requests.

Account holders download their data and delete their account (``accounts``);
attendees, who have no account, ask by e-mail for a signed link (``tokens``,
``links``) that lets them download their data and ask for erasure, which the
certification team confirms (``attendees``, ``erasure``). Every request is
logged without personal data (``register``), and attendee records without a
certificate are removed once their retention period ends (``retention``).
"""
