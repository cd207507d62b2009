"""The review workflow: a worker accepts or rejects proposed candidates, and can undo.

``review_queue`` lists a case's pending candidates, best first; ``accept`` creates or
links the person, the tie and the network role (or merges two persons); ``reject``
marks a proposal so it is never proposed again (``was_rejected``, ``filter_new``);
``undo`` puts a decided candidate back to pending and reverses what accept made.
What an accept changed is stored with the decision, in one transaction, as a change set
(:class:`tenhands.graph.model.ChangeSet`), never in the candidate's explanation.

A reviewer opens and decides through a :class:`ReviewDesk` (:mod:`.reviewer`): which
candidates they may open, and the audit of each opening, are decided there for the API
and the web pages alike.

A candidate follows its case's boundary (``shown``, ``check_acceptable``): a person
another case holds is shown as a link and accepted only after that case granted the
request (``request_link``, ``decide_link``).
"""

from __future__ import annotations

from .accept import Acceptance, accept
from .boundary import Shown, check_acceptable, shown, shown_one
from .decisions import filter_new, reject, was_rejected
from .links import decide_link, request_link, to_answer
from .queue import decided_lately, review_queue
from .relations import DirectTie, direct_tie
from .reviewer import AuditSink, ReviewDesk, Reviewer, may_open
from .undo import undo

__all__ = [
    "Acceptance",
    "AuditSink",
    "DirectTie",
    "ReviewDesk",
    "Reviewer",
    "Shown",
    "accept",
    "check_acceptable",
    "decide_link",
    "decided_lately",
    "direct_tie",
    "filter_new",
    "may_open",
    "reject",
    "request_link",
    "review_queue",
    "shown",
    "shown_one",
    "to_answer",
    "undo",
    "was_rejected",
]
