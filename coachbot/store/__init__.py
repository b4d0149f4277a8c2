"""Persistence: SQLAlchemy models, the engine with its SQLite rules, the repository, migrations."""
