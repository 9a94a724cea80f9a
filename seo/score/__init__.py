"""Score: judging a caption (the checklist and its inputs) and drafting captions from hook patterns."""
