"""One phone (or dashboard) speaking the browser's websocket protocol to the app, for bench/room_driver.py.

What a browser tab does, and only that: GET ``/_stcore/health`` for the xsrf cookie (and the proxy's
affinity cookie), open ``/_stcore/stream`` with the subprotocol ``streamlit, <xsrf>``, send
``BackMsg.rerun_script`` with the page and query string, then for every later run the page's script
hash, the query string the server last set, every widget value the frontend keeps, a one-shot
trigger for a button, and the fragment id for a fragment run. ``st.fragment(run_every=...)`` timers
are kept running as the frontend keeps them (``auto_rerun`` announces them). When the socket drops
(its app process died), :meth:`ProtocolSession.reconnect` opens a new one through the same address
with the last query string, as the frontend does after a reload, so ``?me=`` brings the attendee back.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

DONE_STATUSES = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
"""``script_finished`` values that end a run (``FINISHED_EARLY_FOR_RERUN`` is a run replaced by the next)."""

Element = tuple[str, Any, str]
"""(element type, its proto, the fragment it was drawn in)."""


def _cookies_from(head: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in head.split("\r\n"):
        if line.lower().startswith("set-cookie:"):
            name, _, rest = line.split(":", 1)[1].strip().partition("=")
            found[name] = rest.split(";", 1)[0]
    return found


@dataclass
class ProtocolSession:
    """A browser tab's protocol state: the socket, the page, the widget values the frontend keeps."""

    base_url: str
    path: str
    query: str = ""
    on_element: Callable[[ProtocolSession, str, Any, str], None] | None = None
    """Called for every element drawn: (session, element type, element proto, fragment id)."""
    cookies: dict[str, str] = field(default_factory=dict)
    query_string: str = ""
    page_script_hash: str = ""
    widgets: dict[str, WidgetState] = field(default_factory=dict)
    elements: dict[str, Element] = field(default_factory=dict)
    timers: dict[str, float] = field(default_factory=dict)
    """Fragment id → seconds, from ``auto_rerun``: the frontend reruns these on its own."""
    exceptions: list[str] = field(default_factory=list)
    closed: str | None = None
    runs: int = 0

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.query_string = self.query_string or self.query
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._waiter: asyncio.Future[int] | None = None
        self._busy = asyncio.Lock()
        self._seen: set[str] = set()
        self._running_fragment = ""

    # Connection --------------------------------------------------------------------------------

    async def _fetch_cookies(self) -> None:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = f"GET /_stcore/health HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nConnection: close\r\n"
        writer.write((request + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode())
        await writer.drain()
        data = await reader.read()
        writer.close()
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        if " 200 " not in head.split("\r\n", 1)[0]:
            raise ConnectionError(f"health check answered {head.splitlines()[0] if head else 'nothing'}")
        self.cookies |= _cookies_from(head)

    async def connect(self, timeout: float) -> float:
        """Open the socket and run the page as a browser's first load; the run's seconds."""
        await self._fetch_cookies()
        try:
            self._ws = await self._open_socket(timeout)
        except websockets.InvalidHandshake as refused:  # e.g. the proxy's 503 while no process is up
            raise ConnectionError(f"refused: {refused}") from refused
        self.closed = None
        self._reader = asyncio.create_task(self._read())
        self._running_fragment = ""
        first = ClientState(
            query_string=self.query_string,
            widget_states=WidgetStates(),
            page_name=self.path.strip("/"),
            context_info=self._context(),
        )
        return await self._run(first, timeout)

    async def _open_socket(self, timeout: float) -> Any:
        return await websockets.connect(
            f"ws://{self.host}:{self.port}/_stcore/stream",
            subprotocols=["streamlit", self.cookies.get("_streamlit_xsrf", "PLACEHOLDER")],  # type: ignore[list-item]
            additional_headers={
                "Origin": f"http://{self.host}:{self.port}",
                "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            },
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,
        )

    async def reconnect(self, timeout: float) -> float:
        """A new socket through the same address after the old one dropped (a browser reloading)."""
        await self.close()
        self.widgets.clear()
        self.elements.clear()
        self.timers.clear()
        self.page_script_hash = ""
        return await self.connect(timeout)

    async def close(self) -> None:
        """Close the socket and stop reading (the old reader is gone before a new socket opens)."""
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
            self._reader = None

    def _context(self) -> ContextInfo:
        return ContextInfo(
            timezone="UTC",
            timezone_offset=0,
            locale="en-US",
            url=f"http://{self.host}:{self.port}{self.path}",
            is_embedded=False,
            color_scheme="light",
        )

    # Incoming ----------------------------------------------------------------------------------

    async def _read(self) -> None:
        socket = self._ws
        try:
            async for raw in socket:
                message = ForwardMsg()
                message.ParseFromString(raw)
                self._handle(message)
        except websockets.ConnectionClosed as closed:
            self.closed = f"closed: {closed}"
        except Exception as error:  # noqa: BLE001 - reported as the session's error, never hangs a caller
            self.closed = f"reader: {error!r}"
        finally:
            if socket is self._ws:  # not an old socket's reader ending after a reconnect
                self.closed = self.closed or "closed"
            if socket is self._ws and self._waiter is not None and not self._waiter.done():
                self._waiter.set_exception(ConnectionError(self.closed))

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.page_script_hash = message.new_session.page_script_hash or self.page_script_hash
        elif kind == "navigation" and message.navigation.page_script_hash:
            self.page_script_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "auto_rerun":
            self.timers[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(message.delta.new_element, message.delta.fragment_id)
        elif kind == "script_finished" and message.script_finished in DONE_STATUSES:
            if message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:  # a full run unmounts the rest
                gone = [w for w in self.elements if w not in self._seen]
            else:  # a fragment run unmounts what that fragment no longer draws
                fragment = self._running_fragment
                gone = [w for w, e in self.elements.items() if e[2] == fragment and w not in self._seen]
            for widget_id in gone:
                self.elements.pop(widget_id, None)
                self.widgets.pop(widget_id, None)
            self._seen = set()
            if self._waiter is not None and not self._waiter.done():
                self._waiter.set_result(message.script_finished)

    def _element(self, element: Any, fragment_id: str) -> None:
        etype = element.WhichOneof("type")
        if etype is None:
            return
        proto = getattr(element, etype)
        if etype == "exception":
            self.exceptions.append(f"{proto.type}: {proto.message}"[:300])
        if self.on_element is not None:
            self.on_element(self, etype, proto, fragment_id)
        widget_id = getattr(proto, "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
            self.elements[widget_id] = (etype, proto, fragment_id)
            self._seen.add(widget_id)
            self._keep_value(widget_id, etype, proto)

    def _keep_value(self, widget_id: str, etype: str, proto: Any) -> None:
        """The value the frontend keeps: the widget's default when first drawn, or what the server set."""
        if widget_id in self.widgets and not getattr(proto, "set_value", False):
            return
        state = WidgetState(id=widget_id)
        if etype in ("text_input", "text_area"):
            state.string_value = proto.value if proto.set_value else proto.default
        elif etype == "checkbox":
            state.bool_value = proto.value if proto.set_value else proto.default
        elif etype == "radio":  # 1.67 sends the chosen option's text; index=None sends nothing
            if proto.set_value and proto.HasField("raw_value"):
                state.string_value = proto.raw_value
            elif proto.HasField("default"):
                state.string_value = proto.options[proto.default]
            else:
                return
        else:
            return  # buttons are one-shot triggers; other widgets keep their server-side state
        self.widgets[widget_id] = state

    # Outgoing ----------------------------------------------------------------------------------

    def widget_id(self, key: str) -> str:
        """The id of the widget drawn with this key (``prefix*`` matches a key prefix)."""
        for widget_id in self.elements:
            widget_key = widget_id.split("-", 2)[-1]
            if (key.endswith("*") and widget_key.startswith(key[:-1])) or widget_key == key:
                return widget_id
        raise KeyError(f"no widget {key!r} on {self.path}")

    def has_widget(self, key: str) -> bool:
        """Whether a widget with this key is drawn now."""
        try:
            self.widget_id(key)
        except KeyError:
            return False
        return True

    async def run(
        self,
        *,
        values: dict[str, str | bool] | None = None,
        trigger: str | None = None,
        fragment: str | None = None,
        page: str | None = None,
        timeout: float = 60.0,
    ) -> float:
        """One rerun as the frontend sends it: new widget values, a button press, a fragment's own run
        (its timer, or a widget inside it), or another page; the seconds until it finished."""
        fragment_id, auto = "", False
        for key, value in (values or {}).items():
            widget_id = self.widget_id(key)
            state = WidgetState(id=widget_id)
            if isinstance(value, bool):
                state.bool_value = value
            else:
                state.string_value = value
            self.widgets[widget_id] = state
            fragment_id = fragment_id or self.elements[widget_id][2]
        if trigger is not None:
            fragment_id = fragment_id or self.elements[self.widget_id(trigger)][2]
        if fragment is not None:
            fragment_id, auto = fragment, True
        if page is not None:  # another page: the frontend drops the old page's timers
            self.path = f"/{page}"
            self.timers.clear()
        states = WidgetStates()
        for state in self.widgets.values():
            states.widgets.add().CopyFrom(state)
        if trigger is not None:
            states.widgets.add(id=self.widget_id(trigger), trigger_value=True)
        state = ClientState(
            query_string=self.query_string,
            widget_states=states,
            page_script_hash="" if page else self.page_script_hash,
            page_name=page or "",
            fragment_id=fragment_id,
            is_auto_rerun=auto,
            context_info=self._context(),
        )
        self._running_fragment = fragment_id
        return await self._run(state, timeout)

    async def _run(self, state: ClientState, timeout: float) -> float:
        async with self._busy:  # one run at a time per tab, as the frontend waits for its runs
            if self.closed is not None:
                raise ConnectionError(self.closed)
            loop = asyncio.get_running_loop()
            self._waiter = loop.create_future()
            started = time.perf_counter()
            try:
                await self._ws.send(BackMsg(rerun_script=state).SerializeToString())
            except websockets.ConnectionClosed as closed:
                raise ConnectionError(f"closed: {closed}") from closed
            await asyncio.wait_for(self._waiter, timeout)
            self.runs += 1
            return time.perf_counter() - started

    @property
    def busy(self) -> bool:
        """Whether a run of this tab is in flight."""
        return self._busy.locked()
