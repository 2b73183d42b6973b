"""The API router. Each app contributes its viewsets in its own api.py; they are registered here."""

from rest_framework.routers import DefaultRouter

from districts.api import DistrictViewSet, GrantViewSet, PartnerViewSet
from requests.api import CultureRequestViewSet

router = DefaultRouter()
router.register("districts", DistrictViewSet, basename="district")
router.register("district-partners", PartnerViewSet, basename="district-partner")
router.register("district-grants", GrantViewSet, basename="district-grant")

from schools import api as schools_api  # noqa: E402

router.register("schools", schools_api.SchoolViewSet, basename="school")
router.register("school-plans", schools_api.CmkPlanViewSet, basename="school-plan")
router.register("school-budget-lines", schools_api.BudgetLineViewSet, basename="school-budget-line")
router.register("school-monitoring", schools_api.MonitoringEntryViewSet, basename="school-monitoring")

from schools import pool_api  # noqa: E402

router.register("pool-teachers", pool_api.PoolTeacherViewSet, basename="pool-teacher")
router.register("pool-proposals", pool_api.ProposalViewSet, basename="pool-proposal")
router.register("requests", CultureRequestViewSet, basename="culturerequest")

from requests import tool_api  # noqa: E402

router.register("saved-views", tool_api.SavedViewViewSet, basename="savedview")
router.register("standard-texts", tool_api.StandardTextViewSet, basename="standardtext")

from makers import api as makers_api  # noqa: E402

router.register("makers", makers_api.MakerViewSet, basename="maker")
router.register("courses", makers_api.CourseViewSet, basename="course")
router.register("venues", makers_api.VenueViewSet, basename="venue")
router.register("cocreations", makers_api.CoCreationViewSet, basename="cocreation")

from makers import series_api  # noqa: E402

router.register("booking-series", series_api.BookingSeriesViewSet, basename="booking-series")
from makers import mark_api  # noqa: E402

router.register("quality-marks", mark_api.QualityMarkViewSet, basename="quality-mark")

from impact import api as impact_api  # noqa: E402

router.register("activities", impact_api.ActivityViewSet, basename="activity")
router.register("measurements", impact_api.MeasurementViewSet, basename="measurement")
router.register("goals", impact_api.GoalViewSet, basename="goal")
router.register("cases", impact_api.CaseViewSet, basename="case")

from impact import api_strategy  # noqa: E402

router.register("strategy-cards", api_strategy.StrategyCardViewSet, basename="strategy-card")
router.register("strategy-agreements", api_strategy.AgreementViewSet, basename="strategy-agreement")
router.register("risks", api_strategy.RiskViewSet, basename="risk")
