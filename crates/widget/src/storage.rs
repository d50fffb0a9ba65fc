//! The only code that touches browser storage. Everything else asks this module.
//!
//! localStorage through gloo-storage when the browser allows it; otherwise an in-memory map, so
//! the planner still works (and says that nothing will be kept). gloo-storage throws a JavaScript
//! exception where localStorage is blocked, so availability is checked through web-sys first.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use race_equity_domain::storage_keys::StorageUse;
use wasm_bindgen::JsValue;

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage is full (QuotaExceededError). Nothing was written.
    Full,
    /// The browser refused for another reason; the text says what it said.
    Refused(String),
}

/// Where the planner keeps things for this page.
pub struct Store {
    /// None when the browser will not let us use localStorage.
    local: Option<web_sys::Storage>,
    memory: RefCell<BTreeMap<String, String>>,
}

impl Store {
    /// localStorage if it is there and accepts writes; memory otherwise. A store that is merely
    /// full is still used: the plans in it must be read, and the user told that saving fails.
    pub fn open() -> Store {
        let local = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                // Some browsers (private modes, blocked cookies) give a store that refuses writes.
                let probe = "race-equity-planner/probe";
                let usable = match s.set_item(probe, "1") {
                    Ok(()) => true,
                    Err(error) => write_error(error) == WriteError::Full,
                };
                let _ = s.remove_item(probe);
                usable
            });
        Store {
            local,
            memory: RefCell::new(BTreeMap::new()),
        }
    }

    /// Whether what we write will outlive this page.
    pub fn is_persistent(&self) -> bool {
        self.local.is_some()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        match &self.local {
            Some(_) => LocalStorage::raw().get_item(key).ok().flatten(),
            None => self.memory.borrow().get(key).cloned(),
        }
    }

    /// Writes the whole value or nothing: a full store throws before changing the key.
    pub fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        match &self.local {
            Some(_) => LocalStorage::raw()
                .set_item(key, value)
                .map_err(write_error),
            None => {
                self.memory
                    .borrow_mut()
                    .insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    pub fn remove(&self, key: &str) {
        match &self.local {
            Some(_) => LocalStorage::delete(key),
            None => {
                self.memory.borrow_mut().remove(key);
            }
        }
    }

    /// Every key, in the store's order.
    pub fn keys(&self) -> Vec<String> {
        match &self.local {
            Some(storage) => {
                let length = storage.length().unwrap_or(0);
                (0..length)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .collect()
            }
            None => self.memory.borrow().keys().cloned().collect(),
        }
    }

    /// How full the origin's localStorage is (all keys, not only ours).
    pub fn usage(&self) -> StorageUse {
        let used = self
            .keys()
            .iter()
            .map(|k| {
                k.encode_utf16().count()
                    + self.get(k).map(|v| v.encode_utf16().count()).unwrap_or(0)
            })
            .sum();
        StorageUse::of(if self.is_persistent() { used } else { 0 })
    }
}

fn write_error(error: JsValue) -> WriteError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        WriteError::Full
    } else {
        let message = js_sys::Reflect::get(&error, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or(name);
        WriteError::Refused(message)
    }
}
