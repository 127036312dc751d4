class TitleFromNames:
    """A person's item whose title is derived from ``first_name`` and ``last_name``."""

    @property
    def title(self):
        names = (getattr(self, "first_name", None), getattr(self, "last_name", None))
        return " ".join(name for name in names if name)

    @title.setter
    def title(self, value):
        """Ignored: the name fields are the source of the title."""

    def Title(self):
        return self.title
