"""Sparse sentence vectors agree with the dense matrix they stand for."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.methods.vectors import sentence_vectors

WORDS = ["river", "bridge", "council", "budget", "fire", "mill", "the", "and", "road", "mayor"]


def dense(texts: list[str]) -> np.ndarray:
    vectors = sentence_vectors(texts)
    matrix = np.zeros((len(texts), len(vectors.vocabulary)))
    for number, (terms, weights) in enumerate(zip(vectors.terms, vectors.weights, strict=True)):
        matrix[number, list(terms)] = weights
    return matrix


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join), min_size=1, max_size=12))
def test_products_match_the_dense_matrix(texts):
    vectors = sentence_vectors(texts)
    matrix = dense(texts)
    similarity = matrix @ matrix.T
    assert np.allclose(vectors.earlier_similarity(), np.tril(similarity, -1).sum(axis=1))
    assert np.allclose(vectors.dot(vectors.total()), similarity.sum(axis=1))
    norms = np.linalg.norm(matrix, axis=1)
    assert np.allclose(norms[norms > 0], 1.0)
    assert np.allclose(vectors.squared_norms(), norms**2)


def test_stop_words_and_numbers_are_not_terms():
    vectors = sentence_vectors(["The 12 rivers and the Bridges."])
    assert set(vectors.vocabulary) == {"rivers", "bridges"}
    assert vectors.word_counts == (6,)
