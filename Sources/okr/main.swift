import OKRCore
print(try RuleSet.builtIn().ids)
