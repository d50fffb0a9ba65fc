//! How a host configures one planner: its `data-*` attributes and the options object.

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// What one mounted planner was told by its host.
#[derive(Debug, Clone, PartialEq)]
pub struct MountConfig {
    /// Namespaces every storage key, so two planners on one page (or two single files on one
    /// disk) never share or overwrite each other's plans.
    pub storage_key: String,
    /// The plan a single file carries inside it (the JSON text of its plan block), if any.
    pub embedded_plan: Option<String>,
    /// The `data-copy` id of that block: which copy of the plan this file is (untrusted: the
    /// domain checks it before it names a namespace).
    pub embedded_copy: Option<String>,
    /// Returns a promise of the single file's own HTML, to save a copy with a plan inside.
    pub single_file_html: Option<js_sys::Function>,
    /// The planner is the whole page (the single file, `embed.html`): moving between screens adds
    /// to the browser's history, so Back returns to the previous screen. Never on a host's page,
    /// whose history is the host's.
    pub owns_page: bool,
}

/// The options object's plain values, read with serde-wasm-bindgen. Unknown options are ignored,
/// so a host written for a later version still mounts.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Options {
    storage_key: Option<String>,
    embedded_plan: Option<String>,
    embedded_copy: Option<String>,
    owns_page: bool,
}

impl MountConfig {
    /// Reads the host's `data-storage-key`, overridden by `options.storageKey` when given, and
    /// the single file's `embeddedPlan`, `embeddedCopy`, `ownsPage` and `singleFileHtml` options.
    /// A host element with `data-owns-page` owns the page too. Refuses options of the wrong type
    /// with a message for the host page's developer.
    pub fn read(host: &Element, options: &JsValue) -> Result<MountConfig, String> {
        let plain: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            serde_wasm_bindgen::from_value(options.clone()).map_err(|e| {
                format!("The Race Equity Planner's options could not be read ({e}). storageKey, embeddedPlan and embeddedCopy are text; ownsPage is true or false.")
            })?
        };
        let storage_key = plain
            .storage_key
            .or_else(|| host.get_attribute("data-storage-key"))
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| "default".to_string());
        // A function cannot cross through serde: read it from the object itself.
        let single_file_html = js_sys::Reflect::get(options, &JsValue::from_str("singleFileHtml"))
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
        Ok(MountConfig {
            storage_key,
            embedded_plan: plain.embedded_plan,
            embedded_copy: plain.embedded_copy,
            single_file_html,
            owns_page: plain.owns_page || host.has_attribute("data-owns-page"),
        })
    }
}
