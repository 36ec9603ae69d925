"""Media awards: cycles, nominations with eligibility and framing profiles, sift,
judging with recusals, results, exports and an audit trail.

The UI and CLI (``awards/cli/``) use the services, one module per part of a
cycle, each taking the open Database: :mod:`awards.cycles`,
:mod:`awards.nominations`, :mod:`awards.profiles`, :mod:`awards.sift`,
:mod:`awards.judging`, :mod:`awards.lifecycle` (the current cycle,
archiving, deleting), :mod:`awards.audit` (what they return is in
:mod:`awards.model`, what they share in :mod:`awards.common`; the SQL is in
``storage/awards/``).  The rules live in :mod:`awards.rules` (no database),
dates as typed in :mod:`awards.dates`, the framing profile in
:mod:`awards.profile`, files in :mod:`awards.exports` and :mod:`awards.imports`.

How the rules are applied (the same text is suitable for the README):

- The current cycle is stored in the database; a command naming no cycle
  uses it (else the only open cycle, else it asks for ``cycle use``).
  Creating a cycle never moves it.  Archived cycles are read-only; a cycle
  with scores or decisions cannot be deleted.
- A category the cycle does not have is refused, with the closest one named.
- Eligibility never silently refuses.  A nomination that breaks a rule is
  stored as ``ineligible`` with every reason (published outside the window, no
  date, the nominee's 4th item in the cycle, citation over the word limit or
  empty, same URL already nominated).  An admin can accept
  it with ``override`` and a mandatory reason; the reasons stay on record.
  Items counting against a nominee's limit are those not themselves
  ineligible (overridden ones count).
- Sift: longlist -> shortlist / declined; declining needs a reason, and an
  ineligible nomination cannot be shortlisted until overridden.  Only
  shortlisted entries are judged, ranked and decided: one winner per
  category, at most the cycle's number of highly commended.
- Results: per category, the shortlisted entries ranked on their mean.  A
  judge's sheet counts only when every criterion is scored, the judge has
  not recused and is still on the panel.  Per nomination: the mean of those totals, the
  number of judges, the range and sample sd, and a disagreement flag when the
  range is at least 40% of the possible span of a total (5 criteria on 1-5:
  span 20, flagged at a range of 8 or more).
- Normalisation (optional, off by default): each judge's totals are z-scored
  against their own counted sheets on shortlisted entries (only judges with 3
  or more), averaged per nomination, then rescaled onto the range of the raw
  means of the category's shortlisted entries.
  The raw mean is always shown beside it.
- The framing profile (flags per 1,000 words by category, own voice vs
  quoted) is evidence for the sift, never a verdict.
- Every change is written to the audit log in the same transaction.
"""
