"""The `coachbot` command line and the wiring that builds a running app: a composition root, like app.py."""
