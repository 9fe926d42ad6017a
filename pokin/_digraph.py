"""Directed-graph algorithms on plain adjacency (``dict`` of node → list of successors).

:class:`~pokin.graph.Cascade` keeps its graph as plain lists of ids, so a check over 1e5
indicators does not pay for networkx; the few algorithms it needs live here.

>>> succ = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": []}
>>> strongly_connected(["a", "b", "c", "d"], succ)
[['a', 'b', 'c']]
>>> sorted(reachable(["c"], succ))
['a', 'b', 'c', 'd']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["reachable", "strongly_connected"]

_NONE: Sequence[str] = ()


def reachable(starts: Iterable[str], succ: Mapping[str, Sequence[str]]) -> set[str]:
    """Every node reached from ``starts`` (included), breadth first."""
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for nxt in succ.get(queue.popleft(), _NONE):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def strongly_connected(
    nodes: Sequence[str],
    succ: Mapping[str, Sequence[str]],
    pred: Mapping[str, Sequence[str]] | None = None,
) -> list[list[str]]:
    """The strongly connected components of more than one node, each sorted, ordered by
    their first member. Linear: the nodes no cycle passes through (nothing comes in, or
    nothing goes out) are peeled off first, and Tarjan's algorithm runs on what is left:
    on nothing at all for a cascade without cycles. ``pred`` (the edges reversed) is
    computed when not given."""
    if pred is None:
        pred = _reverse(nodes, succ)
    left = _peel(nodes, pred, succ)
    if left:
        left = _peel([n for n in nodes if n in left], succ, pred, left)
    if not left:
        return []
    components = _tarjan([n for n in nodes if n in left], succ, left)
    return sorted((sorted(c) for c in components if len(c) > 1), key=lambda c: c[0])


def _reverse(nodes: Sequence[str], succ: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    pred: dict[str, list[str]] = {}
    for node in nodes:
        for nxt in succ.get(node, _NONE):
            pred.setdefault(nxt, []).append(node)
    return pred


def _peel(
    nodes: Sequence[str],
    ins: Mapping[str, Sequence[str]],
    outs: Mapping[str, Sequence[str]],
    within: set[str] | None = None,
) -> set[str]:
    """The nodes left when those with no edge in (``ins``) are removed, again and again
    (Kahn's algorithm); only edges between nodes ``within`` count, when given."""
    if within is None:
        degree = {n: len(ins.get(n, _NONE)) for n in nodes}
    else:
        degree = {n: sum(1 for m in ins.get(n, _NONE) if m in within) for n in nodes}
    stack = [n for n, d in degree.items() if not d]
    while stack:
        for nxt in outs.get(stack.pop(), _NONE):
            if nxt in degree:
                degree[nxt] -= 1
                if not degree[nxt]:
                    stack.append(nxt)
    return {n for n, d in degree.items() if d > 0}


def _tarjan(
    nodes: Sequence[str], succ: Mapping[str, Sequence[str]], within: set[str]
) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively, on the subgraph ``within``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        work = [(root, iter(succ.get(root, _NONE)))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in within:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(succ.get(child, _NONE))))
                    break
                if child in low:  # still on the stack
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while not component or component[-1] != node:
                        member = stack.pop()
                        del low[member]  # off the stack
                        component.append(member)
                    found.append(component)
    return found
