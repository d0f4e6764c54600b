import { AppError } from '../../platform/errors.js';

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Two identical reports at the same moment (a double tap): the second transaction's insert hits the
 * unique key and rolls back whole; run again, it finds the first report and returns it.
 */
export async function retryOnDuplicate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  try {
    return await run();
  } catch (error) {
    throw isUniqueViolation(error) ? new AppError('duplicate_submission') : error;
  }
}
