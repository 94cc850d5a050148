"""Read one file's bytes safely: regular files only, bounded size, never a write."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class ReadError(Exception):
    """The file cannot be read; the message is for the user (CL001)."""


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file (a FIFO, socket, device or folder)")
        if info.st_size > max_bytes:
            raise ReadError(f"file is {info.st_size} bytes, over max-file-bytes ({max_bytes})")
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            raise ReadError(f"file is over max-file-bytes ({max_bytes})")
        return data
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
