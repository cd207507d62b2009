"""Finding a child's relatives and supporters: family-tree import and export, and (to
come) normalising, matching and kin hypotheses. Depends only on :mod:`tenhands.graph`."""
