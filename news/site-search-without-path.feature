`@search` on the site root no longer carries plone.restapi's filter on the site's own path, which kept everything yet walked every catalog entry (a third of an anonymous search at the large scale).
