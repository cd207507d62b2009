"""The family graph: the domain model, the store contract and its two stores, the rules
of a case that every front end calls (plans, contacts, what each person is to the
child, who may see what), kinship inference and network figures. Imports no other part
of the package."""
