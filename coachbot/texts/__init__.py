"""The message catalogue: every sentence the bot says lives in this package, nowhere else.

Wording follows CLINICAL section 12: the bot coaches, it never diagnoses, and it refers at the right
urgency. Templates use str.format fields; tests scan the whole package for forbidden phrases.
"""
