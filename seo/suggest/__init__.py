"""Suggest: keywords and hashtags for an idea, with evidence (the engine and its answer's contract)."""
