from django.urls import path

from requests import (
    asker_views,
    funding_views,
    matching_views,
    merge_views,
    norm_views,
    privacy_views,
    tool_views,
    triage_views,
    views,
)

app_name = "requests"

# References look like CV-2026-00042; the public pages carry the secret token, never an id.
urlpatterns = [
    path("vraag/", views.ask, name="ask"),
    path("vraag/bedankt/", views.thanks, name="thanks"),
    path("vraag/status/<str:token>/", views.status, name="status"),
    path("vraag/status/<str:token>/reageren/", views.reply, name="reply"),
    path("vraag/status/<str:token>/intrekken/", views.withdraw, name="withdraw"),
    path("vraag/status/<str:token>/evaluatie/", views.evaluate, name="evaluate"),
    path("vraag/status/<str:token>/verwijderen/", views.erase, name="erase"),
    path("vraag/status/<str:token>/heropenen/", views.reopen, name="reopen"),
    path("mijn-vragen/", asker_views.ask_link, name="my_questions"),
    path("mijn-vragen/overzicht/", asker_views.question_list, name="my_questions_list"),
    path("mijn-vragen/link/<str:token>/", asker_views.open_link, name="my_questions_open"),
    path("privacy/inzage/", privacy_views.access_request, name="access_request"),
    path("triage/", triage_views.board, name="triage"),
    path("normen/", norm_views.norms_edit, name="norms"),
    # Before triage/<reference>/: these words are never a reference.
    path("triage/weergaven/", tool_views.view_list, name="view_list"),
    path("triage/weergaven/opslaan/", tool_views.view_create, name="view_create"),
    path("triage/weergaven/kiezen/", tool_views.view_picker, name="view_picker"),
    path("triage/weergaven/<int:pk>/", tool_views.view_edit, name="view_edit"),
    path("triage/weergaven/<int:pk>/verwijderen/", tool_views.view_delete, name="view_delete"),
    path("standaardteksten/", tool_views.text_list, name="text_list"),
    path("standaardteksten/nieuw/", tool_views.text_create, name="text_create"),
    path("standaardteksten/<int:pk>/", tool_views.text_edit, name="text_edit"),
    path("standaardteksten/<int:pk>/verwijderen/", tool_views.text_delete, name="text_delete"),
    path("triage/<str:reference>/", triage_views.detail, name="detail"),
    path("triage/<str:reference>/toewijzen/", triage_views.assign_to_me, name="assign"),
    path("triage/<str:reference>/status/", triage_views.change_status, name="change_status"),
    path("triage/<str:reference>/gegevens/", triage_views.update_details, name="details"),
    path("triage/<str:reference>/bericht/", triage_views.send_message, name="message"),
    path("triage/<str:reference>/notitie/", triage_views.add_note, name="note"),
    path("triage/<str:reference>/bijlage/<int:pk>/", triage_views.attachment, name="attachment"),
    path("triage/<str:reference>/koppelen/", matching_views.match, name="match"),
    path("triage/<str:reference>/samenvoegen/", merge_views.merge, name="merge"),
    path("triage/<str:reference>/fonds/", funding_views.add_application, name="funding_add"),
    path("fondsen/", funding_views.overview, name="funding"),
    path("fondsen/<int:pk>/", funding_views.edit_application, name="funding_edit"),
]
