"""Index: the suggestion index built from the corpus, its versions, and the copy each process serves."""
