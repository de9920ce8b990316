"""Merge conflicts (disputes) at a city's scale: kept current and read a page at a time.

storage/disputes/conflicts.py is the public face (list, resolve, who may resolve);
this package holds what makes it cheap with tens of thousands of disputes:

* records.py  Conflict and Side, the dispute reference, what became of a dispute (in Chinese);
* sync.py     bringing the conflicts table up to date: a full replay only when
              another reviewer's events arrived, otherwise from this
              workspace's own new events (each of which saw everything);
* listing.py  one indexed query per page, the two sides decoded only for the
              conflicts on that page.
"""
