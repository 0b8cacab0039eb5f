//! The modules of the VM crate depend on each other one way only: no module reaches, through
//! any chain of `crate::` paths, back to itself. The room each module is in is what
//! `docs/ARCHITECTURE.md` draws.

use std::collections::{BTreeMap, BTreeSet};

/// Every `crate::NAME` a source file mentions outside comments.
fn dependencies(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The module graph of `src/`: each file is a module.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        if module == "lib" {
            continue;
        }
        let mut deps = dependencies(&std::fs::read_to_string(&path).unwrap());
        deps.remove(&module);
        graph.insert(module, deps);
    }
    graph
}

/// A cycle through `graph`, if there is one, as the modules on it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_of_the_vm_depends_on_itself_through_others() {
    let graph = graph();
    assert!(graph.len() > 10, "the VM's modules were found: {:?}", graph.keys());
    if let Some(cycle) = find_cycle(&graph) {
        panic!("an import loop inside crates/vm: {}", cycle.join(" -> "));
    }
}

#[test]
fn natives_see_the_vm_only_through_their_context() {
    let graph = graph();
    assert!(!graph["natives"].contains("vm"), "natives must not use the Vm: {:?}", graph["natives"]);
    assert!(!graph["sched"].contains("vm"), "the scheduler runs threads through `Runner`");
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    graph.get_mut("c").unwrap().insert("a".to_string());
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
}
