"""File integrity: a registered file must exist and still have the SHA-256 recorded for it."""

import hashlib

from ..errors import DataError


def checked_bytes(data_dir, file, recorded, register, line, what="file"):
    """The bytes of ``data_dir/file`` once its SHA-256 matches ``recorded``; otherwise a DataError located at
    ``register:line`` saying the file is missing or has changed."""
    path = data_dir / file
    if not path.is_file():
        raise DataError(register, f"{what} {file} not found", row=line, field="file")
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != recorded:
        raise DataError(register, f"{file} has changed: its SHA-256 is not the one recorded", row=line, field="sha256")
    return raw
