"""The monitor's commands: ``framewatch monitor ...`` (``group``: the feed list
and the passes) and ``framewatch articles ...`` (``articles``: what is stored)."""
