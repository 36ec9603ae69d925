"""The one exception hierarchy that front ends turn into a one-line message.

Exit statuses, as Vale and alex use them, so a script can tell findings from
breakage: 0 success; 1 findings (``check``: a flag at or above ``--fail-on``;
``lexicon check``: problems in a lexicon file) or, elsewhere, an operation
that failed (every feed failed, a database that cannot be opened); 2 the run
could not be made at all: a command line that does not parse, a config file,
a lexicon (override) file, a language model or an input that cannot be used.

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

    Exits 2, like a command line that does not parse: under ``check`` a 1
    would read as "flags found" to a CI job, hiding that nothing was checked.
    """

    exit_code = 2
