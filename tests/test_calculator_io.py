"""The calculators' shared input helper: a table, an upload, a demo and the label mapping, each kept
when the page is left and entered again (hiding a widget for a run is what a page switch does to it)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

NO_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def _table_script() -> None:
    import pandas as pd
    import streamlit as st

    from ui.calculator_io import replace_table, table_changed, table_editor, table_rows

    st.button(
        "Load demo",
        key="demo",
        on_click=lambda: replace_table("t_table", pd.DataFrame({"week": ["W1", "W2"], "orders": [5, 6]})),
    )
    if st.toggle("Show the table", value=True, key="show"):
        rows = table_editor(
            "t_table", lambda: pd.DataFrame({"week": ["W1"], "orders": [1]}), num_rows="dynamic"
        )
    else:
        rows = table_rows("t_table")
    assert rows is not None
    st.markdown(f"orders={rows['orders'].tolist()} changed={table_changed('t_table')}")


def _shown(at: AppTest) -> str:
    return at.markdown[-1].value


def test_table_edits_survive_leaving_the_page_and_a_new_table_drops_them() -> None:
    at = AppTest.from_function(_table_script, default_timeout=30).run()
    assert _shown(at) == "orders=[1] changed=False"
    at.session_state["t_table"] = {
        **NO_EDITS,
        "edited_rows": {0: {"orders": 9}},
        "added_rows": [{"week": "W2", "orders": 4}],
    }
    at.run()
    assert _shown(at) == "orders=[9, 4] changed=True"
    at.toggle(key="show").set_value(False).run()  # the editor isn't drawn: its own state is dropped
    assert _shown(at) == "orders=[9, 4] changed=True"
    at.toggle(key="show").set_value(True).run()  # back: the edits are the editor's data now
    assert at.data_editor[0].value["orders"].tolist() == [9, 4]
    assert _shown(at) == "orders=[9, 4] changed=True"
    at.button(key="demo").click().run()
    assert at.data_editor[0].value["orders"].tolist() == [5, 6]
    assert _shown(at) == "orders=[5, 6] changed=False"
    assert not at.exception


def _upload_script() -> None:
    import streamlit as st

    from ui.calculator_io import KeptFile, file_upload, kept_file

    def arrived(file: KeptFile | None) -> None:
        st.session_state.setdefault("calls", []).append(None if file is None else file.name)

    if st.toggle("Show the uploader", value=True, key="show"):
        kept = file_upload("t_upload", "Your file", on_file=arrived)
    else:
        kept = kept_file("t_upload")
    st.markdown(
        f"file={None if kept is None else (kept.name, kept.data)} calls={st.session_state.get('calls')}"
    )


def test_an_upload_is_read_once_and_kept_until_the_user_stops_using_it() -> None:
    at = AppTest.from_function(_upload_script, default_timeout=30).run()
    assert _shown(at) == "file=None calls=None"
    at.file_uploader(key="t_upload").set_value(("sales.csv", b"week,orders\nW1,3\n", "text/csv")).run()
    assert _shown(at) == "file=('sales.csv', b'week,orders\\nW1,3\\n') calls=['sales.csv']"
    at.toggle(key="show").set_value(False).run()
    at.toggle(key="show").set_value(True).run()  # the uploader comes back empty; the file is still used
    assert _shown(at) == "file=('sales.csv', b'week,orders\\nW1,3\\n') calls=['sales.csv']"
    assert "sales.csv" in at.caption[0].value
    at.button(key="t_upload_stop").click().run()
    assert _shown(at) == "file=None calls=['sales.csv', None]"
    assert not at.exception


def _demo_script() -> None:
    import streamlit as st

    from ui.calculator_io import demo_picker

    def picked(demo: str) -> None:
        st.session_state.setdefault("picked", []).append(demo)

    if st.toggle("Show the picker", value=True, key="show"):
        chosen = demo_picker(
            "t_demo", "Demo", ("carla", "shelf"), format_func=str.upper, on_pick=picked, default="shelf"
        )
        st.markdown(f"chosen={chosen} picked={st.session_state.get('picked')}")


def test_the_demo_chosen_comes_back_with_the_page() -> None:
    at = AppTest.from_function(_demo_script, default_timeout=30).run()
    assert _shown(at) == "chosen=shelf picked=None"
    at.selectbox(key="t_demo").set_value("carla").run()
    assert _shown(at) == "chosen=carla picked=['carla']"
    at.toggle(key="show").set_value(False).run()
    at.toggle(key="show").set_value(True).run()
    assert _shown(at) == "chosen=carla picked=['carla']"
    assert not at.exception


def _mapping_script() -> None:
    import streamlit as st

    from content_logic.calculator import UnmappedLabel
    from ui.calculator_io import current_mapping, mapping_editor

    names = {"self_video": "Own video", "influencer": "Creators"}
    mapping = current_mapping("t_channels")
    written = [
        UnmappedLabel(column="Source", label="Seller-owned", rows=12),
        UnmappedLabel(column="Source", label="Agency", rows=2),
    ]
    unmapped = [item for item in written if item.label not in mapping]  # what a read with the mapping leaves
    if st.toggle("Show the editor", value=True, key="show"):
        mapping = mapping_editor("t_channels", unmapped, tuple(names), id_label=names.__getitem__)
    st.markdown(f"mapping={mapping}")


def _label_select(at: AppTest, label: str) -> object:
    return next(box for box in at.selectbox if f"“{label}”" in box.label or f"«{label}»" in box.label)


def test_the_mapping_editor_maps_unknown_labels_and_remembers_them() -> None:
    at = AppTest.from_function(_mapping_script, default_timeout=30).run()
    assert _shown(at) == "mapping={}"
    box = _label_select(at, "Seller-owned")
    assert "12" in box.label and "Source" in box.label  # type: ignore[attr-defined]
    assert box.options == ["— leave these rows out —", "Own video", "Creators"]  # type: ignore[attr-defined]
    box.set_value("influencer").run()  # type: ignore[attr-defined]
    assert _shown(at) == "mapping={'Seller-owned': 'influencer'}"
    assert _label_select(at, "Seller-owned").value == "influencer"  # still listed, to change it
    at.toggle(key="show").set_value(False).run()
    at.toggle(key="show").set_value(True).run()
    assert _shown(at) == "mapping={'Seller-owned': 'influencer'}"
    _label_select(at, "Seller-owned").select_index(0).run()  # type: ignore[attr-defined]
    assert _shown(at) == "mapping={}"
    assert not at.exception


def test_the_mapping_editor_speaks_spanish() -> None:
    # Read only: AppTest formats a selectbox's value in the test process, which has no session
    # language, so a Spanish selectbox can't be driven here (the English test drives it).
    at = AppTest.from_function(_mapping_script, default_timeout=30)
    at.session_state["lang"] = "es"
    at.run()
    box = _label_select(at, "Seller-owned")
    assert box.label == "Tratar «Seller-owned» (12 filas en la columna «Source») como"  # type: ignore[attr-defined]
    assert box.options[0] == "— dejar fuera estas filas —"  # type: ignore[attr-defined]
    assert not at.exception
