//! The root component: the page frame and which screen is shown.

use yew::prelude::*;

use super::welcome::Welcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Welcome,
    Questionnaire,
}

#[component]
pub fn App() -> Html {
    let screen = use_state(|| Screen::Welcome);
    let on_start = {
        let screen = screen.clone();
        Callback::from(move |()| screen.set(Screen::Questionnaire))
    };
    html! {
        <div class="app">
            <header class="app-header">
                <span class="brand" aria-label="ims-matrix">
                    <span class="brand-mark" aria-hidden="true">{"▦"}</span>
                    {"ims-matrix"}
                </span>
                <span class="app-header-note">{"ISO/IEC 27001 × ISO/IEC 20000-1"}</span>
            </header>
            <main id="main" class="app-main">
                {match *screen {
                    Screen::Welcome => html! { <Welcome on_start={on_start} /> },
                    Screen::Questionnaire => html! {
                        <section class="panel" aria-labelledby="q-title">
                            <h1 id="q-title" tabindex="-1">{"Scoping questionnaire"}</h1>
                        </section>
                    },
                }}
            </main>
            <footer class="app-footer">
                <p>{"Clause and control numbers and titles are those of the standards; all guidance is our own wording. Your answers stay in this browser."}</p>
            </footer>
        </div>
    }
}
