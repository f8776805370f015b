//! The matrix table: filters, free-text search, sorting, grouping, the edition switch, and rows
//! that expand into their detail with inline editing.

use std::rc::Rc;

use yew::prelude::*;

use super::labels::{applicability, kind_badge, number, status_options};
use super::lang::{label, t, tc, tf};
use super::row_detail::RowDetail;
use crate::assessment::Status;
use crate::catalog::{Family, Lead, Pdca, RowKind};
use crate::matrix::view::{self, Filter, GroupBy, Sort, SortKey};
use crate::matrix::{Matrix, MatrixRow};
use crate::state::Action;

/// How one filter control changes the filter when its value changes.
type FilterChange = Box<dyn Fn(&mut Filter, Option<String>)>;

#[derive(Properties)]
pub struct MatrixScreenProps {
    pub matrix: Rc<Matrix>,
    pub filter: Filter,
    pub sort: Sort,
    pub group: GroupBy,
    pub expanded: Option<String>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for MatrixScreenProps {
    /// The matrix by identity, as `SameMatrix`: every search keystroke hands the screen the same
    /// matrix with a new filter, and `Rc`'s own comparison walked all its rows by value (`Matrix`
    /// holds floats, so `Rc` has no pointer shortcut for it).
    fn eq(&self, other: &Self) -> bool {
        let MatrixScreenProps {
            matrix,
            filter,
            sort,
            group,
            expanded,
            dispatch,
        } = self;
        Rc::ptr_eq(matrix, &other.matrix)
            && *filter == other.filter
            && *sort == other.sort
            && *group == other.group
            && *expanded == other.expanded
            && *dispatch == other.dispatch
    }
}

/// A `<select>` that picks one value or "All"; `values` are (value, label).
fn filter_select(
    id: &str,
    text: &str,
    values: Vec<(String, String)>,
    current: Option<String>,
    on_change: Callback<Option<String>>,
) -> Html {
    let onchange = on_change.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        (!value.is_empty()).then_some(value)
    });
    html! {
        <div class="control">
            <label for={id.to_owned()}>{text}</label>
            <select id={id.to_owned()} class="input" onchange={onchange}>
                <option value="" selected={current.is_none()}>{t("matrix.filter.all")}</option>
                {for values.into_iter().map(|(value, text)| {
                    let selected = current.as_deref() == Some(value.as_str());
                    html! { <option value={value} selected={selected}>{text}</option> }
                })}
            </select>
        </div>
    }
}

fn refs_cell(refs: &[crate::matrix::RefView]) -> Html {
    if refs.is_empty() {
        return html! { <span class="muted">{"—"}</span> };
    }
    html! {
        <ul class="refs">
            {for refs.iter().map(|r| html! {
                <li><span class="ref">{&r.reference}</span>{" "}<span class="ref-title" lang={r.title_in_english.then_some("en")}>{&*r.title}</span>
                {r.new.then(|| html! { <span class="badge new">{t("matrix.badge.new")}</span> })}</li>
            })}
        </ul>
    }
}

/// Rows mounted in the screen's first frame, enough to fill a tall screen; the rest follow once
/// it is painted. Creating all 130 rows' elements was most of the time from "Open my matrix" to
/// the matrix on screen.
const FIRST_FRAME_ROWS: usize = 24;

/// How many rows to mount: `FIRST_FRAME_ROWS` until the first frame is painted, then all. A
/// server render has no second frame, so it renders all at once.
#[hook]
fn use_rows_mounted() -> usize {
    let mounted = use_state(|| {
        if cfg!(target_arch = "wasm32") {
            FIRST_FRAME_ROWS
        } else {
            usize::MAX
        }
    });
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| {
            let rest = (*mounted != usize::MAX)
                .then(|| crate::web::after_paint(move || mounted.set(usize::MAX)));
            move || drop(rest)
        });
    }
    *mounted
}

/// How long the table lays out every row it shows, out of view or not (`settling`), after rows
/// are mounted or regrouped. Chromium's form autofill reads every form 0.1 s after form
/// controls are added, and it needs each status select laid out: a select in a row the browser
/// skips (content-visibility, `www/app.css`) made it lay out that row alone, one row after
/// another, 110-150 ms for the sample's 130 rows. Laid out together in the frame that mounts
/// them, they cost that frame about 20 ms more, and the read then takes 13 ms (traces of the
/// sample, 5 December 2026). The read comes 0.1 s after the last form control is added; the
/// rest of the second is a margin for slower machines. A filtered-out row stays skipped
/// meanwhile, so keystrokes cost what they do after. Then rows out of view are skipped again,
/// as keystrokes need, and laid out a few at a time (`web::lay_out_ahead`) for the reads that
/// follow later, after a row is expanded.
const SETTLING_MS: u32 = 1000;

/// The table's settling after its rows were created anew (`structure` changed).
#[derive(Clone, Copy, PartialEq)]
enum Settling {
    /// Rows out of view are skipped, shown or filtered out.
    Settled,
    /// Every shown row is laid out; filtered-out rows stay skipped, so keystrokes cost what
    /// they do after.
    Shown,
    /// Every row is laid out, filtered out or not: the rows were created with a filter set
    /// (a heat-map cell opens the matrix on its few rows), and the read would otherwise lay out
    /// each filtered-out row on its own (111-119 ms for the sample's 126).
    All,
}

/// Whether the rows were mounted or regrouped less than `SETTLING_MS` ago, and with a filter.
#[hook]
fn use_settling<T: PartialEq + 'static>(structure: T, filtered: bool) -> Settling {
    let settling = use_state_eq(|| Settling::Shown);
    {
        let settling = settling.clone();
        use_effect_with(structure, move |_| {
            settling.set(if filtered {
                Settling::All
            } else {
                Settling::Shown
            });
            let settled = gloo::timers::callback::Timeout::new(SETTLING_MS, move || {
                settling.set(Settling::Settled);
                crate::web::lay_out_ahead("table.matrix select.status-select");
            });
            move || drop(settled)
        });
    }
    *settling
}

/// Which rows to show in this frame. A filter change shows at once the rows it brings back up
/// to `FIRST_FRAME_ROWS` of them in table order, a screenful; the others follow once that frame
/// is painted. A keystroke that clears the search then styles, lays out and paints a screenful
/// of rows in its frame instead of all 130 (the browser's frame was most of that keystroke's
/// time, `benches/browser.mjs`). Rows that stay or go are never held back, and the count above
/// the table states every match from the first frame.
#[hook]
fn use_staged_reveal(matches: Vec<bool>, table_order: &[usize]) -> Vec<bool> {
    let last_matches = use_mut_ref(Vec::<bool>::new);
    let last_shown = use_mut_ref(Vec::<bool>::new);
    let rest = use_mut_ref(|| None::<crate::web::AfterPaint>);
    let show_rest = use_force_update();
    let filter_changed = {
        let before = last_matches.borrow();
        before.len() == matches.len() && *before != matches
    };
    let mut shown = matches.clone();
    if filter_changed {
        let before = last_shown.borrow();
        let brought_back = table_order.iter().filter(|&&i| matches[i] && !before[i]);
        for &i in brought_back.skip(FIRST_FRAME_ROWS) {
            shown[i] = false;
        }
    }
    // A pending reveal is dropped (cancelled) by whatever render comes first: it either shows
    // every match itself or holds rows back again with a reveal of its own.
    *rest.borrow_mut() = (shown != matches).then(|| {
        let show_rest = show_rest.clone();
        crate::web::after_paint(move || show_rest.force_update())
    });
    *last_matches.borrow_mut() = matches;
    *last_shown.borrow_mut() = shown.clone();
    shown
}

#[component]
pub fn MatrixScreen(props: &MatrixScreenProps) -> Html {
    let m = &props.matrix;
    let dispatch = &props.dispatch;
    let rows_mounted = use_rows_mounted();
    let settling = use_settling(
        (rows_mounted, props.group, m.rows.len(), m.editions),
        !props.filter.is_empty(),
    );
    let rows_rendered = std::cell::Cell::new(0);
    let mount = |_: &&usize| {
        let position = rows_rendered.get();
        rows_rendered.set(position + 1);
        position < rows_mounted
    };
    // Every row stays mounted in sort order and filtering only hides rows: a keystroke then
    // flips `hidden` on the rows that change instead of rebuilding their DOM. The order and
    // each row's search text last as long as the matrix, so a keystroke only compares.
    let order = use_memo((SameMatrix(m.clone()), props.sort), |(m, sort)| {
        view::select(&m.0, &Filter::default(), *sort)
    });
    let search_texts = use_memo(SameMatrix(m.clone()), |m| {
        m.0.rows.iter().map(view::search_text).collect::<Vec<_>>()
    });
    let words = props.filter.words();
    let matches: Vec<bool> = m
        .rows
        .iter()
        .zip(search_texts.iter())
        .map(|(row, text)| props.filter.matches_prepared(row, text, &words))
        .collect();
    let groups = view::group_in(super::lang::texts(), m, &order, props.group);
    let table_order: Vec<usize> = groups
        .iter()
        .flat_map(|(_, rows)| rows.iter().copied())
        .collect();
    let shown = matches.iter().filter(|v| **v).count();
    let visible = use_staged_reveal(matches.clone(), &table_order);
    let set_filter = |change: FilterChange| {
        let filter = props.filter.clone();
        dispatch.reform(move |value: Option<String>| {
            let mut next = filter.clone();
            change(&mut next, value);
            Action::SetFilter(next)
        })
    };
    let on_search = {
        let filter = props.filter.clone();
        dispatch.reform(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            Action::SetFilter(Filter {
                text: input.value(),
                ..filter.clone()
            })
        })
    };
    let first = |list: Vec<String>| list.into_iter().next();
    let kind_values = RowKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), label(*k).to_owned()))
        .collect();
    let pdca_values = Pdca::ALL
        .iter()
        .map(|p| (p.as_str().to_owned(), label(*p).to_owned()))
        .collect();
    let status_values = Status::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), label(*s).to_owned()))
        .collect();
    let lead_values = Lead::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), label(*l).to_owned()))
        .collect();
    let applicability_values = vec![
        ("yes".to_owned(), applicability(true).to_owned()),
        ("no".to_owned(), applicability(false).to_owned()),
    ];
    let group_select = {
        let onchange = dispatch.reform(|e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Action::GroupBy(match select.value().as_str() {
                "kind" => GroupBy::Kind,
                "pdca" => GroupBy::Pdca,
                "area" => GroupBy::Area,
                "status" => GroupBy::Status,
                _ => GroupBy::None,
            })
        });
        let option = |value: &str, group: GroupBy| html! { <option value={value.to_owned()} selected={props.group == group}>{label(group)}</option> };
        html! {
            <div class="control">
                <label for="group-by">{t("matrix.group-by")}</label>
                <select id="group-by" class="input" onchange={onchange}>
                    {option("", GroupBy::None)}
                    {option("kind", GroupBy::Kind)}
                    {option("pdca", GroupBy::Pdca)}
                    {option("area", GroupBy::Area)}
                    {option("status", GroupBy::Status)}
                </select>
            </div>
        }
    };
    let edition_select = |family: Family, id: &str| {
        let current = m.editions.of(family);
        let onchange = dispatch.reform(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Action::ShowEdition(family, select.value())
        });
        html! {
            <div class="control">
                <label for={id.to_owned()}>{tf("matrix.edition", &[("standard", &family.designation())])}</label>
                <select id={id.to_owned()} class="input" onchange={onchange}>
                    {for [family.current(), family.previous()].into_iter().map(|edition| html! {
                        <option value={edition.edition()} selected={edition == current}>{edition.edition()}</option>
                    })}
                </select>
            </div>
        }
    };
    let header = |key: SortKey, text: &str, class: &str| {
        let sorted = props.sort.key == key;
        let aria = sorted.then_some(if props.sort.descending {
            "descending"
        } else {
            "ascending"
        });
        let arrow = if !sorted {
            "↕"
        } else if props.sort.descending {
            "↓"
        } else {
            "↑"
        };
        html! {
            <th scope="col" role="columnheader" class={class.to_owned()} aria-sort={aria}>
                <button type="button" class="sort" onclick={dispatch.reform(move |_: MouseEvent| Action::SortBy(key))}>
                    {text.to_owned()}<span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    let total = m.rows.len();
    let d27 = m.editions.iso27001;
    let d20 = m.editions.iso20000;
    html! {
        <section class="matrix-screen" aria-labelledby="matrix-title">
            <div class="screen-head">
                <h1 id="matrix-title" tabindex="-1">{t("matrix.title")}</h1>
                <p class="lead">{format!("ISO/IEC 27001:{} × ISO/IEC 20000-1:{} · {}", d27.edition(), d20.edition(), label(m.starting_point))}</p>
            </div>
            <form class="toolbar" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="control search">
                    <label for="matrix-search">{t("matrix.search.label")}</label>
                    <input id="matrix-search" class="input" type="search" value={props.filter.text.clone()} oninput={on_search} placeholder={t("matrix.search.placeholder")} />
                </div>
                {filter_select("filter-kind", t("matrix.filter.kind"), kind_values, first(props.filter.kinds.iter().map(|k| k.as_str().to_owned()).collect()),
                    set_filter(Box::new(|f, v| f.kinds = v.and_then(|v| RowKind::parse(&v)).into_iter().collect())))}
                {filter_select("filter-pdca", t("matrix.filter.pdca"), pdca_values, first(props.filter.phases.iter().map(|p| p.as_str().to_owned()).collect()),
                    set_filter(Box::new(|f, v| f.phases = v.and_then(|v| Pdca::parse(&v)).into_iter().collect())))}
                {filter_select("filter-status", t("matrix.filter.status"), status_values, first(props.filter.statuses.iter().map(|s| s.as_str().to_owned()).collect()),
                    set_filter(Box::new(|f, v| f.statuses = v.and_then(|v| Status::parse(&v)).into_iter().collect())))}
                {filter_select("filter-applicable", t("matrix.filter.applicability"), applicability_values, props.filter.applicable.map(|a| if a { "yes" } else { "no" }.to_owned()),
                    set_filter(Box::new(|f, v| f.applicable = v.map(|v| v == "yes"))))}
                {filter_select("filter-lead", t("matrix.filter.lead"), lead_values, first(props.filter.leads.iter().map(|l| l.as_str().to_owned()).collect()),
                    set_filter(Box::new(|f, v| f.leads = v.and_then(|v| Lead::parse(&v)).into_iter().collect())))}
                {group_select}
                {edition_select(Family::Iso27001, "edition-27001")}
                {edition_select(Family::Iso20000, "edition-20000")}
            </form>
            <div class="table-status">
                <p aria-live="polite" id="matrix-count">{tc("matrix.count", total, &[("shown", &number(shown))])}</p>
                {props.filter.only_rows.as_ref().map(|_| html! { <span class="chip">{t("matrix.heatmap-cell")}</span> })}
                // Hidden, not removed, while no filter is set: adding or removing a form control
                // makes Chromium's autofill read every form of the page again 0.1 s later (50-60
                // ms for the 130 status selects), which a keystroke after the first would meet.
                <button type="button" class="button small" hidden={props.filter.is_empty()} onclick={dispatch.reform(|_: MouseEvent| Action::SetFilter(Filter::default()))}>{t("matrix.clear-filters")}</button>
            </div>
            <div class="table-wrap">
                <table class={classes!("matrix", (settling != Settling::Settled).then_some("settling"), (settling == Settling::All).then_some("settling-all"))} role="table">
                    <caption class="visually-hidden">{t("matrix.caption")}</caption>
                    <thead role="rowgroup">
                        <tr role="row">
                            {header(SortKey::Iso27001, &format!("ISO/IEC 27001:{}", d27.edition()), "col-ref")}
                            {header(SortKey::Iso20000, &format!("ISO/IEC 20000-1:{}", d20.edition()), "col-ref")}
                            {header(SortKey::Topic, label(SortKey::Topic), "col-topic")}
                            {header(SortKey::Kind, label(SortKey::Kind), "col-kind")}
                            {header(SortKey::Lead, label(SortKey::Lead), "col-lead")}
                            {header(SortKey::Status, label(SortKey::Status), "col-status")}
                            {header(SortKey::Priority, label(SortKey::Priority), "col-priority")}
                        </tr>
                    </thead>
                    {for groups.iter().map(|(name, rows)| {
                        let in_view = rows.iter().filter(|&&i| matches[i]).count();
                        html! {
                            <tbody key={name.clone()} role="rowgroup" hidden={in_view == 0}>
                                {(props.group != GroupBy::None).then(|| html! {
                                    <tr class="group-row" role="row"><th colspan="7" scope="colgroup" role="columnheader">{tf("matrix.group", &[("group", name), ("count", &number(in_view))])}</th></tr>
                                })}
                                {for rows.iter().filter(mount).map(|&i| {
                                    let row: &MatrixRow = &m.rows[i];
                                    let expanded = props.expanded.as_deref() == Some(row.id.as_str());
                                    let cells = RowProps { matrix: m.clone(), index: i, expanded, dispatch: dispatch.clone() };
                                    html! { <MatrixRowView key={row.id.clone()} row={cells} visible={visible[i]} /> }
                                })}
                            </tbody>
                        }
                    })}
                </table>
                {(shown == 0).then(|| html! { <p class="empty">{t("matrix.empty")}</p> })}
            </div>
        </section>
    }
}

/// The matrix, compared by identity: it is rebuilt, never changed in place, so the same
/// pointer means the same matrix, and comparing by value would cost more than what is kept.
#[derive(Clone)]
struct SameMatrix(Rc<Matrix>);

impl PartialEq for SameMatrix {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A row is handed the whole matrix and its index, so a render clones nothing.
#[derive(Properties, Clone)]
struct RowProps {
    matrix: Rc<Matrix>,
    index: usize,
    expanded: bool,
    dispatch: Callback<Action>,
}

impl PartialEq for RowProps {
    /// Unchanged rows skip rendering, also after a rebuild of the matrix: same matrix and
    /// index, or a row that shows the same. A collapsed row shows only its cells; an expanded
    /// one, its detail too, which shows every field.
    fn eq(&self, other: &Self) -> bool {
        let (mine, theirs) = (
            &self.matrix.rows[self.index],
            &other.matrix.rows[other.index],
        );
        self.expanded == other.expanded
            && self.dispatch == other.dispatch
            && ((Rc::ptr_eq(&self.matrix, &other.matrix) && self.index == other.index)
                || if self.expanded {
                    mine == theirs
                } else {
                    same_cells(mine, theirs)
                })
    }
}

/// Whether two rows' cells (`RowCells`) read the same. Closing or reopening one row renumbers
/// the action plan and moves target dates in every open row, which the cells do not show:
/// comparing whole rows re-rendered about a hundred rows on a status change.
fn same_cells(a: &MatrixRow, b: &MatrixRow) -> bool {
    a.id == b.id
        && a.iso27001 == b.iso27001
        && a.iso20000 == b.iso20000
        && a.topic == b.topic
        && a.notes.is_empty() == b.notes.is_empty()
        && a.kind == b.kind
        && a.lead == b.lead
        && a.status == b.status
        && a.derived_status == b.derived_status
        && a.status_overridden == b.status_overridden
        && a.priority == b.priority
        && a.phase == b.phase
        && a.warnings == b.warnings
        && a.applicable == b.applicable
}

/// A row and whether the filter shows it.
#[derive(Properties, PartialEq)]
struct MatrixRowProps {
    row: RowProps,
    visible: bool,
}

/// The id of a row's detail, which its toggle controls.
fn detail_id(row_id: &str) -> String {
    format!("detail-{}", row_id.replace('.', "-"))
}

#[component]
fn MatrixRowView(props: &MatrixRowProps) -> Html {
    let cells = &props.row;
    let row = &cells.matrix.rows[cells.index];
    let detail_id = detail_id(&row.id);
    // The cells are their own component, which showing or hiding the row does not re-render:
    // on a keystroke that brings back all rows, only their `hidden` and `inert` change (the
    // stylesheet keeps a hidden row's layout, `www/app.css`).
    html! {
        <>
            <tr class={classes!("row", row.status.as_str(), cells.expanded.then_some("expanded"), (!row.applicable).then_some("not-applicable"))} role="row" hidden={!props.visible} inert={!props.visible}>
                <RowCells ..cells.clone() />
            </tr>
            {(cells.expanded && props.visible).then(|| html! {
                <tr class="detail-row" role="row" id={detail_id}>
                    <td colspan="7" role="cell"><RowDetail row={row.clone()} dispatch={cells.dispatch.clone()} /></td>
                </tr>
            })}
        </>
    }
}

/// `content` when `present`, else an empty node that keeps its place among its siblings.
fn in_place(present: bool, content: impl FnOnce() -> Html) -> Html {
    if present {
        content()
    } else {
        Html::default()
    }
}

#[component]
fn RowCells(props: &RowProps) -> Html {
    let row = &props.matrix.rows[props.index];
    let id = row.id.clone();
    let detail_id = detail_id(&row.id);
    let toggle = props
        .dispatch
        .reform(move |_: MouseEvent| Action::ToggleRow(id.clone()));
    let status_select_id = format!("status-{}", row.id.replace('.', "-"));
    let on_status = {
        let id = row.id.clone();
        let derived = row.derived_status;
        props.dispatch.reform(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            // Choosing the derived value again clears the override.
            let status = Status::parse(&select.value()).filter(|s| *s != derived);
            Action::SetStatus(id.clone(), status)
        })
    };
    // Each optional badge keeps its place as an empty node when absent (`in_place`): Yew
    // pairs unkeyed children from the end, so a badge that came after the status form
    // re-created the form and its select, and Chromium's autofill then read every form of the
    // page again (a 50-60 ms task 0.1 s after a status change).
    html! {
        <>
            <td role="cell" class="col-ref" data-label="ISO/IEC 27001">{refs_cell(&row.iso27001)}</td>
            <td role="cell" class="col-ref" data-label="ISO/IEC 20000-1">{refs_cell(&row.iso20000)}</td>
            <td role="cell" class="col-topic">
                <button type="button" class="row-toggle" aria-expanded={props.expanded.to_string()} aria-controls={detail_id.clone()} onclick={toggle}>
                    <span class="chevron" aria-hidden="true">{if props.expanded { "▾" } else { "▸" }}</span>
                    {&*row.topic}
                </button>
                {in_place(!row.notes.is_empty(), || html! { <span class="badge note" title={t("matrix.badge.notes.title")}>{t("matrix.badge.notes")}</span> })}
            </td>
            <td role="cell" class="col-kind" data-label={label(SortKey::Kind)}>{kind_badge(row.kind)}</td>
            <td role="cell" class="col-lead" data-label={label(SortKey::Lead)}>{label(row.lead)}</td>
            <td role="cell" class="col-status" data-label={label(SortKey::Status)}>
                // Each select in a form of its own, as the toolbar's controls are in theirs.
                // Chromium's autofill treats every control outside a form as one form: after a
                // change it re-read all 130 selects, laying out the page for each (150 ms).
                // Named by `aria-label`, not a `<label>`: the autofill read that follows 130 new
                // selects matched every label of the page against each form's fields, a
                // read of 23 ms against 8-9 with none (README, "Chromium's autofill").
                <form class="status-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <select id={status_select_id} class={classes!("input", "status-select", row.status.as_str())} aria-label={tf("matrix.status-of", &[("topic", &row.topic)])} onchange={on_status}>
                        {status_options(row.status)}
                    </select>
                </form>
                {in_place(row.status_overridden, || html! { <span class="badge edited" title={t("matrix.badge.edited.title")}>{t("matrix.badge.edited")}</span> })}
            </td>
            <td role="cell" class="col-priority" data-label={label(SortKey::Priority)}>
                <span class={classes!("priority", format!("{:?}", row.priority).to_lowercase())}>{label(row.priority)}</span>
                {in_place(row.is_open(), || html! { <span class="phase-tag">{label(row.phase)}</span> })}
                {in_place(!row.warnings.is_empty(), || html! { <span class="badge warn" title={row.warnings.join(" ")}>{t("matrix.badge.check")}</span> })}
            </td>
        </>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use yew::{Callback, LocalServerRenderer};

    use super::{same_cells, MatrixScreenProps, RowCells, RowProps};
    use crate::assessment::{Assessment, Status, SAMPLE_JSON};
    use crate::matrix::view::{Filter, GroupBy, Sort};
    use crate::matrix::{self, Matrix};
    use crate::{catalog, questionnaire};

    fn sample() -> Assessment {
        crate::assessment::import(
            SAMPLE_JSON,
            questionnaire::builtin(),
            catalog::builtin_index(),
        )
        .unwrap()
        .assessment
    }

    fn cells(matrix: &Rc<Matrix>, index: usize) -> String {
        let props = RowProps {
            matrix: matrix.clone(),
            index,
            expanded: false,
            dispatch: Callback::noop(),
        };
        let renderer = LocalServerRenderer::<RowCells>::with_props(props).hydratable(false);
        block_on(renderer.render())
    }

    fn block_on(future: impl std::future::Future<Output = String>) -> String {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)
    }

    /// The rule that lets a collapsed row skip its render holds: whenever `same_cells` says
    /// two rows read the same, their cells render to the same HTML.
    #[test]
    fn rows_that_compare_the_same_render_the_same_cells() {
        let base = sample();
        let build = |a: &Assessment| {
            Rc::new(matrix::build(
                catalog::builtin(),
                questionnaire::builtin(),
                a,
            ))
        };
        let first_open = build(&base)
            .rows
            .iter()
            .find(|row| row.is_open())
            .map(|row| row.id.clone())
            .unwrap();
        let mut closed = base.clone();
        closed.update_row(&first_open, |edit| edit.status = Some(Status::Implemented));
        let mut noted = base.clone();
        noted.update_row(&first_open, |edit| {
            edit.notes = "a note".into();
            edit.owner = "Ops".into();
        });
        let mut fresh = Assessment::new("t");
        fresh.editions = base.editions;
        let before = build(&base);
        let mut skipped = 0;
        for other in [closed, noted, fresh].iter().map(build) {
            for index in 0..before.rows.len() {
                let (a, b) = (&before.rows[index], &other.rows[index]);
                if same_cells(a, b) {
                    assert_eq!(cells(&before, index), cells(&other, index), "{}", a.id);
                    skipped += usize::from(a != b);
                }
            }
        }
        // Closing one row changed others that still read the same: the case this is for.
        assert!(skipped > 10, "{skipped}");
    }

    /// The screen's props hold the matrix by identity: a keystroke's new filter with the same
    /// matrix compares without reading its rows, and a rebuilt matrix is a change even where it
    /// reads the same.
    #[test]
    fn the_screen_compares_its_matrix_by_identity() {
        let assessment = sample();
        let build = || {
            Rc::new(matrix::build(
                catalog::builtin(),
                questionnaire::builtin(),
                &assessment,
            ))
        };
        let dispatch = Callback::noop();
        let props = |matrix: &Rc<Matrix>, search: &str| MatrixScreenProps {
            matrix: matrix.clone(),
            filter: Filter {
                text: search.to_owned(),
                ..Filter::default()
            },
            sort: Sort::default(),
            group: GroupBy::default(),
            expanded: None,
            dispatch: dispatch.clone(),
        };
        let (one, rebuilt) = (build(), build());
        assert!(props(&one, "") == props(&one, ""));
        assert!(props(&one, "") != props(&one, "risk"));
        assert!(props(&one, "") != props(&rebuilt, ""));
    }
}
