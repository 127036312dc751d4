"""Plone's view of a Link, for the product's layer: a target stored before
targets were checked, and not safe, is neither linked to nor redirected to."""

from plone.app.contenttypes.browser.link_redirect_view import LinkRedirectView

from qgis.certification.content.urls import safe_link


class SafeLinkView(LinkRedirectView):
    def unsafe(self):
        return safe_link(self.context.remoteUrl) is None

    def __call__(self):
        if self.unsafe():
            return self.index()
        return super().__call__()

    def url(self):
        return "" if self.unsafe() else super().url()

    def absolute_target_url(self):
        if self.unsafe():
            return self.context.absolute_url()
        return super().absolute_target_url()
