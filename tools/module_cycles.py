#!/usr/bin/env python3
"""Finds circles between the modules of one crate, from cargo-modules' dependency graph.

Reads on stdin the DOT text of `cargo modules dependencies` (every item, "owns" and "uses"
edges) and lifts it to modules: a module depends on another when its `use` imports, or the
types in the signatures and fields of its own items, name an item the other owns. Modules are
compared with their siblings, each standing for everything inside it: `filter` depends on
`path` when anything in `filter` or below depends on anything in `path` or below, so two
modules whose submodules lean on each other in turn are a circle even when no two
submodules are. A module's own items (what its file defines, beside its submodules) count as
one more sibling, written `filter (itself)`.

Prints each group of sibling modules that depend on one another in a circle, with one circle
through them and an example of each dependency, and exits 1 if there is any; exits 0 if the
modules form no circle.

cargo-modules' own `--acyclic` works on items, not modules, so it reports every type with a
method that returns the type (`AttrName` owns `AttrName::new`, which uses `AttrName`); that is
why this lifting exists. The graph hangs a method under its type, not under the module of its
`impl` block, so what methods name is left out here (an `impl Filter` in `builder` would
otherwise count as `ast` using `builder`); the module of the `impl` imports what the methods
name anyway. Like cargo-modules, this sees signatures and `use` imports, not paths written out
inside function bodies.
"""

import re
import sys

NODE = re.compile(r'^\s*"([^"]+)" \[label="([^"|]*)\|')
EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)" \[label="(owns|uses)"')


def read_graph(text):
    kinds, owner, uses = {}, {}, []
    for line in text.splitlines():
        if match := EDGE.match(line):
            source, target, kind = match.groups()
            if kind == "owns":
                owner[target] = source
            else:
                uses.append((source, target))
        elif match := NODE.match(line):
            path, label = match.groups()
            # The label is "<visibility> <kind>", or just "crate".
            kinds[path] = label.split()[-1]
    return kinds, owner, uses


def is_module(path, kinds):
    return kinds.get(path) in ("mod", "crate")


def module_of(path, kinds, owner):
    """The module that owns `path`, walking up through types for their methods."""
    seen = set()
    while not is_module(path, kinds):
        if path in seen or path not in owner:
            return None
        seen.add(path)
        path = owner[path]
    return path


def strongly_connected(graph):
    """Tarjan's algorithm, without recursion; yields each component of more than one node."""
    index, low, on_stack, stack, counter = {}, {}, set(), [], 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    yield sorted(component)


def one_circle(component, graph):
    """A shortest circle from the first module of `component` back to itself."""
    start, members = component[0], set(component)
    previous, queue = {start: None}, [start]
    for node in queue:
        for succ in sorted(graph[node]):
            if succ == start:
                circle = [node]
                while previous[circle[-1]] is not None:
                    circle.append(previous[circle[-1]])
                return list(reversed(circle)) + [start]
            if succ in members and succ not in previous:
                previous[succ] = node
                queue.append(succ)
    return component + [start]


def ancestors(module, owner):
    """`module` and the modules above it, from the crate root down."""
    chain = [module]
    while chain[-1] in owner:
        chain.append(owner[chain[-1]])
    return list(reversed(chain))


def main():
    kinds, owner, uses = read_graph(sys.stdin.read())
    if not kinds:
        print("no dependency graph on stdin", file=sys.stderr)
        return 2
    # For each module, the graph of its children and itself, where each child stands for
    # everything inside it.
    groups = {}
    example = {}
    for source, target in uses:
        if is_module(source, kinds):
            source_module = source
        elif is_module(owner.get(source), kinds):
            source_module = owner[source]
        else:
            # A method or associated item: the graph does not say which module its impl is in.
            continue
        target_module = module_of(target, kinds, owner)
        if target_module is None or source_module == target_module:
            continue
        source_chain = ancestors(source_module, owner)
        target_chain = ancestors(target_module, owner)
        depth = 0
        while (
            depth + 1 < min(len(source_chain), len(target_chain))
            and source_chain[depth + 1] == target_chain[depth + 1]
        ):
            depth += 1
        parent = source_chain[depth]
        # The sibling on each side: the child of `parent` towards the module, or `parent`'s
        # own items when the module is `parent` itself.
        source_sibling = source_chain[depth + 1] if depth + 1 < len(source_chain) else parent
        target_sibling = target_chain[depth + 1] if depth + 1 < len(target_chain) else parent
        graph = groups.setdefault(parent, {})
        graph.setdefault(source_sibling, set()).add(target_sibling)
        graph.setdefault(target_sibling, set())
        example.setdefault((source_sibling, target_sibling), (source, target))

    def name(sibling, parent):
        return f"{sibling} (itself)" if sibling == parent else sibling

    found = 0
    for parent in sorted(groups):
        graph = groups[parent]
        for component in strongly_connected(graph):
            found += 1
            members = ", ".join(name(m, parent) for m in component)
            print(f"modules in a circle: {members}")
            circle = one_circle(component, graph)
            for source, target in zip(circle, circle[1:]):
                item, used = example[(source, target)]
                # A module node's edges are its `use` imports, re-exports included.
                how = "imports" if is_module(item, kinds) else "names in a signature or field"
                print(f"  {name(source, parent)} -> {name(target, parent)}")
                print(f"      {item} {how} {used}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
