"""The audit trail: writing events, their hash chain and signatures' place in it, the log, verify, anchors, history and replay."""
