"""The product's refusals: an action a rule does not allow, with the HTTP
status that fits and a message that says why."""


class Refusal(Exception):
    """``status`` is the HTTP status that fits, ``message`` says why; ``details``
    (such as the ``field`` at fault) help a form or an API answer show it."""

    def __init__(self, status, message, **details):
        super().__init__(str(message))
        self.status = status
        self.message = message
        self.details = details
