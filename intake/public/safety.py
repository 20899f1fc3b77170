"""A resident's safety first: leaving quickly without a trace, a page for someone in danger now,
and a confirmation before answers are deleted."""

from __future__ import annotations

from flask import current_app, redirect, render_template, url_for
from werkzeug.wrappers import Response

from .. import drafts
from ..clock import today as current_today
from ..extensions import csrf
from ..sessions import renew
from . import steps
from .forms import DiscardForm
from .views import bp, step_url


@bp.route("/exit", methods=["GET", "POST"])
def quick_exit() -> Response:
    """Delete the unsent answers, their files and the session, then go to a neutral site."""
    drafts.discard()
    renew()
    response = redirect(current_app.config["QUICK_EXIT_URL"])
    # Browsers that honour it also forget this site's cookies, cache and storage.
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


# A stale or missing token must never keep someone from leaving; leaving only ever deletes.
csrf.exempt(quick_exit)


@bp.route("/report/safety", methods=["GET", "POST"])
def safety() -> str | Response:
    """For someone in danger now: call 911 first, or say they are safe and go on."""
    answers = steps.load_answers()
    if steps.kind_of(answers) is None:
        return redirect(url_for(".step", name="kind"))
    form = DiscardForm()
    if form.validate_on_submit():
        answers.safety_seen = True
        steps.save_answers(answers)
        return redirect(step_url(steps.next_page("danger", answers, current_today())))
    return render_template("public/safety.html", form=form)


@bp.get("/report/discard")
def confirm_discard() -> str:
    """Ask before deleting: the link sits near "Continue" on a phone."""
    return render_template(
        "public/discard.html", form=DiscardForm(), has_draft=drafts.load() is not None
    )
