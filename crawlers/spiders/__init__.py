"""One spider per source; the file name is the spider name."""
