"""Uploads to views with a small size limit are never written to disk.

Django streams every upload over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file before
the view runs, so a 500 MB "CSV" sent to a 2 MB form used to fill the disk first and be
refused afterwards. A view marked with `upload_limit` gets its files through
`SizeLimitUploadHandler` instead: at most limit + 1 bytes are kept (in memory), the rest
is read past and dropped, and the file's `size` stays the real one, so the view refuses
it by size with its own message.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.urls import Resolver404, resolve

Limit = int | Callable[[], int]


def upload_limit(limit: Limit):
    """Mark a view as taking files of at most `limit` bytes (an int or a function giving it)."""

    def mark(view):
        view.upload_max_bytes = limit
        return view

    return mark


def view_upload_limit(path: str) -> int | None:
    try:
        limit = getattr(resolve(path).func, "upload_max_bytes", None)
    except Resolver404:
        return None
    return limit() if callable(limit) else limit


class SizeLimitUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: for a view with an upload limit it keeps the files
    itself (the memory and disk handlers after it see no data); other views pass through."""

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self.limit = view_upload_limit(request.path_info) if request is not None else None

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.kept = io.BytesIO()
        if self.limit is not None:
            raise StopFutureHandlers  # or the disk handler opens its temporary file anyway

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if self.limit is None:
            return raw_data
        room = self.limit + 1 - self.kept.tell()
        if room > 0:
            self.kept.write(raw_data[:room])
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile | None:
        if self.limit is None:
            return None
        self.kept.seek(0)
        return InMemoryUploadedFile(
            file=self.kept,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,  # the size sent, not the bytes kept: the view refuses by it
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
