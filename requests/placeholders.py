"""The placeholders of standard texts: which exist, how a text is checked, how it is filled in.

A text is checked with Python's own format parser, so what passes here is exactly what
`fill_placeholders` can fill: only bare names from PLACEHOLDERS, no attribute access, no format spec.
"""

from string import Formatter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PLACEHOLDERS = {
    "voornaam": gettext_lazy(
        "de voornaam van de vraagsteller (of de hele naam als die uit één woord bestaat)"
    ),
    "referentie": gettext_lazy("het kenmerk van de vraag, bijvoorbeeld CV-2026-00042"),
    "adviseur": gettext_lazy("uw eigen naam: de adviseur die het bericht verstuurt"),
    "wijk": gettext_lazy("de naam van de wijk van de vraag"),
}


def placeholder_errors(text: str) -> list[str]:
    """Dutch messages for every problem in `text`; empty when it can be filled in."""
    try:
        fields = [(name, spec, conversion) for _lit, name, spec, conversion in Formatter().parse(text)]
    except ValueError:
        return [
            _(
                "De accolades kloppen niet. Schrijf een invulveld als {voornaam}, met één { ervoor en "
                "één } erachter. Wilt u echt een accolade in de tekst? Schrijf dan {{ of }}."
            )
        ]
    errors = []
    for name, spec, conversion in fields:
        if name is None:
            continue
        if name == "":
            errors.append(
                _(
                    "Er staat een leeg invulveld {} in de tekst. Zet er een naam tussen, bijvoorbeeld {voornaam}."
                )
            )
        elif name not in PLACEHOLDERS or spec or conversion:
            errors.append(
                _("Het invulveld {%(name)s} bestaat niet. U kunt kiezen uit: %(known)s.")
                % {
                    "name": name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""),
                    "known": ", ".join(f"{{{key}}}" for key in PLACEHOLDERS),
                }
            )
    # One message per distinct problem, in the order they appear.
    return list(dict.fromkeys(errors))


def first_name(full_name: str) -> str:
    parts = (full_name or "").split()
    return parts[0] if parts else ""


def placeholder_values(*, culture_request, advisor) -> dict[str, str]:
    return {
        "voornaam": first_name(culture_request.requester_name),
        "referentie": culture_request.reference,
        "adviseur": (advisor.get_full_name() or advisor.email) if advisor is not None else "",
        "wijk": culture_request.district.name,
    }


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """The text with its placeholders filled in; a text that fails the check comes back unchanged."""
    if placeholder_errors(text):
        return text
    return text.format_map(values)
