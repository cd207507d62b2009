"""The family graph: domain model, store contract, stores and graph analytics."""
