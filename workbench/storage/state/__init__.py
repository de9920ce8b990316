"""The state the events produce: plans, departments, assignments, annotations, and the tables replay compares."""
