"""Read-only summaries answered by SQL over the indexes, without loading plan trees."""
