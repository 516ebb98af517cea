"""The one masker of personal numbers: every page, mail, API answer and stored hotline text uses it.

It lives in ``store`` because both the importers (which must mask before anything is
stored, and may not import ``analysis``) and everything above them need the same rules:
two maskers would drift apart and one of them would leak.
"""

from __future__ import annotations

import re

# Mobile numbers, also written +86 138-1234-5678 or 138 1234 5678, never inside a longer digit run.
PHONE = re.compile(r"(?<![0-9])((?:\+?86[- ]?)?)(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])")
# Landlines with their area code, with or without the dash: 022-23456789, 02223456789.
LANDLINE = re.compile(r"(?<![0-9])(0[0-9]{2,3})(-?)([0-9]{3,4})([0-9]{4})(?![0-9])")
# Resident ID numbers: 18 characters (the last may be X) or the old 15-digit form.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])([0-9]{3})([0-9]{11}|[0-9]{8})([0-9]{3}[0-9Xx]|[0-9]{4})(?![0-9A-Za-z])")
# Posts often use full-width digits (１３８…); fold them so they are masked too.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def mask_numbers(text: str) -> str:
    """Mask phone and ID numbers (138****5678, 022-****1234, 120***********123X).

    Crawled posts are public, but a number a citizen left in one is still personal data.
    """
    text = ID_NUMBER.sub(lambda m: m.group(1) + "*" * len(m.group(2)) + m.group(3), text.translate(FULLWIDTH_DIGITS))
    text = PHONE.sub(lambda m: f"{m.group(1)}{m.group(2)}****{m.group(4)}", text)
    return LANDLINE.sub(lambda m: m.group(1) + m.group(2) + "****" + m.group(4), text)
