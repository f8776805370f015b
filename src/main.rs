//! The web front door: mounts the Yew app into the page's `#app` element (or the body when it
//! is absent). Built by Trunk for wasm32.

fn main() {
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<ims_matrix::ui::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<ims_matrix::ui::App>::new().render();
        }
    }
}
