-- Citations name a registered source document ("document": "002") rather than a seed file
-- ("seed": "002"). Stored pack contents are rewritten to the new key; their meaning is unchanged and
-- their source text stays as it was loaded.
UPDATE policy_packs SET content = replace(content::text, '"seed": ', '"document": ')::jsonb
  WHERE content::text LIKE '%"seed": %';
