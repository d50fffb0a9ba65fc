//! The domain's modules import only from their own layer or the layers below it, and never in a
//! circle (ARCHITECTURE.md, "Layers"). This test reads the sources, so the drawing there cannot
//! drift from the code: a new module must be given a layer here, and an import that points up
//! fails with the module, the import and the layers named.
//!
//! What counts as an import: `crate::<module>` and, in a file under `plan/` or `import/`,
//! `super::` (the folder's own `mod.rs`), anywhere in the file before its `#[cfg(test)]` part, outside
//! comments. A folder's `mod.rs` declaring and re-exporting its files is its front door, not an
//! import; `crate::plan::…` counts as the plan's types, whatever the name is re-exported from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom to top. A module is a file under `src/` without `.rs` (`plan/edits`); a folder's
/// `mod.rs` is the folder's name. Files in a folder take the folder's layer unless listed.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "text and numbers",
        &[
            "text",
            "numbers",
            "dates",
            "html",
            "csv_out",
            "file_names",
            "storage_keys",
            "messages",
            "stats",
        ],
    ),
    ("framework content", &["ethnicity", "reap", "journey"]),
    ("the plan's types", &["plan", "plan/sections"]),
    (
        "analysis",
        &["caseload", "wres", "service", "timeframe", "action_plan"],
    ),
    (
        "edits, history, load, backup and import",
        &[
            "plan/edits",
            "plan/edit",
            "plan/history",
            "plan/ids",
            "plan/load",
            "plan/backup",
            "plan/embed",
            "plan/example",
            "import",
            "xlsx",
        ],
    ),
    ("outputs", &["reap_print", "journey_print", "charts"]),
];

fn layer_of(module: &str) -> Option<usize> {
    let find = |name: &str| LAYERS.iter().position(|(_, ms)| ms.contains(&name));
    find(module).or_else(|| find(module.split('/').next()?))
}

/// The module a `crate::<name>` import names: the top-level module, with `plan` standing for the
/// plan's types.
fn imported(name: &str) -> String {
    name.to_string()
}

/// Every domain module (tests and `lib.rs` aside) and the modules it imports.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let Some(stem) = rel.strip_suffix(".rs") else {
                continue;
            };
            if stem == "lib" || stem.ends_with("tests") {
                continue;
            }
            let module = stem.strip_suffix("/mod").unwrap_or(stem).to_string();
            let folder = module.split('/').next().unwrap().to_string();
            let text = std::fs::read_to_string(&path).expect("a source file");
            let mut uses = BTreeSet::new();
            for line in text.lines() {
                let line = line.trim_start();
                if line.starts_with("#[cfg(test)]") {
                    break;
                }
                if line.starts_with("//") {
                    continue;
                }
                // The folder's front door: `mod x;` and `pub use x::…` in a mod.rs.
                if stem.ends_with("/mod")
                    && (line.starts_with("pub use ")
                        || line.starts_with("mod ")
                        || line.starts_with("pub mod "))
                {
                    continue;
                }
                let code = line.split("//").next().unwrap_or("");
                for (i, _) in code.match_indices("crate::") {
                    let name: String = code[i + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != folder {
                        uses.insert(imported(&name));
                    }
                }
                if module.contains('/') && code.contains("super::") && folder != module {
                    uses.insert(folder.clone());
                }
            }
            uses.remove(&module);
            all.insert(module, uses);
        }
    }
    all
}

#[test]
fn every_module_has_a_layer() {
    let missing: Vec<String> = imports()
        .into_keys()
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "give these modules a layer in tests/layers.rs and ARCHITECTURE.md: {missing:?}"
    );
}

#[test]
fn imports_point_down_or_sideways_never_up() {
    let mut wrong = Vec::new();
    for (module, uses) in imports() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for used in uses {
            match layer_of(&used) {
                Some(layer) if layer > own => wrong.push(format!(
                    "{module} ({}) imports {used} ({})",
                    LAYERS[own].0, LAYERS[layer].0
                )),
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up a layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_circle_of_imports() {
    let graph = imports();
    // The plan's types (`plan`) and its files above them share a name: an edge from a plan file to
    // `plan` is to the types below it, not a circle.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            return Some(
                path[at..]
                    .iter()
                    .cloned()
                    .chain([node.to_string()])
                    .collect(),
            );
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if node.starts_with("plan/") && next == "plan" {
                continue;
            }
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("a circle of imports: {}", circle.join(" -> "));
        }
    }
}
