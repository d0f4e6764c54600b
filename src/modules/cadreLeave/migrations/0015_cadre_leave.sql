-- Cadre and staff leave (ARR-14, 004 §2 "确须离开的,坚持'谁审批、谁负责'原则,严格审批管理,并督促其按要求
-- 落实好返赤后主动报备"; 000 §2.4.7 出盘备案): applied for, decided by a named approver, closed by
-- the return report, which registers the arrival and its plan.
CREATE TABLE cadre_leaves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The person's jurisdiction: whoever may see the person may see the leave.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  destination_name text NOT NULL,
  destination_division_code text COLLATE "C",
  reason text NOT NULL,
  leave_date date NOT NULL,
  planned_return_date date NOT NULL CHECK (planned_return_date >= leave_date),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'returned')),
  applied_by uuid NOT NULL,
  applied_by_name text NOT NULL,
  -- The applicant's scope that covers the person: an approver must hold this subtree or a wider one.
  applicant_scope text COLLATE "C" NOT NULL,
  applied_at timestamptz NOT NULL,
  -- "谁审批、谁负责": the approver is named on the record.
  decided_by uuid,
  decided_by_name text,
  decided_at timestamptz,
  decision_note text,
  -- Set on approval: the return report is due 24 h after the planned return day ends.
  return_due_at timestamptz,
  returned_at timestamptz,
  return_origin_name text,
  return_origin_division_code text COLLATE "C",
  return_reported_by uuid,
  return_reported_at timestamptz,
  arrival_id uuid REFERENCES arrivals (id)
);
CREATE INDEX cadre_leaves_list ON cadre_leaves (jurisdiction_code, applied_at DESC);
CREATE INDEX cadre_leaves_person ON cadre_leaves (person_id);

ALTER TABLE cadre_leaves ENABLE ROW LEVEL SECURITY;
CREATE POLICY cadre_leaves_scope ON cadre_leaves
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON cadre_leaves TO fangkong_app;
