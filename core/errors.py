"""The one exception hierarchy that front ends turn into a one-line message.

Every error a user can act on is a :class:`FramewatchError`; each domain
subclasses it in its own package (``lexicon.errors.LexiconError``,
``framing.errors.ModelError``, ``storage.errors.DatabaseError``,
``monitor.feeds.FeedError``, ``awards.errors.AwardsError``, ...).  The CLI
prints ``framewatch: error: <message>`` and exits with ``exit_code``; the UI
shows the message as a notification.
"""


class FramewatchError(Exception):
    """A problem the user can act on.

    The CLI prints ``str(error)`` on one line and exits non-zero; the UI shows it
    as a notification.  Messages name the item (file, feed, article) and the cause.
    """

    exit_code = 1


class ConfigError(FramewatchError):
    """The configuration (config file, environment variable, keymap) cannot be used.

    Exits 1 like every other error the user can fix: scripts and the CLI tests
    rely on it.  Exit code 2 stays click's, for a command line that does not
    parse (unknown command or option, missing argument).
    """
