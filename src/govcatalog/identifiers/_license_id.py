"""证照标识 (GB/T 36904-2018): root, type code, issuer, serial, version and MOD 37,36 check."""

from __future__ import annotations

from collections.abc import Collection

from stdnum.iso7064 import mod_37_36

from govcatalog._lenient import lenient_clean

from ._division_data import get_division
from ._result import (
    CheckResult,
    Failure,
    IdentifierKind,
    Outcome,
    Problem,
    finish,
    require_allow,
    require_str,
)
from ._text import (
    UPPER_ALNUM,
    charset_failure,
    checksum_failure,
    empty_failure,
    first_outside,
    is_digits,
)
from ._uscc import check_uscc

ROOT = "1.2.156.3005.2"
# One vendor mistypes the root as 3003; identifiers under it are rejected, not repaired.
_MISTYPED_ROOT = "1.2.156.3003.2"
_SEGMENTS_ZH = ("证照类型代码", "证照颁发机构代码", "流水号", "版本号", "校验位")
_SEGMENTS_EN = ("type code", "issuer code", "serial number", "version", "check character")


def license_check_char(body: str) -> str:
    """Compute the check character over type code + issuer + serial + version (internal)."""
    return str(mod_37_36.calc_check_digit(body))


def _check_root(candidate: str) -> Failure | None:
    if candidate.startswith(_MISTYPED_ROOT):
        return Failure(
            Problem.ROOT,
            f"根代码 {_MISTYPED_ROOT} 有误，应为 {ROOT}",
            f"root code {_MISTYPED_ROOT} is wrong, it should be {ROOT}",
        )
    if not candidate.startswith(ROOT + "."):
        return Failure(
            Problem.ROOT,
            f"证照标识应以根代码 {ROOT} 开头",
            f"a licence identifier should start with the root code {ROOT}",
        )
    return None


def _segment_failure(index: int, want_zh: str, want_en: str, found: str) -> Failure:
    return Failure(
        Problem.STRUCTURE,
        f"{_SEGMENTS_ZH[index]}应为{want_zh}，实为 {found!r}",
        f"the {_SEGMENTS_EN[index]} should be {want_en}, found {found!r}",
    )


def _check_segments(parts: list[str], strict: bool) -> Failure | None:
    if len(parts) != 5:
        return Failure(
            Problem.STRUCTURE,
            f"根代码后应有 5 段（{'.'.join(_SEGMENTS_ZH)}），实为 {len(parts)} 段",
            f"the root code should be followed by 5 segments ({', '.join(_SEGMENTS_EN)}),"
            f" found {len(parts)}",
        )
    offset = len(ROOT) + 1
    for index, part in enumerate(parts):
        if not part:
            return _segment_failure(index, "非空", "non-empty", part)
        bad = first_outside(part, UPPER_ALNUM)
        if bad is not None:
            return charset_failure(
                part, bad, "数字或大写字母", "a digit or capital letter", offset=offset
            )
        offset += len(part) + 1
    type_code, issuer, _serial, version, check = parts
    if len(type_code) != 21 or not is_digits(type_code[18:]):
        return _segment_failure(
            0, " 18 位统一社会信用代码加 3 位数字", "an 18-character USCC and 3 digits", type_code
        )
    if strict and len(issuer) != 18:
        return _segment_failure(
            1,
            " 18 位统一社会信用代码（非严格模式可接受地方代码）",
            "an 18-character USCC (strict=False accepts local codes)",
            issuer,
        )
    if len(version) != 3 or not is_digits(version):
        return _segment_failure(3, " 3 位数字", "3 digits", version)
    if len(check) != 1:
        return _segment_failure(4, " 1 个字符", "one character", check)
    return None


def _check_embedded(type_code: str, issuer: str, details: dict[str, str]) -> Failure | None:
    definer = check_uscc(type_code[:18])
    if not definer.valid:
        return Failure(
            Problem.EMBEDDED,
            f"证照类型代码中的统一社会信用代码 {type_code[:18]} 无效：{definer.message_zh}",
            f"the USCC {type_code[:18]} in the type code is invalid: {definer.message_en}",
        )
    if len(issuer) == 18:
        details["issuer_kind"] = "uscc"
        issuer_result = check_uscc(issuer)
        if not issuer_result.valid:
            return Failure(
                Problem.EMBEDDED,
                f"证照颁发机构代码 {issuer} 无效：{issuer_result.message_zh}",
                f"the issuer code {issuer} is invalid: {issuer_result.message_en}",
            )
        return None
    division = get_division(issuer) if len(issuer) == 6 else None
    if division is not None:
        details["issuer_kind"] = "division"
        details["issuer_name"] = division.name
    else:
        details["issuer_kind"] = "other"
    return None


def _inspect(text: str, strict: bool) -> Outcome:
    candidate = text if strict else lenient_clean(text, drop_hyphens=False)
    outcome = Outcome(candidate)
    if not candidate.strip():
        outcome.failure = empty_failure()
        return outcome
    outcome.failure = _check_root(candidate)
    if outcome.failure is not None:
        return outcome
    parts = candidate[len(ROOT) + 1 :].split(".")
    outcome.failure = _check_segments(parts, strict)
    if outcome.failure is not None:
        return outcome
    type_code, issuer, serial, version, check = parts
    outcome.details.update(
        root=ROOT,
        type_code=type_code,
        type_definer=type_code[:18],
        type_sequence=type_code[18:],
        issuer=issuer,
        serial=serial,
        version=version,
        check=check,
    )
    expected = license_check_char(type_code + issuer + serial + version)
    if expected != check:
        outcome.failure = checksum_failure(expected, check)
        return outcome
    outcome.failure = _check_embedded(type_code, issuer, outcome.details)
    return outcome


def check_license_id(
    value: str, *, strict: bool = True, allow: Collection[str] = ()
) -> CheckResult:
    """Check a 证照标识 (electronic licence identifier, GB/T 36904-2018).

    The identifier is ``1.2.156.3005.2.<type code>.<issuer>.<serial>.<version>.<check>``:
    the type code is the defining authority's USCC plus three digits, the issuer is the issuing
    authority's USCC, the serial is digits and capital letters, the version three digits. The
    check character is ISO 7064 MOD 37,36 over type code + issuer + serial + version (dots
    removed, root not included). The mistyped root ``1.2.156.3003.2`` is rejected.

    Args:
        value: The identifier to check.
        strict: When False, upper-case letters, drop spaces, fold full-width characters, and
            accept an issuer code that is not a USCC (the local variant with a six-digit
            division code, for example).
        allow: Values to accept even if they fail.

    Returns:
        The result; ``details`` holds ``root``, ``type_code``, ``type_definer``,
        ``type_sequence``, ``issuer``, ``issuer_kind`` (``"uscc"``, ``"division"`` or
        ``"other"``), ``serial``, ``version`` and ``check``.

    Raises:
        TypeError: If ``value`` is not a str.
    """
    text = require_str(value)
    outcome = _inspect(text, strict)
    return finish(IdentifierKind.LICENSE_ID, text, outcome, require_allow(allow))
