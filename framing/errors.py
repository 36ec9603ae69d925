"""The one exception type that front ends turn into a one-line message."""


class FramewatchError(Exception):
    """A problem the user can act on.

    The CLI prints ``str(error)`` on one line and exits non-zero; the UI shows it
    as a notification.  Messages name the item (file, feed, article) and the cause.
    """

    exit_code = 1


class LexiconError(FramewatchError):
    """The lexicon (shipped or an organisation's file) cannot be used."""


class ModelError(FramewatchError):
    """No usable spaCy model is installed."""
