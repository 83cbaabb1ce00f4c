# The `loads` rule in plain networkx, for the benchmark's speed comparison:
# python3 bench/networkx_loads.py FILE --total MBPS --capacity MBPS [--n1] [--budget S]
# prints one JSON line. With --budget, the link sweep stops after that many seconds and
# its full time is extrapolated from the failures done.
import argparse
import json
import re
import resource
import time

import networkx as nx


def read_graph(path):
    """Reads GraphML or GML as written; GML parallel edges are allowed."""
    if path.endswith('.graphml'):
        return nx.read_graphml(path)
    with open(path, encoding='utf-8') as f:
        text = f.read()
    # Topology Zoo repeats edges without declaring a multigraph.
    text = re.sub(r'graph\s*\[', 'graph [\n  multigraph 1', text, count=1)
    return nx.parse_gml(text, label='id')


def clean(graph):
    """Undirected simple graph of the largest component, in node order."""
    ids = [str(n) for n in graph.nodes]
    numeric = all(re.fullmatch(r'[-+]?[0-9]+', i) for i in ids)
    key = (lambda n: (int(str(n)), str(n))) if numeric else (lambda n: str(n))
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=key))
    for u, v in graph.edges():
        if u != v:
            simple.add_edge(u, v)
    best = None
    for node in simple.nodes:  # nodes in order: a tie keeps the first found
        if best is not None and node in best:
            continue
        component = nx.node_connected_component(simple, node)
        if best is None or len(component) > len(best):
            best = component
    kept = simple.subgraph(sorted(best, key=key)).copy()
    return kept, graph


def gravity(kept, original, total):
    """Demand function by the rule: population if every node has one above 0, else degree."""
    pops = [original.nodes[n].get('population') for n in kept.nodes]
    use_population = all(isinstance(p, (int, float)) and p > 0 for p in pops)
    weight = {n: (original.nodes[n]['population'] if use_population else kept.degree(n))
              for n in kept.nodes}
    pair_sum = sum(weight[a] * weight[b] for a in kept.nodes for b in kept.nodes if a != b)
    return lambda s, t: total * weight[s] * weight[t] / pair_sum if pair_sum else 0.0


def route(graph, demand, nodes):
    """Per destination: BFS, then each node splits what it holds over its closer neighbours."""
    loads = {}
    unrouted = 0
    unrouted_mbps = 0.0
    for t in nodes:
        dist = nx.single_source_shortest_path_length(graph, t)
        held = {}
        for s in nodes:
            if s == t:
                continue
            if s in dist:
                held[s] = demand(s, t)
            else:
                unrouted += 1
                unrouted_mbps += demand(s, t)
        for u in sorted(dist, key=dist.get, reverse=True):
            if u == t:
                continue
            amount = held.get(u, 0.0)
            closer = [v for v in graph[u] if dist.get(v) == dist[u] - 1]
            share = amount / len(closer)
            for v in closer:
                loads[(u, v)] = loads.get((u, v), 0.0) + share
                held[v] = held.get(v, 0.0) + share
    return loads, unrouted, unrouted_mbps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('file')
    parser.add_argument('--total', type=float, required=True)
    parser.add_argument('--capacity', type=float, required=True)
    parser.add_argument('--n1', action='store_true')
    parser.add_argument('--budget', type=float, default=None)
    args = parser.parse_args()

    started = time.perf_counter()
    original = read_graph(args.file)
    read_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    kept, original = clean(original)
    demand = gravity(kept, original, args.total)
    nodes = list(kept.nodes)
    loads, _, _ = route(kept, demand, nodes)
    max_utilization = max(loads.values(), default=0.0) / args.capacity
    base_ms = (time.perf_counter() - started) * 1000

    out = {
        'nodes': kept.number_of_nodes(), 'links': kept.number_of_edges(),
        'readMs': read_ms, 'baseMs': base_ms, 'maxUtilization': max_utilization,
    }
    if args.n1:
        started = time.perf_counter()
        edges = list(kept.edges())
        done = 0
        worst = 0.0
        for u, v in edges:
            kept.remove_edge(u, v)
            failed, _, _ = route(kept, demand, nodes)
            kept.add_edge(u, v)
            worst = max(worst, max(failed.values(), default=0.0) / args.capacity)
            done += 1
            if args.budget is not None and time.perf_counter() - started > args.budget:
                break
        n1_ms = (time.perf_counter() - started) * 1000
        out.update({
            'n1Ms': n1_ms, 'n1Done': done, 'n1Total': len(edges),
            'n1FullMs': n1_ms * len(edges) / done if done else None,
            'n1Extrapolated': done < len(edges), 'n1WorstUtilization': worst,
        })
    out['peakRssMB'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == '__main__':
    main()
