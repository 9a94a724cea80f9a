"""Text: hashtags, words, languages and frames of a piece of text (no index, no database)."""
