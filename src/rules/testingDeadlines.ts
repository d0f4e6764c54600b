import { TURNAROUND } from './turnaround.js';

// How long the obligations a lab result raises on a person have, in hours from the result (an
// elapsed-time limit like TST-2's turnaround, not calendar days). labResults opens them; they are
// here so that every module that shows or checks them reads the same number.

/**
 * TST-1: the members of a positive pool are re-sampled one by one within this many hours.
 * Assumption: the seeds say only that a positive pool is followed by individual re-sampling and
 * set no time for it; we owe the re-sample as fast as a result is owed, TST-2's general
 * turnaround, "检测机构要在 12 小时内反馈实验室检测结果" [001 §9].
 */
export const RESAMPLE_HOURS = TURNAROUND.general.dueHours;

/**
 * CAS-2: the case report of a positive result is owed within 2 hours: "接到核酸检测阳性报告后，医疗机构要在
 * 2小时内进行网络直报" [002 §27]; "发现新冠肺炎疑似病例、确诊病例和无症状感染者后, 2 小时内进行网络直报" [001 §8].
 */
export const CASE_REPORT_HOURS = 2;
