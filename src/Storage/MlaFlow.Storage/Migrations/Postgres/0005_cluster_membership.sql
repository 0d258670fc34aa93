-- Orleans' cluster membership, read and written through MlaFlow's IMembershipTable (docs/storage.md): the nodes of one
-- deployment on PostgreSQL find each other here, and Orleans' membership protocol records which are alive. (An embedded
-- node on SQLite runs alone and does not use these tables; they exist in both dialects so the schema is one.)
-- One version row per cluster: every change of a member row moves it on from the value the silo read, in the same
-- transaction, so two silos never both change the table from one view of it.
CREATE TABLE cluster_versions (
    cluster_id  TEXT    NOT NULL PRIMARY KEY,
    version     BIGINT NOT NULL,
    updated_at  TEXT COLLATE "C" NOT NULL
);

-- One row per silo incarnation (address, port and the generation it started with). status is Orleans' SiloStatus by name
-- (Joining, Active, ShuttingDown, Stopping, Dead); suspect_times holds the votes that the silo is dead, as JSON
-- [{"silo": "<Orleans silo address>", "at": "<time>"}]; i_am_alive_at is its last heartbeat. Times are ISO 8601 UTC text.
CREATE TABLE cluster_members (
    cluster_id     TEXT    NOT NULL REFERENCES cluster_versions (cluster_id),
    address        TEXT    NOT NULL,
    port           BIGINT NOT NULL,
    generation     BIGINT NOT NULL,
    silo_name      TEXT    NOT NULL,
    host_name      TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    proxy_port     BIGINT,
    suspect_times  TEXT,
    started_at     TEXT COLLATE "C" NOT NULL,
    i_am_alive_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);
