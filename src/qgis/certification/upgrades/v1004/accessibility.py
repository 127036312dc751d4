"""1003 -> 1004, accessibility: TinyMCE with the product's plugin (a name for
the editing frame, the Romanian words TinyMCE leaves empty) and growing with
its text instead of a resize handle (``registry/tinymce.xml``). The site's
other TinyMCE plugins are kept."""

from qgis.certification.upgrades.registry_files import import_registry_file


def configure_accessible_editor(setup_tool):
    import_registry_file(setup_tool, "registry/tinymce.xml")
