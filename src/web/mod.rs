//! Browser glue: the only module (with `ui` event handlers) that touches browser APIs. Mounting,
//! storage, downloads and messages to a host page live here, behind plain Rust functions.

/// Mounts the app into the page's `#app` element (or the body when it is absent).
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            yew::Renderer::<crate::ui::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<crate::ui::App>::new().render();
        }
    }
}
