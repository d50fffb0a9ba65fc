//! Files in and out of the browser: downloads made from text, and text read from a chosen file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` to the user as a file called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer(name, mime, &JsValue::from_str(text))
}

/// Offers `bytes` (an Excel workbook, say) to the user as a file called `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(name, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer(name: &str, mime: &str, content: &JsValue) -> Result<(), String> {
    let fail = |e: JsValue| {
        format!(
            "The download could not start: {}",
            e.as_string()
                .unwrap_or_else(|| "the browser refused".into())
        )
    };
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Give the browser a moment to start the download before the address is released.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The text of the first file chosen in a file input, or a message saying why not.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
) -> Result<(String, String), String> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or("Choose a file first.")?;
    let name = file.name();
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("'{name}' could not be read. Check that it is a file on this computer, not a shortcut or an online-only file."))?;
    Ok((name, text.as_string().unwrap_or_default()))
}
