-- Plans cite registered source documents ("document": "002") as packs now do (see 0067).
UPDATE arrival_plans SET plan = replace(plan::text, '"seed": ', '"document": ')::jsonb
  WHERE plan::text LIKE '%"seed": %';
