import io

import pytest

from cultuur.demo import DemoContext
from requests.models import CultureRequest
from requests.workflow import Status

pytestmark = pytest.mark.django_db


def seed_all():
    ctx = DemoContext(stdout=io.StringIO())
    for module in ("cultuur.demo", "districts.demo", "requests.demo"):
        __import__(module, fromlist=["seed"]).seed(ctx)


def test_demo_data_has_hundreds_of_requests_across_districts_kinds_and_statuses_and_is_idempotent():
    seed_all()
    count = CultureRequest.objects.count()
    assert count >= 200
    assert CultureRequest.objects.values("district").distinct().count() >= 5
    assert set(CultureRequest.objects.values_list("requester_kind", flat=True)) == {
        "resident",
        "initiative",
        "organisation",
        "school",
    }
    assert set(CultureRequest.objects.values_list("status", flat=True)) == set(Status.values)
    assert all(
        r.startswith("CV-") and len(r) == 13
        for r in CultureRequest.objects.values_list("reference", flat=True)
    )
    seed_all()
    assert CultureRequest.objects.count() == count


def test_demo_has_b1_standard_texts_saved_views_and_a_merged_duplicate():
    from requests.advisor_models import RequestMerge, SavedView, StandardText
    from requests.placeholders import placeholder_errors

    seed_all()
    texts = list(StandardText.objects.all())
    assert {t.language for t in texts} == {"nl", "en"}
    assert all(placeholder_errors(t.body) == [] for t in texts)
    assert SavedView.objects.filter(is_default=True).exists()
    assert SavedView.objects.filter(shared_with__isnull=False).exists()
    merge = RequestMerge.objects.select_related("request", "primary").first()
    assert merge.request.status == Status.MERGED and merge.primary.district_id == merge.request.district_id
    counts = (StandardText.objects.count(), SavedView.objects.count(), RequestMerge.objects.count())
    seed_all()
    assert (StandardText.objects.count(), SavedView.objects.count(), RequestMerge.objects.count()) == counts
