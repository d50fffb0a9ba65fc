//! How a host configures one planner: its `data-*` attributes and the options object.

use wasm_bindgen::JsValue;
use web_sys::Element;

/// What one mounted planner was told by its host.
#[derive(Debug, Clone, PartialEq)]
pub struct MountConfig {
    /// Namespaces every storage key, so two planners on one page (or two single files on one
    /// disk) never share or overwrite each other's plans.
    pub storage_key: String,
}

impl MountConfig {
    /// Reads the host's `data-storage-key`, overridden by `options.storageKey` when given.
    pub fn read(host: &Element, options: &JsValue) -> MountConfig {
        let from_options = js_sys::Reflect::get(options, &JsValue::from_str("storageKey"))
            .ok()
            .and_then(|v| v.as_string());
        let storage_key = from_options
            .or_else(|| host.get_attribute("data-storage-key"))
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| "default".to_string());
        MountConfig { storage_key }
    }
}
