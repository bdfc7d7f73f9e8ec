"""Turn raw bytes into text, refusing what is not text: over the size cap, binary, not UTF-8."""

from __future__ import annotations

import codecs

from summarizer.errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "check_size",
    "decode_text",
    "describe_size",
    "looks_binary",
    "size_excess",
    "to_utf8",
    "utf16_codec",
]

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


def utf16_codec(data: bytes) -> str | None:
    """The UTF-16 codec ``data`` is written in, from its BOM or the zero bytes of Latin text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[: _SNIFF - _SNIFF % 2]
    for zeros, other, codec in ((head[1::2], head[0::2], "utf-16-le"), (head[0::2], head[1::2], "utf-16-be")):
        # most characters of Latin-script text have a zero high byte, none a zero low byte
        if zeros and b"\x00" not in other and zeros.count(0) * 2 >= len(zeros):
            return codec
    return None


def to_utf8(data: bytes, origin: str) -> bytes:
    """``data`` as UTF-8 when it is UTF-16 text (with or without a BOM); other data as it is."""
    codec = utf16_codec(data)
    if codec is None:
        return data
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"{origin}: text looks like UTF-16 but does not decode as it;"
            " convert it, e.g. iconv -f utf-16 -t utf-8"
        ) from None


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 text (a BOM is allowed); binary or other encodings get a clear ``InputError``."""
    if looks_binary(data):
        raise InputError(f"{origin}: this is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # noqa: PLC0415 - only text that is not UTF-8 needs a guess

    best = charset_normalizer.from_bytes(data[: 64 * 1024]).best()
    guess = f" (it looks like {best.encoding})" if best is not None else ""
    hint = f"; convert it, e.g. iconv -f {best.encoding} -t utf-8" if best is not None else ""
    raise InputError(f"{origin}: text is not UTF-8{guess}{hint}")
