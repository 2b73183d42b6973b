"""The API router. Each app contributes its viewsets in its own api.py; they are registered here."""

from rest_framework.routers import DefaultRouter

from districts.api import DistrictViewSet

router = DefaultRouter()
router.register("districts", DistrictViewSet, basename="district")
