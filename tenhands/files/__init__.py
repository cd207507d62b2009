"""Files TenHands hands to people: written for their owner only (:mod:`.private`), and
CSV cells a spreadsheet will not run as formulas (:mod:`.csv_cells`).

Below every part: the graph, finding, maps, the service and the command line may use it;
it imports nothing from the package.
"""
