"""Every key in the app, as data: one table of commands.

The table feeds the screens' ``BINDINGS`` (and so the footer), the F1 help
screen and the command palette (see ``tui/bindings.py``), so none of them can
drift from the others.  Keys that must work while typing in the draft checker
use ctrl/F-keys only: a focused TextArea swallows printable keys.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    scope: str  # "app" or a screen's scope name
    keys: str  # Textual key list, comma separated
    action: str  # action on the screen (or app for scope "app")
    label: str  # short footer label
    help: str  # one sentence for F1 help and the palette
    show: bool = True
    priority: bool = False
    id: str = ""


COMMANDS: tuple[Command, ...] = (
    # App-wide (F-keys so they work in every screen, even while typing)
    Command(
        "app", "f1", "help", "Help", "Show every key for this screen.", priority=True, id="help"
    ),
    Command(
        "app", "f2", "go('queue')", "Queue", "Open the review queue.", priority=True, id="go-queue"
    ),
    Command(
        "app", "f3", "go('draft')", "Draft", "Open the draft checker.", priority=True, id="go-draft"
    ),
    Command(
        "app",
        "f4",
        "go('lexicon')",
        "Lexicon",
        "Browse the lexicon with usage counts.",
        priority=True,
        id="go-lexicon",
    ),
    Command(
        "app",
        "f5",
        "go('overview')",
        "Overview",
        "Flags per outlet and category over recent weeks.",
        priority=True,
        id="go-overview",
    ),
    Command("app", "f6", "awards", "Awards", "Open the media awards.", priority=True, id="awards"),
    Command(
        "app",
        "ctrl+q",
        "quit",
        "Quit",
        "Quit (asks first if a draft has unsaved changes).",
        priority=True,
        id="quit",
    ),
    # Queue
    Command("queue", "enter", "open_selected", "Open", "Review the selected article.", id="open"),
    Command("queue", "slash", "focus_search", "Search", "Search headlines and text.", id="search"),
    Command(
        "queue",
        "s",
        "cycle_sort",
        "Sort",
        "Change the sort order (date, outlet, title, flags, status, likely: likely-accepted work first).",
        id="sort",
    ),
    Command(
        "queue", "S", "reverse_sort", "Reverse", "Reverse the sort order.", show=False, id="reverse"
    ),
    Command("queue", "f", "focus_filters", "Filters", "Move to the filters.", id="filters"),
    Command(
        "queue", "c", "clear_filters", "Clear", "Clear all filters and the search.", id="clear"
    ),
    Command(
        "queue",
        "escape",
        "leave_filters",
        "List",
        "Leave the search or a filter box and go back to the list (its keys work again).",
        show=False,
        id="queue-list",
    ),
    Command(
        "queue",
        "g",
        "toggle_fold",
        "Fold copies",
        "Fold or unfold syndicated copies of the same story.",
        show=False,
        id="fold",
    ),
    Command(
        "queue",
        "h",
        "toggle_hide_open",
        "Hide others'",
        "Hide or show the articles another reviewer has open now (shown with 'open: name').",
        show=False,
        id="hide-open",
    ),
    Command(
        "queue",
        "m",
        "toggle_amplify",
        "Amplify",
        "Show only coverage to amplify (constructive score of 50 or more, or a voice of lived "
        "experience), or everything again.",
        id="queue-amplify",
    ),
    Command(
        "queue",
        "space",
        "toggle_select",
        "Select",
        "Select or unselect the article at the cursor (for r and R), then move down.",
        id="queue-select",
    ),
    Command(
        "queue",
        "a",
        "select_all",
        "Select all",
        "Select every article listed, or unselect them all.",
        show=False,
        id="queue-select-all",
    ),
    Command(
        "queue",
        "r",
        "mark_reviewed",
        "Reviewed",
        "Mark the selected articles (or the one at the cursor) reviewed; asks first while "
        "flags are pending.",
        id="queue-reviewed",
    ),
    Command(
        "queue",
        "R",
        "reopen",
        "Reopen",
        "Reopen the selected reviewed articles (or the one at the cursor).",
        show=False,
        id="queue-reopen",
    ),
    Command(
        "queue",
        "U",
        "reanalyse",
        "Re-analyse",
        "Re-analyse the articles analysed with another lexicon (after an override, an extra "
        "file or a disabled entry changed); reviewed decisions are kept.",
        show=False,  # offered by a notice and the status line when the lexicon changed
        id="queue-reanalyse",
    ),
    Command(
        "queue",
        "ctrl+r",
        "refresh",
        "Refresh",
        "Reload the queue from the database.",
        show=False,
        id="refresh",
    ),
    # Article review
    Command("review", "n,j", "next_flag", "Next", "Go to the next flag.", id="next-flag"),
    Command("review", "p,k", "prev_flag", "Prev", "Go to the previous flag.", id="prev-flag"),
    Command(
        "review",
        "a",
        "accept",
        "Accept",
        "Accept the current flag (the language should change).",
        id="accept",
    ),
    Command(
        "review",
        "d",
        "dismiss",
        "Dismiss",
        "Dismiss the current flag, with an optional reason.",
        id="dismiss",
    ),
    Command(
        "review",
        "u",
        "undecide",
        "Undo",
        "Put the current flag back to pending.",
        show=False,
        id="undecide",
    ),
    Command(
        "review", "t", "note", "Note", "Add or edit a note on the current flag.", id="flag-note"
    ),
    Command(
        "review",
        "T",
        "article_note",
        "Article note",
        "Add or edit a note on the article.",
        show=False,
        id="article-note",
    ),
    Command(
        "review",
        "z",
        "toggle_noise",
        "Noise",
        "Show or fold the flags the learned model marks as probably noise (never deleted).",
        show=False,
        id="toggle-noise",
    ),
    Command(
        "review",
        "r",
        "mark_reviewed",
        "Reviewed",
        "Mark the article reviewed (asks first while flags are still pending).",
        id="reviewed",
    ),
    Command(
        "review",
        "R",
        "reopen",
        "Reopen",
        "Reopen a reviewed article (back to in review).",
        show=False,
        id="reopen",
    ),
    Command(
        "review", "o", "open_url", "Open URL", "Open the article in the web browser.", id="open-url"
    ),
    Command(
        "review",
        "w",
        "nominate",
        "Nominate",
        "Nominate the article for the media awards.",
        id="nominate",
    ),
    Command("review", "escape", "back", "Back", "Back to the queue.", id="back"),
    # Draft checker
    Command(
        "draft",
        "ctrl+r",
        "apply_suggestion",
        "Reframe",
        "Apply the suggestion for the flag at or after the cursor (never inside a quotation).",
        id="apply",
    ),
    Command(
        "draft",
        "f7",
        "choose_suggestion",
        "Suggestions",
        "Choose any suggestion for the flag at or after the cursor, each shown in its sentence.",
        priority=True,
        id="choose",
    ),
    Command(
        "draft",
        "ctrl+n",
        "next_flag",
        "Next flag",
        "Move the cursor to the next flag.",
        id="draft-next",
    ),
    Command(
        "draft", "ctrl+o", "open_file", "Open", "Open a text file into the draft.", id="open-file"
    ),
    Command("draft", "ctrl+s", "save_file", "Save", "Save the draft to a file.", id="save-file"),
    Command(
        "draft",
        "ctrl+g",
        "copy_result",
        "Copy",
        "Copy the whole draft to the clipboard.",
        id="copy",
    ),
    Command(
        "draft",
        "ctrl+t",
        "import_draft",
        "Store",
        "Store the draft as an article in the review queue.",
        show=False,
        id="store",
    ),
    Command(
        "draft",
        "ctrl+z",
        "undo",
        "Undo",
        "Undo the last edit (TextArea undo).",
        show=False,
        id="draft-undo",
    ),
    # Lexicon
    Command(
        "lexicon",
        "slash",
        "focus_search",
        "Search",
        "Search entries, forms and rationale.",
        id="lex-search",
    ),
    Command(
        "lexicon",
        "escape",
        "focus_table",
        "Table",
        "Back to the entry table.",
        show=False,
        id="lex-table",
    ),
    Command(
        "lexicon",
        "x",
        "suggestions",
        "Suggested",
        "Suggested exceptions, mined from repeated dismissals (learn suggest).",
        show=False,
        id="lex-suggestions",
    ),
    # Suggested exceptions (from the lexicon screen)
    Command(
        "lex-exceptions",
        "a",
        "accept",
        "Accept",
        "Add the selected suggestion to the organisation's lexicon file ([lexicon] extra_files).",
        id="exception-accept",
    ),
    Command(
        "lex-exceptions", "escape", "back", "Back", "Back to the lexicon.", id="exceptions-back"
    ),
    # Overview
    Command("overview", "ctrl+r", "refresh", "Refresh", "Reload the figures.", id="ov-refresh"),
    # Media awards
    Command(
        "awards",
        "s",
        "move('shortlist')",
        "Shortlist",
        "Move the nomination to the shortlist.",
        id="awards-shortlist",
    ),
    Command(
        "awards",
        "l",
        "move('longlist')",
        "Longlist",
        "Move the nomination back to the longlist.",
        id="awards-longlist",
    ),
    Command(
        "awards",
        "x",
        "decline",
        "Decline",
        "Decline the nomination (asks for the reason).",
        id="awards-decline",
    ),
    Command(
        "awards",
        "o",
        "override",
        "Override",
        "Accept an ineligible nomination anyway (asks for the reason).",
        id="awards-override",
    ),
    Command(
        "awards",
        "n",
        "nominate",
        "Nominate",
        "Nominate a piece by hand (title, outlet, link, date).",
        id="awards-nominate",
    ),
    Command(
        "awards",
        "d",
        "decide",
        "Decide",
        "Record the final decision (winner, highly-commended, ...; none clears it).",
        show=False,
        id="awards-decide",
    ),
    Command(
        "awards",
        "j",
        "next_judge",
        "Judge",
        "Choose the judge whose scores you are entering (cycles).",
        id="awards-judge",
    ),
    Command(
        "awards",
        "J",
        "add_judge",
        "Add judge",
        "Add a judge to this cycle's panel.",
        show=False,
        id="awards-add-judge",
    ),
    *(
        Command(
            "awards",
            str(d),
            f"score({d})",
            f"Score {d}",
            f"Give score {d} for the current criterion.",
            show=False,
            id=f"awards-score-{d}",
        )
        for d in range(10)
    ),
    Command(
        "awards",
        "right_square_bracket,full_stop",
        "criterion(1)",
        "Next criterion",
        "Move to the next criterion.",
        show=False,
        id="awards-next-criterion",
    ),
    Command(
        "awards",
        "left_square_bracket,comma",
        "criterion(-1)",
        "Prev criterion",
        "Move to the previous criterion.",
        show=False,
        id="awards-prev-criterion",
    ),
    Command(
        "awards",
        "m",
        "comment",
        "Comment",
        "Write the current judge's comment on this nomination.",
        id="awards-comment",
    ),
    Command(
        "awards",
        "r",
        "recuse",
        "Recuse",
        "The current judge recuses from this nomination (asks for the reason).",
        id="awards-recuse",
    ),
    Command(
        "awards",
        "z",
        "toggle_normalise",
        "Normalise",
        "Show per-judge z-score normalised means beside the raw means.",
        id="awards-normalise",
    ),
    Command(
        "awards",
        "p",
        "toggle_progress",
        "Progress",
        "Show judging progress (per judge: scored, partly scored, missing, recused) or the results.",
        id="awards-progress",
    ),
    Command(
        "awards",
        "e",
        "export",
        "Export",
        "Export shortlist, judge packs, scores, recusals or the audit log.",
        id="awards-export",
    ),
    Command(
        "awards",
        "c",
        "next_cycle",
        "Cycle",
        "Make the next open award cycle the current one (for the CLI and the nominate dialog too).",
        show=False,
        id="awards-cycle",
    ),
    Command(
        "awards",
        "ctrl+r",
        "reload",
        "Reload",
        "Reload from the database.",
        show=False,
        id="awards-reload",
    ),
    Command(
        "awards",
        "i",
        "suggest",
        "Suggest",
        "Suggest coverage to invite nominations for: eligible, not yet nominated articles, best "
        "constructive profile first, with reasons.",
        id="awards-suggest",
    ),
    Command("awards", "escape", "back", "Back", "Leave the awards.", id="awards-back"),
)
