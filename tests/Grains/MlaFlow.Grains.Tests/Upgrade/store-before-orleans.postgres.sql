--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_heads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_heads (
    authority_id text NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL
);


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    authority_id text NOT NULL,
    seq bigint NOT NULL,
    at text NOT NULL COLLATE pg_catalog."C",
    actor text NOT NULL,
    action text NOT NULL,
    request_id text,
    state_sha256 text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);


--
-- Name: exchange_inbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.exchange_inbox (
    sender_authority text NOT NULL,
    message_id text NOT NULL,
    recipient_authority text NOT NULL,
    request_id text NOT NULL,
    message_type text NOT NULL,
    created_at text NOT NULL COLLATE pg_catalog."C",
    received_at text NOT NULL COLLATE pg_catalog."C",
    envelope bytea NOT NULL
);


--
-- Name: exchange_transfers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.exchange_transfers (
    file_id text NOT NULL,
    sender_authority text NOT NULL,
    message_id text NOT NULL,
    recipient_authority text NOT NULL,
    header bytea NOT NULL,
    plaintext_length bigint NOT NULL,
    ciphertext_length bigint NOT NULL,
    segment_size integer NOT NULL,
    segment_count bigint NOT NULL,
    sha256 text NOT NULL,
    next_segment bigint DEFAULT 0 NOT NULL,
    completed_at text COLLATE pg_catalog."C",
    failed text,
    CONSTRAINT exchange_transfers_check CHECK (((next_segment >= 0) AND (next_segment <= segment_count))),
    CONSTRAINT exchange_transfers_check1 CHECK (((completed_at IS NULL) OR (failed IS NULL))),
    CONSTRAINT exchange_transfers_check2 CHECK (((completed_at IS NULL) OR (next_segment = segment_count)))
);


--
-- Name: grain_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grain_state (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    state_type text NOT NULL,
    state_version bigint NOT NULL,
    etag bigint NOT NULL,
    payload text NOT NULL,
    owner text,
    kind text,
    status text,
    requesting_state text,
    requested_state text,
    deadline_at text COLLATE pg_catalog."C",
    external_key text,
    created_at text NOT NULL COLLATE pg_catalog."C",
    updated_at text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: reminders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reminders (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    name text NOT NULL,
    due_at text NOT NULL COLLATE pg_catalog."C",
    period_ms bigint,
    lease_owner text,
    lease_until text COLLATE pg_catalog."C"
);


--
-- Name: requests; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.requests AS
 SELECT grain_state.grain_key AS id,
    grain_state.owner AS authority_id,
    grain_state.kind,
    grain_state.status,
    grain_state.requesting_state,
    grain_state.requested_state,
    grain_state.deadline_at,
    grain_state.created_at,
    grain_state.updated_at,
    grain_state.payload
   FROM public.grain_state
  WHERE (grain_state.grain_type = 'request'::text);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at text NOT NULL
);


--
-- Data for Name: audit_heads; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_heads VALUES ('TH-OAG', 2, '5249e4437e74237d433a0738cc5b20cdb83df2bbcdcf2ee19da6647564b94a3c');
INSERT INTO public.audit_heads VALUES ('CN-MOJ', 11, '030f5b7c7479e000cf4f1ba1d7c631900fc6a32c4c0306310e9d37ee33c641ba');


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_log VALUES ('CN-MOJ', 1, '2026-12-04T19:06:46.5553712Z', 'officer:CN-MOJ:cli', 'request.number-allocated', 'CN-MOJ-2026-000001', '448c8d86ff1bec39c1fcf42e4764beac2a66472d8f8e999c5f8672b7addb4b6e', '0000000000000000000000000000000000000000000000000000000000000000', '2630f910f8282f9de43bcb6df1782396a463397a0fe6e87e00ed62068dd7e8b1');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 2, '2026-12-04T19:06:46.6023429Z', 'officer:CN-MOJ:cli', 'request.created', 'CN-MOJ-2026-000001', '4f6aedd4290880209836f7f9ea390935b3efbed48dffade47492d1c8ec2357c7', '2630f910f8282f9de43bcb6df1782396a463397a0fe6e87e00ed62068dd7e8b1', '10d0191c0e97d9412f1d19c3b11e9b8a2a4a845ecaeac811737bdf97e7d11150');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 3, '2026-12-04T19:06:46.7372295Z', 'prosecutor:CN-MOJ:cli', 'request.task-completed', 'CN-MOJ-2026-000001', '5b138a8477931b6caa5435152bd8ca123b561169a8d6f5bc3a5fbe6b209d201f', '10d0191c0e97d9412f1d19c3b11e9b8a2a4a845ecaeac811737bdf97e7d11150', '87a6856a34a1cfe1d659475333fe0dec1265e47615eec2017b5429201bedc0cf');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 4, '2026-12-04T19:06:46.7495254Z', 'officer:CN-MOJ:cli', 'request.number-allocated', 'CN-MOJ-2026-000002', '79f093db04d7ca12c1722d2c05f25b959dfdb980334a58b5b8ee407d85bce5ce', '87a6856a34a1cfe1d659475333fe0dec1265e47615eec2017b5429201bedc0cf', 'cc6b848ae077fe190bd8e307b79fa05328900efe67f86b9e3eec6d5e5d08dde5');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 5, '2026-12-04T19:06:46.7526928Z', 'officer:CN-MOJ:cli', 'request.created', 'CN-MOJ-2026-000002', '7cd000a5450dd19a00a5ac20c2df10e1876a7f99884812a926cafb521d726e05', 'cc6b848ae077fe190bd8e307b79fa05328900efe67f86b9e3eec6d5e5d08dde5', 'd0970ced28506ab733afe1f14bb155447492dfc65468c165b3500b09becde1c6');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 6, '2026-12-04T19:06:46.8513648Z', 'prosecutor:CN-MOJ:cli', 'request.task-completed', 'CN-MOJ-2026-000002', '3e611014d5b4131f378a8e5656aa5b74872e8808123e21cf42ff3bb50715156e', 'd0970ced28506ab733afe1f14bb155447492dfc65468c165b3500b09becde1c6', '49572a4a835ee34d7ebcd634c582089490b4aa6a60fca6a4c73255cbfb916a5a');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 7, '2026-12-04T19:06:46.9447587Z', 'officer:CN-MOJ:cli', 'request.task-completed', 'CN-MOJ-2026-000001', 'dea1e6d39e837806e762a672ed40d1e9dfe3b84292e05f4845dd9143a969867c', '49572a4a835ee34d7ebcd634c582089490b4aa6a60fca6a4c73255cbfb916a5a', '1c31a17313d2aad39ae740769e6414e35812f961476064b00cfe8de88ae9b552');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 8, '2026-12-04T19:06:48.0465127Z', 'officer:CN-MOJ:cli', 'request.task-completed', 'CN-MOJ-2026-000001', 'a33a2ca9236d2602492bd8cf8645b412ad36e2f182a24353a1f70e924ddf0907', '1c31a17313d2aad39ae740769e6414e35812f961476064b00cfe8de88ae9b552', 'd5e4197264ff3805f9855f7c961e59de5303dbe8e612c7513533804436c4e4c4');
INSERT INTO public.audit_log VALUES ('TH-OAG', 1, '2026-12-04T19:06:48.4991996Z', 'system:TH-OAG:exchange', 'request.number-allocated', 'TH-OAG-2026-000001', 'ffa2d010e48442670f80175fd94d1198028141141fbb0e762c12e92fd31a19c2', '0000000000000000000000000000000000000000000000000000000000000000', '6517ea42c06eb03f3ebbac859c4320f87ab31744a6dc2a3dc739f6fee87aa759');
INSERT INTO public.audit_log VALUES ('TH-OAG', 2, '2026-12-04T19:06:48.5036375Z', 'system:exchange', 'request.received', 'TH-OAG-2026-000001', '88be9ae6090698f9511f40a6587799f4a7a9cf4dcf1538921978ac05b09b6d79', '6517ea42c06eb03f3ebbac859c4320f87ab31744a6dc2a3dc739f6fee87aa759', '5249e4437e74237d433a0738cc5b20cdb83df2bbcdcf2ee19da6647564b94a3c');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 9, '2026-12-04T19:06:48.5064315Z', 'system:exchange', 'request.message-delivered', 'CN-MOJ-2026-000001', '989f6d998c47956876af617cae1e4acb3204bcca89c6bf4d407c3190e18f0348', 'd5e4197264ff3805f9855f7c961e59de5303dbe8e612c7513533804436c4e4c4', 'd637265fe52ade95dfe88978c210a9a1ded8f2a129a343bab96e49c577a80c1d');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 10, '2026-12-04T19:06:52.0621449Z', 'officer:CN-MOJ:cli', 'request.number-allocated', 'CN-MOJ-2026-000003', 'c84b60aa6111afc9c881f2e031c40c64b46963cd0501f1b1a9c973f1d876daa3', 'd637265fe52ade95dfe88978c210a9a1ded8f2a129a343bab96e49c577a80c1d', 'c1d2cab8ef6d027b17bb72e2d0cddb5056f5a5d3950362ffecc7626210ac2cf7');
INSERT INTO public.audit_log VALUES ('CN-MOJ', 11, '2026-12-04T19:06:52.0636951Z', 'officer:CN-MOJ:cli', 'request.created', 'CN-MOJ-2026-000003', '056565bcb62abb3f9cf4c3af30831c4c652616543b2161f912bf439b043dfe2b', 'c1d2cab8ef6d027b17bb72e2d0cddb5056f5a5d3950362ffecc7626210ac2cf7', '030f5b7c7479e000cf4f1ba1d7c631900fc6a32c4c0306310e9d37ee33c641ba');


--
-- Data for Name: exchange_inbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: exchange_transfers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grain_state; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.grain_state VALUES ('request', 'CN-MOJ-2026-000002', 'assistance-request', 1, 2, '{"id":"CN-MOJ-2026-000002","kind":"evidence","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-mla-2003"},"language":"en","urgency":"urgent","urgencyReason":"The trial of the co-accused in Fujian opens on 15 March 2027; the bank records are needed before then.","summaryOfFacts":"Between January and June 2026 a group operating from rented premises in Bangkok called residents of Fujian province posing as police officers, and induced 214 victims to transfer a total of CNY 38.6 million to accounts held at banks in Thailand. Funds were withdrawn in cash within days of each transfer.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":["Ah Lei"]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]},{"role":"accountHolder","name":{"familyName":"SOMBOON","givenNames":"Niran","aliases":[]},"nationality":"TH","identityDocuments":[]}],"measures":[{"type":"bankRecords","description":"Account opening documents, statements from 1 January to 30 June 2026 and withdrawal records, with CCTV where kept, for account 123-4-56789-0 held by Niran SOMBOON."},{"type":"witnessStatement","description":"Statement of the branch manager who opened account 123-4-56789-0 on the identity checks made."}],"attachments":[{"name":"transfer-list.pdf","mediaType":"application/pdf","size":48213,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","category":"evidence"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:46.7517682Z","actor":"officer:CN-MOJ:cli","what":"created"}],"createdAt":"2026-12-04T19:06:46.7517682Z","contentSha256":"467388c8ba009a8cc2be112aa4853ebb5d1d60a4afa02e098137786191aba402","side":"requesting","workflow":{"definition":{"country":"CN","side":"requesting","kind":"evidence","version":1},"tokens":[{"id":2,"stepId":"ca-approval","state":"waiting","enteredAt":"2026-12-04T19:06:46.8486688Z","forks":[],"dueAt":"2026-12-11T15:59:59.9999999Z","warnAt":"2026-12-10T15:59:59.9999999Z"}],"forms":{"draft-review":{}},"history":[{"at":"2026-12-04T19:06:46.7517682Z","stepId":"draft-review","what":"started","actor":"officer:CN-MOJ:cli","detail":"CN/Requesting/Evidence v1"},{"at":"2026-12-04T19:06:46.8486688Z","stepId":"draft-review","what":"ready","actor":"prosecutor:CN-MOJ:cli"}],"nextTokenId":3,"isEnded":false},"outbox":[],"own":{"state":"CN","authority":"CN-MOJ"},"other":{"state":"TH","authority":"TH-OAG"}}', 'CN-MOJ', 'Evidence', 'InProgress', 'CN', 'TH', '2026-12-11T15:59:59.9999999Z', NULL, '2026-12-04T19:06:46.7520735Z', '2026-12-04T19:06:46.8503951Z');
INSERT INTO public.grain_state VALUES ('authority', 'TH-OAG', 'authority', 1, 1, '{"id":"TH-OAG","year":2026,"lastNumber":1}', 'TH-OAG', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-04T19:06:48.4984629Z', '2026-12-04T19:06:48.4984629Z');
INSERT INTO public.grain_state VALUES ('request', 'TH-OAG-2026-000001', 'assistance-request', 1, 1, '{"id":"TH-OAG-2026-000001","kind":"evidence","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-mla-2003"},"language":"en","urgency":"urgent","urgencyReason":"The trial of the co-accused in Fujian opens on 15 March 2027; the bank records are needed before then.","summaryOfFacts":"Between January and June 2026 a group operating from rented premises in Bangkok called residents of Fujian province posing as police officers, and induced 214 victims to transfer a total of CNY 38.6 million to accounts held at banks in Thailand. Funds were withdrawn in cash within days of each transfer.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":["Ah Lei"]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]},{"role":"accountHolder","name":{"familyName":"SOMBOON","givenNames":"Niran","aliases":[]},"nationality":"TH","identityDocuments":[]}],"measures":[{"type":"bankRecords","description":"Account opening documents, statements from 1 January to 30 June 2026 and withdrawal records, with CCTV where kept, for account 123-4-56789-0 held by Niran SOMBOON."},{"type":"witnessStatement","description":"Statement of the branch manager who opened account 123-4-56789-0 on the identity checks made."}],"attachments":[{"name":"transfer-list.pdf","mediaType":"application/pdf","size":48213,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","category":"evidence"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:48.5006635Z","actor":"system:exchange","what":"received from CN-MOJ as CN-MOJ-2026-000001"}],"createdAt":"2026-12-04T19:06:48.5006635Z","idempotencyKey":"CN-MOJ-2026-000001/m1","contentSha256":"467388c8ba009a8cc2be112aa4853ebb5d1d60a4afa02e098137786191aba402","side":"requested","workflow":{"definition":{"country":"TH","side":"requested","kind":"evidence","version":1},"tokens":[{"id":2,"stepId":"register","state":"waiting","enteredAt":"2026-12-04T19:06:48.5006635Z","forks":["receive#1"],"dueAt":"2026-12-14T16:59:59.9999999Z","warnAt":"2026-12-11T16:59:59.9999999Z"},{"id":3,"stepId":"await-withdrawal","state":"waiting","enteredAt":"2026-12-04T19:06:48.5006635Z","forks":["receive#1"]}],"forms":{},"history":[{"at":"2026-12-04T19:06:48.5006635Z","stepId":"receive","what":"started","actor":"system:TH-OAG:exchange","detail":"TH/Requested/Evidence v1"},{"at":"2026-12-04T19:06:48.5006635Z","stepId":"receive","what":"split","actor":"system:TH-OAG:exchange"}],"nextTokenId":4,"isEnded":false},"outbox":[],"counterpart":"CN-MOJ-2026-000001","receivedMessages":["CN-MOJ-2026-000001/m1"],"files":[],"own":{"state":"TH","authority":"TH-OAG"},"other":{"state":"CN","authority":"CN-MOJ"}}', 'TH-OAG', 'Evidence', 'InProgress', 'CN', 'TH', '2026-12-14T16:59:59.9999999Z', 'CN-MOJ-2026-000001/m1', '2026-12-04T19:06:48.5029123Z', '2026-12-04T19:06:48.5029123Z');
INSERT INTO public.grain_state VALUES ('request', 'CN-MOJ-2026-000001', 'assistance-request', 1, 5, '{"id":"CN-MOJ-2026-000001","kind":"evidence","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-mla-2003"},"language":"en","urgency":"urgent","urgencyReason":"The trial of the co-accused in Fujian opens on 15 March 2027; the bank records are needed before then.","summaryOfFacts":"Between January and June 2026 a group operating from rented premises in Bangkok called residents of Fujian province posing as police officers, and induced 214 victims to transfer a total of CNY 38.6 million to accounts held at banks in Thailand. Funds were withdrawn in cash within days of each transfer.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":["Ah Lei"]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]},{"role":"accountHolder","name":{"familyName":"SOMBOON","givenNames":"Niran","aliases":[]},"nationality":"TH","identityDocuments":[]}],"measures":[{"type":"bankRecords","description":"Account opening documents, statements from 1 January to 30 June 2026 and withdrawal records, with CCTV where kept, for account 123-4-56789-0 held by Niran SOMBOON."},{"type":"witnessStatement","description":"Statement of the branch manager who opened account 123-4-56789-0 on the identity checks made."}],"attachments":[{"name":"transfer-list.pdf","mediaType":"application/pdf","size":48213,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","category":"evidence"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:46.5648369Z","actor":"officer:CN-MOJ:cli","what":"created"},{"at":"2026-12-04T19:06:48.040807Z","actor":"officer:CN-MOJ:cli","what":"message queued for TH-OAG: Request"},{"at":"2026-12-04T19:06:48.4927586Z","actor":"system:exchange","what":"delivered to TH-OAG (TH-OAG-2026-000001): Request"}],"createdAt":"2026-12-04T19:06:46.5648369Z","contentSha256":"467388c8ba009a8cc2be112aa4853ebb5d1d60a4afa02e098137786191aba402","side":"requesting","workflow":{"definition":{"country":"CN","side":"requesting","kind":"evidence","version":1},"tokens":[{"id":6,"stepId":"await-ack","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"],"dueAt":"2026-12-18T15:59:59.9999999Z","warnAt":"2026-12-16T15:59:59.9999999Z"},{"id":7,"stepId":"await-result","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"]},{"id":8,"stepId":"await-refusal","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"]},{"id":9,"stepId":"await-postponement","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"]},{"id":10,"stepId":"await-partial","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"]},{"id":11,"stepId":"await-notice","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"]},{"id":12,"stepId":"await-withdraw","state":"waiting","enteredAt":"2026-12-04T19:06:48.040807Z","forks":["follow#5"]}],"forms":{"draft-review":{},"ca-approval":{},"translation":{}},"history":[{"at":"2026-12-04T19:06:46.5648369Z","stepId":"draft-review","what":"started","actor":"officer:CN-MOJ:cli","detail":"CN/Requesting/Evidence v1"},{"at":"2026-12-04T19:06:46.7227887Z","stepId":"draft-review","what":"ready","actor":"prosecutor:CN-MOJ:cli"},{"at":"2026-12-04T19:06:46.9423325Z","stepId":"ca-approval","what":"approved","actor":"officer:CN-MOJ:cli"},{"at":"2026-12-04T19:06:48.040807Z","stepId":"translation","what":"notRequired","actor":"officer:CN-MOJ:cli"},{"at":"2026-12-04T19:06:48.040807Z","stepId":"send-request","what":"sent","actor":"officer:CN-MOJ:cli"},{"at":"2026-12-04T19:06:48.040807Z","stepId":"follow","what":"split","actor":"officer:CN-MOJ:cli"}],"nextTokenId":13,"isEnded":false},"outbox":[{"id":"CN-MOJ-2026-000001/m1","type":"request","stepId":"send-request","queuedAt":"2026-12-04T19:06:48.040807Z","deliveredAt":"2026-12-04T19:06:48.4927586Z"}],"counterpart":"TH-OAG-2026-000001","own":{"state":"CN","authority":"CN-MOJ"},"other":{"state":"TH","authority":"TH-OAG"}}', 'CN-MOJ', 'Evidence', 'InProgress', 'CN', 'TH', '2026-12-18T15:59:59.9999999Z', NULL, '2026-12-04T19:06:46.6008356Z', '2026-12-04T19:06:48.5050624Z');
INSERT INTO public.grain_state VALUES ('authority', 'CN-MOJ', 'authority', 1, 3, '{"id":"CN-MOJ","year":2026,"lastNumber":3}', 'CN-MOJ', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-04T19:06:46.5450492Z', '2026-12-04T19:06:52.0616014Z');
INSERT INTO public.grain_state VALUES ('request', 'CN-MOJ-2026-000003', 'assistance-request', 1, 1, '{"id":"CN-MOJ-2026-000003","kind":"provisionalArrest","requesting":{"state":"CN","authority":"CN-MOJ"},"requested":{"state":"TH","authority":"TH-OAG"},"legalBasis":{"type":"treaty","treatyId":"cn-th-extradition-1993"},"language":"en","urgency":"immediate","urgencyReason":"The person is booked on a flight leaving Suvarnabhumi airport within 72 hours.","summaryOfFacts":"The person is wanted for organising the fraud described in request CN-MOJ-2026-000017. A warrant of arrest was issued by the Fuzhou Public Security Bureau and approved by the Fuzhou People\u0027s Procuratorate on 3 July 2026. China undertakes to send the formal extradition request within the period the treaty allows.","offences":[{"name":"Fraud","legalProvision":"Criminal Law of the People\u0027s Republic of China, article 266","maximumPenalty":{"type":"lifeImprisonment"}}],"persons":[{"role":"suspect","name":{"familyName":"WANG","givenNames":"Lei","originalScript":"\u738B\u78CA","aliases":[]},"dateOfBirth":"1988-04-12","nationality":"CN","identityDocuments":[{"type":"passport","number":"E12345678","issuingState":"CN"}]}],"measures":[{"type":"arrestPerson","description":"Provisional arrest; believed to stay at a serviced apartment in Huai Khwang district, Bangkok."}],"attachments":[{"name":"arrest-warrant.pdf","mediaType":"application/pdf","size":120544,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","category":"warrant"}],"status":"inProgress","timeline":[{"at":"2026-12-04T19:06:52.0626678Z","actor":"officer:CN-MOJ:cli","what":"created"}],"createdAt":"2026-12-04T19:06:52.0626678Z","contentSha256":"97c39c3a9984a53368f16bb76f0e885dc1af2462f6421428e5d48e95faba2f85","side":"requesting","workflow":{"definition":{"country":"CN","side":"requesting","kind":"provisionalArrest","version":1},"tokens":[{"id":1,"stepId":"draft-review","state":"waiting","enteredAt":"2026-12-04T19:06:52.0626678Z","forks":[],"dueAt":"2026-12-05T19:06:52.0626678Z","warnAt":"2026-12-05T13:06:52.0626678Z"}],"forms":{},"history":[{"at":"2026-12-04T19:06:52.0626678Z","stepId":"draft-review","what":"started","actor":"officer:CN-MOJ:cli","detail":"CN/Requesting/ProvisionalArrest v1"}],"nextTokenId":2,"isEnded":false},"outbox":[],"own":{"state":"CN","authority":"CN-MOJ"},"other":{"state":"TH","authority":"TH-OAG"}}', 'CN-MOJ', 'ProvisionalArrest', 'InProgress', 'CN', 'TH', '2026-12-05T19:06:52.0626678Z', NULL, '2026-12-04T19:06:52.0632971Z', '2026-12-04T19:06:52.0632971Z');


--
-- Data for Name: reminders; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reminders VALUES ('request', 'CN-MOJ-2026-000002', 'wf-2-due', '2026-12-11T15:59:59.9999999Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'CN-MOJ-2026-000002', 'wf-2-warn', '2026-12-10T15:59:59.9999999Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'CN-MOJ-2026-000001', 'wf-6-due', '2026-12-18T15:59:59.9999999Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'CN-MOJ-2026-000001', 'wf-6-warn', '2026-12-16T15:59:59.9999999Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'TH-OAG-2026-000001', 'wf-2-due', '2026-12-14T16:59:59.9999999Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'TH-OAG-2026-000001', 'wf-2-warn', '2026-12-11T16:59:59.9999999Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'CN-MOJ-2026-000003', 'wf-1-due', '2026-12-05T19:06:52.0626678Z', NULL, NULL, NULL);
INSERT INTO public.reminders VALUES ('request', 'CN-MOJ-2026-000003', 'wf-1-warn', '2026-12-05T13:06:52.0626678Z', NULL, NULL, NULL);


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, 'initial', '2026-12-04T19:06:45.4594059Z');
INSERT INTO public.schema_migrations VALUES (2, 'exchange_inbox', '2026-12-04T19:06:45.4733776Z');
INSERT INTO public.schema_migrations VALUES (3, 'exchange_transfers', '2026-12-04T19:06:45.4790873Z');


--
-- Name: audit_heads audit_heads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_heads
    ADD CONSTRAINT audit_heads_pkey PRIMARY KEY (authority_id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (authority_id, seq);


--
-- Name: exchange_inbox exchange_inbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exchange_inbox
    ADD CONSTRAINT exchange_inbox_pkey PRIMARY KEY (sender_authority, message_id);


--
-- Name: exchange_transfers exchange_transfers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exchange_transfers
    ADD CONSTRAINT exchange_transfers_pkey PRIMARY KEY (file_id);


--
-- Name: grain_state grain_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grain_state
    ADD CONSTRAINT grain_state_pkey PRIMARY KEY (grain_type, grain_key);


--
-- Name: reminders reminders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminders
    ADD CONSTRAINT reminders_pkey PRIMARY KEY (grain_type, grain_key, name);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: exchange_inbox_by_recipient; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX exchange_inbox_by_recipient ON public.exchange_inbox USING btree (recipient_authority, received_at);


--
-- Name: exchange_transfers_by_message; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX exchange_transfers_by_message ON public.exchange_transfers USING btree (sender_authority, message_id);


--
-- Name: grain_state_by_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grain_state_by_owner ON public.grain_state USING btree (grain_type, owner, created_at);


--
-- Name: grain_state_external_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX grain_state_external_key ON public.grain_state USING btree (grain_type, owner, external_key) WHERE (external_key IS NOT NULL);


--
-- Name: reminders_by_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reminders_by_due ON public.reminders USING btree (due_at);


--
-- Name: exchange_transfers exchange_transfers_sender_authority_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exchange_transfers
    ADD CONSTRAINT exchange_transfers_sender_authority_message_id_fkey FOREIGN KEY (sender_authority, message_id) REFERENCES public.exchange_inbox(sender_authority, message_id);


--
-- PostgreSQL database dump complete
--


