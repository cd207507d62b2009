"""Request and response models, one module per resource.

Each resource has ``XCreate`` (what a client may send to make one: no server-set
fields), ``XUpdate`` (all optional; only the fields sent change) and ``XPublic``
(what is returned). They reuse the domain types, and every change is checked by
building the domain model itself, so validation lives in one place.
"""
