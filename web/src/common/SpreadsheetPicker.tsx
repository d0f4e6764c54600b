import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';

/** Every bulk import here takes the same two formats. */
export const SPREADSHEET_FILES = '.xlsx,.csv';

interface SpreadsheetPickerProps {
  file: File | null;
  onPick: (file: File | null) => void;
  disabled?: boolean;
  pickLabel: string;
  noFileLabel: string;
  /** Prefix of the test ids: `<prefix>-file-input`, `<prefix>-pick`, `<prefix>-file-name`. */
  testIdPrefix: string;
}

/** A button that opens the file chooser for a .xlsx/.csv file, and the chosen file's name. */
export function SpreadsheetPicker({
  file,
  onPick,
  disabled,
  pickLabel,
  noFileLabel,
  testIdPrefix,
}: SpreadsheetPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={SPREADSHEET_FILES}
        hidden
        data-testid={`${testIdPrefix}-file-input`}
        onChange={(event) => onPick(event.target.files?.[0] ?? null)}
      />
      <Flex wrap gap={8} align="center">
        <Button
          icon={<FileExcelOutlined />}
          onClick={() => input.current?.click()}
          disabled={disabled}
          data-testid={`${testIdPrefix}-pick`}
        >
          {pickLabel}
        </Button>
        <Typography.Text data-testid={`${testIdPrefix}-file-name`}>
          {file ? file.name : noFileLabel}
        </Typography.Text>
      </Flex>
    </>
  );
}
