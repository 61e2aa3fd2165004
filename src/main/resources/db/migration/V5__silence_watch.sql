-- The silence watch warns once per silence: the last reached contact a warning was given for.
ALTER TABLE coupling ADD COLUMN silence_warned_from DATE;
