"""The root URLconf: every app's pages, the API router and the district page, which reads every app."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from cultuur import views
from cultuur.site import district_page
from cultuur.site.api import router
from districts.urls import urlpatterns as district_urls

app_urls = (
    [
        path("", views.home, name="home"),
        path("start/", views.start, name="start"),
        path("overzicht/", views.overview, name="overview"),
        path("privacy/", views.privacy, name="privacy"),
        path("audit/", views.audit_log, name="audit_log"),
    ],
    "cultuur",
)

urlpatterns = [
    path("", include(app_urls)),
    path("healthz", views.healthz, name="healthz"),
    path(
        "wijken/",
        include(
            (
                [*district_urls, path("<slug:slug>/", district_page.district_detail, name="detail")],
                "districts",
            )
        ),
    ),
    path("school/", include("schools.urls")),
    path("dashboard/", include("impact.urls")),
    path("", include("requests.urls")),
    path("", include("makers.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

if settings.BENCH_FLOORS:  # the yardsticks of `make bench`; never mounted by default
    from cultuur.site import bench_views

    urlpatterns += [
        path("bench/floor/text/", bench_views.framework_floor),
        path("bench/floor/page/", bench_views.page_floor),
    ]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "cultuur.views.permission_denied"
handler404 = "cultuur.views.page_not_found"
handler500 = "cultuur.views.server_error"
