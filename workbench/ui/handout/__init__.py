"""File › 分发副本: hand a copy of the workspace to another reviewer."""
