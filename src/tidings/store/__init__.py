"""The Tidings store: a SQLite knowledge base of extracted articles (docs/store.md).

>>> from tidings.store import Store
>>> with Store.open("tidings.db") as store:
...     store.add(record, origin="article.html")
...     store.timeline(entity="Davron Nazarov")
"""

from __future__ import annotations

from .db import StoreError
from .store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
