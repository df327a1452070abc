"""The app as an ASGI application: ``uvicorn asgi:app --host 0.0.0.0 --port 8501``.

``streamlit run`` (1.67) binds its listening socket itself without naming TCP as the protocol, so
asyncio never sets ``TCP_NODELAY`` on the connections it accepts and every reply waits ~40 ms on
the phone's delayed ACK. Uvicorn binding the socket (``--host``/``--port``) sets it: the same app,
the same ``.streamlit/config.toml``, replies without that wait (README, "Room scale").
"""

import streamlit as st

app = st.App("app.py")
