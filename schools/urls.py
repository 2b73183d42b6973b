from django.urls import path, register_converter

from schools.school_year import SchoolYearConverter
from schools.views import budget, overview, pages, plans, pool

register_converter(SchoolYearConverter, "schoolyear")

app_name = "schools"
urlpatterns = [
    path("", pages.home, name="home"),
    path("scholen/", pages.school_list, name="list"),
    path("overzicht/", overview.overview, name="overview"),
    path("overzicht/<slug:table>.csv", overview.overview_csv, name="overview_csv"),
    path("pool/", pool.pool_list, name="pool_list"),
    path("pool/nieuw/", pool.pool_teacher_add, name="pool_teacher_add"),
    path("pool/mijn-beschikbaarheid/", pool.my_availability, name="my_availability"),
    path("pool/<int:teacher_pk>/", pool.pool_teacher_edit, name="pool_teacher_edit"),
    path("<int:pk>/", pages.school_detail, name="detail"),
    path("<int:pk>/kunstvakdocenten/", pool.school_pool, name="school_pool"),
    path("<int:pk>/kunstvakdocenten/voorstellen/", pool.proposal_create, name="proposal_create"),
    path(
        "<int:pk>/kunstvakdocenten/<int:proposal_pk>/reactie/",
        pool.proposal_respond,
        name="proposal_respond",
    ),
    path("<int:pk>/cultuurtype/", pages.culture_type_set, name="culture_type"),
    path("<int:pk>/monitoring/", pages.monitoring, name="monitoring"),
    path("<int:pk>/co-creaties/", pages.co_creation_link, name="co_creation_link"),
    path("<int:pk>/<schoolyear:year>/plan/", plans.plan_detail, name="plan"),
    path("<int:pk>/<schoolyear:year>/plan/starten/", plans.plan_start, name="plan_start"),
    path("<int:pk>/<schoolyear:year>/plan/visie/", plans.plan_vision, name="plan_vision"),
    path("<int:pk>/<schoolyear:year>/plan/ambities/", plans.ambition_add, name="ambition_add"),
    path(
        "<int:pk>/<schoolyear:year>/plan/ambities/<int:ambition_pk>/",
        plans.ambition_edit,
        name="ambition_edit",
    ),
    path(
        "<int:pk>/<schoolyear:year>/plan/ambities/<int:ambition_pk>/verwijderen/",
        plans.ambition_delete,
        name="ambition_delete",
    ),
    path("<int:pk>/<schoolyear:year>/plan/mijlpalen/", plans.milestone_add, name="milestone_add"),
    path(
        "<int:pk>/<schoolyear:year>/plan/mijlpalen/<int:milestone_pk>/verwijderen/",
        plans.milestone_delete,
        name="milestone_delete",
    ),
    path("<int:pk>/<schoolyear:year>/plan/indienen/", plans.plan_submit, name="plan_submit"),
    path("<int:pk>/<schoolyear:year>/plan/akkoord/", plans.plan_agree, name="plan_agree"),
    path("<int:pk>/<schoolyear:year>/plan/terugsturen/", plans.plan_send_back, name="plan_send_back"),
    path("<int:pk>/<schoolyear:year>/budget/", budget.budget_page, name="budget"),
    path("<int:pk>/regels/<int:line_pk>/", budget.budget_line_edit, name="budget_line"),
    path("<int:pk>/regels/<int:line_pk>/verwijderen/", budget.budget_line_delete, name="budget_line_delete"),
]
