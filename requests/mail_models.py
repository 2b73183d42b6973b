"""What an e-mail reply brings beside its text: attachments, kept outside MEDIA_ROOT.

Imported by requests/models.py so that Django registers the model with the requests app.
"""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Nothing serves this directory: only the scoped attachment view reads from it. The location is
    read from the setting on every use, so that an overridden setting (tests) is honoured."""

    base_url = None

    @property
    def base_location(self):
        return str(settings.REQUESTS_ATTACHMENT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


_storage = PrivateStorage()


def private_attachments() -> Storage:
    # A callable, so that migrations name this function instead of freezing a path. With object
    # storage configured (AWS_STORAGE_BUCKET_NAME) the attachments go to the bucket's private
    # "attachments" prefix: the receiver and the web app then share them without sharing a disk.
    if "attachments" in settings.STORAGES:
        return storages["attachments"]
    return _storage


def attachment_path(instance, filename: str) -> str:
    # A random directory per file: names never collide and never reveal another file's path.
    return f"{instance.message.request_id}/{secrets.token_hex(8)}/{filename}"


class MessageAttachment(models.Model):
    """A file the asker sent with an e-mail reply (type checked on its content); staff only."""

    message = models.ForeignKey("requests.Message", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_attachments, max_length=200)
    filename = models.CharField(_("bestandsnaam"), max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["pk"]

    def __str__(self):
        return self.filename
