"""Running clubs: a group chat shares one programme; each member progresses privately on their own."""
