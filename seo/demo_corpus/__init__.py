"""Hookline's own demo corpus, written for the app (no third-party data): per niche, hooks
and bodies in English and Norwegian bokmål, specific hashtags, and sounds."""
