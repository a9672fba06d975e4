"""Bytes → text: the encoding of a file, detected or forced.

UTF-8 is tried first (nearly every file is UTF-8, and a strict decode is the
cheapest possible test).  Byte order marks decide UTF-8-with-BOM, UTF-16 and
UTF-32.  Only when UTF-8 fails does charset-normalizer choose among the
encodings Chinese news arrives in (GB18030 and its subsets GBK/GB2312, Big5 and
its variants, and Windows-1252 for the odd Western page).  A file that none of
them decodes is refused with a reason, never decoded into mojibake.

Encoding names are reported normalised: ``utf-8``, ``utf-8-sig``, ``utf-16``,
``utf-32``, ``gb18030``, ``big5``, ``cp950``, ``big5hkscs``, ``cp1252``, or a
forced codec's Python name.
"""

from __future__ import annotations

import codecs

from corpus.article import ImportFailure

# What charset-normalizer may choose from.  Leaving out UTF-16/32 without a BOM
# and the Japanese/Korean codecs removes its only wrong answers on Chinese text
# (measured on the seeds: GB bytes called cp949, shift_jis_2004 or utf_16_le).
CANDIDATES = ["gb18030", "big5", "cp950", "big5hkscs", "cp1252"]
# A higher tolerance than the default 0.2 keeps short texts with private-use
# characters (seed 002 has U+E010 where a decimal point was lost) decodable.
CHAOS_THRESHOLD = 0.5
# gb2312 and gbk are subsets of gb18030: decode them with the superset.
_DECODER = {"gb2312": "gb18030", "gbk": "gb18030"}
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes([*range(9), *range(14, 32), 127])
BINARY = "looks like a binary file, not text"
EMPTY = "the file is empty"
FORCE_HINT = "choose one with --encoding (add ':replace' to import undecodable bytes as �)"


class ReadError(ValueError):
    """A file or record that cannot be read; ``reason`` is one line for the user."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    @property
    def failure(self) -> ImportFailure:
        return ImportFailure(self.name, self.reason)


def decode(data: bytes, name: str, forced: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and its encoding's normalised name.

    Raises :class:`ReadError` for empty, binary and undecodable input.
    """
    if not data:
        raise ReadError(name, EMPTY)
    if forced:
        return _decode_forced(data, name, forced)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, name, encoding)
    if b"\x00" in data:
        raise ReadError(name, f"{BINARY} (it has NUL bytes; a UTF-16 file without a byte "
                              "order mark needs --encoding utf-16-le or utf-16-be)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _damaged_utf8(data):
            raise ReadError(name, f"not valid UTF-8: {_where(error)}; {FORCE_HINT}") from None
    return _detect(data, name)


def normalise_name(encoding: str) -> str:
    """``GBK`` → ``gb18030``, ``UTF8`` → ``utf-8``, ``utf_16_le`` → ``utf-16-le``."""
    name = codecs.lookup(encoding).name
    return _DECODER.get(name.replace("-", "_"), name).replace("_", "-")


def _decode_bom(data: bytes, name: str, encoding: str) -> tuple[str, str]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        label = encoding.upper().replace("-SIG", "")
        raise ReadError(name, f"starts with a {label} byte order mark but is not valid "
                              f"{label}: {_where(error)}") from None
    return _checked(text, name, encoding)


def _decode_forced(data: bytes, name: str, forced: str) -> tuple[str, str]:
    codec, _, errors = forced.strip().partition(":")
    errors = errors or "strict"
    try:
        encoding = normalise_name(codec)
        codecs.lookup_error(errors)
    except LookupError:
        raise ReadError(name, f"unknown encoding {forced!r}") from None
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as error:
        raise ReadError(name, f"cannot be decoded as {encoding}: {_where(error)}") from None
    return _checked(text, name, encoding)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported on first need: it is not cheap

    best = from_bytes(data, cp_isolation=CANDIDATES, threshold=CHAOS_THRESHOLD).best()
    if best is None:
        if _looks_binary(data):
            raise ReadError(name, BINARY)
        raise ReadError(name, "the encoding could not be recognised (not UTF-8, UTF-16, "
                              f"GB18030/GBK or Big5); {FORCE_HINT}")
    encoding = normalise_name(best.encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:  # not seen: the detector decodes strictly too
        raise ReadError(name, f"looks like {encoding} but {_where(error)}; {FORCE_HINT}") \
            from None
    if _looks_binary(data):
        raise ReadError(name, BINARY)
    return text, encoding


def _checked(text: str, name: str, encoding: str) -> tuple[str, str]:
    if not text:
        raise ReadError(name, EMPTY)
    if "\x00" in text:
        raise ReadError(name, f"{BINARY} (it has NUL characters)")
    return text, encoding


def _damaged_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (a truncated last character, a flipped byte).

    Text in another encoding read as UTF-8 is nearly all replacement characters;
    UTF-8 with damage is nearly all valid multi-byte characters.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good >= 10 * bad


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 100


def _where(error: UnicodeDecodeError) -> str:
    bad = error.object[error.start:error.start + 4].hex(" ")
    return f"byte {error.start:,} ({bad}…) {error.reason}"
