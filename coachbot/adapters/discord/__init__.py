"""The Discord adapter: discord.py's client, slash commands, buttons and modals translated to and from the platform-neutral messages."""
