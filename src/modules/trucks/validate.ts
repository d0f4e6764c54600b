import { stdnum } from 'stdnum';
import { type FieldError, fieldError } from '../../platform/errors.js';
import { checkResidentId } from '../../rules/idNumber.js';
import { normalizePhone } from '../../rules/mask.js';
import { assessReportTiming, checkPlate, repeatedIds } from '../../rules/truckReport.js';
import { originName } from '../landing/index.js';
import type { TruckReportInput } from './schemas.js';

interface CrewFields {
  position: number;
  name: string;
  idNumber: string;
  phone: string;
}

export interface TruckReportFields {
  unitName: string;
  unitCreditCode: string;
  plate: string;
  plannedArrivalAt: Date;
  jurisdictionCode: string;
  originDivisionCode: string;
  originName: string;
  starred: boolean;
  late: boolean;
  leadMinutes: number;
  crew: CrewFields[];
}

/** Unified social credit code (GB 32100) of the consignee, by stdnum's check. */
function checkCreditCode(raw: string): { value?: string; error?: FieldError } {
  // stdnum types its validators as a plain record of records.
  const uscc = stdnum.CN?.uscc;
  if (!uscc) throw new Error('stdnum has no validator for CN.uscc');
  const result = uscc.validate(raw.trim().toUpperCase());
  if (result.isValid) return { value: result.compact };
  const kind = result.error?.name;
  const code =
    kind === 'InvalidLength' ? 'id_length' : kind === 'InvalidChecksum' ? 'uscc_checksum' : 'uscc_format';
  return { error: fieldError('unitCreditCode', code) };
}

function checkCrew(input: TruckReportInput['crew'], today: string, errors: FieldError[]): CrewFields[] {
  const crew: CrewFields[] = [];
  input.forEach((member, index) => {
    const name = member.name.trim();
    if (name === '') errors.push(fieldError(`crew.${index}.name`, 'required'));
    const id = checkResidentId(member.idNumber, today);
    if (!id.ok) errors.push(fieldError(`crew.${index}.idNumber`, id.problem));
    const phone = normalizePhone(member.phone);
    if (!phone) errors.push(fieldError(`crew.${index}.phone`, 'phone_format'));
    if (name && id.ok && phone) crew.push({ position: index + 1, name, idNumber: id.normalized, phone });
  });
  for (const index of repeatedIds(input.map((m) => m.idNumber.trim().toUpperCase()))) {
    errors.push(fieldError(`crew.${index}.idNumber`, 'id_repeated'));
  }
  return crew;
}

/**
 * Checks a whole report (ARR-12) and says everything wrong at once. A report less than 24 h ahead
 * is valid but late; a planned arrival far in the past or future is a mistake.
 */
export function validateTruckReport(
  input: TruckReportInput,
  reportedAt: Date,
  today: string,
): { fields?: TruckReportFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const unitName = input.unitName.trim();
  if (unitName === '') errors.push(fieldError('unitName', 'required'));
  const credit = checkCreditCode(input.unitCreditCode);
  if (credit.error) errors.push(credit.error);
  const plate = checkPlate(input.plate);
  if (!plate.ok) errors.push(fieldError('plate', plate.problem));
  const plannedArrivalAt = new Date(input.plannedArrivalAt);
  const timing = assessReportTiming(reportedAt, plannedArrivalAt);
  if (!timing.ok) errors.push(fieldError('plannedArrivalAt', timing.problem));
  const origin = originName(input.originDivisionCode);
  if (!origin) errors.push(fieldError('originDivisionCode', 'origin_unknown'));
  const crew = checkCrew(input.crew, today, errors);
  if (errors.length > 0 || !credit.value || !plate.ok || !timing.ok || !origin) return { errors };
  return {
    errors,
    fields: {
      unitName,
      unitCreditCode: credit.value,
      plate: plate.normalized,
      plannedArrivalAt,
      jurisdictionCode: input.jurisdictionCode,
      originDivisionCode: input.originDivisionCode,
      originName: origin,
      starred: input.starred,
      late: timing.late,
      leadMinutes: timing.leadMinutes,
      crew,
    },
  };
}
