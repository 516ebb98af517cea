"""The ``yuqing`` command: wires the packages together; holds no domain logic."""
