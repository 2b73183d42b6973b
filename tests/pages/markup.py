"""What the markup tests read from a page: ids, labels, date inputs, <time datetime> values."""

import re
from html.parser import HTMLParser

# Elements a <label for> may point at (HTML's "labelable elements"; hidden inputs are not).
LABELABLE = {"button", "input", "meter", "output", "progress", "select", "textarea"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A valid HTML datetime: a date, or a date and time with at most milliseconds and an optional zone.
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


class Markup(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.labelable: set[str] = set()
        self.label_for: list[str] = []
        self.date_values: list[str] = []
        self.time_values: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        element_id = attrs.get("id")
        if element_id is not None:
            self.ids.append(element_id)
            if tag in LABELABLE and not (tag == "input" and attrs.get("type") == "hidden"):
                self.labelable.add(element_id)
        if tag == "label" and attrs.get("for") is not None:
            self.label_for.append(attrs["for"])
        if tag == "input" and attrs.get("type") == "date" and attrs.get("value"):
            self.date_values.append(attrs["value"])
        if tag == "time" and "datetime" in attrs:
            self.time_values.append(attrs["datetime"] or "")

    handle_startendtag = handle_starttag

    def duplicate_ids(self) -> list[str]:
        seen, twice = set(), []
        for element_id in self.ids:
            if element_id in seen and element_id not in twice:
                twice.append(element_id)
            seen.add(element_id)
        return twice

    def labels_without_control(self) -> list[str]:
        return [target for target in self.label_for if target not in self.labelable]

    def bad_dates(self) -> list[str]:
        return [value for value in self.date_values if not ISO_DATE.match(value)]

    def bad_times(self) -> list[str]:
        return [value for value in self.time_values if not ISO_DATETIME.match(value)]
