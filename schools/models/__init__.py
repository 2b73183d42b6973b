from schools.models.bookings import SchoolVenueBooking
from schools.models.budget import AmountPerGroup, BudgetLine
from schools.models.cocreations import CoCreationSchool
from schools.models.monitoring import MonitoringEntry
from schools.models.plans import Ambition, CmkPlan, Milestone, PlanEvent
from schools.models.pool import PoolProposal, PoolTeacher, ProposalStatus, TeacherAvailability
from schools.models.schools import CultureTypeRecord, IccMembership, School, SchoolBoard

__all__ = [
    "AmountPerGroup",
    "Ambition",
    "BudgetLine",
    "CmkPlan",
    "CoCreationSchool",
    "CultureTypeRecord",
    "IccMembership",
    "Milestone",
    "MonitoringEntry",
    "PlanEvent",
    "PoolProposal",
    "PoolTeacher",
    "ProposalStatus",
    "School",
    "SchoolBoard",
    "SchoolVenueBooking",
    "TeacherAvailability",
]
