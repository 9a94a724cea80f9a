"""`manage.py api_token create|revoke`: API tokens for scripts and automated checks.

`create` prints the secret once, alone on stdout, so a script can capture it:
    TOKEN=$(python manage.py api_token create --user alice --name "smoke test")
Only its hash is stored; it cannot be shown again.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.models import ApiToken
from api.tokens import TokenError, token_create, token_revoke


class Command(BaseCommand):
    help = "Create an API token (printed once) or revoke tokens of a user."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token and print its secret once.")
        create.add_argument("--user", required=True, help="Username of the token's owner.")
        create.add_argument("--name", default="manage.py api_token", help="A label: the script that uses it.")
        revoke = actions.add_parser("revoke", help="Revoke a user's tokens by prefix, by name, or all.")
        revoke.add_argument("--user", required=True, help="Username of the tokens' owner.")
        which = revoke.add_mutually_exclusive_group(required=True)
        which.add_argument("--prefix", help="The token's first 10 characters (shown in the admin).")
        which.add_argument("--name", help="Every active token with this label.")
        which.add_argument("--all", action="store_true", help="Every active token of the user.")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user named {options['user']!r}.")
        if options["action"] == "create":
            self._create(user, options["name"])
        else:
            self._revoke(user, options)

    def _create(self, user, name: str) -> None:
        if not user.is_active:
            raise CommandError(f"{user.username} is deactivated: a token of theirs would never authenticate.")
        try:
            token, secret = token_create(user=user, name=name)
        except TokenError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(
            f"Created token {token.prefix}… ({token.name!r}) for {user.username}; it is shown once:"
        )
        self.stdout.write(secret)

    def _revoke(self, user, options) -> None:
        tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
        if options["prefix"]:
            tokens = tokens.filter(prefix=options["prefix"][:10])
        elif options["name"]:
            tokens = tokens.filter(name=options["name"])
        revoked = [token_revoke(token=token) for token in tokens]
        if not revoked:
            raise CommandError(f"No active token of {user.username} matched.")
        for token in revoked:
            self.stdout.write(f"Revoked {token.prefix}… ({token.name!r})")
