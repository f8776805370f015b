//! The export worker's entry point. Trunk builds this binary as a web worker
//! (`data-type="worker"` in index.html); the page starts it on the first export, so the
//! workbook writer is never part of the first page load. All logic is in `web::export_worker`.

fn main() {
    ims_matrix::web::export_worker::start();
}
