"""Who may use each staff page: one table, by URL name.

``staff_view`` and ``StaffViewMixin`` (``permissions.py``) look the page's URL name up here
on every request: a member whose role is not listed gets a 404, like an outsider, and a
staff URL missing from the table is refused to everyone (the authorization matrix test
fails first). The test reads this table too, so the rules are written once.

Roles (Membership.Role): owners may do everything; recruiters manage vacancies,
applications and messages; reviewers see only the applications of the vacancies they are
assigned to (each ``*_get_for_user`` helper checks that).
"""

from tremplin.accounts.models import Membership

Role = Membership.Role
OWNER: frozenset[str] = frozenset({Role.OWNER})
MANAGERS: frozenset[str] = frozenset({Role.OWNER, Role.RECRUITER})
EVERYONE: frozenset[str] = frozenset({Role.OWNER, Role.RECRUITER, Role.REVIEWER})

POLICY: dict[str, frozenset[str]] = {
    "staff_accounts:invite": OWNER,
    "staff_accounts:list": OWNER,
    "staff_accounts:remove": OWNER,
    "staff_accounts:review_reminders": OWNER,
    "staff_accounts:reviewers_two_factor": OWNER,
    "staff_accounts:role": OWNER,
    "staff_api:token_revoke": OWNER,
    "staff_api:tokens": OWNER,
    "staff_applications:board": MANAGERS,
    "staff_applications:bulk_actions": MANAGERS,
    "staff_applications:bulk_move": MANAGERS,
    "staff_applications:bulk_undo": MANAGERS,
    "staff_applications:candidate_edit": MANAGERS,
    "staff_applications:detail": MANAGERS,
    "staff_applications:hidden_words_edit": MANAGERS,
    "staff_applications:document_download": MANAGERS,
    # Page images may show a photo or contact details that no redaction reaches: reviewers
    # read documents as text in the review pages.
    # Reviewers: by review's rule (applications/reader_rules.py, review/reader.py); page
    # images never on a blind vacancy before its reveal.
    "staff_applications:document_page": EVERYONE,
    "staff_applications:document_read": EVERYONE,
    "staff_applications:index": MANAGERS,
    "staff_applications:message_prepare": MANAGERS,
    "staff_applications:message_write": MANAGERS,
    "staff_applications:move": MANAGERS,
    "staff_applications:note_add": MANAGERS,
    "staff_applications:note_edit": MANAGERS,
    "staff_applications:stage_edit": OWNER,
    "staff_applications:stage_move": OWNER,
    "staff_applications:stage_remove": OWNER,
    "staff_applications:stages": OWNER,
    "staff_core:audit": OWNER,
    "staff_core:audit_export": OWNER,
    "staff_interviews:cancel": MANAGERS,
    "staff_interviews:new": MANAGERS,
    "staff_interviews:reschedule": MANAGERS,
    # Panel members of any role fill theirs; the view refuses (404) members not on the
    # panel unless they are managers, who read the submitted ones.
    "staff_interviews:scorecard": EVERYONE,
    "staff_messaging:draft": MANAGERS,
    "staff_messaging:draft_discard": MANAGERS,
    "staff_messaging:drafts": MANAGERS,
    "staff_messaging:inbound": MANAGERS,
    "staff_messaging:template_add": MANAGERS,
    "staff_messaging:template_delete": MANAGERS,
    "staff_messaging:template_edit": MANAGERS,
    "staff_messaging:template_preview": MANAGERS,
    "staff_messaging:templates": MANAGERS,
    "staff_messaging:unsorted": MANAGERS,
    "staff_notifications:list": EVERYONE,
    "staff_notifications:preferences": EVERYONE,
    "staff_notifications:read": EVERYONE,
    "staff_notifications:read_all": EVERYONE,
    "staff_notifications:followed": MANAGERS,
    "staff_notifications:follow": MANAGERS,
    "staff_privacy:erase": OWNER,
    "staff_privacy:export_download": OWNER,
    "staff_privacy:export_request": OWNER,
    "staff_privacy:record": OWNER,
    "staff_privacy:record_md": OWNER,
    "staff_privacy:settings": OWNER,
    "staff_review:application": EVERYONE,
    "staff_review:application_reviews": MANAGERS,
    # A reviewer who reads blind tells the recruiters what still shows (not what it is).
    "staff_review:identity_report": EVERYONE,
    "staff_review:blind_lift": MANAGERS,
    "staff_review:blind_restore": MANAGERS,
    "staff_review:index": EVERYONE,
    "staff_review:progress": MANAGERS,
    "staff_review:question": EVERYONE,
    "staff_review:remind": MANAGERS,
    "staff_review:results": EVERYONE,
    "staff_review:vacancy": EVERYONE,
    "search:saved": EVERYONE,
    "search:saved_delete": EVERYONE,
    "search:search": EVERYONE,
    "staff_reports:diversity": OWNER,
    "staff_reports:report": MANAGERS,
    "staff_reports:report_csv": MANAGERS,
    "staff_vacancies:close": MANAGERS,
    "staff_vacancies:create": MANAGERS,
    "staff_vacancies:criteria": MANAGERS,
    "staff_vacancies:criterion_create": MANAGERS,
    "staff_vacancies:criterion_delete": MANAGERS,
    "staff_vacancies:criterion_edit": MANAGERS,
    "staff_vacancies:criterion_move": MANAGERS,
    "staff_vacancies:edit": MANAGERS,
    "staff_vacancies:import": MANAGERS,
    "staff_vacancies:list": EVERYONE,
    "staff_vacancies:preview": MANAGERS,
    "staff_vacancies:publish": MANAGERS,
    "staff_vacancies:question_create": MANAGERS,
    "staff_vacancies:question_delete": MANAGERS,
    "staff_vacancies:question_edit": MANAGERS,
    "staff_vacancies:question_move": MANAGERS,
    "staff_vacancies:questions": MANAGERS,
    "staff_vacancies:reopen": MANAGERS,
    "staff_vacancies:reviewers": MANAGERS,
    "staff_webhooks:delete": OWNER,
    "staff_webhooks:enable": OWNER,
    "staff_webhooks:endpoint": OWNER,
    "staff_webhooks:list": OWNER,
    "staff_webhooks:ping": OWNER,
    "staff_webhooks:resend": OWNER,
}

# Parts of a page that only some of the roles allowed on the page see, by "URL name/part".
# The import page's count of the fields corrected before saving is the owners': it measures
# the importer and the team's checking over time, like the audit log, and a recruiter
# importing one posting needs only that posting's preview.
PANELS: dict[str, frozenset[str]] = {
    "staff_vacancies:import/corrections": OWNER,
}
