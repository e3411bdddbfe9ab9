"""Signals of the applications app, for the floors above it to react to."""

from django.dispatch import Signal

# A correction gave a person a new address at one organization while they keep the old one
# elsewhere: ``candidate_rectify`` moved that organization's applications from the old
# Candidate row to a new one. Sent with ``old``, ``new`` (Candidate) and ``organization``;
# whatever else is the person's at that organization (their data exports) moves along.
candidate_split = Signal()

# The extraction wrote a document's text (with an UPDATE, so no post_save): sent with
# ``document_id`` after the text is stored, for the search index to read it.
document_text_extracted = Signal()

# Applications moved by one UPDATE (a bulk move and its undo: no post_save): sent with
# ``application_ids`` inside the move's transaction, for what copies their stage (the search
# index's rows) to follow.
applications_moved = Signal()

# A staff note mentions a colleague (``@name``): sent after the commit with ``note`` (Note),
# ``user`` (the colleague mentioned) and ``by`` (the author, or None), for the
# notifications app to tell them. Carries the note for its application and link only: what
# tells the colleague must not copy the note's text.
note_mentioned = Signal()

# A candidate answered an interview offer from their status link: sent inside the answer's
# transaction with ``application``, ``answer`` ("picked": they chose a time; "move": they ask
# for another one) and ``recipients`` (who scheduled it and its panel), for the notifications
# app, on the interviews' floor, to tell them. Carries no text of the candidate's.
interview_answered = Signal()
