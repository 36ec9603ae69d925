"""Media awards: cycles, nominations with eligibility and framing profiles, sift,
judging with recusals, results, exports and an audit trail.

The UI and CLI use :mod:`monitor.awards.service`; the rules live in
:mod:`monitor.awards.rules`.
"""
