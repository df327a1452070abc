"""Streamlit-side helpers shared by the pages: language, cached data, small rendering pieces."""
