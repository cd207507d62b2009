"""The kin index's posting lists: the rows of several keys, sorted and each once."""

from __future__ import annotations

import numpy as np

from tenhands.finding.kin.index import Postings, distinct


def test_distinct_is_the_sorted_set_of_rows() -> None:
    rng = np.random.default_rng(7)
    for size in (0, 1, 2, 50, 5000):
        rows = rng.integers(0, max(size // 3, 1), size=size).astype(np.int64)
        assert np.array_equal(distinct(rows), np.unique(rows))
        assert distinct(rows).dtype == np.int64


def test_a_union_of_keys_holds_each_row_once_in_order() -> None:
    keys = ["peeters", "janssens", "peeters", "maes", "janssens", "peeters"]
    postings = Postings.build(keys, [10, 3, 7, 8, 1, 2])
    assert postings.union(["peeters", "janssens"]).tolist() == [1, 2, 3, 7, 10]
    assert postings.union(["maes", "nobody"]).tolist() == [8]
    assert postings.union(["nobody"]).tolist() == []
    # a filter runs before the rows are joined
    odd = postings.union(["peeters", "janssens", "maes"], lambda r: r[r % 2 == 1])
    assert odd.tolist() == [1, 3, 7]
