"""Organizations, staff accounts, and who works for which organization in what role.

Staff sign in with their e-mail address: the user model has no separate user name.
"""

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Addresses under /<language>/ that are not organizations' careers pages.
RESERVED_ORGANIZATION_SLUGS = frozenset({"accounts", "staff", "application", "privacy"})


def validate_organization_slug(value: str) -> None:
    if value in RESERVED_ORGANIZATION_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved for Tremplin’s own pages: choose another slug."),
            code="reserved",
            params={"slug": value},
        )


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, validators=[validate_organization_slug]
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("recruitment e-mail address"),
        blank=True,
        help_text=_("Applications sent here are routed by plus tag: vacancies+<slug>@…"),
    )
    about = models.TextField(_("about"), blank=True)
    # The data controller, for the privacy notice, the privacy page and the record of
    # processing (GDPR Art. 13 and 30).
    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        blank=True,
        help_text=_("The data controller’s registered name; the name above when empty."),
    )
    postal_address = models.TextField(_("postal address"), blank=True)
    privacy_email = models.EmailField(
        _("privacy contact"),
        blank=True,
        help_text=_("Where candidates write to exercise their rights."),
    )
    dpo_name = models.CharField(_("data protection officer"), max_length=200, blank=True)
    dpo_email = models.EmailField(_("data protection officer’s e-mail address"), blank=True)
    # Retention, in months (the CNIL's recruitment guide gives the defaults).
    retention_months = models.PositiveSmallIntegerField(
        _("applications not retained: months kept"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_(
            "After the vacancy’s process ends (closed, a decision for everyone), unless the "
            "candidate joined the talent pool."
        ),
    )
    talent_pool_months = models.PositiveSmallIntegerField(
        _("talent pool: months kept"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_(
            "After the last contact (a reply or a new application). An e-mail offers to stay "
            "one month before."
        ),
    )
    hired_retention_months = models.PositiveSmallIntegerField(
        _("hired candidates: months kept"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "After the hire, the application leaves the recruitment data and is kept this "
            "long (5 years by default: the time to bring a discrimination claim in France)."
        ),
    )
    decisions_statement = models.JSONField(
        _("how decisions are made"),
        default=dict,
        blank=True,
        help_text=_("Per language code; Tremplin’s own text where empty."),
    )
    # Everyone who reads candidates' data proves a second factor (accounts.twofactor);
    # an owner may relax it for reviewers only.
    reviewers_need_two_factor = models.BooleanField(
        _("reviewers must use a second factor"),
        default=True,
        help_text=_(
            "Owners and recruiters always do. Without it, reviewers log in with their "
            "password alone."
        ),
    )
    # A reviewer with reviews waiting this long is reminded by e-mail (remind-reviewers).
    review_reminder_days = models.PositiveSmallIntegerField(
        _("remind reviewers after (days)"),
        default=3,
        validators=[MaxValueValidator(60)],
        help_text=_(
            "A reviewer who has left an application waiting this many days gets an e-mail, "
            "then again after as many days while some are still waiting. 0: never."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        # The table kept its name when the model moved here from vacancies.
        db_table = "vacancies_organization"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("vacancies:organization", kwargs={"org": self.slug})


class UserManager(DjangoUserManager["User"]):
    """Django's manager, keyed by e-mail address instead of a user name."""

    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        """Log in whatever the case of the address typed."""
        return self.get(email__iexact=username or "")

    def _create_user_object(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("Users need an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.password = ""
        user.set_password(password)
        return user

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        user = self._create_user_object(email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "The language of the mail Tremplin sends this person: the language of the page "
            "they last logged in on. Blank means the site's language."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    @property
    def display_name(self) -> str:
        """How people see this account named: its full name, else its e-mail address."""
        return self.get_full_name() or self.email


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")
        REVIEWER = "reviewer", _("Reviewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="membership_one_per_user_and_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"
