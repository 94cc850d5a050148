"""Write files atomically: a temporary file in the same folder, then a rename.

Only regular files are replaced that way. A path that names something else (``-o
/dev/null``, ``/dev/stdout``, a named pipe) is written in place: renaming over it would
replace the device or pipe with a plain file. A symbolic link is followed, so the link
stays and its target gets the new content. The new file keeps the mode of the file it
replaces, or gets the usual mode for a new file (0666 less the umask), not the 0600 of a
temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    try:
        status = path.stat()  # follows symbolic links
    except (FileNotFoundError, NotADirectoryError):
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    folder = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask
