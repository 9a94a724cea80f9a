"""Instructions per API request or per suggestion, counted by valgrind (repeatable on a busy machine).

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        --callgrind-out-file=OUT .venv/bin/python benchmarks/count_instructions.py api --token-file F [--evidence]
    valgrind ... .venv/bin/python benchmarks/count_instructions.py suggest --queries DIR/queries-1000000.json

Only what runs inside one functools.reduce is counted (the toggle): `api`, 20 warm POSTs to
/api/v1/suggest through Django's WSGI handler (one text, k=10; the token cache and the index
re-check held warm, as at full speed, since valgrind runs ~50x slower); `suggest`, 200 new texts
through suggest(text, k=10) after 300 others warmed the per-process caches (lingua's models,
per-language tables). Divide valgrind's "Collected" by the count. Run it from the checkout to
measure, with PYTHONHASHSEED=0 (the hash seed moves the count by several %), and the same
HOOKLINE_DATA_DIR / DATABASE_URL / CACHE_URL for both checkouts; `api` also needs
API_RATE_LIMIT_PER_MINUTE set high and, with DEBUG=0, SECURE_SSL_REDIRECT=0.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _api(args: argparse.Namespace) -> None:
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    import api.tokens

    app = get_wsgi_application()
    settings.HOOKLINE_INDEX_RELOAD_SECONDS = 1e9
    api.tokens.TOKEN_CACHE_SECONDS = 1e9
    token = Path(args.token_file).read_text(encoding="utf-8").strip()
    body = json.dumps({"text": args.text, "k": 10, **({} if args.evidence else {"evidence": False})}).encode()

    def post(total: int, _: int) -> int:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/api/v1/suggest",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_AUTHORIZATION": f"Bearer {token}",
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        status: list[str] = []
        answer = b"".join(app(environ, lambda code, headers, exc_info=None: status.append(code)))
        if not status[0].startswith("200"):
            raise SystemExit(f"{status[0]}: {answer[:300]!r}")
        return total + len(answer)

    for number in range(30):  # warm-up, outside the counted call
        post(0, number)
    functools.reduce(post, range(20), 0)


def _suggest(args: argparse.Namespace) -> None:
    from seo.index.serving import active_index
    from seo.suggest.engine import suggest

    texts = json.loads(Path(args.queries).read_text(encoding="utf-8"))
    index = active_index(force_check=True)
    for text in texts[:200]:  # the bench's search pass first, as bench_suggest.py does
        index.search(*index.vectorize(text), 50)
    for text in texts[500:800]:
        suggest(text=text, k=10)
    functools.reduce(lambda total, text: total + len(suggest(text=text, k=10).hashtags), texts[:200], 0)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=["api", "suggest"])
    parser.add_argument("--token-file", help="api: a file holding an API token")
    parser.add_argument("--text", default="easy pasta recipe for a weeknight dinner")
    parser.add_argument("--evidence", action="store_true", help='api: leave out "evidence": false')
    parser.add_argument("--queries", help="suggest: bench_suggest.py's queries-N.json (800 texts or more)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    if args.what == "api":
        _api(args)
    else:
        _suggest(args)


if __name__ == "__main__":
    main()
