"""The main window's shell: the window, its actions and docks, the status bar, the reader and the charts."""
