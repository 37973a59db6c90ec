"""Pure rules with no I/O and no Qt: levels and markings, messages, clock, roles, policy."""
