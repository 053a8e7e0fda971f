import { Alert, Button, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { errorMessage } from '../vault/error-message';
import { useCustodyLog } from './case-queries';
import { CustodyTable } from './CustodyTable';

/** The whole custody log of a case, fetched (and verified by core) only when asked for. */
export function CaseCustodyLog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const log = useCustodyLog(caseId, undefined, open);
  const queryClient = useQueryClient();
  // Titles of items the library has already loaded; an entry about another shows its id.
  const library = queryClient.getQueryData<ChannelOutput<'evidence:list'>>([
    'case',
    caseId,
    'evidence',
  ]);
  const titles = new Map(library?.items.map((item) => [item.id, item.title]));
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="xs"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        data-testid="show-custody-log"
        style={{ alignSelf: 'flex-start' }}
      >
        {open ? t('custodyLog.hide') : t('custodyLog.show')}
      </Button>
      {open && log.isError && <Alert color="red">{errorMessage(t, log.error)}</Alert>}
      {open && log.isSuccess && (
        <CustodyTable
          log={log.data}
          label={t('custodyLog.caseLabel')}
          quietWhenVerified
          describeSubject={(subject) => titles.get(subject.id)}
        />
      )}
    </Stack>
  );
}
