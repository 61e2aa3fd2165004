-- Several nodes on one database (issue 16). Written for both H2 and PostgreSQL.

-- One row per scheduled piece of work (the follow-up calendar, the silence watch, the task e-mail, ...): the node
-- that holds it until lock_until runs it, the others skip that run (ShedLock, JdbcTemplateLockProvider, database
-- time, so that the nodes' clocks need not agree).
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL,
  CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

-- The webapps' logins (Spring Session JDBC): a node that stops takes no one's login with it. Spring Session's own
-- layout; the attributes are Camunda's authentication of the session's user and its CSRF token, nothing of a case.
CREATE TABLE spring_session (
  primary_id            CHAR(36)     NOT NULL,
  session_id            CHAR(36)     NOT NULL,
  creation_time         BIGINT       NOT NULL,
  last_access_time      BIGINT       NOT NULL,
  max_inactive_interval INT          NOT NULL,
  expiry_time           BIGINT       NOT NULL,
  principal_name        VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id CHAR(36)      NOT NULL,
  attribute_name     VARCHAR(200)  NOT NULL,
  attribute_bytes    ${binaryType} NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
    ON DELETE CASCADE
);
