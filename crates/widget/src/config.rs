//! How a host configures one planner: its `data-*` attributes and the options object.

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
}

impl MountConfig {
    /// Reads the host's `data-storage-key`, overridden by `options.storageKey` when given, and
    /// the single file's `embeddedPlan`, `embeddedCopy` and `singleFileHtml` options.
    pub fn read(host: &Element, options: &JsValue) -> MountConfig {
        let option = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).ok();
        let storage_key = option("storageKey")
            .and_then(|v| v.as_string())
            .or_else(|| host.get_attribute("data-storage-key"))
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| "default".to_string());
        MountConfig {
            storage_key,
            embedded_plan: option("embeddedPlan").and_then(|v| v.as_string()),
            embedded_copy: option("embeddedCopy").and_then(|v| v.as_string()),
            single_file_html: option("singleFileHtml")
                .and_then(|v| v.dyn_into::<js_sys::Function>().ok()),
        }
    }
}
