import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { PackError } from './api';

/** Why a pack was refused: each problem with its path in the pack and its YAML line. */
export function PackErrors({ errors }: { errors: PackError[] }) {
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
          {errors.map((error) => (
            <li
              key={`${error.path}:${error.line}:${error.message.en}`}
              data-testid="pack-error"
              data-path={error.path}
            >
              <code>{error.path || t('policy.load.root')}</code>
              {error.line !== undefined ? ` (${t('policy.load.line', { line: error.line })})` : ''}:{' '}
              {pickText(language, error.message.zh, error.message.en)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
