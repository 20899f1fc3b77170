"""gunicorn settings for `make serve` and production (`gunicorn -c gunicorn.conf.py wsgi:app`).

Every setting can be overridden from the environment (PORT, WEB_CONCURRENCY, THREADS,
FORWARDED_ALLOW_IPS). The access log leaves out the client address, like the app's own logs.
"""

import gc
import os

from config import ConfigError, check_rate_limit_storage, worker_count

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = worker_count()
if os.environ.get("INTAKE_ENV") == "production" and os.environ.get("RATELIMIT_ENABLED", "1") == "1":
    # Several workers with per-process rate-limit counters would multiply every limit.
    try:
        check_rate_limit_storage(os.environ.get("RATELIMIT_STORAGE_URI", "memory://"), workers)
    except ConfigError as error:
        raise SystemExit(f"intake: {error}") from None
threads = int(os.environ.get("THREADS", "2"))
timeout = 60
graceful_timeout = 30
# Behind a reverse proxy, trust its X-Forwarded-* headers only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No %(h)s (client address) and no query string (%(U)s is the path alone).
access_log_format = '- - %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"


def post_worker_init(worker):
    """Once the app is loaded in a worker: move every object it holds so far out of the garbage
    collector's view (gc.freeze). Otherwise each full collection walks the whole loaded app, a
    pause of about 175 ms every 75 requests or so on a staff page; with it, 10-25 ms."""
    gc.freeze()
