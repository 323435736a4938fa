"""The bundled demo article: a short report written for detente (not a copy of any outlet's text)."""

from __future__ import annotations

import datetime as dt

from ..models import Article
from ..registry import package_file

DEMO_DATE = dt.date(2025, 6, 18)


def load_demo_article() -> Article:
    text = package_file("demo/article.txt").read_text(encoding="utf-8").strip()
    return Article(id="demo-japan-korea", text=text, title="Japan and South Korea agree to resume shuttle diplomacy",
                   source="detente demo", date=DEMO_DATE, origin="detente/demo/article.txt")
