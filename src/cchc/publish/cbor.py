"""The part of CBOR (RFC 8949) that Pagefind's index files use: integers, strings, bytes, arrays, maps.

Maps decode to a `Map` of pairs in file order, so that re-encoding changes nothing but what the
caller reorders on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

_WIDTHS = {24: 1, 25: 2, 26: 4, 27: 8}


@dataclass
class Map:
    pairs: list[tuple[object, object]]


def decode_cbor(data: bytes) -> object:
    value, end = _item(data, 0)
    if end != len(data):
        raise ValueError(f"CBOR: {len(data) - end} byte(s) after the first item")
    return value


def _head_at(data: bytes, i: int) -> tuple[int, int, int]:
    """The major type and argument of the item at data[i], and where its content starts."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        return major, info, i
    if info in _WIDTHS:
        width = _WIDTHS[info]
        return major, int.from_bytes(data[i : i + width], "big"), i + width
    raise ValueError(f"CBOR: unsupported header {data[i - 1]:#x} at byte {i - 1}")


def _item(data: bytes, i: int) -> tuple[object, int]:
    major, n, i = _head_at(data, i)
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return bytes(data[i : i + n]), i + n
    if major == 3:
        return data[i : i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _item(data, i)
            items.append(item)
        return items, i
    if major == 5:
        pairs = []
        for _ in range(n):
            key, i = _item(data, i)
            value, i = _item(data, i)
            pairs.append((key, value))
        return Map(pairs), i
    raise ValueError(f"CBOR: unsupported major type {major} at byte {i - 1}")


def _end(data: bytes, i: int) -> int:
    """Where the item at data[i] ends, found without building its value: one loop over the heads, as an
    index chunk holds hundreds of thousands of small integers (a call per item took most of the time)."""
    pending = 1  # items still to skip
    while pending:
        head = data[i]
        major, info = head >> 5, head & 31
        i += 1
        pending -= 1
        if info < 24:
            n = info
        elif info == 24:
            n = data[i]
            i += 1
        elif info in _WIDTHS:
            width = _WIDTHS[info]
            n = int.from_bytes(data[i : i + width], "big")
            i += width
        else:
            raise ValueError(f"CBOR: unsupported header {head:#x} at byte {i - 1}")
        if major < 2:  # an integer: its head is all of it
            continue
        if major < 4:
            i += n
        elif major == 4:
            pending += n
        elif major == 5:
            pending += 2 * n
        else:
            raise ValueError(f"CBOR: unsupported major type {major} at byte {i - 1}")
    return i


def elements(data: bytes, i: int = 0) -> list[bytes]:
    """The elements of the array at data[i], each still encoded."""
    start = i
    major, n, i = _head_at(data, i)
    if major != 4:
        raise ValueError(f"CBOR: expected an array at byte {start}")
    parts = []
    for _ in range(n):
        end = _end(data, i)
        parts.append(data[i:end])
        i = end
    return parts


def first(data: bytes) -> object:
    """The first element of the encoded array `data`, decoded without reading the rest."""
    return _item(data, _head_at(data, 0)[2])[0]


def array(parts: list[bytes]) -> bytes:
    """An array of already encoded elements."""
    return _head(4, len(parts)) + b"".join(parts)


def encode(value: object) -> bytes:
    if isinstance(value, bool) or value is None:
        raise TypeError(f"CBOR: {value!r} is not used by Pagefind's files")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return array([encode(item) for item in value])
    if isinstance(value, Map):
        return _head(5, len(value.pairs)) + b"".join(encode(k) + encode(v) for k, v in value.pairs)
    raise TypeError(f"CBOR: cannot encode {type(value).__name__}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, width in _WIDTHS.items():
        if n < 1 << (8 * width):
            return bytes([major << 5 | info]) + n.to_bytes(width, "big")
    raise ValueError(f"CBOR: {n} does not fit in 64 bits")
