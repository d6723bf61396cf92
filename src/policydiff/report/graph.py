"""The alignment graph as files: GraphML (for Gephi, Cytoscape, networkx) and node-link JSON.

Nodes are pledges (with document, text, offsets, section, topic); edges are aligned pairs
between consecutive documents (status, kind, score) and revivals across a gap
(``revived`` true).  Built from a Comparison alone.
"""

from __future__ import annotations

import json
from pathlib import Path

from policydiff.model import Comparison

GRAPHML_FILE = "alignment.graphml"
NODE_LINK_FILE = "alignment.json"


def alignment_graph(comparison: Comparison):
    """A networkx Graph of the comparison's pledges and alignments (attributes never None)."""
    import networkx as nx

    graph = nx.Graph(name="policydiff alignment")
    labels = {d.id: d.label for d in comparison.documents}
    for pledge in comparison.pledges:
        graph.add_node(
            pledge.id,
            doc=pledge.doc,
            document=labels.get(pledge.doc, pledge.doc),
            text=pledge.clean,
            start=pledge.start,
            end=pledge.end,
            section=pledge.section or "",
            topic=pledge.topic or "",
            domain=pledge.domain or "",
            confidence=float(pledge.confidence),
        )
    for change, revived in [(c, False) for c in comparison.changes] + [(c, True) for c in comparison.revivals]:
        for a in change.a:
            for b in change.b:
                graph.add_edge(a, b, status=change.status, kind=change.kind or "", score=float(change.score), revived=revived)
    return graph


def write_graph(comparison: Comparison, out_dir: Path) -> None:
    """Write ``alignment.graphml`` and ``alignment.json`` (node-link) into ``out_dir``."""
    import networkx as nx

    graph = alignment_graph(comparison)
    nx.write_graphml(graph, out_dir / GRAPHML_FILE, encoding="utf-8", prettyprint=True)
    data = nx.node_link_data(graph, edges="links")
    (out_dir / NODE_LINK_FILE).write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
