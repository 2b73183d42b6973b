"""Thin tasks: take ids, call one function."""

from celery import shared_task

from schools import pool_mail


@shared_task
def send_proposal_notice(*, proposal_id: int) -> None:
    pool_mail.proposal_notice(proposal_id=proposal_id)
