"""One exception tree for detente. Every message names the bad input and the fix."""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


class ModelNotFoundError(DetenteError):
    """No spaCy English pipeline could be loaded."""


class InputError(DetenteError):
    """An input file, line or record cannot be read or is not an article."""

    def __init__(self, message: str, *, origin: str | None = None, line: int | None = None) -> None:
        where = origin or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.origin = origin
        self.line = line
        self.reason = message


class OutputError(DetenteError):
    """An output cannot be written as asked (e.g. Parquet to standard output)."""


class DictionaryError(DetenteError):
    """A codebook, actor dictionary or trigger lexicon file is malformed."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = path or "<dictionary>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class CodebookError(DetenteError):
    """An event code is not in the CAMEO codebook."""


class GoldFormatError(DetenteError):
    """A gold file for `detente eval` is in no format detente reads."""


class StoreError(DetenteError):
    """The event store cannot be opened, migrated, written or queried as asked."""


class QueryError(StoreError):
    """A query given to the read-only SQL interface is not a single read-only SELECT."""


class WebError(DetenteError):
    """A request to ``detente serve`` that cannot be answered; ``status`` is its HTTP status."""

    status = 400
    kind = "bad_request"


class NotFoundError(WebError):
    """No stored event, article or dyad has the id or codes asked for."""

    status = 404
    kind = "not_found"


class UnauthorizedError(WebError):
    """A write (``POST /api/ingest``) without the server's token, or to a server started without one."""

    status = 401
    kind = "unauthorized"


class PayloadTooLargeError(WebError):
    """A request body larger than the server accepts (``--max-body``)."""

    status = 413
    kind = "payload_too_large"


class StoreBusyError(WebError):
    """The store cannot be opened for writing now (another process holds it)."""

    status = 503
    kind = "store_busy"


class ScaleError(DetenteError):
    """A distributed (Dask) run cannot start, lost partitions, or cannot merge its shards."""


class PartitionChangedError(ScaleError):
    """An input file changed between planning a partition and coding it."""
