"""Hook and call-to-action patterns: known frames (frames), mined from the corpus at
index build (mine), and read back for the serving index version (store)."""
