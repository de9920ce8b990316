"""Qt paints on the GUI thread alone: no hand-off of large fills to its GUI thread pool.

Qt's raster engine splits every fill or blend of 96 or more rows (the reader's
background, a pane's background) into pieces that it hands to a thread pool of
its own, then waits for them.  On a machine with two cores, one of them often
busy, and the pool's threads asleep after the reviewer paused to read, waking
them costs more than the fill: a J after a one-second pause switched threads
100-150 times, and J after a pause took about 1 ms longer at the median and
1-2 ms at the 90th percentile than with the fills done in place (bench_scale's
nav row at 100 plans, alternating).  What is painted is the same either way.

Qt reads `QT_NO_GUI_THREADPOOL` once, the first time it would use that pool, so
this must run before the first window is painted.  A value already set is left
alone; `WORKBENCH_GUI_THREADPOOL=1` keeps Qt's pool (to compare).
"""

from __future__ import annotations

import os

VARIABLE = "QT_NO_GUI_THREADPOOL"
OPT_OUT = "WORKBENCH_GUI_THREADPOOL"


def paint_on_gui_thread() -> None:
    """Ask Qt not to hand fills to its GUI thread pool (call before anything is painted)."""
    if os.environ.get(OPT_OUT) == "1":
        return
    os.environ.setdefault(VARIABLE, "1")
