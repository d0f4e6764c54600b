import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { PackError } from './api';

/**
 * Why a pack was refused: each problem on its YAML line, in the UI language. A problem of the
 * whole file (a YAML syntax error) is one sentence that names its line itself; a problem of an
 * item shows its line first and the item's path in the pack beside it.
 */
export function PackErrors({
  errors,
  onShowLine,
}: {
  errors: PackError[];
  /** Selects a line in the text being loaded, for the author to fix. */
  onShowLine?: (line: number) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="pack-errors"
      title={t('policy.load.errorsTitle', { count: errors.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
          {errors.map((error) => {
            const text = pickText(language, error.message.zh, error.message.en);
            const { line } = error;
            return (
              <li
                key={`${error.path}:${line}:${error.message.en}`}
                data-testid="pack-error"
                data-path={error.path}
                data-line={line}
              >
                {error.path === '' ? (
                  text
                ) : (
                  <>
                    {line !== undefined ? t('policy.load.line', { line }) : null}
                    <Typography.Text type="secondary" code>
                      {error.path}
                    </Typography.Text>
                    {t('policy.load.separator')}
                    {text}
                  </>
                )}
                {onShowLine && line !== undefined ? (
                  <Typography.Link
                    style={{ marginInlineStart: 8 }}
                    onClick={() => onShowLine(line)}
                    data-testid="pack-error-show-line"
                  >
                    {t('policy.load.showLine')}
                  </Typography.Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
