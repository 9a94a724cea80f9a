"""Hookline's own demo corpus, written for the app (no third-party data): 24 niches with topics,
hooks, calls to action and tags in English and Norwegian bokmål, and the generator that
turns them into posts (seo.corpus.demo_corpus.generate)."""
