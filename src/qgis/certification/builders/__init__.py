"""Builders of programme content, shared by the demo content, the tests and
the benchmark's seeding.

Each module builds one kind of thing: ``people`` (users and user groups),
``organisations`` (an organisation and its application through the real
workflow), ``training`` (course types with their material, training centres,
conveners), ``courses`` (courses and attendees) and ``certificates``
(credits and certificates). ``adding`` holds the one way objects are added.

Every builder takes ``bulk``: left out, objects are added the way people add
them (events, workflow, catalog, history); given a ``Bulk`` (see ``adding``),
the same builder takes the fast path that seeds large programmes. The callers
choose who acts (``api.env.adopt_user``) and which data to build.
"""
