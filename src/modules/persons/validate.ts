import { type FieldError, fieldError } from '../../platform/errors.js';
import { checkIdNumber, ID_TYPES, type IdType } from '../../rules/idNumber.js';
import { KEY_GROUP_IDS, type KeyGroup } from '../../rules/keyGroups.js';
import { normalizePhone } from '../../rules/mask.js';
import { isSafeText } from '../../rules/safeText.js';

/** A person as entered: through the API, the web form or a ledger row. */
export interface PersonInput {
  name?: string | undefined;
  idType?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | null | undefined;
  sex?: string | null | undefined;
  birthDate?: string | null | undefined;
  jurisdictionCode?: string | undefined;
  address?: string | null | undefined;
  employer?: string | null | undefined;
  householdCode?: string | null | undefined;
  keyGroups?: readonly string[] | undefined;
}

export interface PersonFields {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  jurisdictionCode: string;
  address: string | null;
  employer: string | null;
  householdCode: string | null;
  keyGroups: KeyGroup[];
}

const LIMITS = { name: 50, address: 200, employer: 100, householdCode: 40 } as const;

function text(
  errors: FieldError[],
  field: keyof typeof LIMITS,
  value: string | null | undefined,
  required: boolean,
) {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) errors.push(fieldError(field, 'required'));
    return null;
  }
  if (trimmed.length > LIMITS[field]) errors.push(fieldError(field, 'too_long'));
  else if (!isSafeText(trimmed)) errors.push(fieldError(field, 'unsafe_text'));
  return trimmed;
}

/**
 * Checks a complete person and derives sex and birth date from a resident ID number (GB 11643).
 * Returns every problem at once, so a form or a ledger row can be corrected in one go.
 */
export function validatePerson(
  input: PersonInput,
  today: string,
): { fields?: PersonFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = text(errors, 'name', input.name, true);
  const address = text(errors, 'address', input.address, false);
  const employer = text(errors, 'employer', input.employer, false);
  const householdCode = text(errors, 'householdCode', input.householdCode, false);

  const idType = (input.idType ?? 'resident_id') as IdType;
  if (!ID_TYPES.includes(idType)) errors.push(fieldError('idType', 'enum'));
  const id = checkIdNumber(ID_TYPES.includes(idType) ? idType : 'other', input.idNumber ?? '', today);
  if (!id.ok) errors.push(fieldError('idNumber', id.problem));

  let phone: string | null = null;
  if (input.phone?.trim()) {
    phone = normalizePhone(input.phone) ?? null;
    if (!phone) errors.push(fieldError('phone', 'phone_format'));
  }

  let sex = (input.sex?.trim() || null) as PersonFields['sex'];
  if (sex !== null && sex !== 'male' && sex !== 'female') errors.push(fieldError('sex', 'enum'));
  let birthDate = input.birthDate?.trim() || null;
  if (birthDate !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || birthDate > today)) {
    errors.push(fieldError('birthDate', 'format'));
  }
  if (id.ok && id.sex) {
    if (sex && sex !== id.sex) errors.push(fieldError('sex', 'sex_mismatch'));
    if (birthDate && birthDate !== id.birthDate) errors.push(fieldError('birthDate', 'birth_date_mismatch'));
    sex = id.sex;
    birthDate = id.birthDate ?? null;
  }

  const jurisdictionCode = input.jurisdictionCode?.trim() ?? '';
  if (jurisdictionCode === '') errors.push(fieldError('jurisdictionCode', 'required'));
  else if (!/^\d{2,15}$/.test(jurisdictionCode)) errors.push(fieldError('jurisdictionCode', 'format'));

  const keyGroups = [...new Set(input.keyGroups ?? [])];
  if (keyGroups.some((group) => !KEY_GROUP_IDS.includes(group as KeyGroup))) {
    errors.push(fieldError('keyGroups', 'key_group_unknown'));
  }

  if (errors.length > 0 || !id.ok || name === null) return { errors };
  return {
    errors,
    fields: {
      name,
      idType,
      idNumber: id.normalized,
      phone,
      sex,
      birthDate,
      jurisdictionCode,
      address,
      employer,
      householdCode,
      keyGroups: keyGroups as KeyGroup[],
    },
  };
}
