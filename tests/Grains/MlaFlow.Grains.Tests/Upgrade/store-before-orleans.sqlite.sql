PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
INSERT INTO schema_migrations VALUES(1,'initial','2026-12-04T19:06:26.6139091Z');
INSERT INTO schema_migrations VALUES(2,'exchange_inbox','2026-12-04T19:06:26.6214134Z');
INSERT INTO schema_migrations VALUES(3,'exchange_transfers','2026-12-04T19:06:26.6220918Z');
CREATE TABLE grain_state (
    grain_type        TEXT    NOT NULL,
    grain_key         TEXT    NOT NULL,
    state_type        TEXT    NOT NULL,
    state_version     INTEGER NOT NULL,
    etag              INTEGER NOT NULL,
    payload           TEXT    NOT NULL,
    owner             TEXT,
    kind              TEXT,
    status            TEXT,
    requesting_state  TEXT,
    requested_state   TEXT,
    deadline_at       TEXT,
    external_key      TEXT,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);
INSERT INTO grain_state VALUES('authority','CN-MOJ','authority',1,3,'{"id":"CN-MOJ","year":2026,"lastNumber":3}','CN-MOJ',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04T19:06:27.9055417Z','2026-12-04T19:06:33.5574525Z');
INSERT INTO grain_state VALUES('request','CN-MOJ-2026-000001','assistance-request',1,5,'{"id":"CN-MOJ-2026-000001","kind":"evidence","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-mla-2003"},"language":"en","urgency":"urgent","urgencyReason":"The trial of the co-accused in Fujian opens on 15 March 2027; the bank records are needed before then.","summaryOfFacts":"Between January and June 2026 a group operating from rented premises in Bangkok called residents of Fujian province posing as police officers, and induced 214 victims to transfer a total of CNY 38.6 million to accounts held at banks in Thailand. Funds were withdrawn in cash within days of each transfer.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":["Ah Lei"]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]},{"role":"accountHolder","name":{"familyName":"SOMBOON","givenNames":"Niran","aliases":[]},"nationality":"TH","identityDocuments":[]}],"measures":[{"type":"bankRecords","description":"Account opening documents, statements from 1 January to 30 June 2026 and withdrawal records, with CCTV where kept, for account 123-4-56789-0 held by Niran SOMBOON."},{"type":"witnessStatement","description":"Statement of the branch manager who opened account 123-4-56789-0 on the identity checks made."}],"attachments":[{"name":"transfer-list.pdf","mediaType":"application/pdf","size":48213,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","category":"evidence"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:27.9291943Z","actor":"officer:CN-MOJ:cli","what":"created"},{"at":"2026-12-04T19:06:29.5362891Z","actor":"officer:CN-MOJ:cli","what":"message queued for TH-OAG: Request"},{"at":"2026-12-04T19:06:29.6437676Z","actor":"system:exchange","what":"delivered to TH-OAG (TH-OAG-2026-000001): Request"}],"createdAt":"2026-12-04T19:06:27.9291943Z","contentSha256":"467388c8ba009a8cc2be112aa4853ebb5d1d60a4afa02e098137786191aba402","side":"requesting","workflow":{"definition":{"country":"CN","side":"requesting","kind":"evidence","version":1},"tokens":[{"id":6,"stepId":"await-ack","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"],"dueAt":"2026-12-18T15:59:59.9999999Z","warnAt":"2026-12-16T15:59:59.9999999Z"},{"id":7,"stepId":"await-result","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"]},{"id":8,"stepId":"await-refusal","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"]},{"id":9,"stepId":"await-postponement","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"]},{"id":10,"stepId":"await-partial","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"]},{"id":11,"stepId":"await-notice","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"]},{"id":12,"stepId":"await-withdraw","state":"waiting","enteredAt":"2026-12-04T19:06:29.5362891Z","forks":["follow#5"]}],"forms":{"draft-review":{},"ca-approval":{},"translation":{}},"history":[{"at":"2026-12-04T19:06:27.9291943Z","stepId":"draft-review","what":"started","actor":"officer:CN-MOJ:cli","detail":"CN/Requesting/Evidence v1"},{"at":"2026-12-04T19:06:28.1343253Z","stepId":"draft-review","what":"ready","actor":"prosecutor:CN-MOJ:cli"},{"at":"2026-12-04T19:06:28.4127101Z","stepId":"ca-approval","what":"approved","actor":"officer:CN-MOJ:cli"},{"at":"2026-12-04T19:06:29.5362891Z","stepId":"translation","what":"notRequired","actor":"officer:CN-MOJ:cli"},{"at":"2026-12-04T19:06:29.5362891Z","stepId":"send-request","what":"sent","actor":"officer:CN-MOJ:cli"},{"at":"2026-12-04T19:06:29.5362891Z","stepId":"follow","what":"split","actor":"officer:CN-MOJ:cli"}],"nextTokenId":13,"isEnded":false},"outbox":[{"id":"CN-MOJ-2026-000001/m1","type":"request","stepId":"send-request","queuedAt":"2026-12-04T19:06:29.5362891Z","deliveredAt":"2026-12-04T19:06:29.6437676Z"}],"counterpart":"TH-OAG-2026-000001","own":{"state":"CN","authority":"CN-MOJ"},"other":{"state":"TH","authority":"TH-OAG"}}','CN-MOJ','Evidence','InProgress','CN','TH','2026-12-18T15:59:59.9999999Z',NULL,'2026-12-04T19:06:27.9664176Z','2026-12-04T19:06:29.6543612Z');
INSERT INTO grain_state VALUES('request','CN-MOJ-2026-000002','assistance-request',1,2,'{"id":"CN-MOJ-2026-000002","kind":"evidence","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-mla-2003"},"language":"en","urgency":"urgent","urgencyReason":"The trial of the co-accused in Fujian opens on 15 March 2027; the bank records are needed before then.","summaryOfFacts":"Between January and June 2026 a group operating from rented premises in Bangkok called residents of Fujian province posing as police officers, and induced 214 victims to transfer a total of CNY 38.6 million to accounts held at banks in Thailand. Funds were withdrawn in cash within days of each transfer.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":["Ah Lei"]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]},{"role":"accountHolder","name":{"familyName":"SOMBOON","givenNames":"Niran","aliases":[]},"nationality":"TH","identityDocuments":[]}],"measures":[{"type":"bankRecords","description":"Account opening documents, statements from 1 January to 30 June 2026 and withdrawal records, with CCTV where kept, for account 123-4-56789-0 held by Niran SOMBOON."},{"type":"witnessStatement","description":"Statement of the branch manager who opened account 123-4-56789-0 on the identity checks made."}],"attachments":[{"name":"transfer-list.pdf","mediaType":"application/pdf","size":48213,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","category":"evidence"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:28.1622979Z","actor":"officer:CN-MOJ:cli","what":"created"}],"createdAt":"2026-12-04T19:06:28.1622979Z","contentSha256":"467388c8ba009a8cc2be112aa4853ebb5d1d60a4afa02e098137786191aba402","side":"requesting","workflow":{"definition":{"country":"CN","side":"requesting","kind":"evidence","version":1},"tokens":[{"id":2,"stepId":"ca-approval","state":"waiting","enteredAt":"2026-12-04T19:06:28.2892157Z","forks":[],"dueAt":"2026-12-11T15:59:59.9999999Z","warnAt":"2026-12-10T15:59:59.9999999Z"}],"forms":{"draft-review":{}},"history":[{"at":"2026-12-04T19:06:28.1622979Z","stepId":"draft-review","what":"started","actor":"officer:CN-MOJ:cli","detail":"CN/Requesting/Evidence v1"},{"at":"2026-12-04T19:06:28.2892157Z","stepId":"draft-review","what":"ready","actor":"prosecutor:CN-MOJ:cli"}],"nextTokenId":3,"isEnded":false},"outbox":[],"own":{"state":"CN","authority":"CN-MOJ"},"other":{"state":"TH","authority":"TH-OAG"}}','CN-MOJ','Evidence','InProgress','CN','TH','2026-12-11T15:59:59.9999999Z',NULL,'2026-12-04T19:06:28.1625277Z','2026-12-04T19:06:28.2908490Z');
INSERT INTO grain_state VALUES('authority','TH-OAG','authority',1,1,'{"id":"TH-OAG","year":2026,"lastNumber":1}','TH-OAG',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-04T19:06:29.6480719Z','2026-12-04T19:06:29.6480719Z');
INSERT INTO grain_state VALUES('request','TH-OAG-2026-000001','assistance-request',1,1,'{"id":"TH-OAG-2026-000001","kind":"evidence","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-mla-2003"},"language":"en","urgency":"urgent","urgencyReason":"The trial of the co-accused in Fujian opens on 15 March 2027; the bank records are needed before then.","summaryOfFacts":"Between January and June 2026 a group operating from rented premises in Bangkok called residents of Fujian province posing as police officers, and induced 214 victims to transfer a total of CNY 38.6 million to accounts held at banks in Thailand. Funds were withdrawn in cash within days of each transfer.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":["Ah Lei"]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]},{"role":"accountHolder","name":{"familyName":"SOMBOON","givenNames":"Niran","aliases":[]},"nationality":"TH","identityDocuments":[]}],"measures":[{"type":"bankRecords","description":"Account opening documents, statements from 1 January to 30 June 2026 and withdrawal records, with CCTV where kept, for account 123-4-56789-0 held by Niran SOMBOON."},{"type":"witnessStatement","description":"Statement of the branch manager who opened account 123-4-56789-0 on the identity checks made."}],"attachments":[{"name":"transfer-list.pdf","mediaType":"application/pdf","size":48213,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","category":"evidence"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:29.6500529Z","actor":"system:exchange","what":"received from CN-MOJ as CN-MOJ-2026-000001"}],"createdAt":"2026-12-04T19:06:29.6500529Z","idempotencyKey":"CN-MOJ-2026-000001/m1","contentSha256":"467388c8ba009a8cc2be112aa4853ebb5d1d60a4afa02e098137786191aba402","side":"requested","workflow":{"definition":{"country":"TH","side":"requested","kind":"evidence","version":1},"tokens":[{"id":2,"stepId":"register","state":"waiting","enteredAt":"2026-12-04T19:06:29.6500529Z","forks":["receive#1"],"dueAt":"2026-12-14T16:59:59.9999999Z","warnAt":"2026-12-11T16:59:59.9999999Z"},{"id":3,"stepId":"await-withdrawal","state":"waiting","enteredAt":"2026-12-04T19:06:29.6500529Z","forks":["receive#1"]}],"forms":{},"history":[{"at":"2026-12-04T19:06:29.6500529Z","stepId":"receive","what":"started","actor":"system:TH-OAG:exchange","detail":"TH/Requested/Evidence v1"},{"at":"2026-12-04T19:06:29.6500529Z","stepId":"receive","what":"split","actor":"system:TH-OAG:exchange"}],"nextTokenId":4,"isEnded":false},"outbox":[],"counterpart":"CN-MOJ-2026-000001","receivedMessages":["CN-MOJ-2026-000001/m1"],"files":[],"own":{"state":"TH","authority":"TH-OAG"},"other":{"state":"CN","authority":"CN-MOJ"}}','TH-OAG','Evidence','InProgress','CN','TH','2026-12-14T16:59:59.9999999Z','CN-MOJ-2026-000001/m1','2026-12-04T19:06:29.6527272Z','2026-12-04T19:06:29.6527272Z');
INSERT INTO grain_state VALUES('request','CN-MOJ-2026-000003','assistance-request',1,1,'{"id":"CN-MOJ-2026-000003","kind":"provisionalArrest","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-extradition-1993"},"language":"en","urgency":"immediate","urgencyReason":"The person is booked on a flight leaving Suvarnabhumi airport within 72 hours.","summaryOfFacts":"The person is wanted for organising the fraud described in request CN-MOJ-2026-000017. A warrant of arrest was issued by the Fuzhou Public Security Bureau and approved by the Fuzhou People\u0027s Procuratorate on 3 July 2026. China undertakes to send the formal extradition request within the period the treaty allows.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":[]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]}],"measures":[{"type":"arrestPerson","description":"Provisional arrest; believed to stay at a serviced apartment in Huai Khwang district, Bangkok."}],"attachments":[{"name":"arrest-warrant.pdf","mediaType":"application/pdf","size":120544,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","category":"warrant"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:33.5584728Z","actor":"officer:CN-MOJ:cli","what":"created"}],"createdAt":"2026-12-04T19:06:33.5584728Z","contentSha256":"97c39c3a9984a53368f16bb76f0e885dc1af2462f6421428e5d48e95faba2f85","side":"requesting","workflow":{"definition":{"country":"CN","side":"requesting","kind":"provisionalArrest","version":1},"tokens":[{"id":1,"stepId":"draft-review","state":"waiting","enteredAt":"2026-12-04T19:06:33.5584728Z","forks":[],"dueAt":"2026-12-05T19:06:33.5584728Z","warnAt":"2026-12-05T13:06:33.5584728Z"}],"forms":{},"history":[{"at":"2026-12-04T19:06:33.5584728Z","stepId":"draft-review","what":"started","actor":"officer:CN-MOJ:cli","detail":"CN/Requesting/ProvisionalArrest v1"}],"nextTokenId":2,"isEnded":false},"outbox":[],"own":{"state":"CN","authority":"CN-MOJ"},"other":{"state":"TH","authority":"TH-OAG"}}','CN-MOJ','ProvisionalArrest','InProgress','CN','TH','2026-12-05T19:06:33.5584728Z',NULL,'2026-12-04T19:06:33.5595784Z','2026-12-04T19:06:33.5595784Z');
CREATE TABLE audit_log (
    authority_id  TEXT    NOT NULL,
    seq           INTEGER NOT NULL,
    at            TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    request_id    TEXT,
    state_sha256  TEXT    NOT NULL,
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    PRIMARY KEY (authority_id, seq)
);
INSERT INTO audit_log VALUES('CN-MOJ',1,'2026-12-04T19:06:27.9203500Z','officer:CN-MOJ:cli','request.number-allocated','CN-MOJ-2026-000001','448c8d86ff1bec39c1fcf42e4764beac2a66472d8f8e999c5f8672b7addb4b6e','0000000000000000000000000000000000000000000000000000000000000000','e399233a5a3746511b56055bdb14ab4c4416e044dd8746eaf1a93d5b0cf7cc6f');
INSERT INTO audit_log VALUES('CN-MOJ',2,'2026-12-04T19:06:27.9669898Z','officer:CN-MOJ:cli','request.created','CN-MOJ-2026-000001','9763e4b527c909a9e5cd13b4152cd312f0c3f5eb828e09c286e677d17d2a2fbb','e399233a5a3746511b56055bdb14ab4c4416e044dd8746eaf1a93d5b0cf7cc6f','54ebe9d762a296f3618ca214d002ca07e65edc6f393698e4d9b90f1a98dce96f');
INSERT INTO audit_log VALUES('CN-MOJ',3,'2026-12-04T19:06:28.1489008Z','prosecutor:CN-MOJ:cli','request.task-completed','CN-MOJ-2026-000001','944b0d2b40b9d46c0e69d7659af48666cac03cfde17ac6f2eb552308bf0cd90d','54ebe9d762a296f3618ca214d002ca07e65edc6f393698e4d9b90f1a98dce96f','035e32a487fca4eb976a7e6a0d153c77ed16c297d861af4f93c79949c74b60c5');
INSERT INTO audit_log VALUES('CN-MOJ',4,'2026-12-04T19:06:28.1608774Z','officer:CN-MOJ:cli','request.number-allocated','CN-MOJ-2026-000002','79f093db04d7ca12c1722d2c05f25b959dfdb980334a58b5b8ee407d85bce5ce','035e32a487fca4eb976a7e6a0d153c77ed16c297d861af4f93c79949c74b60c5','1a19f2a8fcacfb43c044a1fed7096c4ca2a023186efc5c0e0964560ca0c653af');
INSERT INTO audit_log VALUES('CN-MOJ',5,'2026-12-04T19:06:28.1626932Z','officer:CN-MOJ:cli','request.created','CN-MOJ-2026-000002','5adf1df074eec1be89112e654d330623ba71716406c08de1d3c4467acece71ea','1a19f2a8fcacfb43c044a1fed7096c4ca2a023186efc5c0e0964560ca0c653af','384e065bdb90b365ed01fa4f52c4677bb25b1598d1cbd5f8259f4f1a11d36676');
INSERT INTO audit_log VALUES('CN-MOJ',6,'2026-12-04T19:06:28.2911049Z','prosecutor:CN-MOJ:cli','request.task-completed','CN-MOJ-2026-000002','deec562e00b6b4e4fa3a7a02778446b89b226896ff7767d73e545ec4c73f3a08','384e065bdb90b365ed01fa4f52c4677bb25b1598d1cbd5f8259f4f1a11d36676','1fff6091138f1b629e9217774d5ccff0e63896d8105765e471fb2e1f04fd2548');
INSERT INTO audit_log VALUES('CN-MOJ',7,'2026-12-04T19:06:28.4148287Z','officer:CN-MOJ:cli','request.task-completed','CN-MOJ-2026-000001','e7853ed90a6c80e176f7fbebefd4ef9f365993cabcf2e839df25b34d987de245','1fff6091138f1b629e9217774d5ccff0e63896d8105765e471fb2e1f04fd2548','bb2f7113f2878291c0f6a9c303622230652069d1c64e5456869906d3fdc30cb3');
INSERT INTO audit_log VALUES('CN-MOJ',8,'2026-12-04T19:06:29.5420774Z','officer:CN-MOJ:cli','request.task-completed','CN-MOJ-2026-000001','a6e47240ae0e4050e1325a779e4e3a9b0e8b5f0e7c38ee7d716db496b9128e37','bb2f7113f2878291c0f6a9c303622230652069d1c64e5456869906d3fdc30cb3','3c7d856cbe4deacf487f126b0a206dbb7d2c9ff0973ab0f784f5949bbace91f2');
INSERT INTO audit_log VALUES('TH-OAG',1,'2026-12-04T19:06:29.6483339Z','system:TH-OAG:exchange','request.number-allocated','TH-OAG-2026-000001','ffa2d010e48442670f80175fd94d1198028141141fbb0e762c12e92fd31a19c2','0000000000000000000000000000000000000000000000000000000000000000','6a27357e188418385cbf6e34a3250121c8ff2097c835bd5dadbccec689cf20fb');
INSERT INTO audit_log VALUES('TH-OAG',2,'2026-12-04T19:06:29.6529274Z','system:exchange','request.received','TH-OAG-2026-000001','05fcb1bc52ac2b418cb44f771c89b1eb169ff0a31cc2ca7fa532f53cd90395dd','6a27357e188418385cbf6e34a3250121c8ff2097c835bd5dadbccec689cf20fb','522cd400a801293f942ca7361eb643f95e794efd132e84bee0d2cb1084a54195');
INSERT INTO audit_log VALUES('CN-MOJ',9,'2026-12-04T19:06:29.6545833Z','system:exchange','request.message-delivered','CN-MOJ-2026-000001','e4400abd5e87d83420ded9dc9ccf75c5e6ea0a19bc270266f6207f12f3d0ffe8','3c7d856cbe4deacf487f126b0a206dbb7d2c9ff0973ab0f784f5949bbace91f2','8162446c30695312f0d1735d37bd57b6a32d08cbdde4395623979ae16beb5d05');
INSERT INTO audit_log VALUES('CN-MOJ',10,'2026-12-04T19:06:33.5576371Z','officer:CN-MOJ:cli','request.number-allocated','CN-MOJ-2026-000003','c84b60aa6111afc9c881f2e031c40c64b46963cd0501f1b1a9c973f1d876daa3','8162446c30695312f0d1735d37bd57b6a32d08cbdde4395623979ae16beb5d05','56507d223d521f67899b6cfc075d731bb29fbeaf8eb4e5bc9141de8bea8483f8');
INSERT INTO audit_log VALUES('CN-MOJ',11,'2026-12-04T19:06:33.5597514Z','officer:CN-MOJ:cli','request.created','CN-MOJ-2026-000003','ddf116a9325634f235becd82790644ab13c3b719f1aee9614e46a39b44c96016','56507d223d521f67899b6cfc075d731bb29fbeaf8eb4e5bc9141de8bea8483f8','77577dc036703ba08c92a528cec9c431ab5904c86120d5ceeb647398f04b1546');
CREATE TABLE audit_heads (
    authority_id TEXT    NOT NULL PRIMARY KEY,
    seq          INTEGER NOT NULL,
    hash         TEXT    NOT NULL
);
INSERT INTO audit_heads VALUES('CN-MOJ',11,'77577dc036703ba08c92a528cec9c431ab5904c86120d5ceeb647398f04b1546');
INSERT INTO audit_heads VALUES('TH-OAG',2,'522cd400a801293f942ca7361eb643f95e794efd132e84bee0d2cb1084a54195');
CREATE TABLE reminders (
    grain_type   TEXT    NOT NULL,
    grain_key    TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    due_at       TEXT    NOT NULL,
    period_ms    INTEGER,
    lease_owner  TEXT,
    lease_until  TEXT,
    PRIMARY KEY (grain_type, grain_key, name)
);
INSERT INTO reminders VALUES('request','CN-MOJ-2026-000002','wf-2-due','2026-12-11T15:59:59.9999999Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','CN-MOJ-2026-000002','wf-2-warn','2026-12-10T15:59:59.9999999Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','CN-MOJ-2026-000001','wf-6-due','2026-12-18T15:59:59.9999999Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','CN-MOJ-2026-000001','wf-6-warn','2026-12-16T15:59:59.9999999Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','TH-OAG-2026-000001','wf-2-due','2026-12-14T16:59:59.9999999Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','TH-OAG-2026-000001','wf-2-warn','2026-12-11T16:59:59.9999999Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','CN-MOJ-2026-000003','wf-1-due','2026-12-05T19:06:33.5584728Z',NULL,NULL,NULL);
INSERT INTO reminders VALUES('request','CN-MOJ-2026-000003','wf-1-warn','2026-12-05T13:06:33.5584728Z',NULL,NULL,NULL);
CREATE TABLE exchange_inbox (
    sender_authority     TEXT NOT NULL,
    message_id           TEXT NOT NULL,
    recipient_authority  TEXT NOT NULL,
    request_id           TEXT NOT NULL,
    message_type         TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    received_at          TEXT NOT NULL,
    envelope             BLOB NOT NULL,
    PRIMARY KEY (sender_authority, message_id)
);
CREATE TABLE exchange_transfers (
    file_id              TEXT NOT NULL PRIMARY KEY,
    sender_authority     TEXT NOT NULL,
    message_id           TEXT NOT NULL,
    recipient_authority  TEXT NOT NULL,
    header               BLOB NOT NULL,
    plaintext_length     INTEGER NOT NULL,
    ciphertext_length    INTEGER NOT NULL,
    segment_size         INTEGER NOT NULL,
    segment_count        INTEGER NOT NULL,
    sha256               TEXT NOT NULL,
    next_segment         INTEGER NOT NULL DEFAULT 0,
    completed_at         TEXT,
    failed               TEXT,
    FOREIGN KEY (sender_authority, message_id) REFERENCES exchange_inbox (sender_authority, message_id),
    -- A transfer ends once, either way, and is complete only with every segment in.
    CHECK (next_segment BETWEEN 0 AND segment_count),
    CHECK (completed_at IS NULL OR failed IS NULL),
    CHECK (completed_at IS NULL OR next_segment = segment_count)
);
CREATE INDEX grain_state_by_owner ON grain_state (grain_type, owner, created_at);
CREATE UNIQUE INDEX grain_state_external_key ON grain_state (grain_type, owner, external_key) WHERE external_key IS NOT NULL;
CREATE INDEX reminders_by_due ON reminders (due_at);
CREATE VIEW requests AS
SELECT grain_key AS id, owner AS authority_id, kind, status, requesting_state, requested_state,
       deadline_at, created_at, updated_at, payload
FROM grain_state WHERE grain_type = 'request';
CREATE INDEX exchange_inbox_by_recipient ON exchange_inbox (recipient_authority, received_at);
CREATE INDEX exchange_transfers_by_message ON exchange_transfers (sender_authority, message_id);
COMMIT;
