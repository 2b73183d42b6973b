from django.urls import path

from impact import views, views_activities, views_cases, views_manage, views_risks, views_strategy

app_name = "impact"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:key>/", views.figure_csv, name="figure_csv"),
    path("maex.json", views.maex_export, {"fmt": "json"}, name="maex_json"),
    path("maex.csv", views.maex_export, {"fmt": "csv"}, name="maex_csv"),
    path("activiteiten/", views_activities.activity_list, name="activities"),
    path("activiteiten/<slug:slug>/bereik/", views_activities.activity_reach, name="activity_reach"),
    path("metingen/nieuw/", views_activities.measurement_create, name="measurement_create"),
    path("themas/", views_manage.themes, name="themes"),
    path("themas/<int:number>/", views_manage.theme_edit, name="theme_edit"),
    path("doelstellingen/", views_manage.goal_list, name="goals"),
    path("doelstellingen/<int:pk>/meting/", views_manage.goal_progress, name="goal_progress"),
    path("praktijkvoorbeelden/", views_cases.case_list, name="cases"),
    path("praktijkvoorbeelden/nieuw/", views_cases.case_create, name="case_create"),
    path("praktijkvoorbeelden/lijkt-op/<str:reference>/", views_cases.cases_similar, name="cases_similar"),
    path("praktijkvoorbeelden/<slug:slug>/", views_cases.case_detail, name="case"),
    path("praktijkvoorbeelden/<slug:slug>/bewerken/", views_cases.case_edit, name="case_edit"),
    path("praktijkvoorbeelden/<slug:slug>/publiceren/", views_cases.case_publish, name="case_publish"),
    path("rapportages/", views.report_list, name="reports"),
    path("rapportages/aanvragen/", views.report_request, name="report_request"),
    path("rapportages/<uuid:token>/", views.report_detail, name="report"),
    path("rapportages/<uuid:token>/pdf/", views.report_pdf, name="report_pdf"),
    # Strategy cards and agreements (seed 003), the partners' signed progress link, the risk register.
    path("strategie/", views_strategy.strategy_overview, name="strategy"),
    path("strategie/kaarten/nieuw/", views_strategy.strategy_card_edit, name="strategy_card_create"),
    path("strategie/kaarten/<int:number>/", views_strategy.strategy_card_edit, name="strategy_card_edit"),
    path(
        "strategie/kaarten/<int:number>/verwijderen/",
        views_strategy.strategy_card_delete,
        name="strategy_card_delete",
    ),
    path(
        "strategie/kaarten/<int:number>/afspraken/nieuw/",
        views_strategy.strategy_agreement_create,
        name="strategy_agreement_create",
    ),
    path("strategie/afspraken/<int:pk>/", views_strategy.agreement_edit, name="agreement_edit"),
    path(
        "strategie/afspraken/<int:pk>/besteding/",
        views_strategy.agreement_spending,
        name="agreement_spending",
    ),
    path(
        "strategie/afspraken/<int:pk>/verwijderen/", views_strategy.agreement_delete, name="agreement_delete"
    ),
    path("voortgang/<str:token>/", views_strategy.partner_progress, name="partner_progress"),
    path("risicos/", views_risks.risk_list, name="risks"),
    path("risicos/nieuw/", views_risks.risk_edit, name="risk_create"),
    path("risicos/<int:pk>/", views_risks.risk_edit, name="risk_edit"),
    path("risicos/<int:pk>/beoordelen/", views_risks.risk_review, name="risk_review"),
]
