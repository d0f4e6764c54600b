/**
 * Fever threshold in °C, for checkpoints (ARR-15, HC-3) and the boarding check (ARR-13).
 * Assumption: the seeds say “体温检测 … 如有发热症状” and “有发热等症状者” without a number; 37.3 °C is the
 * threshold of the national protocol (《新型冠状病毒肺炎防控方案》: 体温≥37.3℃ 为发热).
 */
export const FEVER_CELSIUS = 37.3;
