from django.urls import path

from districts import views

# The district page itself ("districts:detail") reads every app: cultuur/site/urls.py adds it.
app_name = "districts"
urlpatterns = [
    path("", views.district_list, name="list"),
    path("<slug:slug>/profiel/", views.profile_edit, name="profile_edit"),
    path("<slug:slug>/partners/nieuw/", views.partner_edit, name="partner_add"),
    path("<slug:slug>/partners/<int:partner_id>/", views.partner_edit, name="partner_edit"),
    path("<slug:slug>/partners/<int:partner_id>/verwijderen/", views.partner_delete, name="partner_delete"),
    path("<slug:slug>/bijdragen/nieuw/", views.grant_create, name="grant_add"),
]
