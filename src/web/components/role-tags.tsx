import { Tag } from '@digdir/designsystemet-react';
import { useT, type MessageKey } from '../i18n';

export function RoleTags({ roles }: { roles: string[] }) {
  const t = useT();
  return (
    <span className="row">
      {roles.map((role) => (
        <Tag key={role} data-color="neutral" data-size="sm">
          {t(`role.${role}` as MessageKey)}
        </Tag>
      ))}
    </span>
  );
}
