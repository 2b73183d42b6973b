"""What the markup tests read from a page: ids, labels, date inputs, <time datetime> values."""

import re
from html.parser import HTMLParser

# Elements a <label for> may point at (HTML's "labelable elements"; hidden inputs are not).
LABELABLE = {"button", "input", "meter", "output", "progress", "select", "textarea"}
# A list or a block inside a <p> or <span> ends the paragraph early in every browser (the password
# help of the account forms was a <ul> in a <span> in a <p>).
PHRASING_HOLDERS = {"p", "span"}
BLOCKS = {"div", "ul", "ol", "table", "section", "form", "p"}
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
        self.open_phrasing: list[str] = []  # <p> and <span> elements open right now
        self.blocks_in_phrasing: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS and self.open_phrasing:
            self.blocks_in_phrasing.append(f"<{tag}> in <{self.open_phrasing[-1]}>")
        if tag in PHRASING_HOLDERS:
            self.open_phrasing.append(tag)
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_endtag(self, tag):
        if tag in PHRASING_HOLDERS and tag in self.open_phrasing:
            del self.open_phrasing[len(self.open_phrasing) - 1 - self.open_phrasing[::-1].index(tag) :]

    def _start(self, tag, attrs):
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

    def blocks_inside_paragraphs(self) -> list[str]:
        return self.blocks_in_phrasing
