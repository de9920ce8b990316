"""The reviewer's signing key in the GUI: asking for its passphrase."""
