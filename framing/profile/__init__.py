"""The constructive-journalism profile of an article (issue 13).

Voices (who is quoted, in what role), frame (episodic or thematic),
solutions and evidence, language (the engine's flags per 1,000 words) and a
0-100 score whose every point has a reason.  Engine layer: no I/O, no
storage; the monitor, the CLI and the UI call ``Profiler.profile`` with the
text and the flags the engine gave.
"""

from framing.profile.model import OFFICIAL_ROLES, ROLE_LABELS, ROLES, Profile, Voice
from framing.profile.profiler import Profiler, load_models

__all__ = ["OFFICIAL_ROLES", "ROLES", "ROLE_LABELS", "Profile", "Profiler", "Voice", "load_models"]
