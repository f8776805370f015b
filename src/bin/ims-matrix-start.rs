//! The first-visit page: the welcome screen and the questionnaire (`ui::StartApp`), without the
//! matrix engine, the advice data or the matrix screens, which the full app (`ims-matrix-web`,
//! `src/main.rs`) brings when the visitor goes further. Built by Trunk for wasm32; this is the
//! binary `index.html` starts.

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    ims_matrix::ui::start_in_language(move || {
        root.set_inner_html("");
        ims_matrix::ui::mount_first_visit(root);
    });
}
