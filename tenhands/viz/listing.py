"""The map as text: the persons of a :class:`~tenhands.viz.scene.Scene` as a list.

A text alternative for the drawn map, for screen readers and for a facilitator who
prints: the children, then the persons of the inner, middle and outer circle (and any
other person drawn), each with their name, what they are to the children and their
side of the family (or that they are an informal supporter or a professional). It is
written from the scene alone, so it holds exactly the persons that map shows for its
mode, with the words the map itself uses: nothing the mode hides can be in it.

The map page carries it visually hidden but reachable by assistive technology, and
shows it when printed (``map.css``).

>>> from datetime import date
>>> from tenhands.viz.scene import Counter, Mode, Scene, SceneNode, Shape, View
>>> ria = SceneNode(id="a", label="Oma Ria\\n(grootmoeder, mama's kant)", x=0, y=0,
...     shape=Shape.circle, colour="#fff", group="maternal", circle="inner",
...     relation="grootmoeder, mama's kant")
>>> scene = Scene(view=View.ecomap, mode=Mode.family, lang="nl", title="Kaart",
...     made_on=date(2026, 12, 1), nodes=[ria], edges=[], counter=Counter(0))
>>> "<li><strong>Oma Ria</strong>: grootmoeder, mama's kant; familie van mama</li>" in (
...     listing_html(scene).replace("&#x27;", "'"))
True
"""

from __future__ import annotations

import html

from .labels import LISTING_WORDS, listing_say
from .scene import Scene, SceneNode

CIRCLES = ("inner", "middle", "outer")
"""The circles, from the children outwards, in the listing's order."""

LISTING_ID = "map-list"
"""The ``id`` of the listing's section on the map page."""


def name_of(node: SceneNode) -> str:
    """The person's name: the first line of their label, as the map writes it in bold."""
    return node.label.split("\n", 1)[0]


def groups(scene: Scene) -> list[tuple[str, list[SceneNode]]]:
    """The scene's persons by group (``children``, the circles, ``other``), in the
    listing's order, each by name; a group with nobody in it is left out (the children
    are always there)."""
    people = scene.people
    children = [n for n in people if n.group == "child"]
    by_circle = {c: [n for n in people if n.group != "child" and n.circle == c] for c in CIRCLES}
    other = [n for n in people if n.group != "child" and n.circle not in CIRCLES]
    out = [("children", children)]
    out += [(c, by_circle[c]) for c in CIRCLES if by_circle[c]]
    if other:
        out.append(("other", other))
    return [(key, sorted(nodes, key=lambda n: name_of(n).casefold())) for key, nodes in out]


def _item(node: SceneNode, lang: str) -> str:
    said = [node.relation] if node.relation else []
    side = f"listing.side.{node.group}"
    if node.group != "child" and side in LISTING_WORDS:
        said.append(listing_say(side, lang))
    if node.deceased:
        said.append(listing_say("listing.deceased", lang))
    text = f"<strong>{html.escape(name_of(node))}</strong>"
    if said:
        text += ": " + html.escape("; ".join(said))
    return f"<li>{text}</li>"


def listing_html(scene: Scene) -> str:
    """The scene's persons as an HTML section (see the module docstring); every value
    escaped."""
    lang = scene.lang
    parts = [
        f'<section id="{LISTING_ID}" class="map-list" aria-labelledby="{LISTING_ID}-title">',
        f'<h2 id="{LISTING_ID}-title">{html.escape(listing_say("listing.title", lang))}</h2>',
        f"<p>{html.escape(listing_say('listing.intro', lang))}</p>",
    ]
    for key, nodes in groups(scene):
        parts.append(f"<h3>{html.escape(listing_say(f'listing.{key}', lang))}</h3>")
        if nodes:
            parts.append("<ul>" + "".join(_item(n, lang) for n in nodes) + "</ul>")
        else:
            parts.append(f"<p>{html.escape(listing_say('listing.nobody', lang))}</p>")
    parts.append("</section>")
    return "\n".join(parts)
