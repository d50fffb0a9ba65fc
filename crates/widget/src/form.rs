//! The form components every screen is built from, written once in GOV.UK Design System markup
//! (our class names, `rep-` for `govuk-`): a text field, a text area, a select, a date field that
//! keeps what was typed, a count in a grid, a removal that asks first, an error summary, a status
//! tag and a banner; and the helpers they share (moving focus inside the planner's shadow root).
//!
//! A field shows a value from the plan (a signal) and hands what the user types to a callback,
//! which the screen turns into a typed [`Edit`](race_equity_domain::plan::edits::Edit). The value
//! is written to the element only when it differs from what the element holds, so typing never
//! moves the caret, a half-typed date is never cleared, and a change saved in another tab still
//! reaches a field that has focus.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::dates::Date;
use race_equity_domain::messages::forms as m;
use race_equity_domain::reap_print::Audience;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::state::Planner;

/// The planner's outermost element (`.rep-app`), given as context by the shell, from which
/// elements are found by id inside the shadow root.
#[derive(Clone, Copy)]
pub struct AppRoot(pub NodeRef<html::Div>);

/// The element with this id in the planner's shadow root (or page, when not in one).
/// `getElementById` takes the id as plain text, so an id from a file cannot select another element.
pub fn element_by_id(root: &Element, id: &str) -> Option<Element> {
    let node = root.get_root_node();
    if let Some(shadow) = node.dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.get_element_by_id(id);
    }
    if let Some(doc) = node.dyn_ref::<web_sys::Document>() {
        return doc.get_element_by_id(id);
    }
    None
}

/// Moves focus to the element with this id in the planner.
pub fn focus_id(root: &Element, id: &str) -> bool {
    match element_by_id(root, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
            true
        }
        None => false,
    }
}

/// Moves focus to the element with this id once the screen has been redrawn (a new row, say, or
/// the button that replaces one just pressed). Needs the shell's [`AppRoot`] in context; call it
/// while a component is being built or from its event handlers after reading the context.
pub fn focus_soon(app: AppRoot, id: impl Into<String>) {
    // Effects run before timers, so a new element is usually in the page by then; one in a part
    // of a screen drawn a task later (the REAP checklist's later themes) is waited for.
    focus_when_drawn(app, id.into(), 32);
}

fn focus_when_drawn(app: AppRoot, id: String, tries: u8) {
    set_timeout(
        move || {
            if let Some(root) = app.0.get_untracked() {
                if !focus_id(&root, &id) && tries > 0 {
                    focus_when_drawn(app, id, tries - 1);
                }
            }
        },
        std::time::Duration::ZERO,
    );
}

/// One text of a row held in a memo (an action, an objective), for a field's value: empty once
/// the row is gone.
pub fn text_of<T: Send + Sync + 'static>(
    row: Memo<Option<T>>,
    get: fn(&T) -> &String,
) -> Signal<String> {
    Signal::derive(move || row.with(|r| r.as_ref().map(|r| get(r).clone()).unwrap_or_default()))
}

/// The shell's [`AppRoot`]; panics (a programming error) outside the planner.
pub fn app_root() -> AppRoot {
    expect_context::<AppRoot>()
}

/// Whether the open plan can be changed (it is not open read-only).
pub fn read_only() -> Signal<bool> {
    let planner = expect_context::<Planner>();
    Signal::derive(move || planner.read_only.with(Option::is_some))
}

/// Keeps `el`'s `value` property equal to `value()`, writing only when they differ (see the module
/// note). Works for inputs, text areas and selects.
fn bind_value<E>(node: NodeRef<E>, value: Signal<String>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let value = value.get();
        let Some(el) = node.get() else { return };
        let el: &wasm_bindgen::JsValue = el.unchecked_ref();
        let key = wasm_bindgen::JsValue::from_str("value");
        let now = js_sys::Reflect::get(el, &key)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if now != value {
            let _ = js_sys::Reflect::set(el, &key, &wasm_bindgen::JsValue::from_str(&value));
        }
    });
}

/// A label with the item named for screen readers only: "Status (anchor 1.1)". `which` may be
/// empty, when the label alone says which field it is.
#[component]
pub fn FieldLabel(
    #[prop(into)] for_id: String,
    #[prop(into)] text: String,
    #[prop(into, optional)] which: MaybeProp<String>,
) -> impl IntoView {
    let which = move || {
        which
            .get()
            .filter(|w| !w.is_empty())
            .map(|w| view! { <span class="rep-visually-hidden">" (" {w} ")"</span> })
    };
    view! { <label class="rep-label" for=for_id>{text}{which}</label> }
}

/// A one-line text field with its label (and hint, if given), in a form group.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] which: MaybeProp<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// `rep-input--wide`, `--medium`, `--short`, or empty for the full width.
    #[prop(optional)]
    width: &'static str,
    #[prop(into, optional)] invalid: Signal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="rep-form-group">
            <FieldLabel for_id=id.clone() text=label which=which/>
            {hint.map(|h| view! { <p class="rep-hint" id=hint_id>{h}</p> })}
            <TextInput id=id value=value on_input=on_input width=width invalid=invalid described_by=described/>
        </div>
    }
}

/// A bare one-line text input (for a table cell or a row of fields): no label of its own, so give
/// it `aria_label` or a `<label for>` elsewhere.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] width: &'static str,
    #[prop(into, optional)] invalid: Signal<bool>,
    #[prop(into, optional)] described_by: MaybeProp<String>,
    #[prop(into, optional)] aria_label: MaybeProp<String>,
    /// `numeric` for counts: the phone keyboard shows digits.
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let node = NodeRef::<html::Input>::new();
    bind_value(node, value);
    let read_only = read_only();
    let class = if width.is_empty() {
        "rep-input".to_string()
    } else {
        format!("rep-input {width}")
    };
    view! {
        <input
            class=class
            type="text"
            id=id
            autocomplete="off"
            inputmode=inputmode
            aria-label=move || aria_label.get()
            aria-describedby=move || described_by.get()
            aria-invalid=move || invalid.get().then_some("true")
            readonly=move || read_only.get()
            node_ref=node
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

/// A count in a grid of counts: a short numeric text field labelled for screen readers, marked
/// invalid (and described by its message, if any) when what was typed is not a count.
#[component]
pub fn CountInput(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] invalid: Signal<bool>,
    #[prop(into, optional)] described_by: MaybeProp<String>,
) -> impl IntoView {
    view! {
        <TextInput
            id=id
            value=value
            on_input=on_input
            width="rep-input--count"
            invalid=invalid
            described_by=described_by
            aria_label=label
            inputmode="numeric"
        />
    }
}

/// A text area with its label and hint, in a form group.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] which: MaybeProp<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let node = NodeRef::<html::Textarea>::new();
    bind_value(node, value);
    let read_only = read_only();
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="rep-form-group">
            <FieldLabel for_id=id.clone() text=label which=which/>
            {hint.map(|h| view! { <p class="rep-hint" id=hint_id>{h}</p> })}
            <textarea
                class="rep-textarea"
                id=id
                rows=rows
                aria-describedby=described
                readonly=move || read_only.get()
                node_ref=node
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A select with its label, in a form group. `options` are (value, words) pairs.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] which: MaybeProp<String>,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let node = NodeRef::<html::Select>::new();
    let read_only = read_only();
    // The options are drawn before the value is set, so the value finds its option.
    let options = options
        .into_iter()
        .map(|(v, words)| {
            let selected = v == value.get_untracked();
            view! { <option value=v selected=selected>{words}</option> }
        })
        .collect_view();
    bind_value(node, value);
    view! {
        <div class="rep-form-group">
            <FieldLabel for_id=id.clone() text=label which=which/>
            <select
                class="rep-select"
                id=id
                disabled=move || read_only.get()
                node_ref=node
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {options}
            </select>
        </div>
    }
}

/// Whether `value` can be shown in a date picker: nothing yet, or an ISO date.
pub fn shows_as_date(value: &str) -> bool {
    value.trim().is_empty() || Date::parse_iso(value.trim()).is_some()
}

/// A date field that keeps whatever was recorded: a date picker for a date (or nothing), and a
/// plain text field for text that is not a date (from an older plan or a file), shown as it was
/// until the user replaces it. Bare: label it with a [`FieldLabel`].
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    let node = NodeRef::<html::Input>::new();
    let read_only = read_only();
    // The type is set before the value, or a date picker would refuse text that is not a date.
    let kind = Memo::new(move |_| {
        if shows_as_date(&value.get()) {
            "date"
        } else {
            "text"
        }
    });
    Effect::new(move |_| {
        let kind = kind.get();
        if let Some(el) = node.get() {
            if el.type_() != kind {
                el.set_type(kind);
            }
        }
    });
    bind_value(node, value);
    view! {
        <input
            class="rep-input rep-input--date"
            type=kind.get_untracked()
            id=id
            readonly=move || read_only.get()
            node_ref=node
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

/// A [`DateInput`] with its label, in a form group.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] which: MaybeProp<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="rep-form-group">
            <FieldLabel for_id=id.clone() text=label which=which/>
            <DateInput id=id value=value on_input=on_input/>
        </div>
    }
}

/// A secondary button, disabled while the plan is open read-only unless `always` is set (for
/// downloads and prints, which change nothing).
#[component]
pub fn Button(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    on_press: Callback<()>,
    #[prop(optional)] always: bool,
    /// A fuller name for screen readers where several buttons share their words; it must start
    /// with the visible words (WCAG 2.5.3, label in name).
    #[prop(into, optional)]
    name: MaybeProp<String>,
) -> impl IntoView {
    let read_only = read_only();
    view! {
        <button
            type="button"
            class="rep-button rep-button--secondary"
            id=id
            aria-label=move || name.get()
            disabled=move || !always && read_only.get()
            on:click=move |_| on_press.run(())
        >
            {move || label.get()}
        </button>
    }
}

/// A checkbox with its label ("Done", with `which` for screen readers: "Done (step 2)").
/// Disabled while the plan is open read-only unless `always` is set (for choices that change only
/// what is shown or printed, not the plan).
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] which: MaybeProp<String>,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional)] always: bool,
) -> impl IntoView {
    let read_only = read_only();
    view! {
        <div class="rep-radio">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || checked.get()
                disabled=move || !always && read_only.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>
                {label}
                {move || which.get().filter(|w| !w.is_empty()).map(|w| view! { <span class="rep-visually-hidden">" (" {w} ")"</span> })}
            </label>
        </div>
    }
}

/// Which removal on a screen is waiting for the user to confirm it, by its key; one at a time, so
/// that "Yes, remove" has one id ([`CONFIRM_ID`]). Each screen gives its own as context.
#[derive(Clone, Copy)]
pub struct Confirming(pub RwSignal<Option<String>>);

impl Confirming {
    /// A new, empty one, given as context to the screen being built.
    pub fn provide() -> Confirming {
        let confirming = Confirming(RwSignal::new(None));
        provide_context(confirming);
        confirming
    }
}

/// The id of "Yes, remove" while a removal waits for confirmation.
pub const CONFIRM_ID: &str = "rep-confirm";

/// A "Remove" button that asks first: pressed once, it turns into "Yes, remove: <what>" (focused)
/// and "Cancel" (which puts the button back and focuses it). `key` names the removal uniquely on
/// the screen, and gives the button its id, `rep-ask-<key>` with `/` as `-`. After removing,
/// focus goes to `then_focus`.
#[component]
pub fn RemoveButton(
    #[prop(into)] key: String,
    #[prop(into)] label: Signal<String>,
    on_remove: Callback<()>,
    #[prop(into)] then_focus: String,
) -> impl IntoView {
    let confirming = expect_context::<Confirming>().0;
    let app = app_root();
    let read_only = read_only();
    let ask_id = format!("rep-ask-{}", key.replace('/', "-"));
    let asking = {
        let key = key.clone();
        Memo::new(move |_| confirming.with(|c| c.as_deref() == Some(key.as_str())))
    };
    move || {
        if asking.get() {
            let back = ask_id.clone();
            let then_focus = then_focus.clone();
            view! {
                <span class="rep-confirm" role="group" aria-label=move || label.get()>
                    <button
                        type="button"
                        class="rep-button rep-button--warning"
                        id=CONFIRM_ID
                        on:click=move |_| {
                            confirming.set(None);
                            on_remove.run(());
                            focus_soon(app, then_focus.clone());
                        }
                    >
                        {move || format!("{}: {}", m::YES_REMOVE, label.get())}
                    </button>
                    " "
                    <button
                        type="button"
                        class="rep-button rep-button--secondary"
                        id="rep-cancel"
                        on:click=move |_| {
                            confirming.set(None);
                            focus_soon(app, back.clone());
                        }
                    >
                        {m::CANCEL}
                    </button>
                </span>
            }
            .into_any()
        } else {
            let key = key.clone();
            view! {
                <button
                    type="button"
                    class="rep-button rep-button--secondary"
                    id=ask_id.clone()
                    disabled=move || read_only.get()
                    on:click=move |_| {
                        confirming.set(Some(key.clone()));
                        focus_soon(app, CONFIRM_ID);
                    }
                >
                    {move || label.get()}
                </button>
            }
            .into_any()
        }
    }
}

/// One problem in an [`ErrorSummary`]: the id of the field it is about, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// The GOV.UK error summary: a titled list of problems, each a link that moves focus to its field
/// (inside the shadow root, where the page's own `#id` navigation cannot reach). Nothing is shown
/// while there are no problems.
#[component]
pub fn ErrorSummary(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    #[prop(into)] problems: Signal<Vec<Problem>>,
    /// The level of the summary's heading: 2 at the top of a screen or part, 4 inside a section
    /// whose heading is an h3 (a Data period), so the headings keep their order.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let app = app_root();
    let title_id = format!("{id}-title");
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|p| {
                    let field = p.field.clone();
                    view! {
                        <li>
                            <a
                                href=format!("#{}", p.field)
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    if let Some(root) = app.0.get_untracked() {
                                        focus_id(&root, &field);
                                    }
                                }
                            >
                                {p.message}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="rep-error-summary" id=id.clone() role="alert" aria-labelledby=title_id.clone()>
                    {if level == 4 {
                        view! { <h4 class="rep-error-summary__title" id=title_id.clone()>{title.clone()}</h4> }.into_any()
                    } else {
                        view! { <h2 class="rep-error-summary__title" id=title_id.clone()>{title.clone()}</h2> }.into_any()
                    }}
                    <ul class="rep-list rep-error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}

/// The colour of a [`StatusTag`]. The words say the status; colour only repeats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Grey,
    Blue,
    Green,
    Red,
    Yellow,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Grey => "rep-tag rep-tag--grey",
            Tone::Blue => "rep-tag rep-tag--blue",
            Tone::Green => "rep-tag rep-tag--green",
            Tone::Red => "rep-tag rep-tag--red",
            Tone::Yellow => "rep-tag rep-tag--yellow",
        }
    }
}

/// A status tag: strong text in a coloured box.
#[component]
pub fn StatusTag(
    #[prop(into)] tone: Signal<Tone>,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    view! { <strong class=move || tone.get().class()>{move || text.get()}</strong> }
}

/// The kind of a [`Banner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    /// Something that needs a decision; announced at once.
    Warning,
    /// Something that went wrong; announced at once.
    Error,
}

/// A notification banner: a title and what to do (the children).
#[component]
pub fn Banner(
    kind: BannerKind,
    #[prop(into, optional)] id: Option<String>,
    #[prop(into)] title: String,
    children: Children,
) -> impl IntoView {
    let (class, role) = match kind {
        BannerKind::Warning => ("rep-banner rep-banner--warning", "alert"),
        BannerKind::Error => ("rep-banner rep-banner--error", "alert"),
    };
    view! {
        <div class=class id=id role=role>
            <h2 class="rep-banner__title">{title}</h2>
            {children()}
        </div>
    }
}

/// A long screen's contents: jump links to its sections, so a keyboard user can reach any of them
/// in a few presses. Each target should be a heading with `tabindex="-1"`; the link moves focus to
/// it (inside the shadow root, where the page's own `#id` navigation cannot reach) and scrolls it
/// into view. `entries` are (id, words) pairs; those whose ids are in `indent` are listed under the
/// entry before them (a theme's anchors, a part's periods). Where the planner is wide enough, the
/// contents sit in a column beside the screen and stay in view as it scrolls (`.rep-with-contents`
/// in widget.css); put the screen's sections after this, inside one `<div class="rep-with-contents">`.
#[component]
pub fn PageContents(
    #[prop(into)] entries: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] indent: Signal<Vec<String>>,
) -> impl IntoView {
    let app = app_root();
    let link = move |id: String, words: String| {
        let target = id.clone();
        view! {
            <a
                class="rep-link"
                href=format!("#{id}")
                on:click=move |ev| {
                    ev.prevent_default();
                    if let Some(root) = app.0.get_untracked() {
                        focus_id(&root, &target);
                    }
                }
            >
                {words}
            </a>
        }
    };
    let items = move || {
        let indent = indent.get();
        // Top-level entries, each with the indented entries that follow it.
        let mut groups: Vec<((String, String), Vec<(String, String)>)> = Vec::new();
        for (id, words) in entries.get() {
            match groups.last_mut() {
                Some(group) if indent.contains(&id) => group.1.push((id, words)),
                _ => groups.push(((id, words), Vec::new())),
            }
        }
        groups
            .into_iter()
            .map(|((id, words), sub)| {
                let sub = (!sub.is_empty()).then(|| {
                    let items = sub
                        .into_iter()
                        .map(|(id, words)| view! { <li>{link(id, words)}</li> })
                        .collect_view();
                    view! { <ul class="rep-contents__list rep-contents__list--sub">{items}</ul> }
                });
                view! { <li>{link(id, words)}{sub}</li> }
            })
            .collect_view()
    };
    view! {
        <nav class="rep-contents" aria-labelledby="rep-contents-title">
            <h2 class="rep-heading-s rep-contents__title" id="rep-contents-title">{m::CONTENTS}</h2>
            <ul class="rep-contents__list">{items}</ul>
        </nav>
    }
}

/// "For my team" or "To share outside the team" (METRICS.md "Small numbers"), asked right before a
/// screen's print and download buttons. `name` is the radio group's name and id prefix; the answer
/// is kept by name while the planner is open, so leaving the screen does not reset it.
#[component]
pub fn AudienceChoice(#[prop(into)] name: String, chosen: RwSignal<Audience>) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let described = hint_id.clone();
    let radios = Audience::ALL
        .into_iter()
        .map(|a| {
            let id = format!("{name}-{}", a.value());
            let name_for_change = name.clone();
            view! {
                <div class="rep-radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=a.value()
                        prop:checked=move || chosen.get() == a
                        on:change=move |_| {
                            chosen.set(a);
                            remember_audience(&name_for_change, a);
                        }
                    />
                    <label for=id>{a.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="rep-fieldset" aria-describedby=described>
            <legend class="rep-fieldset__legend">{Audience::QUESTION}</legend>
            <p class="rep-hint" id=hint_id>{Audience::HINT}</p>
            <div class="rep-radios">{radios}</div>
        </fieldset>
    }
}

thread_local! {
    /// Each audience question's answer, by its name, while the planner is open.
    static AUDIENCES: std::cell::RefCell<Vec<(String, Audience)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The answer last chosen to the audience question named `name`; sharing outside the team until
/// one is. A screen starts its [`AudienceChoice`]'s signal from this.
pub fn chosen_audience(name: &str) -> Audience {
    AUDIENCES.with_borrow(|all| {
        all.iter()
            .find(|(n, _)| n == name)
            .map_or(Audience::Shared, |(_, a)| *a)
    })
}

fn remember_audience(name: &str, audience: Audience) {
    AUDIENCES.with_borrow_mut(|all| match all.iter_mut().find(|(n, _)| n == name) {
        Some(found) => found.1 = audience,
        None => all.push((name.to_string(), audience)),
    });
}

/// Prints `page` from a hidden frame in the planner, so only that page is printed.
pub fn print(app: AppRoot, page: &str, title: &str) {
    if let Some(root) = app.0.get_untracked() {
        print_in(&root, page, title);
    }
}

/// [`print`], given the planner's `.rep-app` element. The frame of an earlier print goes first.
pub fn print_in(root: &Element, page: &str, title: &str) {
    if let Ok(old) = root.query_selector_all(".rep-print-frame") {
        for i in 0..old.length() {
            if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
    let Ok(frame) = document().create_element("iframe") else {
        return;
    };
    let _ = frame.set_attribute("class", "rep-print-frame");
    let _ = frame.set_attribute("title", title);
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    // No scripts in the printed page, whatever it holds: same origin only so that we can call its
    // print(), modals so that print() may open the dialog.
    let _ = frame.set_attribute("sandbox", "allow-same-origin allow-modals");
    let _ = frame.set_attribute("srcdoc", page);
    let frame_for_load = frame.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Ok(frame) = frame_for_load.dyn_into::<web_sys::HtmlIFrameElement>() {
            if let Some(window) = frame.content_window() {
                let _ = window.print();
            }
        }
    });
    let _ = frame.add_event_listener_with_callback("load", on_load.unchecked_ref());
    let _ = root.append_child(&frame);
}
