"""Own-classes page: two classes of the visitor's pictures, trained live, tried, saved."""

import streamlit as st

from ui.classes import files as class_files
from ui.classes import intake as class_intake
from ui.classes import training as class_training
from ui.classes import trying as class_try
from ui.classes.sets import MAX_PICTURES, MIN_PER_CLASS
from ui.core import session, work
from ui.core.i18n import t
from ui.core.text import plain
from ui.notebook import button as notebook
from ui.shell.router import guard
from ui.widgets import controls, run_panel
from ui.widgets.data_gate import require_data
from ui.widgets.framing import choice as framing_choice
from ui.widgets.model_upload import model_upload

guard()

st.title(t("classes_title"), anchor=False)
st.caption(t("classes_intro", max=MAX_PICTURES, min=MIN_PER_CLASS))
two = class_intake.two_classes()
share, with_lesson = class_training.options()

st.header(t("classes_step_pictures"), anchor=False)
framing_choice()  # how every picture added (and tried, below) becomes 64×64
for k, column in enumerate(st.columns(2, gap="large")):
    with column:
        class_intake.name_input(two, k)
        class_intake.show_notes(two, k)
        class_intake.intake(two, k)
        class_intake.thumbnails(two, k, two.test_ids(k, share))
shown = class_intake.names(two)
work.hold("classes", two.total)  # the browser's marker: what a restart would lose

st.header(t("classes_step_train"), anchor=False)
left, right = st.columns([1, 2], gap="large")
with left:
    share, with_lesson = class_training.option_widgets()
    lesson = require_data().data if with_lesson else None
    st.markdown(class_training.split_summary(two, shown, share, lesson))
    if lesson is not None:
        st.info(class_training.lesson_note(shown, lesson, two))
    with st.expander(t("settings_folded")):
        settings = controls.training_controls(validation=False)
    with st.expander(t("classes_files")):
        class_files.save_dataset(two, shown)
        class_files.load_dataset(two)
with right:
    c_train, c_stop = st.columns(2)
    clicked = c_train.button(
        t("train"), key="classes_train_button", type="primary", width="stretch"
    )
    c_stop.button(t("stop"), key="classes_stop_button", width="stretch")
    bar, chart = st.empty(), st.empty()
    metrics, notes = st.container(), st.container()
with session.exclusive():  # a run stopped by a click saves its network before the next run reads it
    with notes:
        if clicked:
            blockers = class_training.problems(two, shown)
            for reason in blockers:
                st.warning(reason)
            if not blockers:
                class_training.train(two, shown, settings, lesson, chart, bar)
        model = class_training.current()
        record = model.record if model else None
        run_panel.result_chart(record, chart)
        if record is not None:
            run_panel.summary(record, metrics, model, model.names, resumable=False)
            class_training.held_out(model, two)
            class_files.save_model(model)
            notebook.run_buttons(
                record,
                "classes",
                class_names=shown,
                data_file=class_files.DATA_FILE,
                test_share=share,
                with_lesson=with_lesson,
            )

st.header(t("classes_step_try"), anchor=False)
model_upload("classes_model_upload", class_training.use_loaded)
model = class_training.current()
if model is None:
    st.info(t("classes_try_first"))
else:
    names = " / ".join(plain(n) for n in model.named)  # from a file or the visitor: text
    st.info(t("classes_model_is", label=plain(model.meta.get("label", "")), names=names))
    class_try.try_model(model, two)
