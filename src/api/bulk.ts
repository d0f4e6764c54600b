import { type Static, Type } from 'typebox';

/** One rejected row of an imported file, as every import answers it (line, field, reason in zh and en). */
export const RowErrorSchema = Type.Object({
  line: Type.Integer(),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
  message_zh: Type.String(),
});

export type RowError = Static<typeof RowErrorSchema>;
