"""Command-line tasks: `flask demo load`, `flask drafts purge`."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from . import demo, drafts

demo_cli = AppGroup("demo", help="Demo data for trying the portal locally.")
drafts_cli = AppGroup("drafts", help="Residents' unsent answers.")


@demo_cli.command("load")
def load_demo() -> None:
    """Add a few demo reports (once) and print how to try the portal."""
    created = demo.load()
    click.echo(f"Demo reports added: {len(created)}")
    for record_number, receipt in created:
        click.echo(f"  {record_number}  receipt: {receipt}")
    click.echo(demo.SIGN_IN_NOTE)


@drafts_cli.command("purge")
def purge_drafts() -> None:
    """Delete unsent answers (and their files) idle longer than DRAFT_TTL_MINUTES."""
    click.echo(f"Deleted {drafts.purge_expired()} stale drafts.")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(demo_cli)
    app.cli.add_command(drafts_cli)
