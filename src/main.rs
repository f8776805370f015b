//! The full app: mounts every screen (`ui::App`) into the page's `#app` element (or the body
//! when it is absent). A first visit starts with the lighter first-visit page
//! (`src/bin/ims-matrix-start.rs`), which loads this binary on demand and hands its state over.
//! Built by Trunk for wasm32.

fn main() {
    ims_matrix::i18n::Texts::add_all_english();
    ims_matrix::ui::start_in_language(|| match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<ims_matrix::ui::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<ims_matrix::ui::App>::new().render();
        }
    });
}
