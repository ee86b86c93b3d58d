"""hyte collect: the yearly workbooks the responsible parties fill in, and their status."""
