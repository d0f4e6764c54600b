-- No silent arrivals: arrivals that matched no protocol before the CDC review list existed (status
-- no_protocol, planned by nothing) get the CDC's review obligation the list's new arrivals get, 24
-- hours from now (reviewWork.ts: ARR-11 "当日反馈"), so that none sits on the list without a deadline.
INSERT INTO deadlines (rule_id, subject_type, subject_id, kind, person_id, jurisdiction_code, owner_role,
  title_zh, title_en, opened_at, due_at)
SELECT 'ARR-11', 'arrival', a.id, 'review:no_protocol', a.person_id, a.jurisdiction_code, 'cdc_epidemiologist',
  '核定管控措施：现行政策中没有适用于该来返人员的方案',
  'Decide the measures: no protocol of the governing pack applies to this arrival',
  now(), now() + interval '24 hours'
FROM arrivals a
WHERE a.status = 'no_protocol'
  AND NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_type = 'arrival' AND d.subject_id = a.id
    AND d.kind = 'review:no_protocol' AND d.done_at IS NULL AND d.cancelled_at IS NULL);
