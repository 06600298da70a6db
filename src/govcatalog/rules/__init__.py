"""Rules: the engine (Rule, RuleSet), the built-in rules and the catalog-wide rules."""
