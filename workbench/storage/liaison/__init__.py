"""What travels to department liaisons and back: public remarks, the applied 任务分工 sheet."""
