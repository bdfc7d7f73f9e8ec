"""Turn raw bytes into text, refusing what is not text: over the size cap, binary, not UTF-8."""

from __future__ import annotations

import charset_normalizer

from summarizer.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "check_size", "decode_text", "describe_size", "looks_binary", "size_excess"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_SNIFF = 8192
# Control characters that never appear in text (tab, newline, form feed and carriage return do).
_CONTROL = bytes(sorted(set(range(32)) - {9, 10, 12, 13, 27}))


def describe_size(n_bytes: int, digits: int = 3) -> str:
    """A human-readable size ("20 MB", "512 bytes") with ``digits`` significant digits."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.{digits}g} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.{digits}g} KB"
    return f"{n_bytes} bytes"


def size_excess(n_bytes: int, max_bytes: int, *, complete: bool = True) -> str:
    """Why ``n_bytes`` is refused: "over the size cap (20.3 MB > 20 MB cap)", with just enough
    digits to tell the two apart; ``complete=False`` when reading stopped at ``n_bytes``."""
    if not complete:
        return f"over the size cap (more than {describe_size(max_bytes)})"
    for digits in (3, 4, 5, 6):
        size, cap = describe_size(n_bytes, digits), describe_size(max_bytes, digits)
        if size != cap:
            return f"over the size cap ({size} > {cap} cap)"
    return f"over the size cap ({n_bytes:,} bytes > {max_bytes:,} bytes cap)"


def check_size(n_bytes: int, max_bytes: int, origin: str) -> None:
    """Raise ``InputError`` when ``n_bytes`` is over the cap."""
    if n_bytes > max_bytes:
        raise InputError(f"{origin}: input is {size_excess(n_bytes, max_bytes)}; raise it with --max-bytes")


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` holds NUL bytes or many control characters."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > max(4, len(head) // 100)


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 text (a BOM is allowed); binary or other encodings get a clear ``InputError``."""
    if looks_binary(data):
        raise InputError(f"{origin}: this is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[: 64 * 1024]).best()
    guess = f" (it looks like {best.encoding})" if best is not None else ""
    hint = f"; convert it, e.g. iconv -f {best.encoding} -t utf-8" if best is not None else ""
    raise InputError(f"{origin}: text is not UTF-8{guess}{hint}")
