"""The records lifecycle: how long a closed case is kept, legal holds, two-person disposal,
tombstones, and a resident's withdrawal.

`retention` says which closed cases are due (one table of periods, from configuration);
`disposal` proposes, approves, holds and disposes; `erase` turns a report into a tombstone that
keeps exactly what the statistics count, so every past summary stays as it was.
"""
