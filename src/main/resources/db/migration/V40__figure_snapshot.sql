-- The steering group's figures as last computed (reporting/FigureSnapshots), one row per kind of figure and scope of
-- regions: at national size a summary counts a million journeys (seconds), so Cockpit is served the last computation
-- while a newer one is made in the background. What a row holds is what the API gives: counts and shares with the
-- small numbers hidden, never a name, a reference or a health detail. Written for both H2 and PostgreSQL.
CREATE TABLE figure_snapshot (
  kind             VARCHAR(64)      NOT NULL,
  scope            VARCHAR(400)     NOT NULL,
  computed_at      TIMESTAMP        NOT NULL,
  read_at          TIMESTAMP        NOT NULL,
  refreshing_until TIMESTAMP,
  body             VARCHAR(4000000) NOT NULL,
  CONSTRAINT figure_snapshot_pk PRIMARY KEY (kind, scope)
);
