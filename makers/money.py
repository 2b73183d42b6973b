from decimal import ROUND_HALF_UP, Decimal


def euros_to_cents(value) -> int | None:
    if value is None or value == "":
        return None
    return int((Decimal(value) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def cents_to_euros(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))
