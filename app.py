"""Content Logic Companion: the entry point; the shell and its menu come from ui/shell.py and ui/routes.py."""

from ui.shell import app_shell

app_shell().run()
