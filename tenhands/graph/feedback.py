"""The families' feedback, summarised over cases for the organisation.

Feedback is anonymous, but a handful of answers from one small team can still point at
a family. A summary therefore gives an average (and the counts of low and high answers)
only where at least :data:`MIN_ANSWERS` answers stand behind it; below that it says how
many there were.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import mean

from pydantic import Field

from .model import Feedback, Model, Question, Respondent

MIN_ANSWERS = 5
"""Answers an average needs before it is shown."""


class QuestionSummary(Model):
    question: Question
    answers: int
    average: float | None = Field(
        description="1 to 5, to one decimal; None with fewer than MIN_ANSWERS answers"
    )
    low: int | None = Field(description="answers of 1 or 2; None like the average")
    high: int | None = Field(description="answers of 4 or 5; None like the average")


class FeedbackSummary(Model):
    responses: int
    cases: int = Field(description="cases with at least one response")
    by_respondent: dict[Respondent, int]
    questions: list[QuestionSummary]
    comments: int = Field(description="responses with a comment (read them per case)")
    min_answers: int = MIN_ANSWERS


def summarise(feedback: Iterable[Feedback], *, min_answers: int = MIN_ANSWERS) -> FeedbackSummary:
    """Counts and averages over ``feedback``, every question in the form's order.

    >>> from datetime import date
    >>> fs = [Feedback(case_id=f"c{i}", given_on=date(2026, 11, 1), answers={"heard": 4 + i % 2})
    ...       for i in range(6)]
    >>> s = summarise(fs)
    >>> s.questions[0].question.value, s.questions[0].answers, s.questions[0].average
    ('heard', 6, 4.5)
    >>> s.questions[1].answers, s.questions[1].average
    (0, None)
    """
    items = list(feedback)
    values: dict[Question, list[int]] = {q: [] for q in Question}
    for f in items:
        for question, value in f.answers.items():
            values[question].append(value)
    by_respondent = {r: 0 for r in Respondent}
    for f in items:
        by_respondent[f.respondent] += 1
    return FeedbackSummary(
        responses=len(items),
        cases=len({f.case_id for f in items}),
        by_respondent=by_respondent,
        questions=[_question(q, vs, min_answers) for q, vs in values.items()],
        comments=sum(f.comment is not None for f in items),
        min_answers=min_answers,
    )


def _question(question: Question, values: list[int], min_answers: int) -> QuestionSummary:
    if len(values) < min_answers:
        return QuestionSummary(
            question=question, answers=len(values), average=None, low=None, high=None
        )
    return QuestionSummary(
        question=question,
        answers=len(values),
        average=round(mean(values), 1),
        low=sum(v <= 2 for v in values),
        high=sum(v >= 4 for v in values),
    )
