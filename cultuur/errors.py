class DomainError(Exception):
    """A rule of the domain refused the action; `message` is translated and safe to show to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
