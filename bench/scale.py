"""Benchmark of the staff pages at scale (issue 13). Not a test: it prints figures.

    DATABASE_URL=postgres://… .venv/bin/python bench/scale.py --applications 1000 [--json]

It migrates the PostgreSQL database of DATABASE_URL and seeds it (bulk_create in batches, then
INSERT … SELECT) like a real instance: 20 organizations, 200 vacancies, one with 5 % of the
applications; a 600-word CV in French or English each (from a word list); two reviews on a
third; mail; 11 audit events each; unsorted mail for 5 % of N; 6 % of the candidates due for
erasure today. Its last line is a JSON object to log in with: organization, vacancy, user
(an owner), password, totp_key (hex). Then, unless --seed-only: gunicorn (DEBUG off), a cookie
session logged in through the real login and TOTP pages, each page requested --requests times
in a row: p50 and p95 of the whole response; query counts from CaptureQueriesContext around
Django's test Client in this process, on the same database; the floor, /healthz on the same
server; retention's candidates erased per second (stopped after --retention-budget seconds).

With --database sqlite it seeds and serves a SQLite file instead (DATABASE_URL=sqlite:///…
to keep it for --target, else a throwaway one): the same applications, CVs, reviews and
search index, without the mail and the audit log (bench/scale_sqlite.py), so only the
pages that read neither are measured there.
"""

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import build_opener

import scale_sqlite
from instance import server_environment
from intake import GUNICORN, REPO, free_port, wait_for_http
from staff_session import login, timings

sys.path.insert(0, str(REPO))

ORGANIZATIONS, VACANCIES, BATCH = 20, 200, 2000
PASSWORD = "bench-scale-password"  # noqa: S105 (a throwaway database's)
WORDS = {
    "en": (
        "project coordination advocacy research policy volunteers budget campaign partnership "
        "communication evaluation strategy fundraising training events community reports team "
        "management program development analysis data field support network health education "
        "youth housing climate energy water rights justice migration equality grants donors "
        "governance monitoring outreach digital media writing translation logistics finance "
        "accounting compliance legal mentoring workshops surveys interviews statistics mapping "
        "website newsletter members recruitment safeguarding humanitarian emergency shelter "
        "nutrition agriculture cooperative literacy library archive heritage theatre orchestra"
    ),
    "fr": (
        "projet coordination plaidoyer recherche politique bénévoles budget campagne partenariat "
        "communication évaluation stratégie collecte formation événements communauté rapports "
        "équipe gestion programme développement analyse données terrain soutien réseau santé "
        "éducation jeunesse logement climat énergie eau droits justice migration égalité "
        "subventions donateurs gouvernance suivi numérique médias rédaction traduction "
        "logistique finances comptabilité conformité juridique tutorat ateliers enquêtes "
        "entretiens statistiques cartographie site adhérents recrutement protection humanitaire "
        "urgence hébergement alimentation agriculture coopérative bibliothèque théâtre orchestre"
    ),
}
SEARCH_WORD = "orchestra"  # a rare word of the English list (the last: lowest weight)
STAGES = ("received", "screening", "review", "interview", "offer", "rejected", "hired")
STAGE_WEIGHTS = (40, 15, 12, 8, 2, 20, 3)


def cv_text(rng: random.Random, language: str) -> str:
    words = WORDS[language].split()
    weights = [1 / (rank + 1) for rank in range(len(words))]  # a few words common, most rare
    chosen = rng.choices(words, weights, k=600)
    return "\n".join(" ".join(chosen[i : i + 12]) for i in range(0, 600, 12))


def environment(tmp: Path, database: str) -> dict[str, str]:
    """The server's settings; on SQLite, the file of DATABASE_URL=sqlite:///… if given (to
    measure it again with --target), else one in ``tmp``."""
    url = os.environ.get("DATABASE_URL", "")
    if database == "sqlite":
        url = url if url.startswith("sqlite:///") else ""
    elif not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/scale.py needs DATABASE_URL=postgres://… (scripts/with-postgres makes one)")
    return {**server_environment(tmp, 0, database_url=url), "SITE_URL": "http://127.0.0.1"}


# Filled in SQL over what bulk_create wrote: times spread, scores, candidate numbers, stage
# history, mail, audit log, search index. %(now)s, %(unsorted)s and %(orgs)s are parameters.
APPLICATIONS = "FROM applications_application a JOIN applications_candidate c ON c.id = "
APPLICATIONS += "a.candidate_id JOIN vacancies_vacancy v ON v.id = a.vacancy_id "
INBOUND = (
    "INSERT INTO messaging_inboundmessage (channel, status, reason, detail, raw, raw_sha256, "
    "raw_size, message_id, from_name, from_address, recipients, subject, body_text, "
    "acknowledge, organization_id, vacancy_id, application_id, received_at) "
)
IDENTITY = "setweight(to_tsvector('tremplin_simple', c.name || ' ' || c.email), 'A') || "
SEARCH = (  # what search/services.py writes for the staff, review and blind forms
    "INSERT INTO search_searchentry (application_id, form, text, indexed_at, organization_id, "
    "vacancy_id, stage, language, received_at, vector) SELECT a.id, '{form}', "
    "concat_ws(E'\\n\\n', {names}t.title, d.text), %(now)s, v.organization_id, a.vacancy_id, "
    "a.stage, a.language, a.created_at, {identity}"
    "setweight(to_tsvector((CASE d.language WHEN 'fr' THEN 'tremplin_french' ELSE "
    "'tremplin_english' END)::regconfig, t.title || ' ' || d.text), 'D') "
    + APPLICATIONS
    + "JOIN applications_document d ON d.application_id = a.id "
    "JOIN vacancies_vacancytext t ON t.vacancy_id = a.vacancy_id AND t.language = 'en'"
)
FILL = (
    "UPDATE applications_application SET updated_at = %(now)s, created_at = coalesce("
    "decided_at - interval '20 days', %(now)s) - (id %% 700) * interval '1 hour'",
    "INSERT INTO vacancies_criteriontext (criterion_id, language, text, guide_1, guide_3, "
    "guide_5) SELECT id, 'en', 'Criterion ' || (position + 1), '', '', '' FROM vacancies_criterion",
    "INSERT INTO review_criterionscore (review_id, criterion_id, score, note) "
    "SELECT r.id, k.id, 1 + (r.id + k.id) %% 5, '' FROM review_review r JOIN "
    "applications_application a ON a.id = r.application_id JOIN vacancies_criterion k "
    "ON k.vacancy_id = a.vacancy_id",
    "INSERT INTO review_candidatenumber (application_id, vacancy_id, number) SELECT id, "
    "vacancy_id, row_number() OVER (PARTITION BY vacancy_id ORDER BY id) "
    "FROM applications_application",
    "INSERT INTO applications_stagechange (application_id, from_stage, to_stage, by_label, "
    "by_candidate, at, reason, reason_text) SELECT a.id, 'received', a.stage, 'bench', false, "
    "coalesce(a.decided_at, a.created_at + interval '2 days'), CASE WHEN a.stage = 'rejected' "
    "THEN 'must_haves' ELSE '' END, '' FROM applications_application a "
    "WHERE a.stage <> 'received'",
    'INSERT INTO messaging_outboxmessage ("to", subject, body, headers, language, kind, status, '
    "attempts, last_error, sent_at, message_id, application_id, reply_token, attachments, "
    "created_at) SELECT c.email, 'We received your application', 'Thank you.', '{}', "
    "a.language, 'acknowledgement', 'sent', 1, '', a.created_at, '<ack-' || a.id || "
    "'@bench.example.org>', a.id, md5('r' || a.id), '[]', a.created_at " + APPLICATIONS,
    # Replies from a tenth of the candidates, filed on their application.
    INBOUND + "SELECT 'imap', 'threaded', 'reply', '', 'inbound/bench/r' || a.id || '.eml', "
    "md5('reply' || a.id) || md5('x' || a.id), 2000, '<reply-' || a.id || '@mail.example>', "
    "c.name, c.email, '[]', 'Re: We received your application', 'Thank you, see my CV.', "
    "true, v.organization_id, a.vacancy_id, a.id, a.created_at + interval '1 day' "
    + APPLICATIONS
    + "WHERE a.id %% 10 = 0",
    # Unsorted mail: 5 % of N, spread over the organizations.
    INBOUND  # noqa: S608 (no outside input)
    + "SELECT 'imap', 'unsorted', 'no_tag', '', 'inbound/bench/u' || g || '.eml', "
    "md5('unsorted' || g) || md5('y' || g), 3000, '<unsorted-' || g || '@mail.example>', "
    "'Sender ' || g, 'sender' || g || '@mail.example', '[]', 'Application', 'My CV attached.', "
    "true, o.id, NULL, NULL, %(now)s - g * interval '1 hour' FROM generate_series(1, "
    "%(unsorted)s) g JOIN vacancies_organization o ON o.slug = 'bench-' || (g %% %(orgs)s)",
    # 11 events per application, by the organization's owner after the first.
    "INSERT INTO core_auditevent (at, actor_id, actor_label, organization_id, verb, "
    "target_type, target_id, target_label, data) SELECT a.created_at + g * interval '3 hours', "
    "CASE WHEN g = 1 THEN NULL ELSE u.id END, CASE WHEN g = 1 THEN 'system' ELSE u.email END, "
    "v.organization_id, (ARRAY['application.received', 'message.acknowledgement', "
    "'application.viewed', 'document.download', 'stage.move', 'review.submitted', "
    "'application.viewed', 'message.sent', 'application.note', 'application.viewed', "
    "'stage.move'])[g], 'applications.application', a.id::text, c.name || ' → ' || v.slug, "
    '\'{"to": "screening"}\' ' + APPLICATIONS + "JOIN accounts_membership m ON "
    "m.organization_id = v.organization_id AND m.role = 'owner' JOIN accounts_user u "
    "ON u.id = m.user_id CROSS JOIN generate_series(1, 11) g",
    # Members' logins, logged without an organization.
    "INSERT INTO core_auditevent (at, actor_id, actor_label, verb, target_type, target_id, "
    "target_label, data) SELECT %(now)s - g * interval '7 minutes', u.id, u.email, "
    "'auth.login', '', '', '', '{}' FROM accounts_user u CROSS JOIN generate_series(1, "
    "greatest(1, %(unsorted)s / 20)) g",
    SEARCH.format(form="staff", names="c.name, c.email, ", identity=IDENTITY),
    SEARCH.format(form="review", names="c.name, c.email, ", identity=IDENTITY),
    SEARCH.format(form="blind", names="", identity=""),
    # What autovacuum would have done on a live instance by the time anyone reads these
    # pages (a test server may run with it off): the planner's statistics, and the
    # visibility map that lets index-only scans skip the tables.
    "VACUUM ANALYZE",
)


def organizations_make(password: str) -> tuple[list, dict[int, list], object]:
    """20 organizations, each with an owner, 2 recruiters and 3 reviewers, 10 vacancies
    with 3 criteria each; the first owner has a confirmed TOTP device."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tremplin.accounts.models import Membership, Organization, User
    from tremplin.vacancies.models import Criterion, Vacancy, VacancyText

    organizations = Organization.objects.bulk_create(
        Organization(name=f"Bench organization {i}", slug=f"bench-{i}", email=f"jobs@bench-{i}.org")
        for i in range(ORGANIZATIONS)
    )
    members = [
        (User(email=f"{role}{k}@{org.slug}.example.org", password=password), org, role)
        for org in organizations
        for role, count in (("owner", 1), ("recruiter", 2), ("reviewer", 3))
        for k in range(count)
    ]
    User.objects.bulk_create(user for user, _org, _role in members)
    Membership.objects.bulk_create(
        Membership(user=u, organization=o, role=r) for u, o, r in members
    )
    reviewers = {
        o.pk: [u for u, org, r in members if org == o and r == "reviewer"] for o in organizations
    }
    device = TOTPDevice.objects.create(user=members[0][0], name="bench", confirmed=True)
    now = device.user.date_joined
    vacancies = Vacancy.objects.bulk_create(
        Vacancy(
            organization=organizations[i % ORGANIZATIONS],
            slug=f"vacancy-{i}",
            status="published" if i % 3 else "closed",
            closed_at=None if i % 3 else now - timedelta(days=30 + i),
            date_posted=(now - timedelta(days=i)).date(),
        )
        for i in range(VACANCIES)
    )
    VacancyText.objects.bulk_create(
        VacancyText(vacancy=v, language=lang, title=f"{title} {v.slug}", summary=title, body=title)
        for v in vacancies
        for lang, title in (("en", "Project coordinator"), ("fr", "Coordinatrice de projet"))
    )
    Criterion.objects.bulk_create(
        Criterion(vacancy=v, position=p, kind="must" if p < 2 else "nice")
        for v in vacancies
        for p in range(3)
    )
    return vacancies, reviewers, device


def applications_make(numbers: range, n: int, vacancies: list, reviewers: dict, rng) -> None:
    """Candidates, applications (5 % in the first vacancy), CVs and reviews for ``numbers``;
    the first 6 % of N not retained 800 days ago: due for erasure today."""
    from django.utils import timezone

    from tremplin.applications.models import Application, Candidate, Document
    from tremplin.review.models import Review

    now = timezone.now()
    candidates = Candidate.objects.bulk_create(
        Candidate(
            email=f"candidate{i}@bench.example.org",
            name=f"Candidate {i}",
            language="fr" if rng.random() < 0.5 else "en",
        )
        for i in numbers
    )
    applications = []
    for i, candidate in zip(numbers, candidates, strict=True):
        if i < n * 6 // 100:
            vacancy, stage, decided = vacancies[1 + i % (VACANCIES - 1)], "rejected", 800
        else:
            vacancy = vacancies[0] if i % 20 == 0 else vacancies[1 + rng.randrange(VACANCIES - 1)]
            stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
            decided = rng.randrange(1, 60) if stage in ("rejected", "hired") else None
        at = now - timedelta(days=decided) if decided else None
        applications.append(
            Application(
                candidate=candidate,
                vacancy=vacancy,
                language=candidate.language,
                stage=stage,
                decided_at=at,
                last_contact_at=at or now - timedelta(days=rng.randrange(0, 90)),
                source="email" if i % 7 == 0 else "web",
            )
        )
    Application.objects.bulk_create(applications)
    Document.objects.bulk_create(
        Document(
            application=a,
            role="cv",
            kind="pdf",
            file=f"documents/bench/{a.pk}.pdf",
            size=40_000,
            extraction_status="done",
            text=cv_text(rng, a.language),
            language=a.language,
        )
        for a in applications
    )
    Review.objects.bulk_create(  # two reviewers each on a third of the applications
        Review(
            application=a,
            reviewer=reviewer,
            recommendation=rng.choice(("strong_yes", "yes", "no", "strong_no")),
            submitted_at=now,
        )
        for a in applications
        if a.pk % 3 == 0
        for reviewer in rng.sample(reviewers[a.vacancy.organization_id], 2)
    )


def seed(n: int, rng: random.Random) -> dict[str, str]:
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    password = make_password(PASSWORD)  # once: PBKDF2 for each of 120 users takes a minute
    vacancies, reviewers, device = organizations_make(password)
    for start in range(0, n, BATCH):
        applications_make(range(start, min(n, start + BATCH)), n, vacancies, reviewers, rng)
        print(f"  seeded {min(n, start + BATCH)} of {n} applications", file=sys.stderr)
    params = {"now": timezone.now(), "unsorted": max(1, n // 20), "orgs": ORGANIZATIONS}
    if connection.vendor == "sqlite":
        scale_sqlite.fill(params)
    else:
        with connection.cursor() as cursor:
            for statement in FILL:
                cursor.execute(statement, params)
    return {
        "organization": vacancies[0].organization.slug,
        "vacancy": vacancies[0].slug,
        "user": device.user.email,
        "password": PASSWORD,
        "totp_key": device.key,
    }


def page_paths(target: dict[str, str]) -> dict[str, str]:
    from django.urls import reverse
    from django.utils import translation

    from tremplin.applications.models import Application

    org, vacancy = target["organization"], target["vacancy"]
    big = Application.objects.filter(vacancy__slug=vacancy, vacancy__organization__slug=org)
    application = big.latest("pk").pk
    with translation.override("en"):
        return {
            "board": reverse("staff_applications:board", args=[org, vacancy]),
            "applications": reverse("staff_applications:index", args=[org]),
            "application": reverse("staff_applications:detail", args=[org, application]),
            "results": reverse("staff_review:results", args=[org, vacancy]),
            "audit": reverse("staff_core:audit", args=[org]),
            "audit_csv": reverse("staff_core:audit_export", args=[org]),
            "unsorted": reverse("staff_messaging:unsorted", args=[org]),
            "vacancies": reverse("staff_vacancies:list", args=[org]),
            "search": f"/en/staff/{org}/search/?q={SEARCH_WORD}",
        }


def query_counts(target: dict[str, str], paths: dict[str, str]) -> dict[str, int | str]:
    """Queries per page, counted in this process through the test Client (same database)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__email=target["user"])
    client = Client()
    client.force_login(device.user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    counts: dict[str, int | str] = {}
    for name, path in paths.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)  # type: ignore[arg-type]
        status = response.status_code
        counts[name] = len(captured) if status == 200 else f"HTTP {status}"
    return counts


def measure(target: dict[str, str], env: dict[str, str], args: argparse.Namespace) -> dict:
    paths = page_paths(target)
    pages = args.pages or (",".join(scale_sqlite.PAGES) if args.database == "sqlite" else "")
    if pages:
        paths = {name: paths[name] for name in pages.split(",")}
    queries = query_counts(target, paths)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    options = f"-b 127.0.0.1:{port} -w {args.web_workers} --timeout 300 --log-level warning"
    web = subprocess.Popen(
        [GUNICORN, "tremplin.wsgi", *options.split()],
        cwd=REPO,
        env={**os.environ, **env, "SITE_URL": base},
    )
    try:
        wait_for_http(f"{base}/healthz")
        opener = login(base, target)
        pages: dict[str, dict] = {}
        for name, path in paths.items():
            try:
                figures = timings(opener, base + path, args.requests, args.budget)
            except HTTPError as error:
                figures = {"error": f"HTTP {error.code}"}
            pages[name] = {**figures, "queries": queries[name]}
        floor = timings(build_opener(), f"{base}/healthz", max(args.requests, 50), args.budget)
    finally:
        web.terminate()
        web.wait(timeout=30)
    return {"pages": pages, "floor_p95_ms": floor["p95_ms"]}


def retention(budget: float) -> tuple[float, int]:
    """Candidates erased per second by retention (what ``apply_retention --now`` runs), on
    the seeded data; stopped between two candidates after ``budget`` seconds."""
    from tremplin.applications.models import Candidate
    from tremplin.privacy.services import RetentionStopped, retention_apply

    before = Candidate.objects.count()
    started = time.perf_counter()
    with contextlib.suppress(RetentionStopped):
        retention_apply(stop=lambda: time.perf_counter() - started > budget)
    erased = before - Candidate.objects.count()
    return erased / (time.perf_counter() - started), erased


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=1000, help="applications (1000)")
    parser.add_argument("--seed-only", action="store_true", help="seed, print the login, stop")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--requests", type=int, default=30, help="requests per page (30)")
    parser.add_argument("--budget", type=float, default=60, help="seconds per page at most (60)")
    parser.add_argument("--retention-budget", type=float, default=300, help="seconds (300)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--target",
        metavar="JSON",
        help="measure a database seeded before: the last line --seed-only printed (no seeding)",
    )
    parser.add_argument("--pages", help="measure only these pages, comma-separated")
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tremplin-bench-scale-") as name:
        env = environment(Path(name), args.database)
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import OperationalError, connection

        try:
            call_command("migrate", verbosity=0)
        except OperationalError:  # scripts/with-postgres names a database it does not create
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{connection.settings_dict["NAME"]}"')
            call_command("migrate", verbosity=0)
        call_command("collectstatic", "--no-input", verbosity=0)
        started = time.monotonic()
        if args.target:
            target = json.loads(args.target)
        else:
            target = seed(args.applications, random.Random(13))  # noqa: S311 (fake data)
        seeded = time.monotonic() - started
        print(f"seeded {args.applications} applications in {seeded:.0f} s", file=sys.stderr)
        if args.seed_only:
            print(json.dumps(target))
            return 0
        figures = measure(target, env, args)
        per_s, erased = retention(args.retention_budget) if args.retention_budget else (0.0, 0)
    result = {"applications": args.applications, "database": args.database, **figures}
    result.update(retention_per_s=round(per_s, 1), retention_erased=erased, seed_s=round(seeded))
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{args.applications} applications on {args.database}, seeded in {seeded:.0f} s")
    print(f"  {'page':<14} {'p50 ms':>9} {'p95 ms':>9} {'p95/floor':>9} {'queries':>8}")
    for page, figure in result["pages"].items():
        p95 = figure.get("p95_ms", figure.get("error"))
        ratio = f"{p95 / result['floor_p95_ms']:.1f}" if "p95_ms" in figure else "-"
        print(
            f"  {page:<14} {figure.get('p50_ms', '-'):>9} {p95:>9} {ratio:>9}"
            f" {figure['queries']!s:>8}"
        )
    if "audit_csv" in result["pages"]:
        csv = result["pages"]["audit_csv"].get("first_64k_p95_ms", "-")
        print(f"  audit_csv, first 64 KiB: p95 {csv} ms")
    print(f"  floor /healthz p95: {result['floor_p95_ms']:.1f} ms")
    print(f"  retention: {erased} candidates erased, {per_s:.1f} candidates/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
