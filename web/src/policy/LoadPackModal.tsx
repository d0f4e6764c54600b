import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, type GetRef, Input, Modal, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { loadPack, packErrorsOf, policyKeys } from './api';
import { PackErrors } from './PackErrors';

/** The API accepts up to 256 KiB of YAML. */
const MAX_CHARS = 256 * 1024;

/** Selects line `line` (1-based) of a text area and scrolls it into view, a few lines from the top. */
function selectLine(element: HTMLTextAreaElement, line: number) {
  const lines = element.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  element.focus();
  element.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 18;
  element.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/** Loads a new pack version from pasted or uploaded YAML; a refused pack lists its errors by path. */
export function LoadPackModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const textArea = useRef<GetRef<typeof Input.TextArea>>(null);
  const mutation = useMutation({
    mutationFn: loadPack,
    onSuccess: (pack) => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.packs });
      message.success(t('policy.load.loaded', { id: pack.id, version: pack.version }));
      setText('');
      onClose();
    },
  });
  const errors = packErrorsOf(mutation.error);
  return (
    <Modal
      open={open}
      title={t('policy.load.title')}
      onCancel={onClose}
      onOk={() => mutation.mutate(text)}
      okText={t('policy.load.submit')}
      okButtonProps={{
        disabled: text.trim() === '',
        loading: mutation.isPending,
        ...testId('load-pack-submit'),
      }}
      width={760}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="load-pack">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('policy.load.hint')}
        </Typography.Paragraph>
        <Upload
          accept=".yaml,.yml,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((content) => {
              setText(content);
              mutation.reset();
            });
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="load-pack-file">
            {t('policy.load.upload')}
          </Button>
        </Upload>
        <Input.TextArea
          ref={textArea}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (mutation.error) mutation.reset();
          }}
          placeholder={t('policy.load.placeholder')}
          maxLength={MAX_CHARS}
          autoSize={{ minRows: 10, maxRows: 20 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          data-testid="load-pack-text"
        />
        {errors.length > 0 ? (
          <PackErrors
            errors={errors}
            onShowLine={(line) => {
              const element = textArea.current?.resizableTextArea?.textArea;
              if (element) selectLine(element, line);
            }}
          />
        ) : mutation.error ? (
          <ProblemAlert error={mutation.error} />
        ) : null}
      </Space>
    </Modal>
  );
}
