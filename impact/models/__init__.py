from impact.models.activities import Activity, ActivityRole, ActivityStatus, Reach
from impact.models.cases import Case, CasePractice, CaseStatus, CaseTag
from impact.models.goals import Goal, GoalStatus
from impact.models.reports import MonitoringReport, ReportStatus
from impact.models.risks import Risk, RiskLevel, RiskReview, RiskStatus
from impact.models.snapshots import DashboardSnapshot
from impact.models.strategy import (
    Agreement,
    AgreementProgress,
    AgreementSpending,
    AgreementStatus,
    ProgressInvitation,
    StrategyCard,
    ThemeBudget,
)
from impact.models.themes import ImpactTheme, Indicator, Measurement

__all__ = [
    "Agreement",
    "AgreementProgress",
    "AgreementSpending",
    "AgreementStatus",
    "ProgressInvitation",
    "Risk",
    "RiskLevel",
    "RiskReview",
    "RiskStatus",
    "StrategyCard",
    "ThemeBudget",
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
