"""Pure parsers, one module per source: bytes or text in, plain data out, no I/O."""
