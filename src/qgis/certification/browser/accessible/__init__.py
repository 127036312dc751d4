"""Plone's own markup made accessible for the programme's layer: the file and
image fields' upload inputs (file_widgets.py), the toolbar (toolbar.py) and,
in the browser, TinyMCE (``static/tinymce-accessible.js``, a TinyMCE plugin the
profile's registry loads)."""
