"""Command-line tasks: `flask staff create`, `flask demo load`, `flask drafts purge`,
`flask records dispose`, and more (`flask --help` lists them)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from . import accounts, demo, drafts, mail, roles
from .cases import audit
from .extensions import db

demo_cli = AppGroup("demo", help="Demo data for trying the portal locally.")
drafts_cli = AppGroup("drafts", help="Residents' unsent answers.")
database_cli = AppGroup("database", help="The database's own upkeep.")
staff_cli = AppGroup("staff", help="Staff accounts.")
mail_cli = AppGroup("mail", help="The email outbox.")
reports_cli = AppGroup("reports", help="Summary reports for scheduled use.")
records_cli = AppGroup("records", help="Records retention and disposal.")
keys_cli = AppGroup("keys", help="Encryption keys and peppers.")
backup_cli = AppGroup("backup", help="Encrypted backups of the database and evidence files.")
views_cli = AppGroup("views", help="Alerts and routing on saved views.")
reminders_cli = AppGroup("reminders", help="Deadline reminders for staff.")


@reminders_cli.command("send")
def send_reminders() -> None:
    """Email each assignee one digest of their overdue deadlines and those due within seven days
    (case numbers and days only; run from cron once a day: a second run the same day sends none)."""
    from . import reminders

    done = reminders.send()
    click.echo(f"Queued {done.digests} deadline digests ({done.already} already sent today).")


@views_cli.command("run")
def run_views() -> None:
    """Route new matching cases and send due digests for every saved view with alerts (run from
    cron every 15 minutes or so). Views whose filters no longer parse are skipped and named."""
    from .cases import routing

    done = routing.run()
    click.echo(
        f"Ran {done.views} saved views: routed {done.routed} cases, queued {done.digests} digests."
    )
    for view_id, why in done.skipped:
        reason = routing.SKIP_REASONS.get(why, why)
        click.echo(f"Skipped saved view {view_id}: {reason}.")
    if done.failed_owners:
        owners = ", ".join(str(owner) for owner in done.failed_owners)
        raise click.ClickException(f"Nothing done for the views of staff {owners}; run again.")


@backup_cli.command("create")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def create_backup(target: Path) -> None:
    """Write one encrypted archive of the database and the evidence files to TARGET."""
    from .backup import BackupError, create

    try:
        files = create(target)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {target} (the database and {files} evidence files).")


@backup_cli.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore_backup(source: Path) -> None:
    """Restore SOURCE into the configured database and upload folder, both empty (start with
    AUTO_MIGRATE=0, so an empty database is not given tables first)."""
    from .backup import BackupError, restore

    try:
        files = restore(source)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored the database and {files} evidence files.")


@keys_cli.command("rotate")
def rotate_keys() -> None:
    """Re-encrypt every value with the first FIELD_ENCRYPTION_KEY and re-hash email lookups with
    the newest HASH_PEPPER. Afterwards the older encryption keys can be removed."""
    from .keys import rotate_all

    done = rotate_all()
    click.echo(
        f"Re-encrypted {done.values} values and {done.files} files; "
        f"re-hashed {done.email_hashes} email lookups."
    )
    if done.receipts_on_older_peppers:
        click.echo(
            f"{done.receipts_on_older_peppers} receipts still need an older pepper: keep it "
            "until their residents open their reports or the reports are disposed of."
        )
    else:
        click.echo("No receipt needs an older pepper: older peppers can be removed.")


@records_cli.command("dispose")
def dispose_records() -> None:
    """Dispose of every case whose disposal two people approved and that is not on legal hold
    (run from cron). Nothing else is touched: proposing and approving happen in the portal.
    Also empties closed call-back requests past CALLBACK_RETENTION_DAYS."""
    from . import callbacks
    from .records import disposal

    click.echo(f"Disposed of {disposal.dispose_approved()} cases.")
    click.echo(f"Emptied {callbacks.purge_closed()} closed call-back requests.")


@records_cli.command("due")
def due_records() -> None:
    """List the cases past their retention period (case numbers and dates only)."""
    from .clock import today
    from .records import retention

    for item in retention.due(today(), limit=100_000):
        click.echo(f"{item.report.case_number}  {item.rule.name}  due {item.due_on.isoformat()}")


@reports_cli.command("export")
@click.option("--period", required=True, help='"2026-11", "2026-Q3", "2026" or "A..B" days.')
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "pdf"]), default="xlsx")
@click.option("--public", is_flag=True, help="Hide every count below 5.")
@click.option("--output", type=click.Path(dir_okay=False), help="File to write.")
def export_report(period: str, fmt: str, public: bool, output: str | None) -> None:
    """Write the de-identified summary of a period to a file."""
    from .clock import today
    from .statistics import exports, pdf, writers
    from .statistics.periods import PeriodError, parse
    from .statistics.summary import summarize

    try:
        chosen = parse(period)
    except PeriodError as error:
        reason = f"{period!r}: {error.message}"
        raise click.BadParameter(reason, param_hint="--period") from None
    summary = summarize(chosen, today(), public=public)
    if fmt == "csv":
        data = exports.summary_csv(summary).encode("utf-8")
    elif fmt == "pdf":
        data = pdf.build(summary)
    else:
        data = writers.xlsx_bytes(exports.summary_sheets(summary))
    target = Path(output or f"summary-{chosen.key}{'-public' if public else ''}.{fmt}")
    target.write_bytes(data)
    audit.record(None, "export", detail=f"cli summary {chosen.key} {fmt} public={public}")
    db.session.commit()
    click.echo(f"Wrote {target}")


@reports_cli.command("recount")
def recount_summary() -> None:
    """Recount the summary's daily counts from every report (after a bulk import or restore;
    they are otherwise kept current by the database)."""
    from .statistics import rollup

    rollup.rebuild()
    click.echo("Summary counts recounted.")


@mail_cli.command("retry")
def retry_mail() -> None:
    """Send the emails whose earlier tries failed and are due again (run from cron)."""
    click.echo(f"Sent {mail.retry_due()} emails.")


@staff_cli.command("create")
@click.argument("email")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(sorted(roles.ROLE_NAMES)),
    help="Repeat for several roles.",
)
@click.option("--name", default="", help="Display name (defaults to the email).")
def create_staff(email: str, roles: tuple[str, ...], name: str) -> None:
    """Create a staff account and print its temporary password (the first admin, say)."""
    try:
        staff, password = accounts.create(None, email, name or email, roles)
    except accounts.AccountError as error:
        raise click.ClickException(str(error.message)) from None
    click.echo(f"Created {staff.email} ({', '.join(sorted(staff.role_names))}).")
    click.echo(f"Temporary password: {password}")
    click.echo("At first sign-in they choose a new password and set up two-factor.")


@demo_cli.command("load")
def load_demo() -> None:
    """Add demo staff and reports (once) and print how to sign in."""
    click.echo(f"Demo reports (open one at {demo.base_url()}/check):")
    for record_number, receipt in demo.load():
        click.echo(f"  {record_number}  secret code: {receipt}")
    click.echo(demo.sign_in_help())


@drafts_cli.command("purge")
def purge_drafts() -> None:
    """Delete unsent answers (and their files) idle longer than DRAFT_TTL_MINUTES, and expired
    browser sessions."""
    from . import sessions

    click.echo(f"Deleted {drafts.purge_expired()} stale drafts.")
    click.echo(f"Deleted {sessions.purge_expired()} expired sessions.")


@database_cli.command("optimize")
def optimize_database() -> None:
    """Refresh the query planner's statistics (daily from cron, and after loading in bulk)."""
    from .database import refresh_statistics

    click.echo(f"Planner statistics refreshed ({refresh_statistics()}).")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(database_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(drafts_cli)
    app.cli.add_command(staff_cli)
    app.cli.add_command(mail_cli)
    app.cli.add_command(reports_cli)
    app.cli.add_command(records_cli)
    app.cli.add_command(keys_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(views_cli)
    app.cli.add_command(reminders_cli)
