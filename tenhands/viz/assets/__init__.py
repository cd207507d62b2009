"""Our own page script (``map.js``) and stylesheet (``map.css``) for the map pages,
package data read by :mod:`tenhands.viz.render` with :mod:`importlib.resources` and
inlined in each page (nothing is fetched)."""
