"""The awards' commands, ``framewatch awards ...`` (``group``), one module per part of a cycle."""
