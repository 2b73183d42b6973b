"""Manager pages that write: the impact themes (SDGs) and hand-measured goal progress."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from impact import selectors, services
from impact.forms import GoalProgressForm, ThemeForm
from impact.models import ImpactTheme
from impact.progress import with_progress
from impact.views import manager_required


@manager_required
def themes(request):
    themes = ImpactTheme.objects.prefetch_related("indicators").order_by("number")
    return render(request, "impact/themes.html", {"themes": themes})


@manager_required
def theme_edit(request, number):
    theme = get_object_or_404(ImpactTheme, number=number)
    form = ThemeForm(
        request.POST or None,
        initial={"name": theme.name, "description": theme.description, "is_active": theme.is_active},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, by=request.user, **form.cleaned_data)
        except services.ImpactError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(theme))
            return redirect("impact:themes")
    return render(request, "impact/theme_edit.html", {"theme": theme, "form": form})


@manager_required
def goal_list(request):
    progress = with_progress(selectors.visible_goals(request.user).order_by("period_end", "title"))
    return render(request, "impact/goals.html", {"progress": progress})


@manager_required
def goal_progress(request, pk):
    goal = get_object_or_404(selectors.visible_goals(request.user).filter(metric=""), pk=pk)
    form = GoalProgressForm(
        request.POST or None, initial={"value": goal.manual_value, "evidence": goal.evidence}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_record_progress(goal=goal, by=request.user, **form.cleaned_data)
        except services.ImpactError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, goal.title)
            return redirect("impact:goals")
    return render(request, "impact/goal_progress.html", {"goal": goal, "form": form})
