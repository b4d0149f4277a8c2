"""The use-case layer: routing one incoming message (coach), the unit of work (turn), multi-step conversations (flow, question) and what the rules decided (decisions)."""
