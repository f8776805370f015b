//! Work to run once the next frame is painted: an animation frame runs just before the paint,
//! and a timeout set in it runs after. The matrix mounts the rest of its rows this way, and the
//! full app lays the first workbook out, both once the visitor sees the table.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;

/// Work waiting for the next paint. Dropping it cancels the work if it has not run yet,
/// before the frame or between the frame and the timeout.
#[must_use = "dropping the handle cancels the work"]
pub struct AfterPaint {
    _frame: AnimationFrame,
    timeout: Rc<RefCell<Option<Timeout>>>,
}

/// Runs `work` once the next frame is painted (see the module's comment).
pub fn after_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let timeout = Rc::new(RefCell::new(None));
    let set_in_frame = timeout.clone();
    let frame = request_animation_frame(move |_| {
        *set_in_frame.borrow_mut() = Some(Timeout::new(0, work));
    });
    AfterPaint {
        _frame: frame,
        timeout,
    }
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        // A timeout the frame has set is cleared as it is dropped; the frame, dropped after
        // this, is cancelled if it has not run.
        self.timeout.borrow_mut().take();
    }
}
