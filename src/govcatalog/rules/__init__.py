"""Rules: the engine (Rule, RuleSet), the built-in rules and the catalog-wide rules.

The package itself exports nothing: the engine's names are in :mod:`govcatalog.rules.engine`,
the rules in their modules.
"""

__all__: list[str] = []
