"""Every date field of every form renders an ISO value in its `<input type="date">`.

A browser shows a date input empty unless its value is YYYY-MM-DD; the funding application's edit
form rendered the Dutch "06-04-2026" and looked as if the date was lost. The page-level check (every
edit page as its roles see it) is tests/pages; this one reaches every form, including those whose
page the access world does not fill in.
"""

import datetime
import inspect
import re
from importlib import import_module

import pytest
from django import forms
from django.utils import translation

FORM_MODULES = ["districts.forms", "makers.forms", "requests.forms", "schools.forms", "impact.forms"]
DAY = datetime.date(2026, 4, 6)


def date_fields():
    for module_name in FORM_MODULES:
        module = import_module(module_name)
        for name, form_class in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form_class, forms.BaseForm) or form_class.__module__ != module_name:
                continue
            for field_name, field in form_class.base_fields.items():
                if isinstance(field, forms.DateField):
                    yield pytest.param(form_class, field_name, id=f"{name}.{field_name}")


@pytest.mark.parametrize(("form_class", "field_name"), list(date_fields()))
def test_a_date_field_shows_its_saved_date_as_iso(form_class, field_name):
    field = form_class.base_fields[field_name]
    with translation.override("nl"):
        html = field.widget.render(field_name, field.prepare_value(DAY), attrs={"id": f"id_{field_name}"})
    assert re.search(r'type="date"', html), html
    assert 'value="2026-04-06"' in html, html


def test_the_forms_have_date_fields_at_all():
    assert len(list(date_fields())) >= 12
