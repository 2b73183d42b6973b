from impact.models.activities import Activity, ActivityRole, ActivityStatus, Reach
from impact.models.cases import Case, CasePractice, CaseStatus, CaseTag
from impact.models.goals import Goal, GoalStatus
from impact.models.reports import MonitoringReport, ReportStatus
from impact.models.snapshots import DashboardSnapshot
from impact.models.themes import ImpactTheme, Indicator, Measurement

__all__ = [
    "Activity",
    "ActivityRole",
    "ActivityStatus",
    "Case",
    "CasePractice",
    "CaseStatus",
    "CaseTag",
    "DashboardSnapshot",
    "Goal",
    "GoalStatus",
    "ImpactTheme",
    "Indicator",
    "Measurement",
    "MonitoringReport",
    "Reach",
    "ReportStatus",
]
