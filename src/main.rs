//! The web front door: mounts the Yew app. Built by Trunk for wasm32.

fn main() {
    ims_matrix::web::start();
}
