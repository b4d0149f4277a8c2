"""Data rights: everything stored about a person, as a JSON document (/export), and erasing it (/forget)."""
