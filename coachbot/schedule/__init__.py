"""Pure wall-clock maths: reading times, zones and days as people type them, next due instants (DST-exact), quiet hours and a person's timetable."""
