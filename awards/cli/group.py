"""``framewatch awards``: run a media-awards cycle from the command line.

Every change is written to the audit log under the name from ``--as``, else
``ui.reviewer`` in the settings / FRAMEWATCH_REVIEWER, else the OS user.
"""

from __future__ import annotations

import click

from awards.cli import cycles, judging, lifecycle, nominations, records, results, sift, suggest


@click.group()
def awards() -> None:
    """Media awards: cycles, nominations, sift, judging, results and exports.

    Commands use the current cycle ('awards cycle use NAME|ID') unless
    --cycle names another; each output names the cycle it acted on."""


for _command in (
    cycles.cycle,
    nominations.nominate,
    nominations.import_cmd,
    nominations.nominations_cmd,
    nominations.override,
    nominations.recategorise,
    sift.shortlist,
    sift.decide,
    judging.judge,
    judging.recuse,
    judging.recusals_cmd,
    judging.score,
    results.results_cmd,
    results.progress_cmd,
    judging.profile,
    records.export_cmd,
    records.audit_cmd,
    suggest.suggest,
):
    awards.add_command(_command)
for _command in lifecycle.COMMANDS:
    cycles.cycle.add_command(_command)
