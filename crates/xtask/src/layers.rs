//! Each crate's modules import only from their own layer or the layers below, never in a circle
//! (ARCHITECTURE.md, "Layers"). These tests read the sources, so the drawing there cannot drift
//! from the code: a new module must be given a layer here, and an import that points up fails with
//! the module, the import and the layers named. Run by `cargo test -p xtask` (in `cargo xtask test`).
//!
//! What counts as an import: `crate::<module>`, and in a file inside a folder, `super::` (the
//! folder's `mod.rs`), anywhere in the file before its `#[cfg(test)]` part, outside comments. A
//! folder's `mod.rs` declaring and re-exporting its files is its front door, not an import, and a
//! file importing its own folder is not a circle. `crate::plan::…` counts as the plan's types,
//! whatever the name is re-exported from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A layer: its name, and its modules (a file under `src/` without `.rs`, such as `plan/edits`; a
/// folder's `mod.rs` is the folder's name; a file in a folder takes the folder's layer unless
/// listed itself).
type Layers = &'static [(&'static str, &'static [&'static str])];

/// The domain, bottom to top.
pub const DOMAIN: Layers = &[
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
    (
        "outputs",
        &[
            "reap_print",
            "journey_print",
            "charts",
            "action_plan_export",
            "plan_report",
        ],
    ),
];

/// The widget, bottom to top.
pub const WIDGET: Layers = &[
    (
        "the browser and the host's settings",
        &["config", "storage", "download", "local_time"],
    ),
    ("the planner's state", &["state"]),
    (
        "what every screen is built from",
        &["form", "nav", "actions"],
    ),
    (
        "screens and banners",
        &[
            "action_plan",
            "reap",
            "journey",
            "data",
            "plans",
            "home",
            "plan_details",
            "notices",
        ],
    ),
    ("the shell", &["app"]),
];

fn layer_of(layers: Layers, module: &str) -> Option<usize> {
    let find = |name: &str| layers.iter().position(|(_, ms)| ms.contains(&name));
    find(module).or_else(|| find(module.split('/').next()?))
}

/// Every module of the crate at `src` (`lib.rs` and test files aside) and the modules it imports.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(src)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let Some(stem) = rel.strip_suffix(".rs") else {
                continue;
            };
            if stem == "lib" || stem.ends_with("tests") {
                continue;
            }
            let module = stem.strip_suffix("/mod").unwrap_or(stem).to_string();
            let folder = module.split('/').next().unwrap_or_default().to_string();
            let front_door = stem.ends_with("/mod");
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
                if front_door
                    && ["pub use ", "mod ", "pub mod "]
                        .iter()
                        .any(|p| line.starts_with(p))
                {
                    continue;
                }
                let code = line.split("//").next().unwrap_or_default();
                for (i, _) in code.match_indices("crate::") {
                    let name: String = code[i + "crate::".len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != folder {
                        uses.insert(name);
                    }
                }
                if module.contains('/') && code.contains("super::") {
                    uses.insert(folder.clone());
                }
            }
            uses.remove(&module);
            all.insert(module, uses);
        }
    }
    all
}

/// What is wrong with the crate at `src` against `layers`: modules with no layer, imports that
/// point up, and a circle of imports.
fn problems(src: &Path, layers: Layers) -> Vec<String> {
    let graph = imports(src);
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        let Some(own) = layer_of(layers, module) else {
            wrong.push(format!("{module} has no layer: give it one in crates/xtask/src/layers.rs and ARCHITECTURE.md"));
            continue;
        };
        for used in uses {
            if let Some(layer) = layer_of(layers, used).filter(|&l| l > own) {
                wrong.push(format!(
                    "{module} ({}) imports {used} ({}), a layer above it",
                    layers[own].0, layers[layer].0
                ));
            }
        }
    }
    if let Some(circle) = circle(&graph) {
        wrong.push(format!("a circle of imports: {}", circle.join(" -> ")));
    }
    wrong
}

/// A circle in the import graph, if there is one (a file to its own folder is not an edge).
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
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
            if node.split('/').next() == Some(next.as_str()) {
                continue;
            }
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::root;

    #[test]
    fn the_domain_is_layered() {
        let wrong = problems(&root().join("crates/domain/src"), DOMAIN);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_widget_is_layered() {
        let wrong = problems(&root().join("crates/widget/src"), WIDGET);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn an_import_up_a_layer_or_in_a_circle_is_found() {
        let dir = std::env::temp_dir().join(format!("layers-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("plan")).unwrap();
        std::fs::write(dir.join("text.rs"), "use crate::reap::x;\n").unwrap();
        std::fs::write(dir.join("reap.rs"), "use crate::text::y;\n").unwrap();
        std::fs::write(dir.join("plan/mod.rs"), "mod edits;\npub use edits::z;\n").unwrap();
        std::fs::write(
            dir.join("plan/edits.rs"),
            "use super::Plan;\n// crate::charts\n",
        )
        .unwrap();
        std::fs::write(dir.join("stray.rs"), "").unwrap();
        let wrong = problems(&dir, DOMAIN);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            wrong
                .iter()
                .any(|w| w.starts_with("text (text and numbers) imports reap")),
            "{wrong:?}"
        );
        assert!(
            wrong.iter().any(|w| w.starts_with("a circle of imports: ")),
            "{wrong:?}"
        );
        assert!(
            wrong.iter().any(|w| w.starts_with("stray has no layer")),
            "{wrong:?}"
        );
        // The front door, a file to its folder, and a comment are not imports.
        assert_eq!(wrong.len(), 3, "{wrong:?}");
    }
}
