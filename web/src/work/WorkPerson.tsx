import { Typography } from 'antd';
import type { MyWorkItem } from './api';

/** Whom an item is about: the name, and the address under it; nothing for work on no one person. */
export function WorkPerson({ item }: { item: MyWorkItem }) {
  if (!item.person) return null;
  return (
    <div data-testid="my-work-person">
      <Typography.Text strong data-testid="my-work-person-name">
        {item.person.name}
      </Typography.Text>
      {item.person.address ? (
        <div>
          <Typography.Text type="secondary" data-testid="my-work-address">
            {item.person.address}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
