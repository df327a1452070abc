"""Content Logic Companion: the entry point; the shell and its menu come from ui/shell.py and ui/routes.py."""

from ui.memory import keep_memory_bounded
from ui.shell import app_shell

keep_memory_bounded()
app_shell().run()
